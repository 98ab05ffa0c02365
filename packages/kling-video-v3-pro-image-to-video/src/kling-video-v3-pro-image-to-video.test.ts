import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingVideoV3ProImageToVideo, RED_CIRCLE_PNG } from './kling-video-v3-pro-image-to-video.generator';

describeSnapshotCheck(klingVideoV3ProImageToVideo, __dirname);

runConformanceSuite(klingVideoV3ProImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'start_image_url' },
    { input: { start_image_url: RED_CIRCLE_PNG }, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', start_image_url: RED_CIRCLE_PNG, duration: 'not-a-value' }, field: 'duration' },
  ],
});

describe('kling-video-v3-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'kling-video-v3-pro-image-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', start_image_url: RED_CIRCLE_PNG };
    const { artifacts } = await klingVideoV3ProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling-video/v3/pro/image-to-video');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      start_image_url: expect.stringMatching(/^https?:\/\//),
      cfg_scale: 0.5,
      duration: '5',
      generate_audio: true,
      negative_prompt: 'blur, distort, and low quality',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(klingVideoV3ProImageToVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
  });
});

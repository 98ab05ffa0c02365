import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingVideoV26ProImageToVideo, RED_CIRCLE_PNG } from './kling-video-v2-6-pro-image-to-video.generator';

describeSnapshotCheck(klingVideoV26ProImageToVideo, __dirname);

runConformanceSuite(klingVideoV26ProImageToVideo, {
  invalidInputs: [
    { input: { start_image_url: RED_CIRCLE_PNG }, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', start_image_url: RED_CIRCLE_PNG, duration: 'not-a-value' }, field: 'duration' },
  ],
});

describe('kling-video-v2-6-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'kling-video-v2-6-pro-image-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', start_image_url: RED_CIRCLE_PNG };
    const { artifacts } = await klingVideoV26ProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling-video/v2.6/pro/image-to-video');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      start_image_url: expect.stringMatching(/^https?:\/\//),
      duration: '5',
      generate_audio: true,
      negative_prompt: 'blur, distort, and low quality',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(klingVideoV26ProImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 700_000 });
  });

  it.each([
    [{ duration: '10' }, 700_000],
    [{ generate_audio: true }, 700_000],
    [{ duration: '10', generate_audio: true }, 1_400_000],
  ])('prices %j from the input sent', (extra, micros) => {
    expect(klingVideoV26ProImageToVideo.estimateCost({ ...klingVideoV26ProImageToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(klingVideoV26ProImageToVideo.estimateCost(klingVideoV26ProImageToVideo.cheapestInput)).toMatchObject({ known: true, micros: 350_000 });
  });
});

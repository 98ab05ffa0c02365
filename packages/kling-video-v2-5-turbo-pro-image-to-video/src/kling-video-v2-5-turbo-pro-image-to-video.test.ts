import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingVideoV25TurboProImageToVideo, RED_CIRCLE_PNG } from './kling-video-v2-5-turbo-pro-image-to-video.generator';

describeSnapshotCheck(klingVideoV25TurboProImageToVideo, __dirname);

runConformanceSuite(klingVideoV25TurboProImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: 'not-a-value' }, field: 'duration' },
  ],
});

describe('kling-video-v2-5-turbo-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'kling-video-v2-5-turbo-pro-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await klingVideoV25TurboProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling-video/v2.5-turbo/pro/image-to-video');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      cfg_scale: 0.5,
      duration: '5',
      negative_prompt: 'blur, distort, and low quality',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(klingVideoV25TurboProImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 350_000 });
  });

  it.each([[{ duration: '10' }, 700_000]])('prices %j from the input sent', (extra, micros) => {
    expect(klingVideoV25TurboProImageToVideo.estimateCost({ ...klingVideoV25TurboProImageToVideo.cheapestInput, ...extra })).toMatchObject({
      known: true,
      micros,
    });
  });

  it('prices the cheapest live input', () => {
    expect(klingVideoV25TurboProImageToVideo.estimateCost(klingVideoV25TurboProImageToVideo.cheapestInput)).toMatchObject({ known: true, micros: 350_000 });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedanceV1ProImageToVideo, RED_CIRCLE_PNG } from './seedance-v1-pro-image-to-video.generator';

describeSnapshotCheck(seedanceV1ProImageToVideo, __dirname);

runConformanceSuite(seedanceV1ProImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('seedance-v1-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'seedance-v1-pro-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await seedanceV1ProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedance/v1/pro/image-to-video');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      aspect_ratio: 'auto',
      duration: '5',
      enable_safety_checker: true,
      resolution: '720p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    // aspect_ratio auto (the default) makes the frame size follow the image: not known before the call.
    expect(seedanceV1ProImageToVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('aspect_ratio auto') });
  });

  it.each([
    [{ resolution: '1080p', aspect_ratio: '16:9', duration: '5' }, 612_000],
    [{ resolution: '720p', aspect_ratio: '1:1', num_frames: 121 }, 272_250],
  ])('prices %j per video token of the input sent', (extra, micros) => {
    expect(seedanceV1ProImageToVideo.estimateCost({ ...seedanceV1ProImageToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    // 960x416 x 24 fps x 2 s / 1024 = 18,720 tokens at $2.5 a million.
    expect(seedanceV1ProImageToVideo.estimateCost(seedanceV1ProImageToVideo.cheapestInput)).toMatchObject({ known: true, micros: 46_800 });
  });
});

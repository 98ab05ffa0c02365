import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedanceV15ProImageToVideo, RED_CIRCLE_PNG } from './seedance-v1-5-pro-image-to-video.generator';

describeSnapshotCheck(seedanceV15ProImageToVideo, __dirname);

runConformanceSuite(seedanceV15ProImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('seedance-v1-5-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'seedance-v1-5-pro-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await seedanceV15ProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedance/v1.5/pro/image-to-video');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      duration: '5',
      enable_safety_checker: true,
      generate_audio: true,
      resolution: '720p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    // fal's own example: a 720p 5 s video with audio costs roughly $0.26 (1280x720 x 24 fps x 5 s / 1024 = 108,000 tokens at $2.4 a million).
    expect(seedanceV15ProImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 259_200 });
  });

  it.each([
    [{ generate_audio: true }, 92_160],
    [{ resolution: '720p', aspect_ratio: '4:3', duration: '8' }, 208_667],
  ])('prices %j per video token of the input sent', (extra, micros) => {
    expect(seedanceV15ProImageToVideo.estimateCost({ ...seedanceV15ProImageToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('does not guess the frame size when it follows the image (aspect_ratio auto)', () => {
    expect(seedanceV15ProImageToVideo.estimateCost({ ...seedanceV15ProImageToVideo.cheapestInput, aspect_ratio: 'auto' })).toEqual({
      known: false,
      reason: expect.stringContaining('aspect_ratio auto'),
    });
  });

  it('prices the cheapest live input', () => {
    // 640x640 x 24 fps x 4 s / 1024 = 38,400 tokens at $1.2 a million, without audio.
    expect(seedanceV15ProImageToVideo.estimateCost(seedanceV15ProImageToVideo.cheapestInput)).toMatchObject({ known: true, micros: 46_080 });
  });
});

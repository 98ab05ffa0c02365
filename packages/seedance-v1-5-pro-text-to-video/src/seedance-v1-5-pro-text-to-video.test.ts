import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedanceV15ProTextToVideo } from './seedance-v1-5-pro-text-to-video.generator';

describeSnapshotCheck(seedanceV15ProTextToVideo, __dirname);

runConformanceSuite(seedanceV15ProTextToVideo, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('seedance-v1-5-pro-text-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'seedance-v1-5-pro-text-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await seedanceV15ProTextToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedance/v1.5/pro/text-to-video');
    expect(submit?.body).toEqual({
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
    expect(seedanceV15ProTextToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 259_200 });
  });

  it.each([
    [{ generate_audio: true }, 92_160],
    [{ aspect_ratio: '16:9' }, 48_212],
    [{ resolution: '1080p', aspect_ratio: '9:16', duration: '12' }, 699_840],
  ])('prices %j per video token of the input sent', (extra, micros) => {
    expect(seedanceV15ProTextToVideo.estimateCost({ ...seedanceV15ProTextToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it.each([{ aspect_ratio: 'auto' }, { resolution: '1080p', aspect_ratio: '21:9' }])('does not guess the frame size of %j', (extra) => {
    expect(seedanceV15ProTextToVideo.estimateCost({ ...seedanceV15ProTextToVideo.cheapestInput, ...extra })).toEqual({
      known: false,
      reason: expect.stringContaining(`aspect_ratio ${extra.aspect_ratio}`),
    });
  });

  it('prices the cheapest live input', () => {
    // 640x640 x 24 fps x 4 s / 1024 = 38,400 tokens at $1.2 a million, without audio.
    expect(seedanceV15ProTextToVideo.estimateCost(seedanceV15ProTextToVideo.cheapestInput)).toMatchObject({ known: true, micros: 46_080 });
  });
});

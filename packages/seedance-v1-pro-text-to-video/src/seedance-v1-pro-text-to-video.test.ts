import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedanceV1ProTextToVideo } from './seedance-v1-pro-text-to-video.generator';

describeSnapshotCheck(seedanceV1ProTextToVideo, __dirname);

runConformanceSuite(seedanceV1ProTextToVideo, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('seedance-v1-pro-text-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'seedance-v1-pro-text-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await seedanceV1ProTextToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedance/v1/pro/text-to-video');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', aspect_ratio: '16:9', duration: '5', enable_safety_checker: true, resolution: '720p' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    // 1248x704 x 24 fps x 5 s / 1024 = 102,960 tokens at $2.5 a million.
    expect(seedanceV1ProTextToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 257_400 });
  });

  it.each([
    // fal's own example: a 1080p 5 s video costs roughly $0.62 (1920x1088 x 24 fps x 5 s / 1024 = 244,800 tokens).
    [{ resolution: '1080p', aspect_ratio: '16:9', duration: '5' }, 612_000],
    [{ aspect_ratio: '9:21', duration: '12' }, 280_800],
    [{ num_frames: 29 }, 28_275],
  ])('prices %j per video token of the input sent', (extra, micros) => {
    expect(seedanceV1ProTextToVideo.estimateCost({ ...seedanceV1ProTextToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    // 960x416 x 24 fps x 2 s / 1024 = 18,720 tokens at $2.5 a million.
    expect(seedanceV1ProTextToVideo.estimateCost(seedanceV1ProTextToVideo.cheapestInput)).toMatchObject({ known: true, micros: 46_800 });
  });
});

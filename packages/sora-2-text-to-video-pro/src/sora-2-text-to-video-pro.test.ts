import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { sora2TextToVideoPro } from './sora-2-text-to-video-pro.generator';

describeSnapshotCheck(sora2TextToVideoPro, __dirname);

runConformanceSuite(sora2TextToVideoPro, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('sora-2-text-to-video-pro mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'sora-2-text-to-video-pro', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await sora2TextToVideoPro.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/sora-2/text-to-video/pro');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', aspect_ratio: '16:9', delete_video: true, duration: '4', resolution: '1080p' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(sora2TextToVideoPro.estimateCost(input)).toMatchObject({ known: true, micros: 2_000_000 });
  });

  it.each([
    [{ duration: '8' }, 2_400_000],
    [{ resolution: '1080p' }, 2_000_000],
    [{ duration: '20', resolution: '1080p' }, 10_000_000],
  ])('prices %j from the input sent', (extra, micros) => {
    expect(sora2TextToVideoPro.estimateCost({ ...sora2TextToVideoPro.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(sora2TextToVideoPro.estimateCost(sora2TextToVideoPro.cheapestInput)).toMatchObject({ known: true, micros: 1_200_000 });
  });

  it('prices true_1080p as unknown: fal publishes no price for it', () => {
    expect(sora2TextToVideoPro.estimateCost({ prompt: 'waves', resolution: 'true_1080p' })).toMatchObject({
      known: false,
      reason: expect.stringContaining('true_1080p'),
    });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { veo31 } from './veo3-1.generator';

describeSnapshotCheck(veo31, __dirname);

runConformanceSuite(veo31, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('veo3-1 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'veo3-1', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await veo31.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/veo3.1');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      auto_fix: true,
      duration: '8s',
      generate_audio: true,
      resolution: '720p',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(veo31.estimateCost(input)).toMatchObject({ known: true, micros: 3_200_000 });
  });

  it.each([
    [{ duration: '8s' }, 1_600_000],
    [{ generate_audio: true }, 1_600_000],
    [{ duration: '6s', resolution: '1080p' }, 1_200_000],
  ])('prices %j from the input sent', (extra, micros) => {
    expect(veo31.estimateCost({ ...veo31.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(veo31.estimateCost(veo31.cheapestInput)).toMatchObject({ known: true, micros: 800_000 });
  });
});

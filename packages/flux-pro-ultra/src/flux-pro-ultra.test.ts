import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { fluxProUltra } from './flux-pro-ultra.generator';

describeSnapshotCheck(fluxProUltra, __dirname);

runConformanceSuite(fluxProUltra, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { prompt: 'a red circle on a white background', output_format: 'not-a-value' }, field: 'output_format' },
  ],
});

describe('flux-pro-ultra mapping', () => {
  const emulator = useEmulator();

  it('submits the input to the fal queue and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-pro-ultra', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await fluxProUltra.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-pro/v1.1-ultra');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      aspect_ratio: '16:9',
      image_prompt_strength: 0.1,
      output_format: 'jpeg',
      safety_tolerance: '2',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(fluxProUltra.estimateCost(input)).toMatchObject({ known: true, micros: 120_000 });
  });
});

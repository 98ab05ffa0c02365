import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { fluxSchnell } from './flux-schnell.generator';

describeSnapshotCheck(fluxSchnell, __dirname);

runConformanceSuite(fluxSchnell, {
  invalidInputs: [
    { input: { num_outputs: 1 }, field: 'prompt' },
    { input: { prompt: 'a cat', num_outputs: 0 }, field: 'num_outputs' },
    { input: { prompt: 'a cat', num_outputs: 5 }, field: 'num_outputs' },
    { input: { prompt: 'a cat', num_inference_steps: 8 }, field: 'num_inference_steps' },
    { input: { prompt: 'a cat', megapixels: '2' }, field: 'megapixels' },
  ],
});

describe('flux-schnell mapping', () => {
  const emulator = useEmulator();

  it('creates one prediction for all outputs and stores every image at the aspect ratio, billed per image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-schnell', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_outputs: 3, aspect_ratio: '16:9', seed: 7 };
    const { artifacts, providerJobId } = await fluxSchnell.generate(input, ctx);
    const creates = emulator.current.requestsFor('replicate').filter((r) => r.operation === 'submit');
    expect(creates).toHaveLength(1);
    expect(creates[0].path).toBe('/replicate/v1/models/black-forest-labs/flux-schnell/predictions');
    expect(creates[0].body).toEqual({ input: { prompt: 'a lighthouse at dusk', num_outputs: 3, aspect_ratio: '16:9', seed: 7, output_format: 'png' } });
    expect(artifacts).toHaveLength(3);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType === 'image/png' && a.width > a.height)).toBe(true);
    expect(providerJobId).toEqual(ctx.providerJobs[0].jobId);
    expect(fluxSchnell.estimateCost(input)).toMatchObject({ known: true, micros: 9_000 });
  });

  it('prices the cheapest input (one image) at $0.003', () => {
    expect(fluxSchnell.estimateCost(fluxSchnell.cheapestInput)).toMatchObject({ known: true, micros: 3_000 });
  });
});

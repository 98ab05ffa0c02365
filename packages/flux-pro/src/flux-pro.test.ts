import { runConformanceSuite, createTestContext, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { fluxPro } from './flux-pro.generator';

describeSnapshotCheck(fluxPro, __dirname);

runConformanceSuite(fluxPro, {
  invalidInputs: [
    { input: { aspect_ratio: '1:1' }, field: 'prompt' },
    { input: { prompt: 'x', aspect_ratio: '7:3' }, field: 'aspect_ratio' },
    { input: { prompt: 'x', aspect_ratio: 'custom', width: 1000, height: 512 }, field: 'width' },
    { input: { prompt: 'x', steps: 0 }, field: 'steps' },
  ],
});

describe('flux-pro mapping', () => {
  const emulator = useEmulator();

  it('sends the model input to the model endpoint with Prefer: wait and stores a PNG of the requested size', async () => {
    const ctx = createTestContext({ generatorId: 'flux-pro', settings: emulator.settings });
    const { artifacts, providerJobId } = await fluxPro.generate({ prompt: 'a lighthouse', aspect_ratio: 'custom', width: 512, height: 768, seed: 7 }, ctx);
    const create = emulator.current.requestsFor('replicate').find((r) => r.operation === 'submit');
    expect(create?.path).toBe('/replicate/v1/models/black-forest-labs/flux-pro/predictions');
    expect(create?.headers.prefer).toMatch(/^wait/);
    expect(create?.body).toEqual({ input: { prompt: 'a lighthouse', aspect_ratio: 'custom', width: 512, height: 768, seed: 7, output_format: 'png' } });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', mimeType: 'image/png', width: 512, height: 768 })]);
    expect(providerJobId).toEqual(ctx.providerJobs[0].jobId);
  });
});

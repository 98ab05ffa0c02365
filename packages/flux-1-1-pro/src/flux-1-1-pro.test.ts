import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { flux11Pro } from './flux-1-1-pro.generator';

describeSnapshotCheck(flux11Pro, __dirname);

runConformanceSuite(flux11Pro, {
  invalidInputs: [
    { input: { aspect_ratio: '1:1' }, field: 'prompt' },
    { input: { prompt: 'x', aspect_ratio: '21:9' }, field: 'aspect_ratio' },
    { input: { prompt: 'x', aspect_ratio: 'custom', width: 1000, height: 512 }, field: 'width' },
    { input: { prompt: 'x', aspect_ratio: 'custom', width: 512 }, field: 'height' },
    { input: { prompt: 'x', width: 512 }, field: 'width' },
    { input: { prompt: 'x', safety_tolerance: 7 }, field: 'safety_tolerance' },
    { input: { prompt: 'x', output_format: 'gif' }, field: 'output_format' },
    { input: { prompt: 'x', image_prompt: 'in.png' }, field: 'image_prompt' },
  ],
});

describe('flux-1-1-pro mapping', () => {
  const emulator = useEmulator();

  it('sends the model input to the model endpoint with Prefer: wait and stores a PNG of the requested size', async () => {
    const ctx = createTestContext({ generatorId: 'flux-1-1-pro', settings: emulator.settings });
    const { artifacts, providerJobId } = await flux11Pro.generate({ prompt: 'a lighthouse', aspect_ratio: 'custom', width: 512, height: 768, seed: 7 }, ctx);
    const create = emulator.current.requestsFor('replicate').find((r) => r.operation === 'submit');
    expect(create?.path).toBe('/replicate/v1/models/black-forest-labs/flux-1.1-pro/predictions');
    expect(create?.headers.prefer).toMatch(/^wait/);
    expect(create?.body).toEqual({ input: { prompt: 'a lighthouse', aspect_ratio: 'custom', width: 512, height: 768, seed: 7, output_format: 'png' } });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', mimeType: 'image/png', width: 512, height: 768 })]);
    expect(providerJobId).toEqual(ctx.providerJobs[0].jobId);
  });

  it('counts one image at an unknown rate: never a guess', () => {
    expect(flux11Pro.estimateCost(flux11Pro.cheapestInput)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { flux2Pro } from './flux-2-pro.generator';

describeSnapshotCheck(flux2Pro, __dirname);

runConformanceSuite(flux2Pro, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', output_format: 'not-a-value' }, field: 'output_format' },
  ],
});

describe('flux-2-pro mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-2-pro', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await flux2Pro.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-2-pro');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      enable_safety_checker: true,
      image_size: 'landscape_4_3',
      output_format: 'jpeg',
      safety_tolerance: '2',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(flux2Pro.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per megapixel is unknown') });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { flux2 } from './flux-2.generator';

describeSnapshotCheck(flux2, __dirname);

runConformanceSuite(flux2, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { prompt: 'a red circle on a white background', acceleration: 'not-a-value' }, field: 'acceleration' },
  ],
});

describe('flux-2 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-2', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await flux2.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-2');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      acceleration: 'regular',
      enable_safety_checker: true,
      guidance_scale: 2.5,
      image_size: 'landscape_4_3',
      num_inference_steps: 28,
      output_format: 'png',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(flux2.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per megapixel is unknown') });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { flux2Edit, RED_CIRCLE_PNG } from './flux-2-edit.generator';

describeSnapshotCheck(flux2Edit, __dirname);

runConformanceSuite(flux2Edit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', acceleration: 'not-a-value' }, field: 'acceleration' },
  ],
});

describe('flux-2-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-2-edit', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk', num_images: 2, image_size: 'landscape_4_3' };
    const { artifacts } = await flux2Edit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-2/edit');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      image_size: 'landscape_4_3',
      acceleration: 'regular',
      enable_safety_checker: true,
      guidance_scale: 2.5,
      num_inference_steps: 28,
      output_format: 'png',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(flux2Edit.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per megapixel is unknown') });
  });
});

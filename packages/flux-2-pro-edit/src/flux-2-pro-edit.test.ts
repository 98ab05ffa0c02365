import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { flux2ProEdit, RED_CIRCLE_PNG } from './flux-2-pro-edit.generator';

describeSnapshotCheck(flux2ProEdit, __dirname);

runConformanceSuite(flux2ProEdit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', output_format: 'not-a-value' }, field: 'output_format' },
  ],
});

describe('flux-2-pro-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-2-pro-edit', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk' };
    const { artifacts } = await flux2ProEdit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-2-pro/edit');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      enable_safety_checker: true,
      image_size: 'auto',
      output_format: 'jpeg',
      safety_tolerance: '2',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(flux2ProEdit.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('image_size auto') });
  });

  it('counts the megapixels of a preset size, at a price still unknown', () => {
    const estimate = flux2ProEdit.estimateCost({ image_urls: [RED_CIRCLE_PNG], prompt: 'a cat', image_size: 'square_hd' });
    expect(estimate).toEqual({ known: false, reason: expect.stringContaining('the price per megapixel is unknown') });
  });
});

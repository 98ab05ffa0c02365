import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { nanoBananaProEdit, RED_CIRCLE_PNG } from './nano-banana-pro-edit.generator';

describeSnapshotCheck(nanoBananaProEdit, __dirname);

runConformanceSuite(nanoBananaProEdit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('nano-banana-pro-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'nano-banana-pro-edit', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await nanoBananaProEdit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/nano-banana-pro/edit');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      aspect_ratio: 'auto',
      output_format: 'png',
      resolution: '1K',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(nanoBananaProEdit.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});

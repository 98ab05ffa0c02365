import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { nanoBananaPro } from './nano-banana-pro.generator';

describeSnapshotCheck(nanoBananaPro, __dirname);

runConformanceSuite(nanoBananaPro, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('nano-banana-pro mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'nano-banana-pro', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await nanoBananaPro.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/nano-banana-pro');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      aspect_ratio: '1:1',
      output_format: 'png',
      resolution: '1K',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(nanoBananaPro.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});

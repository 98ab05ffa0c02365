import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { nanoBanana2 } from './nano-banana-2.generator';

describeSnapshotCheck(nanoBanana2, __dirname);

runConformanceSuite(nanoBanana2, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('nano-banana-2 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'nano-banana-2', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await nanoBanana2.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/nano-banana-2');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      aspect_ratio: 'auto',
      limit_generations: true,
      output_format: 'png',
      resolution: '1K',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(nanoBanana2.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});

import { runConformanceSuite, createTestContext, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { nanoBanana } from './nano-banana.generator';

describeSnapshotCheck(nanoBanana, __dirname);

runConformanceSuite(nanoBanana, {
  invalidInputs: [
    { input: { num_images: 1 }, field: 'prompt' },
    { input: { prompt: 'a cat', num_images: 0 }, field: 'num_images' },
    { input: { prompt: 'a cat', num_images: 5 }, field: 'num_images' },
    { input: { prompt: 'a cat', aspect_ratio: '2:1' }, field: 'aspect_ratio' },
  ],
});

describe('nano-banana mapping', () => {
  const emulator = useEmulator();

  it('submits to the fal queue and stores every image, priced per image', async () => {
    const ctx = createTestContext({ generatorId: 'nano-banana', settings: emulator.settings });
    const input = { prompt: 'two pears', num_images: 2, aspect_ratio: '16:9' };
    const { artifacts } = await nanoBanana.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/nano-banana');
    expect(submit?.body).toEqual({ prompt: 'two pears', num_images: 2, aspect_ratio: '16:9', output_format: 'png' });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType === 'image/png')).toBe(true);
    expect(nanoBanana.estimateCost(input)).toMatchObject({ known: true, micros: 78_000 });
    expect(ctx.actualCosts).toEqual([
      expect.objectContaining({ reported: 'billable_units=2', micros: 78_000, source: 'derived', basis: '2 image (x-fal-billable-units) x $0.039' }),
    ]);
  });
});

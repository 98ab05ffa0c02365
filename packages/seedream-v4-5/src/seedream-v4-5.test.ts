import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedreamV45 } from './seedream-v4-5.generator';

describeSnapshotCheck(seedreamV45, __dirname);

runConformanceSuite(seedreamV45, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
  ],
});

describe('seedream-v4-5 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to the fal queue and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'seedream-v4-5', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await seedreamV45.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedream/v4.5/text-to-image');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', num_images: 2, enable_safety_checker: true, max_images: 1 });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(seedreamV45.estimateCost(input)).toMatchObject({ known: true, micros: 80_000 });
  });
});

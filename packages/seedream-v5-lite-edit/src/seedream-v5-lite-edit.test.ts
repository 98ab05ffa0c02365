import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedreamV5LiteEdit, RED_CIRCLE_PNG } from './seedream-v5-lite-edit.generator';

describeSnapshotCheck(seedreamV5LiteEdit, __dirname);

runConformanceSuite(seedreamV5LiteEdit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', max_images: 7 }, field: 'max_images' },
    { input: { image_urls: Array(11).fill(RED_CIRCLE_PNG), prompt: 'a red circle on a white background' }, field: 'image_urls' },
  ],
});

describe('seedream-v5-lite-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'seedream-v5-lite-edit', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await seedreamV5LiteEdit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedream/v5/lite/edit');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      enable_safety_checker: true,
      image_size: 'auto_2K',
      max_images: 1,
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(seedreamV5LiteEdit.estimateCost(input)).toMatchObject({ known: true, micros: 70_000 });
  });

  it.each([
    [{}, 35_000],
    [{ num_images: 2, max_images: 3 }, 210_000],
  ])('prices %j at every image it may return', (extra, micros) => {
    expect(seedreamV5LiteEdit.estimateCost({ ...seedreamV5LiteEdit.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });
});

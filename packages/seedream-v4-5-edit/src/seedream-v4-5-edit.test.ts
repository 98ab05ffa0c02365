import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { seedreamV45Edit, RED_CIRCLE_PNG } from './seedream-v4-5-edit.generator';

describeSnapshotCheck(seedreamV45Edit, __dirname);

runConformanceSuite(seedreamV45Edit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', max_images: 7 }, field: 'max_images' },
    { input: { image_urls: Array(11).fill(RED_CIRCLE_PNG), prompt: 'a red circle on a white background' }, field: 'image_urls' },
  ],
});

describe('seedream-v4-5-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'seedream-v4-5-edit', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await seedreamV45Edit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bytedance/seedream/v4.5/edit');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      enable_safety_checker: true,
      max_images: 1,
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(seedreamV45Edit.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});

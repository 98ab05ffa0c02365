import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { qwenImageEdit, RED_CIRCLE_PNG } from './qwen-image-edit.generator';

describeSnapshotCheck(qwenImageEdit, __dirname);

runConformanceSuite(qwenImageEdit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', acceleration: 'not-a-value' }, field: 'acceleration' },
  ],
});

describe('qwen-image-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'qwen-image-edit', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk', num_images: 2, image_size: 'landscape_4_3' };
    const { artifacts } = await qwenImageEdit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/qwen-image-edit');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      image_size: 'landscape_4_3',
      acceleration: 'regular',
      enable_safety_checker: true,
      guidance_scale: 4,
      negative_prompt: ' ',
      num_inference_steps: 30,
      output_format: 'png',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(qwenImageEdit.estimateCost(input)).toMatchObject({ known: true, micros: 60_000 });
  });

  it('says the cost is unknown, never $0, when the output takes the size of the input image', () => {
    const estimate = qwenImageEdit.estimateCost({ image_url: RED_CIRCLE_PNG, prompt: 'a cat' });
    expect(estimate).toEqual({ known: false, reason: expect.stringContaining('pass image_size') });
  });
});

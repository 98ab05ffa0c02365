import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { qwenImage } from './qwen-image.generator';

describeSnapshotCheck(qwenImage, __dirname);

runConformanceSuite(qwenImage, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { prompt: 'a red circle on a white background', acceleration: 'not-a-value' }, field: 'acceleration' },
  ],
});

describe('qwen-image mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'qwen-image', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await qwenImage.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/qwen-image');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      acceleration: 'none',
      enable_safety_checker: true,
      guidance_scale: 2.5,
      image_size: 'landscape_4_3',
      negative_prompt: ' ',
      num_inference_steps: 30,
      output_format: 'png',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(qwenImage.estimateCost(input)).toMatchObject({ known: true, micros: 40_000 });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { qwenImage2ProEdit, RED_CIRCLE_PNG } from './qwen-image-2-pro-edit.generator';

describeSnapshotCheck(qwenImage2ProEdit, __dirname);

runConformanceSuite(qwenImage2ProEdit, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', output_format: 'not-a-value' }, field: 'output_format' },
    { input: { image_urls: Array(4).fill(RED_CIRCLE_PNG), prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'x'.repeat(801) }, field: 'prompt' },
  ],
});

describe('qwen-image-2-pro-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'qwen-image-2-pro-edit', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await qwenImage2ProEdit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/qwen-image-2/pro/edit');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      enable_prompt_expansion: true,
      enable_safety_checker: true,
      negative_prompt: '',
      output_format: 'png',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(qwenImage2ProEdit.estimateCost(input)).toMatchObject({ known: true, micros: 150_000 });
  });
});

import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { ideogramCharacterEdit, RED_CIRCLE_PNG } from './ideogram-character-edit.generator';

describeSnapshotCheck(ideogramCharacterEdit, __dirname);

runConformanceSuite(ideogramCharacterEdit, {
  invalidInputs: [
    { input: { mask_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', reference_image_urls: [RED_CIRCLE_PNG] }, field: 'image_url' },
    {
      input: {
        image_url: RED_CIRCLE_PNG,
        mask_url: RED_CIRCLE_PNG,
        prompt: 'a red circle on a white background',
        reference_image_urls: [RED_CIRCLE_PNG],
        num_images: 0,
      },
      field: 'num_images',
    },
    {
      input: {
        image_url: RED_CIRCLE_PNG,
        mask_url: RED_CIRCLE_PNG,
        prompt: 'a red circle on a white background',
        reference_image_urls: [RED_CIRCLE_PNG],
        rendering_speed: 'not-a-value',
      },
      field: 'rendering_speed',
    },
  ],
});

describe('ideogram-character-edit mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'ideogram-character-edit', settings: emulator.settings });
    const input = {
      image_url: RED_CIRCLE_PNG,
      mask_url: RED_CIRCLE_PNG,
      prompt: 'a lighthouse at dusk',
      reference_image_urls: [RED_CIRCLE_PNG],
      num_images: 2,
    };
    const { artifacts } = await ideogramCharacterEdit.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/ideogram/character/edit');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      mask_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      reference_image_urls: [expect.stringMatching(/^https?:\/\//)],
      num_images: 2,
      expand_prompt: true,
      rendering_speed: 'BALANCED',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(ideogramCharacterEdit.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});

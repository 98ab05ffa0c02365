import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { ideogramCharacter, RED_CIRCLE_PNG } from './ideogram-character.generator';

describeSnapshotCheck(ideogramCharacter, __dirname);

runConformanceSuite(ideogramCharacter, {
  invalidInputs: [
    { input: { reference_image_urls: [RED_CIRCLE_PNG] }, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', reference_image_urls: [RED_CIRCLE_PNG], num_images: 0 }, field: 'num_images' },
    {
      input: { prompt: 'a red circle on a white background', reference_image_urls: [RED_CIRCLE_PNG], rendering_speed: 'not-a-value' },
      field: 'rendering_speed',
    },
  ],
});

describe('ideogram-character mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'ideogram-character', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', reference_image_urls: [RED_CIRCLE_PNG], num_images: 2 };
    const { artifacts } = await ideogramCharacter.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/ideogram/character');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      reference_image_urls: [expect.stringMatching(/^https?:\/\//)],
      num_images: 2,
      expand_prompt: true,
      image_size: 'square_hd',
      negative_prompt: '',
      rendering_speed: 'BALANCED',
      style: 'AUTO',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(ideogramCharacter.estimateCost(input)).toMatchObject({ known: true, micros: 300_000 });
  });

  it.each([
    [{}, 100_000],
    [{ rendering_speed: 'BALANCED' }, 150_000],
    [{ rendering_speed: 'QUALITY', num_images: 2 }, 400_000],
  ])('prices %j at the rate of its rendering speed', (extra, micros) => {
    expect(ideogramCharacter.estimateCost({ ...ideogramCharacter.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });
});

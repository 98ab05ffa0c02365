import { InputValidationError, ModelRetiredError } from '@boards/core';
import { createTestContext, describeSnapshotCheck, liveSkipReason, useEmulator } from '@boards/testing';
import { gptImage15 } from './gpt-image-1-5.generator';

describeSnapshotCheck(gptImage15, __dirname);

// A retired generator cannot pass runConformanceSuite (it would have to generate): these are its own checks.
describe('gpt-image-1-5 (shut down by OpenAI on 2026-12-01)', () => {
  const emulator = useEmulator();

  it('fails fast with ModelRetiredError naming the successor, sending nothing', async () => {
    const ctx = createTestContext({ generatorId: 'gpt-image-1-5', settings: emulator.settings });
    await expect(gptImage15.generate({ prompt: '' }, ctx)).rejects.toMatchObject({
      code: 'MODEL_RETIRED',
      successor: 'gpt-image-2',
      message: 'gpt-image-1-5: model fal-ai/gpt-image-1.5 was retired by its provider on 2026-12-01; use gpt-image-2 instead',
    });
    await expect(gptImage15.generate(gptImage15.cheapestInput, ctx)).rejects.toBeInstanceOf(ModelRetiredError);
    expect(emulator.current.requests).toHaveLength(0);
    expect(liveSkipReason(gptImage15, { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBe('fal-ai/gpt-image-1.5 is retired 2026-12-01; use gpt-image-2');
  });

  it.each([
    [{ image_size: '1024x1024' }, 'prompt'],
    [{ prompt: 'a cat', quality: 'auto' }, 'quality'],
    [{ prompt: 'a cat', num_images: 5 }, 'num_images'],
  ])('still names the bad field of %j', (input, field) => {
    expect(() => gptImage15.parseInput(input)).toThrow(InputValidationError);
    expect(() => gptImage15.parseInput(input)).toThrow(new RegExp(`${field}: `));
  });

  it.each([
    ['low', '1024x1024', 1, 9_000],
    ['medium', '1024x1536', 1, 51_000],
    ['high', '1536x1024', 2, 398_000],
  ])('still estimates %s %s x%d from the last published price', (quality, image_size, num_images, micros) => {
    expect(gptImage15.estimateCost({ prompt: 'a cat', quality, image_size, num_images })).toMatchObject({ known: true, micros });
  });
});

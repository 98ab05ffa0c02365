import { InputValidationError, ModelRetiredError } from '@boards/core';
import { createTestContext, describeSnapshotCheck, liveSkipReason, useEmulator } from '@boards/testing';
import { gptImage1Mini } from './gpt-image-1-mini.generator';

describeSnapshotCheck(gptImage1Mini, __dirname);

// A retired generator cannot pass runConformanceSuite (it would have to generate): these are its own checks.
describe('gpt-image-1-mini (shut down by OpenAI on 2026-12-01)', () => {
  const emulator = useEmulator();

  it('fails fast with ModelRetiredError naming the successor, sending nothing', async () => {
    const ctx = createTestContext({ generatorId: 'gpt-image-1-mini', settings: emulator.settings });
    await expect(gptImage1Mini.generate({ prompt: '' }, ctx)).rejects.toMatchObject({
      code: 'MODEL_RETIRED',
      successor: 'gpt-image-2',
      message: 'gpt-image-1-mini: model fal-ai/gpt-image-1-mini was retired by its provider on 2026-12-01; use gpt-image-2 instead',
    });
    await expect(gptImage1Mini.generate(gptImage1Mini.cheapestInput, ctx)).rejects.toBeInstanceOf(ModelRetiredError);
    expect(emulator.current.requests).toHaveLength(0);
    expect(liveSkipReason(gptImage1Mini, { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBe(
      'fal-ai/gpt-image-1-mini is retired 2026-12-01; use gpt-image-2',
    );
  });

  it.each([
    [{ quality: 'low' }, 'prompt'],
    [{ prompt: 'a cat', image_size: '512x512' }, 'image_size'],
    [{ prompt: 'a cat', num_images: 0 }, 'num_images'],
  ])('still names the bad field of %j', (input, field) => {
    expect(() => gptImage1Mini.parseInput(input)).toThrow(InputValidationError);
    expect(() => gptImage1Mini.parseInput(input)).toThrow(new RegExp(`${field}: `));
  });

  it.each([
    ['low', '1024x1024', 1, 10_000],
    ['medium', '1536x1024', 1, 20_000],
    ['high', '1024x1024', 3, 110_000],
  ])('still estimates %s %s x%d from the last published price, each request rounded up to the cent', (quality, image_size, num_images, micros) => {
    expect(gptImage1Mini.estimateCost({ prompt: 'a cat', quality, image_size, num_images })).toMatchObject({ known: true, micros });
  });
});

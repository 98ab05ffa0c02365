import { InputValidationError, ModelRetiredError } from '@boards/core';
import { createTestContext, describeSnapshotCheck, liveSkipReason, useEmulator } from '@boards/testing';
import { gptImage15Edit, RED_CIRCLE_PNG } from './gpt-image-1-5-edit.generator';

describeSnapshotCheck(gptImage15Edit, __dirname);

// A retired generator cannot pass runConformanceSuite (it would have to generate): these are its own checks.
describe('gpt-image-1-5-edit (shut down by OpenAI on 2026-12-01)', () => {
  const emulator = useEmulator();

  it('fails fast with ModelRetiredError naming the successor, uploading and sending nothing', async () => {
    const ctx = createTestContext({ generatorId: 'gpt-image-1-5-edit', settings: emulator.settings });
    await expect(gptImage15Edit.generate({ prompt: '' }, ctx)).rejects.toMatchObject({
      code: 'MODEL_RETIRED',
      successor: 'gpt-image-2',
      message: 'gpt-image-1-5-edit: model fal-ai/gpt-image-1.5/edit was retired by its provider on 2026-12-01; use gpt-image-2 instead',
    });
    await expect(gptImage15Edit.generate(gptImage15Edit.cheapestInput, ctx)).rejects.toBeInstanceOf(ModelRetiredError);
    expect(emulator.current.requests).toHaveLength(0);
    expect(liveSkipReason(gptImage15Edit, { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBe(
      'fal-ai/gpt-image-1.5/edit is retired 2026-12-01; use gpt-image-2',
    );
  });

  it.each([
    [{ prompt: 'a cat' }, 'image_urls'],
    [{ image_urls: [RED_CIRCLE_PNG], prompt: 'a cat', quality: 'auto' }, 'quality'],
    [{ image_urls: [RED_CIRCLE_PNG], prompt: 'a cat', num_images: 5 }, 'num_images'],
  ])('still names the bad field of %j', (input, field) => {
    expect(() => gptImage15Edit.parseInput(input)).toThrow(InputValidationError);
    expect(() => gptImage15Edit.parseInput(input)).toThrow(new RegExp(`${field}: `));
  });

  it('has no price: fal stated none for it before the shutdown (never a guess, never $0)', () => {
    expect(gptImage15Edit.estimateCost(gptImage15Edit.cheapestInput)).toEqual({
      known: false,
      reason: expect.stringContaining('the price per image is unknown'),
    });
  });
});

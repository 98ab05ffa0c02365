import { InputValidationError, ModelRetiredError } from '@boards/core';
import { createTestContext, describeSnapshotCheck, liveSkipReason, useEmulator } from '@boards/testing';
import { gptImage1EditImage, RED_CIRCLE_PNG } from './gpt-image-1-edit-image.generator';

describeSnapshotCheck(gptImage1EditImage, __dirname);

// A retired generator cannot pass runConformanceSuite (it would have to generate): these are its own checks.
describe('gpt-image-1-edit-image (shut down by OpenAI on 2026-10-23)', () => {
  const emulator = useEmulator();

  it('fails fast with ModelRetiredError naming the successor, uploading and sending nothing', async () => {
    const ctx = createTestContext({ generatorId: 'gpt-image-1-edit-image', settings: emulator.settings });
    await expect(gptImage1EditImage.generate({ prompt: '' }, ctx)).rejects.toMatchObject({
      code: 'MODEL_RETIRED',
      successor: 'gpt-image-2',
      message: 'gpt-image-1-edit-image: model fal-ai/gpt-image-1/edit-image was retired by its provider on 2026-10-23; use gpt-image-2 instead',
    });
    await expect(gptImage1EditImage.generate(gptImage1EditImage.cheapestInput, ctx)).rejects.toBeInstanceOf(ModelRetiredError);
    expect(emulator.current.requests).toHaveLength(0);
    expect(liveSkipReason(gptImage1EditImage, { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBe(
      'fal-ai/gpt-image-1/edit-image is retired 2026-10-23; use gpt-image-2',
    );
  });

  it.each([
    [{ prompt: 'a cat' }, 'image_urls'],
    [{ prompt: 'a cat', image_urls: [] }, 'image_urls'],
    [{ image_urls: [RED_CIRCLE_PNG], prompt: 'a cat', input_fidelity: 'medium' }, 'input_fidelity'],
  ])('still names the bad field of %j', (input, field) => {
    expect(() => gptImage1EditImage.parseInput(input)).toThrow(InputValidationError);
    expect(() => gptImage1EditImage.parseInput(input)).toThrow(new RegExp(`${field}: `));
  });

  it.each([
    ['low', '1024x1024', 1, 20_000],
    ['medium', '1536x1024', 2, 130_000],
    ['high', '1024x1024', 1, 170_000],
  ])('still estimates %s %s x%d from the last published price, each request rounded up to the cent', (quality, image_size, num_images, micros) => {
    expect(gptImage1EditImage.estimateCost({ image_urls: [RED_CIRCLE_PNG], prompt: 'a cat', quality, image_size, num_images })).toMatchObject({
      known: true,
      micros,
    });
  });

  it('cannot estimate when the provider picks the quality or the size (their default, auto)', () => {
    expect(gptImage1EditImage.estimateCost({ image_urls: [RED_CIRCLE_PNG], prompt: 'a cat' })).toEqual({
      known: false,
      reason: expect.stringContaining('auto'),
    });
  });
});

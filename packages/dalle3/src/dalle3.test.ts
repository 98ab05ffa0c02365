import { InputValidationError, ModelRetiredError } from '@boards/core';
import { createTestContext, describeSnapshotCheck, liveSkipReason, useEmulator } from '@boards/testing';
import { dalle3 } from './dalle3.generator';

describeSnapshotCheck(dalle3, __dirname);

// A retired generator cannot pass runConformanceSuite (it would have to generate): these are its own checks.
describe('dalle3 (retired by OpenAI on 2026-05-12)', () => {
  const emulator = useEmulator();

  it('fails fast with ModelRetiredError naming the successor, sending nothing', async () => {
    const ctx = createTestContext({ generatorId: 'dalle3', settings: emulator.settings });
    await expect(dalle3.generate(dalle3.cheapestInput, ctx)).rejects.toBeInstanceOf(ModelRetiredError);
    await expect(dalle3.generate(dalle3.cheapestInput, ctx)).rejects.toMatchObject({
      code: 'MODEL_RETIRED',
      model: 'dall-e-3',
      successor: 'gpt-image-2',
      message: 'dalle3: model dall-e-3 was retired by its provider on 2026-05-12; use gpt-image-2 instead',
    });
    expect(emulator.current.requests).toHaveLength(0);
    expect(ctx.progressEvents).toEqual([]);
  });

  it('answers retired before it looks at the input', async () => {
    await expect(dalle3.generate({ prompt: '' }, createTestContext())).rejects.toBeInstanceOf(ModelRetiredError);
    expect(emulator.current.requests).toHaveLength(0);
  });

  it.each([
    [{ size: '1024x1024' }, 'prompt'],
    [{ prompt: 'a cat', size: '512x512' }, 'size'],
    [{ prompt: 'a cat', quality: 'ultra' }, 'quality'],
    [{ prompt: 'a cat', n: 2 }, 'n'],
  ])('still names the bad field in schema errors (%j -> %s)', (input, field) => {
    expect(() => dalle3.parseInput(input)).toThrow(InputValidationError);
    expect(() => dalle3.parseInput(input)).toThrow(new RegExp(`${field}: `));
  });

  it.each([
    ['standard', '1024x1024', 40_000],
    ['standard', '1792x1024', 80_000],
    ['hd', '1024x1024', 80_000],
    ['hd', '1024x1792', 120_000],
  ])('still estimates %s %s from the historical price', (quality, size, micros) => {
    expect(dalle3.estimateCost({ prompt: 'a cat', quality, size })).toMatchObject({ known: true, micros });
  });

  it('keeps a strict contract and its last price with unit, date and source', () => {
    expect(dalle3).toMatchObject({ id: 'dalle3', provider: 'openai', model: 'dall-e-3', artifactType: 'image' });
    expect(dalle3.price).toMatchObject({ usd: '0.04', unit: 'image', checkedOn: '2026-11-22', source: 'https://openai.com/api/pricing' });
    expect(() => dalle3.parseInput({ ...dalle3.cheapestInput, not_a_field_of_this_model: 1 })).toThrow(/not_a_field_of_this_model/);
  });

  it('has its live test skipped with the retirement as the reason', () => {
    expect(liveSkipReason(dalle3, { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBe('dall-e-3 is retired 2026-05-12; use gpt-image-2');
  });
});

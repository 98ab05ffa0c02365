import { validate } from './validate';

describe('validate: array lengths', () => {
  const rules = { urls: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } } } as const;

  it('accepts an array within minItems..maxItems', () => {
    expect(validate({ urls: ['a', 'b'] }, rules)).toEqual([]);
  });

  it('refuses too few and too many items in pydantic words', () => {
    expect(validate({ urls: [] }, rules)).toEqual([
      { path: ['urls'], msg: 'List should have at least 1 item after validation, not 0', type: 'too_short', ctx: { min_length: 1 } },
    ]);
    expect(validate({ urls: ['a', 'b', 'c'] }, rules)).toEqual([
      { path: ['urls'], msg: 'List should have at most 2 items after validation, not 3', type: 'too_long', ctx: { max_length: 2 } },
    ]);
  });
});

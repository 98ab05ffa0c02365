import { InvalidConfigError, isKnownPrice, type KnownPrice, type PriceUnit } from '@boards/core';
import { describePrice, priceMicros, shortPrice, unknownPrice } from './price';

const price = (usd: string, unit: PriceUnit = 'image'): KnownPrice => ({ usd, unit, checkedOn: '2026-11-22' });
const unverified = (unit?: PriceUnit) => unknownPrice({ reason: "fal's pages publish none", checkedOn: '2026-12-08', unit });

describe('priceMicros', () => {
  it.each([
    ['0.055', 55_000],
    ['0.003', 3_000],
    ['12', 12_000_000],
    ['0.000001', 1],
    [' 1.50 ', 1_500_000],
    ['0.0250000', 25_000],
  ])('reads $%s as %i micro-dollars', (usd, micros) => {
    expect(priceMicros(price(usd))).toBe(micros);
  });

  it('rejects a price finer than a micro-dollar instead of truncating it', () => {
    expect(() => priceMicros(price('0.0000005'))).toThrow(InvalidConfigError);
    expect(() => priceMicros(price('0.0000005'))).toThrow(/finer than a micro-dollar/);
  });

  it.each(['', 'abc', '-0.01', '$0.05', '1e-3', '.5'])('rejects %j', (usd) => {
    expect(() => priceMicros(price(usd))).toThrow(/^Invalid price\.usd/);
  });
});

describe('describePrice', () => {
  it('names amount, unit and check date', () => {
    expect(describePrice(price('0.055'))).toBe('$0.055 / image (checked 2026-11-22)');
    expect(describePrice(price('0.0025', 'second'))).toBe('$0.0025 / second (checked 2026-11-22)');
    expect(describePrice(price('3', '1k-characters'))).toBe('$3.00 / 1k-characters (checked 2026-11-22)');
    expect(shortPrice(price('0.055'))).toBe('$0.055 / image');
  });
});

describe('unknownPrice', () => {
  it('is a price that says unknown, with its reason, date and unit, and is never known', () => {
    const p = unknownPrice({ reason: ' none published ', checkedOn: '2026-12-08', source: 'https://fal.ai/models/x', unit: 'second' });
    expect(p).toEqual({ unknown: true, reason: 'none published', checkedOn: '2026-12-08', source: 'https://fal.ai/models/x', unit: 'second' });
    expect(isKnownPrice(p)).toBe(false);
    expect(isKnownPrice(price('0.05'))).toBe(true);
  });

  it('refuses an unknown price without a reason or a date, naming the field', () => {
    expect(() => unknownPrice({ reason: ' ', checkedOn: '2026-12-08' })).toThrow(/^Invalid price\.reason/);
    expect(() => unknownPrice({ reason: 'none', checkedOn: 'today' })).toThrow(/^Invalid price\.checkedOn/);
  });

  it('is shown as unknown with its reason, never as $0', () => {
    expect(shortPrice(unverified('second'))).toBe('unknown / second');
    expect(shortPrice(unverified())).toBe('unknown');
    expect(describePrice(unverified('megapixel'))).toBe("unknown / megapixel (checked 2026-12-08: fal's pages publish none)");
    expect(describePrice(unverified())).not.toMatch(/\$/);
  });
});

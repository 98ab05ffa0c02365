import { InvalidConfigError, type Price } from '@boards/core';
import { describePrice, priceMicros } from './price';

const price = (usd: string, unit: Price['unit'] = 'image'): Price => ({ usd, unit, checkedOn: '2026-11-22' });

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
  });
});

import type { CostEstimate, KnownPrice, PriceUnit } from '@boards/core';
import { estimateFromPrice, sumEstimates, unknownCost } from './estimate';
import { formatEstimate } from './format';
import { unknownPrice } from './price';
import { megapixels, seconds } from './units';

const price = (usd: string, unit: PriceUnit = 'image'): KnownPrice => ({ usd, unit, checkedOn: '2026-11-22' });
const micros = (e: CostEstimate) => (e.known ? e.micros : Number.NaN);

describe('estimateFromPrice', () => {
  it('multiplies a per-image price, keeping the rate it was made at (to price billed units later)', () => {
    expect(estimateFromPrice(price('0.039'), 2)).toEqual({ known: true, micros: 78_000, basis: '2 image x $0.039', rate: { unit: 'image', micros: 39_000 } });
  });

  it('prices megapixels, rounding the basis but not the money', () => {
    const estimate = estimateFromPrice(price('0.025', 'megapixel'), megapixels(1024, 1024));
    // 1.048576 MP x 25_000 µ$ = 26_214.4 µ$, rounded up.
    expect(estimate).toEqual({ known: true, micros: 26_215, basis: '1.05 megapixel x $0.025', rate: { unit: 'megapixel', micros: 25_000 } });
  });

  it('has no float drift: 1000 x $0.003 is exactly $3.00', () => {
    const estimate = estimateFromPrice(price('0.003'), 1000);
    expect(micros(estimate)).toBe(3_000_000);
    expect(formatEstimate(estimate)).toBe('$3.00');
  });

  it('does not turn 0.04 x 3 into an extra micro-dollar', () => {
    expect(micros(estimateFromPrice(price('0.04'), 3))).toBe(120_000);
  });

  it('rounds fractions up to the next micro-dollar', () => {
    expect(micros(estimateFromPrice(price('0.000001', 'second'), 0.5))).toBe(1);
    expect(micros(estimateFromPrice(price('0.000003', 'second'), 1.5))).toBe(5);
    expect(micros(estimateFromPrice(price('0.0001', 'second'), 2.00001))).toBe(201);
  });

  it('charges at least one micro-dollar for any paid quantity', () => {
    expect(micros(estimateFromPrice(price('0.000001', 'second'), 0.0001))).toBe(1);
  });

  it('is exactly $0 for zero units or a free price', () => {
    expect(micros(estimateFromPrice(price('0.05'), 0))).toBe(0);
    expect(micros(estimateFromPrice(price('0'), 4))).toBe(0);
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('is unknown, never $0, for quantity %p', (quantity) => {
    const estimate = estimateFromPrice(price('0.05'), quantity);
    expect(estimate.known).toBe(false);
    expect(formatEstimate(estimate)).toMatch(/^unknown \(quantity .* of image/);
  });

  it("is unknown at an unknown price, whatever the quantity, with the price's reason (never $0)", () => {
    const unverified = unknownPrice({ reason: 'no price on fal.ai', checkedOn: '2026-12-08', unit: 'second' });
    for (const quantity of [0, 4, Number.NaN]) {
      expect(estimateFromPrice(unverified, quantity)).toEqual({ known: false, reason: 'the price per second is unknown: no price on fal.ai' });
    }
    expect(formatEstimate(estimateFromPrice(unknownPrice({ reason: 'none', checkedOn: '2026-12-08' }), 1))).toBe('unknown (the price is unknown: none)');
  });

  it('shows small and fractional quantities readably', () => {
    expect(estimateFromPrice(price('0.01', 'second'), 5.5)).toMatchObject({ basis: '5.5 second x $0.01' });
    expect(estimateFromPrice(price('0.01', '1k-characters'), 0.123)).toMatchObject({ basis: '0.12 1k-characters x $0.01' });
  });
});

describe('megapixels', () => {
  it('is width x height / 1e6', () => {
    expect(megapixels(1000, 1000)).toBe(1);
    expect(megapixels(1920, 1080)).toBe(2.0736);
  });
});

describe('seconds', () => {
  it.each([
    [5, 5],
    ['5', 5],
    ['8s', 8],
    [' 2.5s ', 2.5],
  ] as const)('reads %j as %d seconds', (duration, expected) => {
    expect(seconds(duration)).toBe(expected);
  });

  it.each(['', 'auto', '5m', '-4s', '4 seconds'])('reads %j as NaN, which an estimate reports as unknown', (duration) => {
    expect(seconds(duration)).toBeNaN();
    expect(estimateFromPrice(price('0.1', 'second'), seconds(duration)).known).toBe(false);
  });

  it('prices a duration enum by its seconds', () => {
    expect(micros(estimateFromPrice(price('0.15', 'second'), seconds('4s')))).toBe(600_000);
  });
});

describe('unknownCost', () => {
  it('keeps the reason and is not known', () => {
    expect(unknownCost('no price for 4k')).toEqual({ known: false, reason: 'no price for 4k' });
    expect(unknownCost('  ')).toEqual({ known: false, reason: 'no reason given' });
  });
});

describe('sumEstimates', () => {
  it('sums without float drift: $0.1 + $0.2 is exactly $0.30', () => {
    const total = sumEstimates([estimateFromPrice(price('0.1'), 1), estimateFromPrice(price('0.2'), 1)]);
    expect(micros(total)).toBe(300_000);
    expect(formatEstimate(total)).toBe('$0.30');
  });

  it('sums ten $0.1 calls to exactly $1.00 and keeps each basis', () => {
    const total = sumEstimates(Array.from({ length: 10 }, () => estimateFromPrice(price('0.1'), 1)));
    expect(formatEstimate(total)).toBe('$1.00');
    expect(total).toMatchObject({ basis: expect.stringMatching(/^1 image x \$0\.10( \+ 1 image x \$0\.10){9}$/) });
  });

  it('stays unknown if any part is unknown, naming which', () => {
    const total = sumEstimates([estimateFromPrice(price('0.1'), 1), unknownCost('no duration'), unknownCost('4k not priced')]);
    expect(total).toEqual({ known: false, reason: '2 of 3 estimates unknown: #2 no duration; #3 4k not priced' });
  });

  it('keeps the rate of a single part; several prices have none to price billed units at', () => {
    expect(sumEstimates([estimateFromPrice(price('0.1'), 2)])).toMatchObject({ rate: { unit: 'image', micros: 100_000 } });
    expect(sumEstimates([estimateFromPrice(price('0.1'), 1), estimateFromPrice(price('0.005', '1k-tokens'), 0.2)])).not.toHaveProperty('rate');
  });

  it('is a known $0 for nothing', () => {
    expect(sumEstimates([])).toEqual({ known: true, micros: 0, basis: 'nothing to run' });
  });
});

import { formatUsd, multiply, sum, usd } from './money';

describe('money', () => {
  it('parses decimal dollars into whole micro-dollars', () => {
    expect(usd('0.055')).toBe(55_000);
    expect(usd('12')).toBe(12_000_000);
    expect(usd(0.1)).toBe(100_000);
    expect(() => usd('-1')).toThrow(/dollar amount/);
    expect(() => usd('abc')).toThrow(/dollar amount/);
  });

  it('sums without floating-point drift', () => {
    const tenCents = Array.from({ length: 3 }, () => usd('0.1'));
    expect(formatUsd(sum(tenCents))).toBe('0.30');
    expect(formatUsd(multiply(usd('0.003'), 1000))).toBe('3.00');
    expect(formatUsd(multiply(usd('0.04'), 3))).toBe('0.12');
  });

  it('rounds fractional quantities up to the next micro-dollar', () => {
    expect(multiply(usd('0.006'), 1 / 60)).toBe(100);
    expect(multiply(1, 0.5)).toBe(1);
    expect(() => multiply(1, -1)).toThrow(/quantity/);
  });

  it('formats with at least cents', () => {
    expect(formatUsd(55_000)).toBe('0.055');
    expect(formatUsd(1_000_000)).toBe('1.00');
    expect(formatUsd(1)).toBe('0.000001');
  });
});

import { median, millis, percentile, ratio, seconds } from './stats';
import { renderSections, table } from './markdown';

describe('bench statistics', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses a ratio it cannot compute honestly', () => {
    expect(ratio(30, 10)).toBe('3.0x');
    expect(ratio(1, 0)).toBe('n/a');
    expect(ratio(NaN, 2)).toBe('n/a');
  });

  it('formats durations', () => {
    expect(seconds(42)).toBe('0.042 s');
    expect(seconds(1234)).toBe('1.23 s');
    expect(seconds(64_100)).toBe('64.1 s');
    expect(millis(86.6)).toBe('87 ms');
  });
});

describe('bench markdown', () => {
  it('escapes pipes and aligns numeric columns', () => {
    expect(table(['a', 'b'], [['x|y', '1']], ['l', 'r'])).toBe('| a | b |\n|---|---:|\n| x\\|y | 1 |');
  });

  it('renders sections under one title', () => {
    expect(renderSections('T', 'intro', [{ title: 'S', body: 'body' }])).toBe('# T\n\nintro\n\n## S\n\nbody\n');
  });
});

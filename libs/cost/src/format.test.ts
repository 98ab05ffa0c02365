import { costLogLine, estimateUsd, formatEstimate, formatTotal } from './format';
import { unknownCost } from './estimate';

const known = (micros: number) => ({ known: true as const, micros, basis: 'test' });

describe('formatEstimate / estimateUsd', () => {
  it('formats known amounts', () => {
    expect(formatEstimate(known(39_000))).toBe('$0.039');
    expect(estimateUsd(known(39_000))).toBe('0.039');
    expect(estimateUsd(known(3_000_000))).toBe('3.00');
    expect(estimateUsd(known(0))).toBe('0.00');
  });

  it('never shows unknown as an amount', () => {
    expect(formatEstimate(unknownCost('no price'))).toBe('unknown (no price)');
    expect(estimateUsd(unknownCost('no price'))).toBeUndefined();
  });
});

describe('costLogLine', () => {
  it('has the exact greppable format', () => {
    expect(costLogLine('flux-pro', known(55_000))).toBe('live_api_test_cost generator=flux-pro estimated_cost_usd=0.055');
  });

  it('prints unknown, not 0, when the estimate is unknown', () => {
    expect(costLogLine('whisper', unknownCost('duration not known'))).toBe('live_api_test_cost generator=whisper estimated_cost_usd=unknown');
  });
});

describe('formatTotal', () => {
  it('sums known parts exactly', () => {
    expect(
      formatTotal([
        { id: 'a', estimate: known(100_000) },
        { id: 'b', estimate: known(200_000) },
      ]),
    ).toBe('$0.30');
    expect(formatTotal([])).toBe('$0.00');
  });

  it('keeps the known part and names the unknown ones, never counting them as $0', () => {
    const parts = [
      { id: 'a', estimate: known(100_000) },
      { id: 'flux-2', estimate: unknownCost('the price is unknown') },
      { id: 'veo', estimate: unknownCost('no price') },
    ];
    expect(formatTotal(parts)).toBe('$0.10 + unknown (flux-2, veo)');
  });
});

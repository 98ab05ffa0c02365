import { costLogLine, estimateUsd, formatEstimate } from './format';
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

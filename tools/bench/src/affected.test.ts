import type { CostEstimate } from '@boards/core';
import { spendRatio, usd } from './affected';

const known = (micros: number): CostEstimate => ({ known: true, micros, basis: 'test' });
const plan = (...estimates: Array<[string, CostEstimate]>) => ({
  generators: estimates.map(([id, estimate]) => ({ id, provider: 'fal', model: id, estimate, keyVariable: 'FAL_KEY', keyConfigured: true })),
});

describe('live spend selection', () => {
  it('prices a plan, naming the live tests whose cost is unknown instead of counting them as $0', () => {
    expect(usd(plan(['a', known(100_000)], ['b', known(50_000)]))).toBe('$0.15');
    expect(usd(plan(['a', known(100_000)], ['flux-2', { known: false, reason: 'the price per megapixel is unknown' }]))).toBe('$0.10 + unknown (flux-2)');
  });

  it('compares the known costs of every live test with the affected ones, and says how many are unknown', () => {
    const affected = plan(['a', known(100_000)]);
    expect(spendRatio(plan(['a', known(100_000)], ['b', known(300_000)]), affected)).toMatch(
      /^Running every live test would cost \*\*4\.0x\*\* .*\(1 of 2 generators selected\)\.$/,
    );
    const withUnknown = plan(['a', known(100_000)], ['b', known(300_000)], ['flux-2', { known: false, reason: 'unknown price' }]);
    expect(spendRatio(withUnknown, affected)).toMatch(
      /\*\*4\.0x\*\* .*\(1 of 3 generators selected; of the known costs: 1 live tests have an unknown cost\)\.$/,
    );
  });
});

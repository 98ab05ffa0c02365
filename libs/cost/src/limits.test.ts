import { budgetFromEnv } from './budget';
import { LOCK_WAIT_MS, STALE_LOCK_MS } from './dir-lock';

describe('limits that must hold together', () => {
  it('refuses an absurd budget instead of showing it rounded', () => {
    expect(() => budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '99999999999999999999' })).toThrow(
      /BOARDS_LIVE_BUDGET_USD: "99999999999999999999" is not a plausible budget: at most \$10000/,
    );
    expect(() => budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '10000.01' })).toThrow(/not a plausible budget/);
    expect(budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '10000' }).limitMicros).toBe(10_000_000_000);
  });

  it('gives a rehearsal (-c emulator) room for the whole catalogue by default, and honours a budget set for it like a real run', () => {
    expect(budgetFromEnv({})).toMatchObject({ limitMicros: 1_000_000, source: 'default 1.00' });
    expect(budgetFromEnv({}, { rehearsal: true })).toMatchObject({ limitMicros: 100_000_000, source: "rehearsal default 100; a real run's is 1.00" });
    expect(budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '0.50' }, { rehearsal: true })).toMatchObject({ limitMicros: 500_000, source: 'BOARDS_LIVE_BUDGET_USD' });
  });

  it('a lock waiter outlasts the stale-lock break, so a lock left by a killed process cannot make it give up', () => {
    expect(LOCK_WAIT_MS).toBeGreaterThan(STALE_LOCK_MS);
  });
});

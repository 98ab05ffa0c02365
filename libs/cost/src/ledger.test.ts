import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BudgetExceededError } from '@boards/core';
import { budgetFromEnv } from './budget';
import { RunLedger } from './ledger';

const known = (micros: number) => ({ known: true as const, micros, basis: 'test' });
const freshDir = () => mkdtempSync(join(tmpdir(), 'ledger-test-'));

describe('budget', () => {
  it('defaults to $1.00 and reads BOARDS_LIVE_BUDGET_USD', () => {
    expect(budgetFromEnv({})).toMatchObject({ limitMicros: 1_000_000, allowUnknown: false });
    expect(budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '0.25' }).limitMicros).toBe(250_000);
    expect(() => budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: 'lots' })).toThrow(/BOARDS_LIVE_BUDGET_USD/);
  });

  it('refuses unknown costs in a real run unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1', () => {
    expect(budgetFromEnv({}).allowUnknown).toBe(false);
    expect(budgetFromEnv({ BOARDS_LIVE_ALLOW_UNKNOWN_COST: 'yes' }).allowUnknown).toBe(false);
    expect(budgetFromEnv({ BOARDS_LIVE_ALLOW_UNKNOWN_COST: '1' }).allowUnknown).toBe(true);
  });

  it('allows unknown costs in a rehearsal, whatever its budget, unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=0', () => {
    expect(budgetFromEnv({}, { rehearsal: true }).allowUnknown).toBe(true);
    expect(budgetFromEnv({ BOARDS_LIVE_ALLOW_UNKNOWN_COST: '0' }, { rehearsal: true }).allowUnknown).toBe(false);
    expect(budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '1.00' }, { rehearsal: true }).allowUnknown).toBe(true);
    expect(budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '1.00', BOARDS_LIVE_ALLOW_UNKNOWN_COST: '0' }, { rehearsal: true }).allowUnknown).toBe(false);
    expect(budgetFromEnv({ BOARDS_LIVE_BUDGET_USD: '1.00', BOARDS_LIVE_ALLOW_UNKNOWN_COST: '1' }, { rehearsal: true }).allowUnknown).toBe(true);
  });
});

// Concurrent processes racing for the ledger: ledger.integration.test.ts.
describe('run ledger', () => {
  const budget = { limitMicros: 100_000, source: 'test', allowUnknown: false };

  it('reserves until the next call would cross the limit, then refuses with spent, requested and limit', async () => {
    const ledger = new RunLedger(freshDir());
    await ledger.reserve('a', known(60_000), budget, 'emulator');
    await ledger.reserve('b', known(40_000), budget, 'emulator');
    const error = await ledger.reserve('c', known(1), budget, 'emulator').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toContain('spent $0.10 + requested $0.000001 exceeds the limit $0.10');
    expect(ledger.reservedMicros()).toBe(100_000);
    expect(ledger.entries().map((e) => e.costLine)).toEqual([
      'live_api_test_cost generator=a estimated_cost_usd=0.06',
      'live_api_test_cost generator=b estimated_cost_usd=0.04',
    ]);
  });

  it('refuses to reserve on a torn ledger line, naming the file and the line', async () => {
    const dir = freshDir();
    const ledger = new RunLedger(dir);
    await ledger.reserve('a', known(10_000), budget, 'live');
    const file = join(dir, 'ledger.jsonl');
    appendFileSync(file, '{"generatorId":"b","mic');
    await expect(ledger.reserve('b', known(10_000), budget, 'live')).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringContaining(`${file} line 2 is not a JSON line`),
    });
  });

  it('refuses an unknown cost unless explicitly allowed', async () => {
    const ledger = new RunLedger(freshDir());
    const unknown = { known: false as const, reason: 'duration unknown' };
    await expect(ledger.reserve('u', unknown, budget, 'live')).rejects.toThrow(
      'Live budget refused u: the cost is unknown (duration unknown); set BOARDS_LIVE_ALLOW_UNKNOWN_COST=1 to allow it (spent $0.00 of the limit $0.10).',
    );
    expect((await ledger.reserve('u', unknown, { ...budget, allowUnknown: true }, 'live')).micros).toBeNull();
  });

  it('waits for a lock a live process holds without blocking the event loop, however old the lock', async () => {
    const dir = freshDir();
    const lock = join(dir, 'ledger.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() - 29_900 }));
    const seconds = (Date.now() - 29_900) / 1000;
    utimesSync(lock, seconds, seconds);
    const events: string[] = [];
    // The holder (this process's timer) lets go after 100 ms: a wait that blocks the thread never sees it.
    setTimeout(() => {
      events.push('released');
      rmSync(lock, { recursive: true, force: true });
    }, 100);
    await new RunLedger(dir).reserve('waiter', known(1), budget, 'emulator');
    events.push('reserved');
    expect(events).toEqual(['released', 'reserved']);
    expect(existsSync(lock)).toBe(false);
  });
});

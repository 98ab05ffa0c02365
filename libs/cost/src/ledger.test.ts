import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
});

describe('run ledger', () => {
  const budget = { limitMicros: 100_000, source: 'test', allowUnknown: false };

  it('reserves until the next call would cross the limit, then refuses with spent, requested and limit', () => {
    const ledger = new RunLedger(freshDir());
    ledger.reserve('a', known(60_000), budget, 'emulator');
    ledger.reserve('b', known(40_000), budget, 'emulator');
    const error = (() => {
      try {
        ledger.reserve('c', known(1), budget, 'emulator');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toContain('spent $0.10 + requested $0.000001 exceeds the limit $0.10');
    expect(ledger.reservedMicros()).toBe(100_000);
    expect(ledger.entries().map((e) => e.costLine)).toEqual([
      'live_api_test_cost generator=a estimated_cost_usd=0.06',
      'live_api_test_cost generator=b estimated_cost_usd=0.04',
    ]);
  });

  it('refuses an unknown cost unless explicitly allowed', () => {
    const ledger = new RunLedger(freshDir());
    const unknown = { known: false as const, reason: 'duration unknown' };
    expect(() => ledger.reserve('u', unknown, budget, 'live')).toThrow(/BOARDS_LIVE_ALLOW_UNKNOWN_COST=1/);
    expect(ledger.reserve('u', unknown, { ...budget, allowUnknown: true }, 'live').micros).toBeNull();
  });

  it('never lets concurrent processes reserve more than the budget', async () => {
    const dir = freshDir();
    const script = `
      const { RunLedger } = require(${JSON.stringify(join(__dirname, 'ledger.ts'))});
      const ledger = new RunLedger(process.argv[1]);
      let ok = 0;
      for (let i = 0; i < 25; i++) {
        try { ledger.reserve('p' + process.pid, { known: true, micros: 7, basis: 'race' }, { limitMicros: 500, source: 'race', allowUnknown: false }, 'emulator'); ok++; } catch {}
      }
      process.stdout.write(String(ok));
    `;
    const run = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', join(__dirname, '../../../tools/register-sources.js'), '-e', script, dir], { cwd: __dirname });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`child exited ${code}`))));
      });
    const granted = await Promise.all(Array.from({ length: 6 }, run));
    const ledger = new RunLedger(dir);
    // 6 x 25 attempts at 7 micro-dollars against 500: exactly 71 fit.
    expect(granted.reduce((a, b) => a + b, 0)).toBe(71);
    expect(ledger.entries()).toHaveLength(71);
    expect(ledger.reservedMicros()).toBeLessThanOrEqual(500);
  }, 60_000);
});

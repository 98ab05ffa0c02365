/**
 * The live gate's reservation path against the caps across runs: before each call, caps then
 * the run's budget; after it, the reservation settles at the cost the provider reported.
 * Emulator mode, so the accounting is the rehearsal namespace and nothing is billed.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineGenerator } from '@boards/core';
import { capLedgerFromEnv } from '@boards/cost';
import { describeLive } from './live';

const root = mkdtempSync(join(tmpdir(), 'live-caps-'));
// Jest gives each test file its own copy of process.env.
Object.assign(process.env, {
  BOARDS_LIVE_RUN: '1',
  BOARDS_EMULATOR: '1',
  BOARDS_LIVE_RUN_DIR: join(root, 'run'),
  BOARDS_LIVE_LEDGER_DIR: join(root, 'ledger'),
  BOARDS_LIVE_BUDGET_DAILY_USD: '0.05',
  BOARDS_LIVE_BUDGET_USD: '0.03',
});
delete process.env.BOARDS_LIVE_LEDGER_URL;
delete process.env.BOARDS_LIVE_BUDGET_MONTHLY_USD;

const generator = defineGenerator({
  id: 'caps-test',
  title: 't',
  description: 't',
  provider: 'fal',
  model: 'fal-ai/caps-test',
  artifactType: 'image',
  inputSchema: z.strictObject({}),
  price: { usd: '0.02', unit: 'image', checkedOn: '2026-11-22' },
  cheapestInput: {},
  estimateCost: () => ({ known: true, micros: 20_000, basis: '1 image' }),
  run: async (_input, ctx) => {
    ctx.reportActualCost({ micros: 15_000, reported: 'billable_units=1' });
    return { artifacts: [] };
  },
});

describeLive(generator, (live) => {
  it('reserves against the caps before each call, settles at the reported cost, and gives back what the run budget refused', async () => {
    const today = async () => (await capLedgerFromEnv({ namespace: 'rehearsal' }).summary()).day.spentUsd;
    await live.generate();
    expect(await today()).toBe('0.015');
    // The run's budget ($0.03) refuses the second $0.02 estimate: its cap reservation is given back.
    await expect(live.generate()).rejects.toThrow(/Raise BOARDS_LIVE_BUDGET_USD/);
    expect(await today()).toBe('0.015');
    process.env.BOARDS_LIVE_BUDGET_USD = '1.00';
    await live.generate();
    await live.generate();
    expect(await today()).toBe('0.045');
    await expect(live.generate()).rejects.toThrow(
      /spent \$0\.045 \+ requested \$0\.02 exceeds the limit \$0\.05 \(daily cap of .* rehearsal accounting of emulator runs\)\. Raise BOARDS_LIVE_BUDGET_DAILY_USD/,
    );
    // Emulator runs never touch the real caps.
    expect(existsSync(join(root, 'ledger', 'live'))).toBe(false);
  });
});

/**
 * A generator whose price is unknown, through the live gate: its estimate is unknown (never $0),
 * a rehearsal runs it whatever its budget, saying a real run would refuse it, and one told
 * BOARDS_LIVE_ALLOW_UNKNOWN_COST=0 refuses it as a real run does. Emulator mode: nothing is billed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BudgetExceededError, defineGenerator } from '@boards/core';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { describeLive } from './live';

const root = mkdtempSync(join(tmpdir(), 'live-unknown-'));
// Jest gives each test file its own copy of process.env.
Object.assign(process.env, {
  BOARDS_LIVE_RUN: '1',
  BOARDS_EMULATOR: '1',
  BOARDS_LIVE_RUN_DIR: join(root, 'run'),
  BOARDS_LIVE_LEDGER_DIR: join(root, 'ledger'),
});
for (const name of [
  'BOARDS_LIVE_BUDGET_USD',
  'BOARDS_LIVE_ALLOW_UNKNOWN_COST',
  'BOARDS_LIVE_LEDGER_URL',
  'BOARDS_LIVE_BUDGET_DAILY_USD',
  'BOARDS_LIVE_BUDGET_MONTHLY_USD',
]) {
  delete process.env[name];
}

const price = unknownPrice({ reason: 'fal publishes none for it', checkedOn: '2026-12-08', unit: 'second' });
let calls = 0;
const generator = defineGenerator({
  id: 'unknown-price-test',
  title: 't',
  description: 't',
  provider: 'fal',
  model: 'fal-ai/unknown-price-test',
  artifactType: 'video',
  inputSchema: z.strictObject({ duration: z.number().default(4) }),
  price,
  cheapestInput: {},
  estimateCost: (input) => estimateFromPrice(price, input.duration),
  run: async () => {
    calls += 1;
    return { artifacts: [] };
  },
});

/** What the live gate printed while `work` ran. */
async function printed(work: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  try {
    await work();
  } finally {
    write.mockRestore();
  }
  return lines.join('');
}

describeLive(generator, (live) => {
  afterEach(() => {
    delete process.env.BOARDS_LIVE_BUDGET_USD;
    delete process.env.BOARDS_LIVE_ALLOW_UNKNOWN_COST;
  });

  it("is refused, before anything is sent, by a run that rehearses a real run's refusal", async () => {
    process.env.BOARDS_LIVE_BUDGET_USD = '1.00';
    process.env.BOARDS_LIVE_ALLOW_UNKNOWN_COST = '0';
    const before = calls;
    const error = await live.generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toMatch(
      /the cost is unknown \(the price per second is unknown: fal publishes none for it\); set BOARDS_LIVE_ALLOW_UNKNOWN_COST=1/,
    );
    expect(calls).toBe(before);
  });

  it('runs with BOARDS_LIVE_ALLOW_UNKNOWN_COST=1, logging the cost as unknown, never 0', async () => {
    process.env.BOARDS_LIVE_BUDGET_USD = '1.00';
    process.env.BOARDS_LIVE_ALLOW_UNKNOWN_COST = '1';
    const before = calls;
    const out = await printed(() => live.generate());
    expect(out).toContain('live_api_test_cost generator=unknown-price-test estimated_cost_usd=unknown');
    expect(calls).toBe(before + 1);
  });

  it.each([
    ['its default budget', undefined],
    ["a real run's budget", '1.00'],
  ])('runs in a rehearsal on %s, saying a real run refuses it', async (_budget, budget) => {
    if (budget) process.env.BOARDS_LIVE_BUDGET_USD = budget;
    const out = await printed(() => live.generate());
    expect(out).toContain('estimated_cost_usd=unknown');
    expect(out).toContain(
      '[live] unknown-price-test: the cost is unknown (the price per second is unknown: fal publishes none for it): rehearsed here, refused by a real run unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1',
    );
  });
});

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CapLedger, renderCaps } from './cap-ledger';
import { capLedgerFromEnv } from './cap-ledger-from-env';
import { DirectoryCapStore } from './cap-store-dir';
import { capsFromEnv, ledgerDirFromEnv, periodsAt } from './caps';
import { RedisCapStore } from './cap-store-redis';
import { parseRedisUrl } from './redis-client';
import { createServer, type Server } from 'node:net';

const known = (micros: number) => ({ known: true as const, micros, basis: 'test' });
const allow = { allowUnknown: false };
const at = (iso: string) => () => new Date(iso);
const dirLedger = (
  caps: { dailyMicros: number | null; monthlyMicros: number | null },
  now = at('2026-12-01T10:00:00Z'),
  root = mkdtempSync(join(tmpdir(), 'caps-')),
) => new CapLedger(new DirectoryCapStore(root, 'live'), caps, { namespace: 'live', now });

describe('cap settings', () => {
  it('reads both caps, none by default, and names the variable of a bad amount', () => {
    expect(capsFromEnv({})).toEqual({ dailyMicros: null, monthlyMicros: null });
    expect(capsFromEnv({ BOARDS_LIVE_BUDGET_DAILY_USD: '5.00', BOARDS_LIVE_BUDGET_MONTHLY_USD: '50' })).toEqual({
      dailyMicros: 5_000_000,
      monthlyMicros: 50_000_000,
    });
    expect(() => capsFromEnv({ BOARDS_LIVE_BUDGET_MONTHLY_USD: 'plenty' })).toThrow(/BOARDS_LIVE_BUDGET_MONTHLY_USD: expected a dollar amount/);
  });

  it('refuses an absurd cap as a typo, as it refuses an absurd run budget', () => {
    expect(() => capsFromEnv({ BOARDS_LIVE_BUDGET_DAILY_USD: '99999999999999999999' })).toThrow(
      /BOARDS_LIVE_BUDGET_DAILY_USD: "99999999999999999999" is not a plausible cap: at most \$100000/,
    );
    expect(() => capsFromEnv({ BOARDS_LIVE_BUDGET_MONTHLY_USD: '100000.01' })).toThrow(/BOARDS_LIVE_BUDGET_MONTHLY_USD/);
    expect(capsFromEnv({ BOARDS_LIVE_BUDGET_MONTHLY_USD: '100000' }).monthlyMicros).toBe(100_000_000_000);
  });

  it('keeps the directory ledger in BOARDS_LIVE_LEDGER_DIR (relative to the workspace root), else .live-ledger there', () => {
    const workspace = join(__dirname, '../../..');
    expect(ledgerDirFromEnv({ BOARDS_LIVE_LEDGER_DIR: '/var/ledger' })).toBe('/var/ledger');
    expect(ledgerDirFromEnv({ BOARDS_LIVE_LEDGER_DIR: 'ci/ledger' }, __dirname)).toBe(join(workspace, 'ci/ledger'));
    expect(ledgerDirFromEnv({}, __dirname)).toBe(join(workspace, '.live-ledger'));
  });

  it('chooses Redis when BOARDS_LIVE_LEDGER_URL is set and never shows its password', () => {
    const ledger = capLedgerFromEnv({ namespace: 'live', env: { BOARDS_LIVE_LEDGER_URL: 'redis://ci:s3cret-pass-word@cache.internal:6380/4' } });
    expect(ledger.store.backend).toBe('redis');
    expect(parseRedisUrl('redis://ci:s3cret-pass-word@cache.internal:6380/4', 'X')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      db: 4,
      display: 'redis://cache.internal:6380/4',
    });
    const badDb = (() => {
      try {
        parseRedisUrl('redis://:s3cret-pass-word@cache.internal/x', 'BOARDS_LIVE_LEDGER_URL');
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(badDb).toMatch(/BOARDS_LIVE_LEDGER_URL: the database after the port must be a number/);
    expect(badDb).not.toContain('s3cret');
  });

  it('counts in UTC days and months', () => {
    expect(periodsAt(new Date('2026-12-31T23:30:00-02:00'))).toEqual({ day: '2027-01-01', month: '2027-01' });
  });
});

describe('cap ledger (directory backend)', () => {
  it('refuses past the monthly cap across days, naming the cap and its variable', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caps-'));
    const caps = { dailyMicros: 60_000, monthlyMicros: 100_000 };
    await dirLedger(caps, at('2026-12-01T10:00:00Z'), root).reserve('a', known(55_000), allow);
    const nextDay = dirLedger(caps, at('2026-12-02T10:00:00Z'), root);
    await nextDay.reserve('b', known(40_000), allow);
    await expect(nextDay.reserve('c', known(10_000), allow)).rejects.toThrow(
      'Live budget refused c: spent $0.095 + requested $0.01 exceeds the limit $0.10 (monthly cap of 2026-12 across runs, from BOARDS_LIVE_BUDGET_MONTHLY_USD). Raise BOARDS_LIVE_BUDGET_MONTHLY_USD to allow more.',
    );
    expect(await nextDay.summary()).toEqual({
      backend: 'directory',
      rehearsal: false,
      day: { period: '2026-12-02', spentUsd: '0.04', limitUsd: '0.06' },
      month: { period: '2026-12', spentUsd: '0.095', limitUsd: '0.10' },
    });
  });

  it('refuses an unknown cost under a cap unless allowed, then holds $0 until settled', async () => {
    const ledger = dirLedger({ dailyMicros: 100_000, monthlyMicros: null });
    const unknown = { known: false as const, reason: 'duration unknown' };
    await expect(ledger.reserve('u', unknown, allow)).rejects.toThrow(
      /BOARDS_LIVE_BUDGET_DAILY_USD caps spend across runs; set BOARDS_LIVE_ALLOW_UNKNOWN_COST=1/,
    );
    const held = await ledger.reserve('u', unknown, { allowUnknown: true });
    expect((await ledger.summary()).day.spentUsd).toBe('0.00');
    await ledger.settle(held, 30_000);
    expect((await ledger.summary()).day.spentUsd).toBe('0.03');
  });

  it('refuses to spend on a torn ledger line, naming the file, the line and the repair', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caps-torn-'));
    const ledger = dirLedger({ dailyMicros: 5_000_000, monthlyMicros: null }, at('2026-12-01T10:00:00Z'), root);
    await ledger.reserve('flux-pro', known(55_000), allow);
    const file = join(root, 'live', '2026-12.jsonl');
    appendFileSync(file, '{"t":"reserve","id":"x","generatorId":"fl');
    const torn = readFileSync(file, 'utf8').split('\n').length;
    await expect(ledger.reserve('flux-pro', known(55_000), allow)).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringContaining(`${file} line ${torn} is not a JSON line`),
    });
    await expect(ledger.reserve('flux-pro', known(55_000), allow)).rejects.toThrow(/fix or remove that line/);
  });

  it('keeps emulator runs in their own rehearsal namespace', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caps-'));
    const env = { BOARDS_LIVE_LEDGER_DIR: root, BOARDS_LIVE_BUDGET_DAILY_USD: '0.10' };
    const rehearsal = capLedgerFromEnv({ namespace: 'rehearsal', env, now: at('2026-12-01T10:00:00Z') });
    await rehearsal.reserve('flux-pro', known(90_000), allow);
    const live = capLedgerFromEnv({ namespace: 'live', env, now: at('2026-12-01T10:00:00Z') });
    await live.reserve('flux-pro', known(90_000), allow);
    expect([(await rehearsal.summary()).rehearsal, (await live.summary()).day.spentUsd]).toEqual([true, '0.09']);
    expect(existsSync(join(root, 'rehearsal', '2026-12.jsonl')) && existsSync(join(root, 'live', '2026-12.jsonl'))).toBe(true);
  });

  it('breaks a lock left by a killed process, on this machine or (by age) from another', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caps-'));
    const ledger = dirLedger({ dailyMicros: null, monthlyMicros: null }, undefined, root);
    const lock = join(root, 'live', 'ledger.lock');
    const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    for (const owner of [
      { pid: Number(deadPid), host: hostname(), at: Date.now() },
      { pid: 1, host: 'another-runner', at: Date.now() - 60_000 },
    ]) {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner'), JSON.stringify(owner));
      await ledger.reserve('after-a-kill', known(1), allow);
      expect(existsSync(lock)).toBe(false);
    }
    expect((await ledger.summary()).day.spentUsd).toBe('0.000002');
  });
});

describe('caps in the run summary', () => {
  const summary = {
    backend: 'directory' as const,
    rehearsal: false,
    day: { period: '2026-12-01', spentUsd: '0.055', limitUsd: '5.00' },
    month: { period: '2026-12', spentUsd: '0.30', limitUsd: null },
  };

  it('says spend today and this month against the caps', () => {
    expect(renderCaps(summary)).toBe('today $0.055 of the $5.00 daily cap; this month $0.30 (no monthly cap set) [directory ledger]');
  });

  it('says when the accounting is a rehearsal of emulator runs', () => {
    expect(renderCaps({ ...summary, rehearsal: true })).toMatch(
      /rehearsal accounting of emulator runs, kept apart from the real caps: nothing here was billed/,
    );
  });
});

describe('the Redis client', () => {
  const listen = (server: Server) =>
    new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));

  it('says which server it cannot reach, without the password', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const ledger = capLedgerFromEnv({ namespace: 'live', env: { BOARDS_LIVE_LEDGER_URL: `redis://:unreachable-secret@127.0.0.1:${port}` } });
    const message = await ledger.summary().then(
      () => 'no error',
      (e: Error) => e.message,
    );
    expect(message).toBe(`Invalid BOARDS_LIVE_LEDGER_URL: cannot reach redis://127.0.0.1:${port}/0: ECONNREFUSED`);
  });

  it('gives up on a server that never answers at its deadline, with a typed timeout', async () => {
    const silent = createServer(() => undefined);
    const port = await listen(silent);
    const store = new RedisCapStore(`redis://127.0.0.1:${port}`, 'live', { timeoutMs: 200 });
    try {
      await expect(store.spent({ day: '2026-12-01', month: '2026-12' })).rejects.toMatchObject({
        code: 'TIMEOUT',
        message: expect.stringMatching(/^redis \w+ (to|on) redis:\/\/127\.0\.0\.1:\d+\/0 did not finish within 200 ms/),
      });
    } finally {
      await store.close();
      silent.close();
    }
  });

  it('reads rediss:// (TLS) and a cluster flag, and refuses other schemes naming the setting', () => {
    expect(parseRedisUrl('rediss://:pw@cache.example:6380/1', 'BOARDS_LIVE_LEDGER_URL')).toMatchObject({
      tls: true,
      port: 6380,
      db: 1,
      display: 'rediss://cache.example:6380/1',
    });
    expect(parseRedisUrl('redis://cache.example?cluster=1', 'BOARDS_LIVE_LEDGER_URL')).toMatchObject({
      cluster: true,
      display: 'redis://cache.example:6379/0?cluster=1',
    });
    expect(() => parseRedisUrl('http://cache.example', 'BOARDS_LIVE_LEDGER_URL')).toThrow(/BOARDS_LIVE_LEDGER_URL: expected redis:\/\/ or rediss:\/\//);
  });
});

import type { Micros } from '@boards/core';
import type { CapGrant, CapNamespace, CapReservation, CapStore } from './cap-ledger';
import { LEDGER_URL_VARIABLE, type Caps, type Periods } from './caps';
import { connectRedis, parseRedisUrl, type RedisLedgerClient, type RedisTarget } from './redis-client';

/** Deadline of one Redis command (connect included). */
const COMMAND_TIMEOUT_MS = 5_000;
/** Day totals are kept 40 days, month totals and reservations about 13 months. */
const DAY_TTL_S = 40 * 86_400;
const MONTH_TTL_S = 400 * 86_400;

/**
 * Checks both caps and records the reservation in one server-side step (EVAL runs
 * atomically), so processes on any number of machines can never reserve past a cap.
 * KEYS: day total, month total, reservation. ARGV: micros, daily cap, monthly cap (-1: none),
 * then the reservation's fields.
 */
const RESERVE = `
local day = tonumber(redis.call('GET', KEYS[1]) or '0')
local month = tonumber(redis.call('GET', KEYS[2]) or '0')
local micros = tonumber(ARGV[1])
local daily = tonumber(ARGV[2])
local monthly = tonumber(ARGV[3])
if daily >= 0 and day + micros > daily then return {0, 'day', day} end
if monthly >= 0 and month + micros > monthly then return {0, 'month', month} end
redis.call('INCRBY', KEYS[1], micros)
redis.call('EXPIRE', KEYS[1], ${DAY_TTL_S})
redis.call('INCRBY', KEYS[2], micros)
redis.call('EXPIRE', KEYS[2], ${MONTH_TTL_S})
redis.call('HSET', KEYS[3], 'micros', micros, 'generator', ARGV[4], 'at', ARGV[5])
redis.call('EXPIRE', KEYS[3], ${MONTH_TTL_S})
return {1, 'ok', day + micros}
`;

/** Moves the totals by (actual - counted) and records the actual. KEYS as RESERVE; ARGV: actual. */
const SETTLE = `
local counted = redis.call('HGET', KEYS[3], 'micros')
if not counted then return 0 end
local delta = tonumber(ARGV[1]) - tonumber(counted)
redis.call('INCRBY', KEYS[1], delta)
redis.call('INCRBY', KEYS[2], delta)
redis.call('HSET', KEYS[3], 'micros', ARGV[1], 'settled', '1')
return 1
`;

export interface RedisStoreOptions {
  /** Deadline of each command, connect included. Default 5 s. */
  timeoutMs?: number;
  /** A PEM file of the CA that signed a `rediss://` server's certificate (BOARDS_LIVE_LEDGER_CA). Default: Node's CAs. */
  caFile?: string;
}

/**
 * The cap ledger in Redis (`BOARDS_LIVE_LEDGER_URL=redis[s]://host:port[/db][?cluster=1]`), for
 * teams whose live runs start on several machines at once. Keys share one hash tag per namespace,
 * so both scripts touch one slot and run on a cluster too. One connection per ledger, opened on
 * first use; the scripts go by SHA.
 */
export class RedisCapStore implements CapStore {
  readonly backend = 'redis' as const;
  private readonly target: RedisTarget;
  private readonly prefix: string;
  private client: Promise<RedisLedgerClient> | undefined;

  constructor(
    url: string,
    namespace: CapNamespace,
    private readonly options: RedisStoreOptions = {},
  ) {
    this.target = parseRedisUrl(url, LEDGER_URL_VARIABLE);
    this.prefix = `{boards-live-caps:${namespace}}`;
  }

  /** The server, without credentials. */
  get display(): string {
    return this.target.display;
  }

  async tryReserve(reservation: CapReservation, caps: Caps, at: Date): Promise<CapGrant> {
    const reply = await (
      await this.connection()
    ).script('boardsReserve', this.keys(reservation), [
      reservation.micros,
      caps.dailyMicros ?? -1,
      caps.monthlyMicros ?? -1,
      reservation.generatorId,
      at.toISOString(),
    ]);
    const [granted, period, spent] = reply as [number, 'day' | 'month', number];
    return granted === 1 ? { granted: true } : { granted: false, period, spentMicros: Number(spent) };
  }

  async settle(reservation: CapReservation, actualMicros: Micros): Promise<void> {
    await (await this.connection()).script('boardsSettle', this.keys(reservation), [actualMicros]);
  }

  async spent(periods: Periods): Promise<{ dayMicros: Micros; monthMicros: Micros }> {
    const reply = await (await this.connection()).mget([`${this.prefix}:day:${periods.day}`, `${this.prefix}:month:${periods.month}`]);
    return { dayMicros: Number(reply[0] ?? 0), monthMicros: Number(reply[1] ?? 0) };
  }

  /** Closes the connection (a ledger that is not closed does not hold the process open either). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await (await client?.catch(() => undefined))?.close();
  }

  private connection(): Promise<RedisLedgerClient> {
    this.client ??= connectRedis(
      this.target,
      { boardsReserve: { keys: 3, lua: RESERVE }, boardsSettle: { keys: 3, lua: SETTLE } },
      {
        timeoutMs: this.options.timeoutMs ?? COMMAND_TIMEOUT_MS,
        caFile: this.options.caFile,
      },
    );
    // A failed connection is not kept: the next call tries again (and fails as loudly).
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  private keys(reservation: CapReservation): string[] {
    return [`${this.prefix}:day:${reservation.day}`, `${this.prefix}:month:${reservation.month}`, `${this.prefix}:reservation:${reservation.id}`];
  }
}

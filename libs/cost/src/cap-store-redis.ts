import type { Micros } from '@boards/core';
import type { CapGrant, CapNamespace, CapReservation, CapStore } from './cap-ledger';
import { LEDGER_URL_VARIABLE, type Caps, type Periods } from './caps';
import { parseRedisUrl, withRedis, type RedisTarget } from './resp';

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

/**
 * The cap ledger in Redis (`BOARDS_LIVE_LEDGER_URL=redis://host:port[/db]`), for teams whose
 * live runs start on several machines at once. Keys share one hash tag per namespace, so the
 * scripts also run on a cluster. A connection is opened per operation: reservations precede
 * paid calls, which take far longer.
 */
export class RedisCapStore implements CapStore {
  readonly backend = 'redis' as const;
  private readonly target: RedisTarget;
  private readonly prefix: string;

  constructor(url: string, namespace: CapNamespace) {
    this.target = parseRedisUrl(url, LEDGER_URL_VARIABLE);
    this.prefix = `{boards-live-caps:${namespace}}`;
  }

  /** The server, without credentials. */
  get display(): string {
    return this.target.display;
  }

  async tryReserve(reservation: CapReservation, caps: Caps, at: Date): Promise<CapGrant> {
    const reply = await withRedis(this.target, COMMAND_TIMEOUT_MS, (command) =>
      command(
        'EVAL',
        RESERVE,
        3,
        ...this.keys(reservation),
        reservation.micros,
        caps.dailyMicros ?? -1,
        caps.monthlyMicros ?? -1,
        reservation.generatorId,
        at.toISOString(),
      ),
    );
    const [granted, period, spent] = reply as [number, 'day' | 'month', number];
    return granted === 1 ? { granted: true } : { granted: false, period, spentMicros: Number(spent) };
  }

  async settle(reservation: CapReservation, actualMicros: Micros): Promise<void> {
    await withRedis(this.target, COMMAND_TIMEOUT_MS, (command) => command('EVAL', SETTLE, 3, ...this.keys(reservation), actualMicros));
  }

  async spent(periods: Periods): Promise<{ dayMicros: Micros; monthMicros: Micros }> {
    const reply = (await withRedis(this.target, COMMAND_TIMEOUT_MS, (command) =>
      command('MGET', `${this.prefix}:day:${periods.day}`, `${this.prefix}:month:${periods.month}`),
    )) as (string | null)[];
    return { dayMicros: Number(reply[0] ?? 0), monthMicros: Number(reply[1] ?? 0) };
  }

  private keys(reservation: CapReservation): string[] {
    return [`${this.prefix}:day:${reservation.day}`, `${this.prefix}:month:${reservation.month}`, `${this.prefix}:reservation:${reservation.id}`];
  }
}

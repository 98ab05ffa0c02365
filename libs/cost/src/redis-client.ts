/**
 * The Redis connection of the cap ledger, through ioredis (an optional peer dependency of
 * @boards/cost, loaded only when BOARDS_LIVE_LEDGER_URL is set): `redis://` and `rediss://` (TLS;
 * NODE_EXTRA_CA_CERTS names a private CA), a cluster with `?cluster=1` (ioredis follows -MOVED and
 * -ASK), one connection per ledger reused for every command, scripts sent by SHA (EVALSHA).
 * Every command has a deadline, nothing reconnects in a loop, and the URL's password is never
 * printed: errors name `redis://host:port/db` and the setting.
 */
import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { readFileSync } from 'node:fs';
import { BoardsError, InvalidConfigError, registerSecret, TimeoutError } from '@boards/core';
import { LEDGER_CA_VARIABLE } from './caps';

/** Where a Redis server is, parsed from `redis[s]://[user:password@]host:port[/db][?cluster=1]`. */
export interface RedisTarget {
  host: string;
  port: number;
  db: number;
  tls: boolean;
  cluster: boolean;
  username?: string;
  password?: string;
  /** The URL without its credentials: the only form ever printed. */
  display: string;
  /** The setting the URL came from, named in every error. */
  setting: string;
}

export function parseRedisUrl(raw: string, setting: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidConfigError(setting, 'expected redis://[user:password@]host:port[/db] (rediss:// for TLS)');
  }
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  registerSecret(password);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new InvalidConfigError(setting, `expected redis:// or rediss://, got a ${url.protocol}// URL`);
  }
  const dbText = url.pathname.replace(/^\//, '') || '0';
  if (!/^\d+$/.test(dbText)) throw new InvalidConfigError(setting, `the database after the port must be a number, got ${JSON.stringify(dbText)}`);
  const port = url.port ? Number(url.port) : 6379;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new InvalidConfigError(setting, 'the URL has no host');
  const cluster = ['1', 'true'].includes(url.searchParams.get('cluster') ?? '');
  if (cluster && dbText !== '0') throw new InvalidConfigError(setting, 'a cluster has only database 0');
  return {
    host,
    port,
    db: Number(dbText),
    tls: url.protocol === 'rediss:',
    cluster,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password,
    display: `${url.protocol}//${url.hostname}:${port}/${dbText}${cluster ? '?cluster=1' : ''}`,
    setting,
  };
}

type IoRedis = Pick<typeof import('ioredis'), 'Redis' | 'Cluster'>;

async function loadIoredis(setting: string): Promise<IoRedis> {
  try {
    const { Redis: RedisClass, Cluster } = await import('ioredis');
    return { Redis: RedisClass, Cluster };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new InvalidConfigError(setting, 'the Redis ledger needs the ioredis package (an optional peer dependency of @boards/cost): npm install ioredis');
  }
}

/** A script run by SHA (EVALSHA, EVAL once when the server lacks it). */
export interface LedgerScripts {
  [name: string]: { keys: number; lua: string };
}

export interface RedisLedgerClient {
  script(name: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
  mget(keys: readonly string[]): Promise<(string | null)[]>;
  close(): Promise<void>;
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidConfigError(LEDGER_CA_VARIABLE, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Opens the connection (once, on first use) and defines the scripts; every command is bounded by `timeoutMs`. */
export async function connectRedis(
  target: RedisTarget,
  scripts: LedgerScripts,
  { timeoutMs, caFile }: { timeoutMs: number; caFile?: string },
): Promise<RedisLedgerClient> {
  const { Redis: RedisClass, Cluster: ClusterClass } = await loadIoredis(target.setting);
  const ca = caFile === undefined ? undefined : readCa(caFile);
  const options: RedisOptions = {
    username: target.username,
    password: target.password,
    db: target.db,
    ...(target.tls ? { tls: { servername: target.host, ...(ca ? { ca } : {}) } } : {}),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    // A ledger that cannot be reached refuses to spend; it does not retry in the background.
    retryStrategy: () => null,
    enableOfflineQueue: false,
    // Ready as soon as the connection is up: the first command then carries the deadline.
    enableReadyCheck: false,
  };
  const client: Redis | Cluster = target.cluster
    ? new ClusterClass([{ host: target.host, port: target.port }], { redisOptions: options, clusterRetryStrategy: () => null, lazyConnect: true })
    : new RedisClass(target.port, target.host, options);
  // An error event without a listener would crash the process; the last one says why a connect failed.
  let lastError: unknown;
  client.on('error', (error: unknown) => (lastError = error));
  for (const [name, { keys, lua }] of Object.entries(scripts)) client.defineCommand(name, { numberOfKeys: keys, lua });
  try {
    // ioredis bounds the socket's connect, not a cluster's discovery of its nodes: one deadline for both.
    await withDeadline(client.connect(), timeoutMs, () => new TimeoutError(`redis connect to ${target.display}`, timeoutMs));
  } catch (error) {
    if (BoardsError.isInstance(error)) {
      client.disconnect();
      throw error;
    }
    client.disconnect();
    throw describe(target, lastError ?? error, 'connect', timeoutMs);
  }
  // Commands hold the process open while they run (their deadline timers); the idle connection does not.
  unrefSockets(client);
  const run = async <T>(what: string, command: () => Promise<T>): Promise<T> => {
    try {
      return await command();
    } catch (error) {
      throw describe(target, error, what, timeoutMs);
    }
  };
  const dynamic = client as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>;
  return {
    script: (name, keys, args) => run(name, () => dynamic[name](...keys, ...args)),
    mget: (keys) => run('MGET', () => client.mget(...keys)),
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

async function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(late()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function unrefSockets(client: Redis | Cluster): void {
  const nodes = 'nodes' in client && typeof client.nodes === 'function' ? client.nodes() : [client as Redis];
  for (const node of nodes) (node as unknown as { stream?: { unref?: () => void } }).stream?.unref?.();
}

/** A typed error naming the server (never the password) and the setting. */
function describe(target: RedisTarget, error: unknown, what: string, timeoutMs: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/timed? ?out/i.test(message)) return new TimeoutError(`redis ${what} on ${target.display}`, timeoutMs);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || /connect|closed/i.test(message)) {
    return new InvalidConfigError(target.setting, `cannot reach ${target.display}: ${code ?? message}`);
  }
  return new InvalidConfigError(target.setting, `${target.display} answered: ${message.split('\n')[0]}`);
}

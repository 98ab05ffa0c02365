import { connect, type Socket } from 'node:net';
import { InvalidConfigError, registerSecret, TimeoutError } from '@boards/core';

/** Where a Redis server is, parsed from `redis://[user:password@]host:port[/db]`. */
export interface RedisTarget {
  host: string;
  port: number;
  db: number;
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
    throw new InvalidConfigError(setting, 'expected redis://[user:password@]host:port[/db]');
  }
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  registerSecret(password);
  if (url.protocol !== 'redis:') {
    throw new InvalidConfigError(
      setting,
      `expected redis://host:port[/db], got a ${url.protocol}// URL${url.protocol === 'rediss:' ? ' (TLS is not supported: reach the server through a TLS tunnel)' : ''}`,
    );
  }
  const dbText = url.pathname.replace(/^\//, '') || '0';
  if (!/^\d+$/.test(dbText)) throw new InvalidConfigError(setting, `the database after the port must be a number, got ${JSON.stringify(dbText)}`);
  const port = url.port ? Number(url.port) : 6379;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new InvalidConfigError(setting, 'the URL has no host');
  return {
    host,
    port,
    db: Number(dbText),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password,
    display: `redis://${url.hostname}:${port}/${dbText}`,
    setting,
  };
}

export type RespValue = string | number | null | RespValue[];

/** An error reply from the server ("-ERR ..."); never leaves this module. */
class RespError extends Error {}

/** Parses one RESP2 value from `buf` at `at`; undefined while the value is incomplete. */
function parse(buf: Buffer, at: number): { value: RespValue | RespError; next: number } | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[at]);
  const head = buf.toString('utf8', at + 1, eol);
  const after = eol + 2;
  switch (type) {
    case '+':
      return { value: head, next: after };
    case '-':
      return { value: new RespError(head), next: after };
    case ':':
      return { value: Number(head), next: after };
    case '$': {
      const length = Number(head);
      if (length < 0) return { value: null, next: after };
      if (buf.length < after + length + 2) return undefined;
      return { value: buf.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case '*': {
      const count = Number(head);
      if (count < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let next = after;
      for (let i = 0; i < count; i++) {
        const item = parse(buf, next);
        if (!item) return undefined;
        if (item.value instanceof RespError) return item;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new RespError(`unexpected reply type ${JSON.stringify(type)}`);
  }
}

const encode = (args: readonly (string | number)[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`;

/**
 * Opens a connection, authenticates and selects the database, runs `fn` with a command
 * function, then closes. Every command has a deadline; nothing here prints the password.
 */
export async function withRedis<T>(
  target: RedisTarget,
  timeoutMs: number,
  fn: (command: (...args: (string | number)[]) => Promise<RespValue>) => Promise<T>,
): Promise<T> {
  const socket: Socket = connect({ host: target.host, port: target.port });
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  const waiting: { resolve: (v: RespValue) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      let parsed;
      try {
        parsed = parse(buffer, 0);
      } catch (error) {
        failAll(new InvalidConfigError(target.setting, `${target.display} sent a reply that is not RESP: ${(error as Error).message}`));
        socket.destroy();
        return;
      }
      if (!parsed) return;
      buffer = buffer.subarray(parsed.next);
      const w = waiting.shift();
      // Error replies (WRONGPASS, NOAUTH, script errors) quote no credential.
      if (parsed.value instanceof RespError) w?.reject(new InvalidConfigError(target.setting, `${target.display} answered: ${parsed.value.message}`));
      else w?.resolve(parsed.value);
    }
  });
  socket.on('error', (error) =>
    failAll(new InvalidConfigError(target.setting, `cannot reach ${target.display}: ${(error as NodeJS.ErrnoException).code ?? error.message}`)),
  );
  socket.on('close', () => failAll(new InvalidConfigError(target.setting, `${target.display} closed the connection`)));

  const command = (...args: (string | number)[]) =>
    new Promise<RespValue>((resolve, reject) => {
      if (failure) return reject(failure);
      const timer = setTimeout(() => {
        const error = new TimeoutError(`redis ${String(args[0])} on ${target.display}`, timeoutMs);
        failAll(error);
        socket.destroy();
      }, timeoutMs);
      const done =
        <V>(settle: (v: V) => void) =>
        (v: V) => {
          clearTimeout(timer);
          settle(v);
        };
      waiting.push({ resolve: done(resolve), reject: done(reject) });
      socket.write(encode(args));
    });

  try {
    if (target.password !== undefined) {
      await command(...(target.username ? ['AUTH', target.username, target.password] : ['AUTH', target.password]));
    }
    if (target.db !== 0) await command('SELECT', target.db);
    return await fn(command);
  } finally {
    socket.removeAllListeners('close');
    socket.on('close', () => undefined);
    socket.end();
    socket.destroy();
  }
}

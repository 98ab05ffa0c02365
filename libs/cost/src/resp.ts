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

/**
 * What `parseReply` throws on bytes that are not RESP2: a server that is not Redis, or a stream
 * out of step. `withRedis` reports it as an InvalidConfigError naming the setting.
 */
export class MalformedReplyError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'MalformedReplyError';
  }
}

/** The ledger's replies are short (counters, a few fields): a reply past this is no answer of its commands. */
export const MAX_REPLY_BYTES = 16 * 1024 * 1024;
/** Arrays in arrays: the ledger's replies nest two deep; a deeper reply would only recurse. */
const MAX_REPLY_DEPTH = 32;
/** Integers, lengths and counts of RESP2: a signed 64-bit decimal (a length or count is range-checked after). */
const INTEGER = /^-?\d{1,19}$/;

function integer(head: string, what: string): number {
  if (!INTEGER.test(head)) throw new MalformedReplyError(`${what} ${JSON.stringify(head.slice(0, 40))} is not an integer`);
  return Number(head);
}

/** An error reply (`-ERR ...`) is an Error value, never thrown. */
export type ParsedReply = { value: RespValue | Error; next: number };

/**
 * Parses one RESP2 value from `buf` at `at`: the value (an error reply as a RespError) and the
 * offset after it, which is always past `at`; undefined while the value is incomplete. Throws
 * MalformedReplyError, and nothing else, when the bytes are not RESP2 (or declare a value
 * larger than MAX_REPLY_BYTES, or nest arrays deeper than the ledger's replies ever do).
 */
export function parseReply(buf: Buffer, at = 0, depth = 0): ParsedReply | undefined {
  if (at >= buf.length) return undefined;
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
      return { value: integer(head, 'integer reply'), next: after };
    case '$': {
      const length = integer(head, 'bulk string length');
      if (length === -1) return { value: null, next: after };
      if (length < -1 || length > MAX_REPLY_BYTES) throw new MalformedReplyError(`bulk string length ${length} is out of range`);
      if (buf.length < after + length + 2) return undefined;
      if (buf[after + length] !== 0x0d || buf[after + length + 1] !== 0x0a) throw new MalformedReplyError(`bulk string of ${length} bytes is not followed by CRLF`);
      return { value: buf.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case '*': {
      const count = integer(head, 'array length');
      if (count === -1) return { value: null, next: after };
      // Each element takes 3 bytes at least (`+\r\n`).
      if (count < -1 || count > MAX_REPLY_BYTES / 3) throw new MalformedReplyError(`array length ${count} is out of range`);
      if (depth >= MAX_REPLY_DEPTH) throw new MalformedReplyError(`arrays nest deeper than ${MAX_REPLY_DEPTH}`);
      const items: RespValue[] = [];
      let error: Error | undefined;
      let next = after;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, next, depth + 1);
        if (!item) return undefined;
        // An error element fails the reply, but the whole array is consumed: the next reply starts after it.
        if (item.value instanceof Error) error ??= item.value;
        else items.push(item.value);
        next = item.next;
      }
      return { value: error ?? items, next };
    }
    default:
      throw new MalformedReplyError(`unexpected reply type ${JSON.stringify(type)}`);
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
        parsed = parseReply(buffer, 0);
        // A server that never ends its reply would otherwise be buffered without end.
        if (!parsed && buffer.length > MAX_REPLY_BYTES + 64) throw new MalformedReplyError(`a reply is larger than ${MAX_REPLY_BYTES} bytes`);
      } catch (error) {
        failAll(new InvalidConfigError(target.setting, `${target.display} sent a reply that is not RESP: ${(error as Error).message}`));
        socket.destroy();
        return;
      }
      if (!parsed) return;
      buffer = buffer.subarray(parsed.next);
      const w = waiting.shift();
      // Error replies (WRONGPASS, NOAUTH, script errors) quote no credential.
      if (parsed.value instanceof Error) w?.reject(new InvalidConfigError(target.setting, `${target.display} answered: ${parsed.value.message}`));
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

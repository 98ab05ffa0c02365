import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParsedMultipart } from './multipart';
import type { RecordedRequest } from './types';

/** Largest request body the emulator reads (`maxBodyBytes` of startEmulator lowers it). */
export const MAX_BODY_BYTES = 512 * 1024 * 1024;
/**
 * Past the cap, at most this many more bytes (and at most the cap again) are read and dropped, so
 * a client that sends its whole upload before reading gets the 413 on a connection that stays
 * usable; a longer body is answered at once and its connection cut a little later.
 */
const MAX_DISCARD_BYTES = 256 * 1024 * 1024;
/** How long a client answered before its upload ended may keep sending (and read the 413) before the connection is cut, ms. */
const CUT_AFTER_ANSWER_MS = 2_000;

/** Everything a route handler needs about one request. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  raw: Buffer;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  /** Parsed multipart/form-data body; null when the body claims multipart but does not parse. */
  form: ParsedMultipart | null | undefined;
  /** The request's `x-boards-test-id`: scopes faults and job durations to one test. */
  testId?: string;
  /** The request-log entry (status is filled in by send). */
  record: RecordedRequest;
  /** Set by a 'truncated' fault: the next answer is cut short. */
  truncate: boolean;
  /** Set by a 'short' fault: the next answer is its first 120 bytes, with an honest length. */
  short?: boolean;
}

export type Headers = Record<string, string | number>;

/** A request body longer than the cap; `drained` when it was read to its end (the connection stays usable). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(
    readonly limit: number,
    readonly drained: boolean,
  ) {
    super(`The request body is larger than ${limit} bytes, the emulator's limit`);
  }
}

/**
 * The request body, up to `limit` bytes. A longer one rejects with BodyTooLargeError instead of
 * cutting the connection, so the caller can answer 413: its bytes are dropped, not kept.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const budget = Math.min(limit, MAX_DISCARD_BYTES);
    const declared = Number(req.headers['content-length']);
    // Announced beyond what is worth reading: answer before a byte of it arrives.
    if (declared > limit + budget) return reject(new BodyTooLargeError(limit, false));
    const parts: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (!over && size <= limit) return void parts.push(part);
      if (!over) {
        over = true;
        parts.length = 0;
      }
      if (size > limit + budget) reject(new BodyTooLargeError(limit, false));
    });
    req.on('end', () => (over ? reject(new BodyTooLargeError(limit, true)) : resolve(Buffer.concat(parts))));
    req.on('error', reject);
  });
}

/**
 * For an answer given before the request's body ended: the client may read it while it still
 * sends (Node drops the rest of the body), and the connection is cut CUT_AFTER_ANSWER_MS after
 * the answer if the body has not ended by then. Closing at once would reset the connection
 * under an unread body, and the client could lose the answer.
 */
export function cutAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    setTimeout(() => {
      if (!req.complete) req.socket?.destroy();
    }, CUT_AFTER_ANSWER_MS).unref();
  });
}

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Answers once: a no-op when already answered or the socket is gone; honours `ctx.truncate`. */
export function send(ctx: Ctx, status: number, body: Buffer | string, headers: Headers): void {
  const { res } = ctx;
  if (res.headersSent || res.destroyed || !res.socket || res.socket.destroyed) return;
  const whole = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const bytes = ctx.short ? whole.subarray(0, 120) : whole;
  ctx.record.status = status;
  res.writeHead(status, { ...headers, 'content-length': bytes.length });
  if (ctx.method === 'HEAD') {
    res.end();
  } else if (ctx.truncate && bytes.length > 0) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
  } else {
    res.end(bytes);
  }
}

export function sendJson(ctx: Ctx, status: number, value: unknown, headers: Headers = {}): void {
  send(ctx, status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

export function sendText(ctx: Ctx, status: number, text: string, headers: Headers = {}): void {
  send(ctx, status, text, { 'content-type': 'text/plain; charset=utf-8', ...headers });
}

/** True when `value` is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Matches path segments against a template of literals, `:name` (one segment) and `*name`
 * (one or more segments, joined with '/'). Returns the captured parameters or null.
 */
const templateParts = new Map<string, string[]>();

export function matchPath(template: string, segments: readonly string[]): Record<string, string> | null {
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split('/').filter(Boolean)));
  // Most templates fail on their first literal segment: say so before walking.
  const first = parts[0];
  if (first !== undefined && !first.startsWith(':') && !first.startsWith('*') && first !== segments[0]) return null;
  const walk = (ti: number, si: number, params: Record<string, string>): Record<string, string> | null => {
    if (ti === parts!.length) return si === segments.length ? params : null;
    const part = parts[ti];
    if (part.startsWith('*')) {
      for (let end = si + 1; end <= segments.length; end++) {
        const found = walk(ti + 1, end, { ...params, [part.slice(1)]: segments.slice(si, end).join('/') });
        if (found) return found;
      }
      return null;
    }
    if (si >= segments.length) return null;
    if (part.startsWith(':')) return walk(ti + 1, si + 1, { ...params, [part.slice(1)]: segments[si] });
    return part === segments[si] ? walk(ti + 1, si + 1, params) : null;
  };
  return walk(0, 0, {});
}

/** The bearer/key token of an Authorization header with the given scheme, or undefined. */
export function authToken(ctx: Ctx, scheme: 'Bearer' | 'Key'): string | undefined {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  return match && match[1].toLowerCase() === scheme.toLowerCase() && match[2].trim() ? match[2].trim() : undefined;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParsedMultipart } from './multipart';
import type { RecordedRequest } from './types';

const MAX_BODY_BYTES = 512 * 1024 * 1024;

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

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
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

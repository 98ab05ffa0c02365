import { hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RecordedRequest } from './types';

const REDACTED = '[REDACTED]';
/** Headers whose values are credentials. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'cookie']);
/** Query parameter (and JSON field) names whose values are credentials. */
export const SECRET_QUERY = /token|key|secret|signature|password|auth/i;

/** Header values as strings, with every credential header replaced by '[REDACTED]'. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * A fingerprint of the credential a request carried (first 16 hex digits of the SHA-256 of
 * the Authorization value after its scheme), so tests can prove which key reached the SDK
 * without the log ever holding the key.
 */
export function credentialFingerprint(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (typeof value !== 'string') return undefined;
  const token = value.replace(/^(Bearer|Key|Token)\s+/i, '');
  return hash('sha256', token, 'hex').slice(0, 16);
}

/** Query parameters, with token-like parameters (fal_jwt_token, api_key, ...) replaced by '[REDACTED]'. */
export function redactQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of params) out[name] = SECRET_QUERY.test(name) ? REDACTED : value;
  return out;
}

/** The request log keeps this many latest entries: a long-running emulator must not grow without bound. */
export const MAX_RECORDED_REQUESTS = 10_000;

/** The request log. Entries are added on arrival and their status is filled in when answered. */
export class Recorder {
  private readonly entries: RecordedRequest[] = [];
  private readonly waiters = new Set<{ match: (entry: RecordedRequest) => boolean; resolve: (entry: RecordedRequest) => void }>();

  constructor(private readonly limit = MAX_RECORDED_REQUESTS) {}

  get all(): readonly RecordedRequest[] {
    return this.entries;
  }

  add(entry: RecordedRequest): RecordedRequest {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    for (const waiter of this.waiters) {
      if (!waiter.match(entry)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(entry);
    }
    return entry;
  }

  /** Resolves with the next request `match` accepts when it arrives; rejects after `timeoutMs`. */
  next(match: (entry: RecordedRequest) => boolean, timeoutMs: number, what: string): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (entry: RecordedRequest) => {
          clearTimeout(timer);
          resolve(entry);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`the emulator received no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  for(provider: RecordedRequest['provider']): RecordedRequest[] {
    return this.entries.filter((e) => e.provider === provider);
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/**
 * A GET whose answer is read within a size and a time bound. The drift check reads documents
 * from servers it does not control (and from a URL a setting may point anywhere): an endless or
 * stalled body must end the check with a message, not fill memory or hang it.
 */
import { redactProviderText } from '@boards/core';

export interface FetchLimits {
  /** The body is abandoned past this many bytes (after decompression: a gzip bomb counts as what it inflates to). */
  maxBytes: number;
  /** Headers and body together, from the request on. */
  timeoutMs: number;
}

/** A published schema is tens of kilobytes (OpenAI's whole spec is a few MiB): 20 MiB is far past any real one. */
export const MAX_SCHEMA_BYTES = 20 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;
export const SCHEMA_LIMITS: FetchLimits = { maxBytes: MAX_SCHEMA_BYTES, timeoutMs: FETCH_TIMEOUT_MS };

/** Of an error answer, only the start is shown: reading all of it would be the unbounded read again. */
const ERROR_SNIPPET_BYTES = 4096;

/** `20 MiB`, or the bytes when not a whole number of MiB. */
export function formatLimit(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

export class BodyTooLargeError extends Error {
  constructor(what: string, maxBytes: number, url: string) {
    super(`${what} is larger than ${formatLimit(maxBytes)} (${maxBytes} bytes): GET ${url} was not read past that`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads `response`'s body up to `maxBytes`, then cancels it: past that, throws BodyTooLargeError (or, with `truncate`, returns the start). */
export async function readBody(response: Response, url: string, maxBytes: number, what: string, truncate = false): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!truncate && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(what, maxBytes, url);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      // Cancelling closes the connection: nothing more is received.
      await reader.cancel().catch(() => undefined);
      if (!truncate) throw new BodyTooLargeError(what, maxBytes, url);
      chunks.push(value.subarray(0, maxBytes - total));
      break;
    }
    total += value.byteLength;
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An error status answered to a GET (its message quotes the start of the answer). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/**
 * GETs `url` and returns its body as text; throws when it answers an error status (quoting the
 * start of the answer, provider text redacted), takes longer than `limits.timeoutMs` in all, or
 * its body is larger than `limits.maxBytes` (`what` names it in that message).
 */
export async function fetchBounded(url: string, headers: Record<string, string>, limits: FetchLimits, what: string): Promise<string> {
  // One signal for the request and the body: a server that answers at once and then trickles is bounded too.
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, { headers, signal });
    if (!response.ok) {
      const start = await readBody(response, url, ERROR_SNIPPET_BYTES, what, true);
      throw new HttpStatusError(response.status, `GET ${url} answered ${response.status}: ${redactProviderText(start.slice(0, 200))}`);
    }
    return await readBody(response, url, limits.maxBytes, what);
  } catch (error) {
    if (signal.aborted) throw new Error(`GET ${url} did not finish within ${limits.timeoutMs / 1000} s (the deadline of one fetch)`);
    throw error;
  }
}

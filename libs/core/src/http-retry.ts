/**
 * The retry policy of the shared HTTP layer: its settings, Retry-After, the waits between
 * attempts, and the one retry loop that every request and download goes through.
 */
import type { BoardsError } from './errors';
import { CanceledError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, first included. Default 4. */
  maxAttempts: number;
  /** First backoff delay; doubles each retry (with jitter). Default 250 ms. */
  baseDelayMs: number;
  /** Cap on one backoff delay. Default 4000 ms. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the error is returned at once. Default 30 s. */
  maxRetryAfterMs: number;
  /** Deadline for one attempt (connect + headers). Default 60 s. */
  attemptTimeoutMs: number;
  /**
   * How a backoff or Retry-After is waited out: resolves after `ms`, or rejects with CanceledError
   * when `signal` aborts (the loop also checks the signal after it). Default: a real timer. The seam
   * for tests: one that records the requested delays and resolves at once shows that the wait asked
   * for was honoured without spending it (`recordingSleep()`).
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  maxRetryAfterMs: 30_000,
  attemptTimeoutMs: 60_000,
};

/** Retry-After as milliseconds: `retry-after-ms`, seconds, or an HTTP date. */
export function retryAfterMs(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new CanceledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CanceledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * A `RetryPolicy.sleep` for tests: records every delay the retry loop asks for and resolves at once
 * (after checking the signal), so a test asserts the Retry-After or backoff it got without waiting it out.
 */
export function recordingSleep(): { sleep: NonNullable<RetryPolicy['sleep']>; delays: number[] } {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    delays.push(ms);
    return signal?.aborted ? Promise.reject(new CanceledError()) : Promise.resolve();
  };
  return { sleep, delays };
}

/** What one attempt ended with: an answer, or a typed failure with whether (and why, and after how long) to try again. */
export type AttemptOutcome<T> = { value: T } | { failure: BoardsError; retry: false } | { failure: BoardsError; retry: true; reason: string; waitMs?: number };

/**
 * The one retry loop of the shared HTTP policy: attempt, let the attempt classify its failure,
 * back off (Retry-After when the attempt read one, else doubling from `baseDelayMs` with jitter, capped),
 * and give up with the last typed failure after `maxAttempts`. The wait is `policy.sleep` (a real timer
 * unless a test passes its own). An abort of any signal ends it with CanceledError, also during a backoff. Each attempt's own deadline is the attempt's business.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  signals: AbortSignal[],
  attempt: (n: number) => Promise<AttemptOutcome<T>>,
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void,
): Promise<T> {
  const stop = signals.length ? AbortSignal.any(signals) : undefined;
  for (let n = 1; ; n++) {
    if (stop?.aborted) throw new CanceledError();
    const outcome = await attempt(n);
    if ('value' in outcome) return outcome.value;
    if (!outcome.retry || n >= policy.maxAttempts) throw outcome.failure;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
    const delayMs = outcome.waitMs ?? Math.round(backoff / 2 + (Math.random() * backoff) / 2);
    onRetry?.({ attempt: n, delayMs, reason: outcome.reason });
    await (policy.sleep ?? sleep)(delayMs, stop);
  }
}

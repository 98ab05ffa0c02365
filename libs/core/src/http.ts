/**
 * The one HTTP policy every provider adapter hands to its SDK as `fetch`:
 * bounded retries with backoff where a retry cannot double-bill, Retry-After
 * honoured, a deadline on every attempt, and typed errors (provider, status,
 * request id) instead of whatever the SDK would throw.
 */
import type { ProviderName } from './errors';
import { attemptRequest, methodOf, urlOf, type AttemptSettings } from './http-attempt';
import { protocolOf, type ProviderProtocol } from './http-errors';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './http-retry';

// The policy's parts, one concern a file; this module is their public face.
export { errorFromResponse, networkFailure, protocolOf, providerMessage, requestIdFrom, type ProviderProtocol } from './http-errors';
export { DEFAULT_RETRY_POLICY, recordingSleep, retryAfterMs, type RetryPolicy } from './http-retry';
export { observeProviderExchanges, type HttpExchange } from './http-exchanges';
export { downloadBytes, readBodyCapped, type DownloadOptions } from './http-download';

export interface ProviderFetchOptions {
  provider: ProviderName;
  /** How to read the provider's request ids and error bodies. Default: its registered descriptor. */
  protocol?: ProviderProtocol;
  retry?: Partial<RetryPolicy>;
  /** Aborts every request made through this fetch. */
  signal?: AbortSignal;
  /**
   * Bounds the requests that come without a signal of their own (an SDK call that takes none,
   * e.g. fal's storage upload); a call's own signal replaces it. Lets one client serve a whole
   * generation whose calls need different signals (a cancel must outlive the abort it follows).
   */
  defaultSignal?: AbortSignal;
  /**
   * POST requests are not retried after they may have reached the provider (a
   * retried submit can start a second billed job). Return true for POSTs that are
   * safe to repeat, e.g. a cancel or an upload initiation.
   */
  isSafeToRepeat?: (method: string, url: string) => boolean;
  /**
   * Per-request retry policy, laid over `retry` and chosen by method, URL and headers, so one
   * client can send calls with different needs (a Replicate `Prefer: wait` create gets a longer
   * attempt timeout, a cancel short attempts and fewer of them). A call's own signal comes with
   * its `init` (the SDKs pass one per call) and is added to `signal`.
   */
  retryFor?: (method: string, url: string, headers: Headers) => Partial<RetryPolicy> | undefined;
  /** Sees every successful response (e.g. to read billing headers). */
  onResponse?: (info: { method: string; url: string; response: Response }) => void;
  /** Called before each retry, for logs and tests. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string; url: string }) => void;
  /** What each attempt is sent with (a program's own, from its settings). Default: the global fetch, looked up at each call. */
  fetch?: typeof fetch;
}

/**
 * Creates the fetch an SDK is given. Non-2xx answers and network failures are
 * thrown as typed errors once retries are spent, so SDK retry loops cannot add
 * their own (some retry billed POSTs or ignore Retry-After). A repeated call
 * with the same `init` object (an SDK retrying) gets the settled outcome again
 * without touching the network.
 */
export function createProviderFetch(options: ProviderFetchOptions): typeof fetch {
  const basePolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const protocol = protocolOf(options.provider, options.protocol);
  const settled = new WeakMap<object, Promise<Response>>();

  const attempt = (input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response> => {
    const signals = [options.signal, init?.signal ?? options.defaultSignal].filter((s): s is AbortSignal => !!s);
    const url = urlOf(input);
    const headers = options.retryFor && new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const policy: RetryPolicy = headers ? { ...basePolicy, ...options.retryFor?.(methodOf(input, init), url, headers) } : basePolicy;
    const settings: AttemptSettings = { ...options, protocol, policy, signals };
    const path = new URL(url).pathname;
    return withRetries(policy, signals, () => attemptRequest(input, init, settings), options.onRetry && ((info) => options.onRetry?.({ ...info, url: path })));
  };

  return ((input: RequestInfo | URL, init?: RequestInit) => {
    if (!init) return attempt(input, init);
    const previous = settled.get(init);
    if (previous) return previous.then((r) => r.clone());
    const outcome = attempt(input, init);
    settled.set(init, outcome);
    return outcome.then((r) => r.clone());
  }) as typeof fetch;
}

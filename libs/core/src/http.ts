/**
 * The one HTTP policy every provider adapter hands to its SDK as `fetch`:
 * bounded retries with backoff where a retry cannot double-bill, Retry-After
 * honoured, a deadline on every attempt, and typed errors (provider, status,
 * request id) instead of whatever the SDK would throw.
 */
import { BoardsError, CanceledError, ProviderError, TimeoutError, type ProviderName } from './errors';
import { registeredProviders, requestIdFromHeaders, type ProviderDescriptor } from './provider';
import { redactSecrets } from './secrets';
import { currentReachWitness } from './reach';

/** What the shared fetch reads from a provider's answers: its request-id headers and error bodies (from its descriptor). */
export type ProviderProtocol = Pick<ProviderDescriptor, 'requestIdHeaders' | 'errorMessage'>;

/** Request-id headers of a provider without a descriptor. */
const GENERIC_PROTOCOL: ProviderProtocol = { requestIdHeaders: ['x-request-id', 'request-id'] };

/** The protocol given, else the registered descriptor of `provider`, else the generic one. */
export function protocolOf(provider: ProviderName, given?: ProviderProtocol): ProviderProtocol {
  return given ?? registeredProviders().find((d) => d.name === provider) ?? GENERIC_PROTOCOL;
}

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

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Errors where the request never reached the server: always safe to repeat. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** The request id of an answer, from the provider's request-id headers (then `cf-ray`, which a CDN in front adds). */
export function requestIdFrom(headers: Headers | undefined, protocol: ProviderProtocol = GENERIC_PROTOCOL): string | undefined {
  return requestIdFromHeaders(headers, [...protocol.requestIdHeaders, 'cf-ray']);
}

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

function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What a failed fetch says about the network, for a message: the error code, or (when fetch
 * refused before connecting, e.g. a port the fetch spec blocks) the cause's own words; and
 * whether trying again can help. A refused connection or a blocked port will not heal by
 * retrying the same call.
 */
export function networkFailure(error: unknown, url: string): { reason: string; code?: string; retryable: boolean } {
  const code = networkCode(error);
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the text as given
  }
  if (code === 'ECONNREFUSED') return { reason: `connection refused by ${host} (ECONNREFUSED: nothing listens there)`, code, retryable: false };
  if (code) return { reason: code, code, retryable: true };
  // Duck-typed: fetch's errors come from another realm under jest (instanceof Error is false).
  const cause = (error as { cause?: { message?: unknown } })?.cause;
  const words = typeof cause?.message === 'string' ? cause.message : undefined;
  if (words === 'bad port') return { reason: `fetch refuses to connect to port ${host.split(':').pop()} (a blocked port)`, retryable: false };
  return { reason: words ?? (error instanceof Error ? error.message : 'network error'), retryable: true };
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

/**
 * A human message from an error body: the provider's own reader (its descriptor's
 * `errorMessage`), then a top-level `message`, then the raw text (cut), then `fallback`.
 */
export function providerMessage(body: string, fallback: string, protocol: ProviderProtocol = GENERIC_PROTOCOL): string {
  try {
    const json = JSON.parse(body) as unknown;
    const message = protocol.errorMessage?.(json) ?? (json as { message?: unknown } | null)?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON: fall through to the raw text
  }
  const text = body.trim().slice(0, 300);
  return text || fallback;
}

/** True when a response that says it is JSON does not parse (a proxy's HTML page, a cut body). */
async function malformedJson(response: Response): Promise<boolean> {
  if (!response.headers.get('content-type')?.includes('json')) return false;
  try {
    const text = await response.clone().text();
    if (text.length > 0) JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

export async function errorFromResponse(provider: ProviderName, response: Response, jobId?: string, protocol?: ProviderProtocol): Promise<ProviderError> {
  const body = await response.text().catch(() => '');
  const after = retryAfterMs(response.headers);
  const read = protocolOf(provider, protocol);
  return new ProviderError(redactSecrets(providerMessage(body, response.statusText || 'request failed', read)), {
    provider,
    status: response.status,
    requestId: requestIdFrom(response.headers, read),
    jobId,
    retryable: response.status === 429 || response.status >= 500,
    retryAfterSeconds: after === undefined ? undefined : Math.ceil(after / 1000),
  });
}

/** One request and its answer, as an SDK sent and received it (before any scrubbing). */
export interface HttpExchange {
  provider: ProviderName;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** Parsed JSON, `{fields, files}` for multipart, `{size, type}` for bytes; undefined when empty. */
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Uint8Array;
  at: number;
}

let exchangeObserver: ((exchange: HttpExchange) => void) | undefined;

/**
 * Sees every answer a provider gives through the shared fetch (recording for
 * replay). Only one observer at a time; pass undefined to stop.
 */
export function observeProviderExchanges(observer: ((exchange: HttpExchange) => void) | undefined): void {
  exchangeObserver = observer;
}

async function describeRequestBody(body: unknown): Promise<unknown> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return { text: body.slice(0, 2000) };
    }
  }
  if (body instanceof FormData) {
    const fields: Record<string, string> = {};
    const files: Array<{ field: string; fileName: string; size: number; type: string }> = [];
    body.forEach((value, field) => {
      if (typeof value === 'string') fields[field] = value;
      else files.push({ field, fileName: value.name, size: value.size, type: value.type });
    });
    return { fields, files };
  }
  if (body instanceof Blob) return { size: body.size, type: body.type };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { size: body.byteLength };
  return { kind: typeof body };
}

async function observe(provider: ProviderName, method: string, url: string, init: RequestInit | undefined, response: Response) {
  const observer = exchangeObserver;
  if (!observer || !/^https?:/.test(url)) return;
  observer({
    provider,
    method,
    url,
    requestHeaders: Object.fromEntries(new Headers(init?.headers).entries()),
    requestBody: await describeRequestBody(init?.body),
    status: response.status,
    responseHeaders: Object.fromEntries(response.headers.entries()),
    responseBody: new Uint8Array(await response.clone().arrayBuffer()),
    at: Date.now(),
  });
}

function methodOf(input: RequestInfo | URL, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
}

function urlOf(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}

/** What one attempt ended with: an answer, or a typed failure with whether (and why, and after how long) to try again. */
type AttemptOutcome<T> = { value: T } | { failure: BoardsError; retry: false } | { failure: BoardsError; retry: true; reason: string; waitMs?: number };

/**
 * The one retry loop of the shared HTTP policy: attempt, let the attempt classify its failure,
 * back off (Retry-After when the attempt read one, else doubling from `baseDelayMs` with jitter, capped),
 * and give up with the last typed failure after `maxAttempts`. The wait is `policy.sleep` (a real timer
 * unless a test passes its own). An abort of any signal ends it with CanceledError, also during a backoff. Each attempt's own deadline is the attempt's business.
 */
async function withRetries<T>(
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

interface AttemptSettings {
  provider: ProviderName;
  protocol: ProviderProtocol;
  policy: RetryPolicy;
  /** Every signal that aborts the request (the fetch's, the call's). */
  signals: AbortSignal[];
  isSafeToRepeat?: ProviderFetchOptions['isSafeToRepeat'];
  onResponse?: ProviderFetchOptions['onResponse'];
  fetch?: typeof fetch;
}

/**
 * One request under its own deadline, classified: a 2xx/304 with a readable body is the answer;
 * anything else is a typed failure that says whether a retry can help and cannot double-bill
 * (429 always; 408, 5xx, timeouts and malformed JSON only when the request is safe to repeat;
 * network failures when it is safe to repeat or was never sent).
 */
async function attemptRequest(input: RequestInfo | URL, init: RequestInit | undefined, settings: AttemptSettings): Promise<AttemptOutcome<Response>> {
  const { provider, protocol, policy, signals } = settings;
  const method = methodOf(input, init);
  const url = urlOf(input);
  const safeToRepeat = IDEMPOTENT.has(method) || (settings.isSafeToRepeat?.(method, url) ?? false);
  const timeoutMs = policy.attemptTimeoutMs;
  const path = new URL(url).pathname;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    // Counted before the answer: a request that gets none may still have reached a billing provider.
    // Only requests that can reach a server count (an SDK probing its fetch with a data: URL reaches none).
    const witness = /^https?:/i.test(url) ? currentReachWitness() : undefined;
    witness?.noteSent(url);
    const response = await (settings.fetch ?? fetch)(input, { ...init, signal: AbortSignal.any([...signals, timeout]) });
    witness?.noteAnswer(response.headers);
    await observe(provider, method, url, init, response).catch(() => undefined);
    if ((response.ok || response.status === 304) && !(await malformedJson(response))) {
      settings.onResponse?.({ method, url, response });
      return { value: response };
    }
    if (response.ok) {
      const failure = new ProviderError(`malformed JSON in the answer to ${method} ${path}`, {
        provider,
        status: response.status,
        requestId: requestIdFrom(response.headers, protocol),
        retryable: safeToRepeat,
      });
      return safeToRepeat ? { failure, retry: true, reason: 'malformed JSON' } : { failure, retry: false };
    }
    const failure = await errorFromResponse(provider, response, undefined, protocol);
    const status = response.status;
    if (!(status === 429 || (safeToRepeat && (status === 408 || status >= 500)))) return { failure, retry: false };
    const waitMs = retryAfterMs(response.headers);
    if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs) return { failure, retry: false };
    return { failure, retry: true, reason: `status ${status}`, waitMs };
  } catch (error) {
    if (BoardsError.isInstance(error)) throw error;
    if (signals.some((s) => s.aborted)) throw new CanceledError();
    if (timeout.aborted) {
      const failure = new TimeoutError(`${provider} ${method} ${path}`, timeoutMs);
      return safeToRepeat ? { failure, retry: true, reason: 'timeout' } : { failure, retry: false };
    }
    const network = networkFailure(error, url);
    const code = network.code ?? 'network error';
    // A blocked port never left this machine; a refused connection or an unknown host never reached the provider.
    const blocked = network.code === undefined && !network.retryable;
    if (!safeToRepeat && !blocked && !NOT_SENT_CODES.has(code)) {
      // The connection broke after the request may have been read (a reset, a hang-up): a submit may
      // have created a billed job, so a caller retrying on `retryable` could pay twice.
      const reason = `${network.reason}; the request may have reached ${provider}: the job may already exist and be billed; resubmitting is not safe: check the ${provider} dashboard`;
      return { failure: new ProviderError(`${method} ${path} failed: ${reason}`, { provider, retryable: false }), retry: false };
    }
    const failure = new ProviderError(`${method} ${path} failed: ${network.reason}`, { provider, retryable: network.retryable });
    // A blocked port fails the same way every time; a refused connection may be a server starting.
    if (blocked) return { failure, retry: false };
    return { failure, retry: true, reason: code };
  }
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

export interface DownloadOptions {
  provider: ProviderName;
  /** How to read the provider's request ids and error bodies. Default: its registered descriptor. */
  protocol?: ProviderProtocol;
  signal?: AbortSignal;
  jobId?: string;
  retry?: Partial<RetryPolicy>;
  /** Refuse an output larger than this many bytes (default: no cap). */
  maxBytes?: number;
  /** What the download is sent with. Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Reads a response body chunk by chunk, stopping (and canceling the transfer) once it passes
 * `maxBytes`: an endless or oversized stream never grows past the cap in memory.
 * Returns undefined when the body was larger than the cap.
 */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** 1 MiB: for messages about sizes. */
const MIB = 1024 * 1024;

/** A 4xx other than 408/429 will not heal by waiting: a download gets one more try (a just-written output may not be served yet), then stops. */
function healsOnRetry(error: BoardsError, attempt: number): boolean {
  return !(error instanceof ProviderError && error.status && error.status < 500 && error.status !== 408 && error.status !== 429 && attempt >= 2);
}

/**
 * Downloads a provider's output with retries (core's one retry loop): a result the provider
 * already produced (and billed) is not given up after one failed or truncated transfer.
 * The body is read in chunks up to `maxBytes`; a larger output is refused at once.
 */
export async function downloadBytes(url: string, options: DownloadOptions): Promise<{ bytes: Uint8Array; contentType?: string }> {
  if (url.startsWith('data:')) {
    const response = await fetch(url);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? undefined };
  }
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const protocol = protocolOf(options.provider, options.protocol);
  const signals = options.signal ? [options.signal] : [];
  const settings: AttemptSettings = { provider: options.provider, protocol, policy, signals, fetch: options.fetch };
  let attempts = 0;

  const attempt = async (n: number): Promise<AttemptOutcome<{ bytes: Uint8Array; contentType?: string }>> => {
    attempts = n;
    try {
      const request = await attemptRequest(url, undefined, settings);
      if (!('value' in request)) {
        const { failure } = request;
        // Unlike an SDK's request, a download is repeated even past a long Retry-After (backing off as usual).
        const waitMs = request.retry ? request.waitMs : undefined;
        return healsOnRetry(failure, n) ? { failure, retry: true, reason: failure.message, waitMs } : { failure, retry: false };
      }
      const response = request.value;
      const expected = Number(response.headers.get('content-length') ?? NaN);
      const bytes = await readBodyCapped(response, maxBytes);
      if (!bytes) {
        // Waiting will not make it smaller: not retried.
        const failure = new ProviderError(`output is larger than the ${Math.round(maxBytes / MIB)} MiB allowed for it; not stored`, {
          provider: options.provider,
          status: response.status,
          requestId: requestIdFrom(response.headers, protocol),
          jobId: options.jobId,
          retryable: false,
        });
        return { failure, retry: false };
      }
      if (Number.isFinite(expected) && bytes.length !== expected) {
        const failure = new ProviderError(`download truncated: ${bytes.length} of ${expected} bytes`, {
          provider: options.provider,
          status: response.status,
          requestId: requestIdFrom(response.headers, protocol),
          retryable: true,
        });
        return { failure, retry: true, reason: 'truncated' };
      }
      return { value: { bytes, contentType: response.headers.get('content-type') ?? undefined } };
    } catch (error) {
      if (error instanceof CanceledError) throw error;
      if (options.signal?.aborted) throw new CanceledError();
      // The body broke off while being read (a reset mid-transfer).
      const network = networkFailure(error, url);
      const failure = BoardsError.isInstance(error)
        ? error
        : new ProviderError(`download failed: ${network.reason}`, { provider: options.provider, retryable: network.retryable });
      return healsOnRetry(failure, n) ? { failure, retry: true, reason: failure.message } : { failure, retry: false };
    }
  };

  try {
    return await withRetries(policy, signals, attempt);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const message = error.message.replace(new RegExp(`^${options.provider}: `), '').replace(/ \((status|request|job) [^)]*\)$/, '');
    throw new ProviderError(`output download failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`, {
      provider: options.provider,
      status: error.status,
      requestId: error.requestId,
      jobId: options.jobId,
      retryable: error.retryable,
    });
  }
}

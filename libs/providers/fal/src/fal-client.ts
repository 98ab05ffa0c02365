import { createFalClient, type FalClient } from '@fal-ai/client';
import { providerConnection, providerSettings, settingsOf } from '@boards/config';
import { createProviderFetch, DEFAULT_GENERATION_TIMEOUT_MS, type GeneratorContext, type RetryPolicy } from '@boards/core';
import { descriptor } from './descriptor';
import { STREAM_SPAN_MS } from './fal-wait';

export interface FalAdapterOptions {
  /** API key. Default: FAL_KEY (or FAL_KEY_ID + FAL_KEY_SECRET) from the environment, BOARDS_GENERATOR_API_KEYS or .env, read at call time. */
  apiKey?: string;
  /**
   * Where fal's hosts are redirected (the emulator). Default: BOARDS_FAL_BASE_URL; unset means the real fal.
   * `https://queue.fal.run/X` -> `${baseUrl}/queue/X`, `https://rest.fal.ai/X` -> `${baseUrl}/rest/X`, `https://fal.run/X` -> `${baseUrl}/run/X`.
   */
  baseUrl?: string;
  /** HTTP retry policy (see @boards/core DEFAULT_RETRY_POLICY). */
  retry?: Partial<RetryPolicy>;
  /** First status poll is immediate; later ones start at this interval and grow 1.5x to 500 ms. Default 100 ms (core POLL_FIRST_MS). */
  pollIntervalMs?: number;
  /** How the adapter learns a request completed: `stream` (default) fal's status stream, polling when it fails; `poll` polling only. */
  statusUpdates?: 'stream' | 'poll';
  /** Deadline for the whole request. Default: BOARDS_GENERATION_TIMEOUT_MS, else 10 minutes. */
  timeoutMs?: number;
  /** What the client's requests are sent with, under core's retry policy. Default: the settings' `fetch`, else the global fetch. */
  fetch?: typeof fetch;
}

/**
 * The options of one generation, every one named: the generator's own `adapter` options, else the
 * context's settings (without settings, the environment's, read now). The client then reads
 * nothing from the environment (the SDK's FAL_KEY lookup included).
 */
export function falOptionsFor(ctx: GeneratorContext, given: FalAdapterOptions = {}): FalAdapterOptions & { apiKey: string; baseUrl: string } {
  const settings = settingsOf(ctx);
  const { apiKey, baseUrl } = providerConnection(descriptor.name, settings, given);
  const timeoutMs = given.timeoutMs ?? settings.generationTimeoutMs ?? DEFAULT_GENERATION_TIMEOUT_MS;
  return { ...given, apiKey, baseUrl, timeoutMs, fetch: given.fetch ?? settings.fetch };
}

const HOSTS: Array<[RegExp, string]> = [
  [/^https:\/\/queue\.fal\.run\//, 'queue/'],
  [/^https:\/\/rest\.(?:[a-z]+\.)?fal\.ai\//, 'rest/'],
  [/^https:\/\/fal\.run\//, 'run/'],
];

/** Maps a fal URL onto a base URL (the emulator); other URLs pass unchanged. */
export function redirectFalUrl(url: string, baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  for (const [pattern, prefix] of HOSTS) {
    if (pattern.test(url)) return url.replace(pattern, `${base}${prefix}`);
  }
  return url;
}

const SAFE_POST = /\/storage\/upload\/initiate/;
const STATUS_STREAM = /\/requests\/[^/]+\/status\/stream$/;
const CANCEL = /\/requests\/[^/]+\/cancel$/;

/** The status stream is an optimisation: one attempt (polling takes over when it fails), with a deadline past the span it is held. */
const STREAM_RETRY: Partial<RetryPolicy> = { maxAttempts: 1, attemptTimeoutMs: STREAM_SPAN_MS + 5000 };
/** A cancel runs inside core's bounded cancel wait: short attempts, two of them. */
const CANCEL_RETRY: Partial<RetryPolicy> = { attemptTimeoutMs: 3000, maxAttempts: 2 };

export interface FalClientHooks {
  /** Aborts every request of the client. */
  signal?: AbortSignal;
  /** Bounds the requests that carry no signal of their own (storage uploads: the SDK takes none for them). */
  defaultSignal?: AbortSignal;
  /** Receives `x-fal-billable-units` from result responses. */
  onBillableUnits?: (units: string) => void;
}

/**
 * Builds the official client over the shared HTTP policy (the client's own retries never see a
 * failure). One client serves a whole generation: queue calls pass their own `abortSignal`,
 * and the retry policy is chosen per call (the status stream one attempt, a cancel short ones).
 */
export function createFalAdapterClient(options: FalAdapterOptions = {}, hooks: FalClientHooks = {}): FalClient {
  const { apiKey, baseUrl: given } = providerSettings(descriptor.name, options);
  // fal's own queue URL (what the connection names when no other is set) needs no redirect.
  const baseUrl = given === descriptor.defaultBaseUrl ? undefined : given;
  return createFalClient({
    credentials: apiKey,
    suppressLocalCredentialsWarning: true,
    fetch: onlyEventStreams(
      createProviderFetch({
        provider: descriptor.name,
        protocol: descriptor,
        signal: hooks.signal,
        defaultSignal: hooks.defaultSignal,
        retry: options.retry,
        fetch: options.fetch,
        isSafeToRepeat: (method, url) => method === 'POST' && SAFE_POST.test(url),
        retryFor: (_method, url) => {
          const path = new URL(url).pathname;
          return STATUS_STREAM.test(path) ? STREAM_RETRY : CANCEL.test(path) ? CANCEL_RETRY : undefined;
        },
        onResponse: ({ response }) => {
          const units = response.headers.get('x-fal-billable-units');
          if (units) hooks.onBillableUnits?.(units);
        },
      }),
    ),
    requestMiddleware: async (request) => (baseUrl ? { ...request, url: redirectFalUrl(request.url, baseUrl) } : request),
  });
}

/**
 * A status stream answered with anything but server-sent events is refused (406) before the SDK
 * reads it: the SDK reads such a body as raw chunks with no rejection handler, so a connection cut
 * mid-body would crash the process (an unhandled rejection) while the fal job runs on. The wait
 * then polls instead.
 */
function onlyEventStreams(shared: typeof fetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await shared(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!STATUS_STREAM.test(new URL(url).pathname) || (response.headers.get('content-type') ?? '').includes('text/event-stream')) return response;
    // Not awaited: the shared fetch hands out a tee'd clone, whose cancel settles only with its twin's.
    void response.body?.cancel().catch(() => undefined);
    // 406 (what was asked for, text/event-stream, is not what came): a status the SDK does not retry.
    return new Response(null, { status: 406, statusText: 'the status stream is not text/event-stream' });
  }) as typeof fetch;
}

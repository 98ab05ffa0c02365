import { createFalClient, type FalClient } from '@fal-ai/client';
import { providerSettings } from '@boards/config';
import { createProviderFetch, type RetryPolicy } from '@boards/core';
import { descriptor } from './descriptor';

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
  /** Deadline for the whole request. Default: BOARDS_GENERATION_TIMEOUT_MS, else 10 minutes. */
  timeoutMs?: number;
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

export interface FalClientHooks {
  signal?: AbortSignal;
  /** Receives `x-fal-billable-units` from result responses. */
  onBillableUnits?: (units: string) => void;
}

/** Builds the official client over the shared HTTP policy (the client's own retries never see a failure). */
export function createFalAdapterClient(options: FalAdapterOptions = {}, hooks: FalClientHooks = {}): FalClient {
  const { apiKey, baseUrl } = providerSettings(descriptor.name, options);
  return createFalClient({
    credentials: apiKey,
    suppressLocalCredentialsWarning: true,
    fetch: createProviderFetch({
      provider: descriptor.name,
      protocol: descriptor,
      signal: hooks.signal,
      retry: options.retry,
      isSafeToRepeat: (method, url) => method === 'POST' && SAFE_POST.test(url),
      onResponse: ({ response }) => {
        const units = response.headers.get('x-fal-billable-units');
        if (units) hooks.onBillableUnits?.(units);
      },
    }),
    requestMiddleware: async (request) => (baseUrl ? { ...request, url: redirectFalUrl(request.url, baseUrl) } : request),
  });
}

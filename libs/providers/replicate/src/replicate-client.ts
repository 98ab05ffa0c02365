import Replicate from 'replicate';
import { positiveNumberSetting, providerConnection, providerSettings, settingsOf } from '@boards/config';
import { createProviderFetch, DEFAULT_GENERATION_TIMEOUT_MS, type GeneratorContext, type RetryPolicy } from '@boards/core';
import { descriptor } from './descriptor';

export interface ReplicateAdapterOptions {
  /** API token. Default: REPLICATE_API_TOKEN (environment, BOARDS_GENERATOR_API_KEYS or .env), read at call time. */
  apiKey?: string;
  /** API base URL including /v1. Default: BOARDS_REPLICATE_BASE_URL, else https://api.replicate.com/v1. */
  baseUrl?: string;
  /** HTTP retry policy (see @boards/core DEFAULT_RETRY_POLICY). */
  retry?: Partial<RetryPolicy>;
  /**
   * Seconds the create call asks Replicate to hold the connection (`Prefer: wait=N`, 1..60).
   * Most image models finish inside it, so no poll runs. An abort takes effect when the create
   * answers (only then is the prediction id known and the job can be canceled), so this also
   * bounds how long a canceled generation keeps running. Default: BOARDS_REPLICATE_WAIT_SECONDS, else 20.
   */
  waitSeconds?: number;
  /** First poll interval once the blocking wait returns unfinished; grows 1.5x to 500 ms. Default 100 ms (core POLL_FIRST_MS). */
  pollIntervalMs?: number;
  /** Deadline for the whole prediction. Default: BOARDS_GENERATION_TIMEOUT_MS, else 10 minutes. */
  timeoutMs?: number;
  /** What the SDK's requests are sent with, under core's retry policy. Default: the settings' `fetch`, else the global fetch. */
  fetch?: typeof fetch;
}

export function replicateWaitSeconds(options: ReplicateAdapterOptions): number {
  const value = options.waitSeconds ?? positiveNumberSetting('BOARDS_REPLICATE_WAIT_SECONDS') ?? 20;
  return Math.min(60, Math.max(1, Math.ceil(value)));
}

const CANCEL_PATH = /\/predictions\/[^/]+\/cancel$/;
/** A cancel runs inside core's bounded cancel wait: short attempts, two of them. */
const CANCEL_RETRY: Partial<RetryPolicy> = { attemptTimeoutMs: 3000, maxAttempts: 2 };

/** The options with the key, base URL and wait resolved from the configuration, once: pass them to every client of one generation. */
export function resolveReplicateOptions(options: ReplicateAdapterOptions = {}): ReplicateAdapterOptions & { apiKey: string } {
  const settings = providerSettings(descriptor.name, options);
  return { ...options, ...settings, waitSeconds: replicateWaitSeconds(options) };
}

/**
 * The options of one generation, every one named: the generator's own `adapter` options, else the
 * context's settings (without settings, the environment's, read now). Handed down, they leave the
 * SDK and the prediction loop nothing to look up in the environment.
 */
export function replicateOptionsFor(ctx: GeneratorContext, given: ReplicateAdapterOptions = {}): ReplicateAdapterOptions & { apiKey: string } {
  const settings = settingsOf(ctx);
  const { apiKey, baseUrl, waitSeconds } = providerConnection(descriptor.name, settings, given);
  const timeoutMs = given.timeoutMs ?? settings.generationTimeoutMs ?? DEFAULT_GENERATION_TIMEOUT_MS;
  return { ...given, apiKey, baseUrl, waitSeconds: replicateWaitSeconds({ waitSeconds: waitSeconds ?? 20 }), timeoutMs, fetch: given.fetch ?? settings.fetch };
}

/**
 * Builds the official client over the shared HTTP policy (settings not given are resolved from the
 * configuration). One client serves a whole generation: each call passes its own `signal`, and the
 * retry policy is chosen per call (a blocking create waits longer, a cancel gets short attempts).
 */
export function createReplicateClient(options: ReplicateAdapterOptions = {}, signal?: AbortSignal): Replicate {
  const resolved = options.apiKey === undefined ? resolveReplicateOptions(options) : options;
  const waitSeconds = replicateWaitSeconds(resolved);
  return new Replicate({
    auth: resolved.apiKey,
    baseUrl: resolved.baseUrl ?? descriptor.defaultBaseUrl,
    // Outputs are downloaded by the adapter (with retries), not by the SDK's FileOutput.
    useFileOutput: false,
    fetch: createProviderFetch({
      provider: descriptor.name,
      protocol: descriptor,
      signal,
      retry: options.retry,
      fetch: options.fetch,
      isSafeToRepeat: (method, url) => method === 'POST' && CANCEL_PATH.test(new URL(url).pathname),
      retryFor: (method, url, headers) => {
        if (method === 'POST' && CANCEL_PATH.test(new URL(url).pathname)) return CANCEL_RETRY;
        // A blocking create legitimately takes up to `waitSeconds`.
        return headers.get('prefer')?.startsWith('wait') ? { attemptTimeoutMs: (waitSeconds + 15) * 1000 } : undefined;
      },
    }),
  });
}

import OpenAI from 'openai';
import { generationTimeoutMs, providerConnection, providerSettings, settingsOf } from '@boards/config';
import { createProviderFetch, type GeneratorContext, type RetryPolicy } from '@boards/core';
import { descriptor } from './descriptor';

export interface OpenAIAdapterOptions {
  /** API key. Default: OPENAI_API_KEY from the environment, BOARDS_GENERATOR_API_KEYS or .env, read at call time. */
  apiKey?: string;
  /** API base URL including /v1. Default: BOARDS_OPENAI_BASE_URL, else the SDK's own (OPENAI_BASE_URL or api.openai.com). */
  baseUrl?: string;
  /** HTTP retry policy (see @boards/core DEFAULT_RETRY_POLICY). The SDK's own retries are off. */
  retry?: Partial<RetryPolicy>;
  /** Deadline for one request (image generation is synchronous and slow). Default: BOARDS_GENERATION_TIMEOUT_MS, else 5 minutes. */
  timeoutMs?: number;
  /** What the SDK's requests are sent with, under core's retry policy. Default: the settings' `fetch`, else the global fetch. */
  fetch?: typeof fetch;
}

/** OpenAI answers synchronously; five minutes covers the slowest image generation. */
const REQUEST_MS = 5 * 60 * 1000;
export const openAITimeout = (options: OpenAIAdapterOptions): number => generationTimeoutMs(options.timeoutMs, REQUEST_MS);

/**
 * The options of one call, every one named: the operation's own options, else the context's
 * settings (without settings, the environment's, read now).
 */
export function openAIOptionsFor(ctx: GeneratorContext, given: OpenAIAdapterOptions = {}): OpenAIAdapterOptions & { apiKey: string; baseUrl: string } {
  const settings = settingsOf(ctx);
  const { apiKey, baseUrl } = providerConnection(descriptor.name, settings, given);
  return { ...given, apiKey, baseUrl, timeoutMs: given.timeoutMs ?? settings.generationTimeoutMs ?? REQUEST_MS, fetch: given.fetch ?? settings.fetch };
}

/** Builds the official client over the shared HTTP policy. */
export function createOpenAIClient(options: OpenAIAdapterOptions = {}, signal?: AbortSignal): OpenAI {
  const timeout = openAITimeout(options);
  const { apiKey, baseUrl } = providerSettings(descriptor.name, options);
  return new OpenAI({
    apiKey,
    // Named, never left to the SDK's own lookups (OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID): a tenant's call goes where its settings say.
    baseURL: baseUrl ?? descriptor.defaultBaseUrl,
    organization: null,
    project: null,
    maxRetries: 0,
    // The shared fetch enforces the deadline (and says TimeoutError); the SDK's own is a backstop.
    timeout: timeout + 5000,
    fetch: createProviderFetch({
      provider: descriptor.name,
      protocol: descriptor,
      signal,
      retry: { attemptTimeoutMs: timeout, ...options.retry },
      fetch: options.fetch,
    }),
  });
}

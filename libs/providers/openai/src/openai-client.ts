import OpenAI from 'openai';
import { generationTimeoutMs, providerSettings } from '@boards/config';
import { createProviderFetch, type RetryPolicy } from '@boards/core';
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
}

/** OpenAI answers synchronously; five minutes covers the slowest image generation. */
export const openAITimeout = (options: OpenAIAdapterOptions): number => generationTimeoutMs(options.timeoutMs, 5 * 60 * 1000);

/** Builds the official client over the shared HTTP policy. */
export function createOpenAIClient(options: OpenAIAdapterOptions = {}, signal?: AbortSignal): OpenAI {
  const timeout = openAITimeout(options);
  const { apiKey, baseUrl } = providerSettings(descriptor.name, options);
  return new OpenAI({
    apiKey,
    baseURL: baseUrl,
    maxRetries: 0,
    // The shared fetch enforces the deadline (and says TimeoutError); the SDK's own is a backstop.
    timeout: timeout + 5000,
    fetch: createProviderFetch({ provider: descriptor.name, protocol: descriptor, signal, retry: { attemptTimeoutMs: timeout, ...options.retry } }),
  });
}

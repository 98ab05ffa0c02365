import { MissingKeyError, type ProviderName } from '@boards/core';
import { loadKeys, type ConfigSourceOptions, type KeySource } from './load-keys';
import { providerBaseUrl } from './base-url';
import { keyVariable } from './variables';

const WHERE = 'set it in the environment, in BOARDS_GENERATOR_API_KEYS or in .env';

/** The provider's key from the first source that has it (see loadKeys for the precedence), or undefined. */
export function getKey(provider: ProviderName, options?: ConfigSourceOptions): string | undefined {
  return loadKeys(options).values[keyVariable(provider)];
}

/** The provider's key; throws MissingKeyError ("Missing <its key variable>: ...") when no source has it. */
export function requireKey(provider: ProviderName, options?: ConfigSourceOptions): string {
  const key = getKey(provider, options);
  if (key === undefined) throw new MissingKeyError(keyVariable(provider), WHERE);
  return key;
}

export function hasKey(provider: ProviderName, options?: ConfigSourceOptions): boolean {
  return getKey(provider, options) !== undefined;
}

/** Which source the provider's key comes from, or undefined when it is missing. */
export function keySource(provider: ProviderName, options?: ConfigSourceOptions): KeySource | undefined {
  return loadKeys(options).sources[keyVariable(provider)];
}

/** What an adapter needs of the configuration, resolved once (one read of the key sources) and handed to its SDK client. */
export interface ResolvedProviderSettings {
  /** The provider's key: the one given, else from the environment, BOARDS_GENERATOR_API_KEYS or .env. */
  apiKey: string;
  /** The base-URL override (its BOARDS_<NAME>_BASE_URL), or undefined for the provider's real API. */
  baseUrl?: string;
}

/**
 * Resolves provider `name`'s settings once: what the caller gave wins; the key is required
 * (MissingKeyError naming its variable), the base URL is checked (InvalidConfigError naming its variable).
 */
export function providerSettings(
  provider: ProviderName,
  given: Partial<ResolvedProviderSettings> = {},
  options?: ConfigSourceOptions,
): ResolvedProviderSettings {
  const apiKey = given.apiKey ?? requireKey(provider, options);
  const baseUrl = given.baseUrl ?? providerBaseUrl(provider, options?.env);
  return { apiKey, baseUrl };
}

/** A positive number setting from the environment (e.g. BOARDS_REPLICATE_WAIT_SECONDS), or undefined when unset or not a positive number. */
export function positiveNumberSetting(variable: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  return positiveNumber(env[variable]);
}

/** `text` as a positive number, or undefined when it is unset or anything else. */
export function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

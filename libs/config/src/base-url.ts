import { InvalidConfigError, type ProviderName } from '@boards/core';
import { baseUrlVariable, nonEmpty } from './variables';

/**
 * The provider's base-URL override (its descriptor's `baseUrlVariable`, BOARDS_<NAME>_BASE_URL;
 * default: unset, i.e. the provider's real API), read from `env`
 * (default `process.env`). A value that is not an http(s) URL is an InvalidConfigError
 * naming the variable, so a typo never sends a live call somewhere unexpected.
 */
export function providerBaseUrl(provider: ProviderName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return checkedBaseUrl(baseUrlVariable(provider), env[baseUrlVariable(provider)]);
}

/** `value` (trimmed; empty is unset) when it is an http(s) URL; otherwise an InvalidConfigError naming `setting`, never the value. */
export function checkedBaseUrl(setting: string, raw: string | undefined): string | undefined {
  const value = nonEmpty(raw?.trim());
  if (value === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new InvalidConfigError(setting, 'not a valid URL (expected e.g. http://127.0.0.1:4010)');
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new InvalidConfigError(setting, 'must be an http:// or https:// URL');
  return value;
}

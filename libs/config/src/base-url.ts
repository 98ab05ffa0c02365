import { InvalidConfigError, type ProviderName } from '@boards/core';
import { baseUrlVariable, nonEmpty } from './variables';

/**
 * The provider's base-URL override (its descriptor's `baseUrlVariable`, BOARDS_<NAME>_BASE_URL;
 * default: unset, i.e. the provider's real API), read from `env`
 * (default `process.env`). A value that is not an http(s) URL is an InvalidConfigError
 * naming the variable, so a typo never sends a live call somewhere unexpected.
 */
export function providerBaseUrl(provider: ProviderName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const variable = baseUrlVariable(provider);
  const value = nonEmpty(env[variable]?.trim());
  if (value === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new InvalidConfigError(variable, 'not a valid URL (expected e.g. http://127.0.0.1:4010)');
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new InvalidConfigError(variable, 'must be an http:// or https:// URL');
  return value;
}

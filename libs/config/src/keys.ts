import { MissingKeyError, type ProviderName } from '@boards/core';
import { loadKeys, type ConfigSourceOptions, type KeySource } from './load-keys';
import { keyVariable } from './variables';

const WHERE = 'set it in the environment, in BOARDS_GENERATOR_API_KEYS or in .env';

/** The provider's key from the first source that has it (see loadKeys for the precedence), or undefined. */
export function getKey(provider: ProviderName, options?: ConfigSourceOptions): string | undefined {
  return loadKeys(options).values[keyVariable(provider)];
}

/** The provider's key; throws MissingKeyError ("Missing FAL_KEY: ...") when no source has it. */
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

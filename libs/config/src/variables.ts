import { keyVariablesOf, providerDescriptors, requireProvider, type ProviderDescriptor, type ProviderName } from '@boards/core';

/**
 * Every provider's variables come from its adapter's descriptor (`key.variable`,
 * `key.parts`, `baseUrlVariable`): config names no provider. The installed adapters are
 * found by @boards/core's providerDescriptors (a package.json scan, once per process).
 */

/** The variable provider `name`'s SDK reads its key from (its descriptor's `key.variable`). Throws for a provider no adapter describes. */
export function keyVariable(provider: ProviderName): string {
  return requireProvider(provider).key.variable;
}

/** The variable overriding provider `name`'s base URL (BOARDS_<NAME>_BASE_URL), used to point its adapter at the emulator. */
export function baseUrlVariable(provider: ProviderName): string {
  return requireProvider(provider).baseUrlVariable;
}

/** The descriptor of provider `name`; throws InvalidConfigError naming the installed ones when no adapter describes it. */
export function requireProviderDescriptor(name: ProviderName): ProviderDescriptor {
  return requireProvider(name);
}

/** The descriptors of the installed providers. */
export function providers(): ProviderDescriptor[] {
  return providerDescriptors();
}

/** JSON object of VARIABLE_NAME (or provider name) -> key, e.g. `{"<KEY_VARIABLE>":"..."}`. */
export const KEYS_JSON_VARIABLE = 'BOARDS_GENERATOR_API_KEYS';

/** Path of the .env file to read instead of `<cwd>/.env`. */
export const ENV_FILE_VARIABLE = 'BOARDS_ENV_FILE';

/** Variables looked up in the process environment even when no file or JSON names them: every provider's key and key parts. */
export function knownKeyVariables(): string[] {
  return providers().flatMap(keyVariablesOf);
}

/** Maps a provider name to its key variable; other names are returned as given. */
export function variableForName(name: string): string {
  return providers().find((d) => d.name === name)?.key.variable ?? name;
}

/** True when `name` is a provider's name (an alias in BOARDS_GENERATOR_API_KEYS). */
export function isProviderAlias(name: string): boolean {
  return providers().some((d) => d.name === name);
}

/** Shell-style variable names; anything else cannot be exported to an SDK. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Empty strings count as unset everywhere: `SOME_KEY=` in a shell must not shadow the .env value. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

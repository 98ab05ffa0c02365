import type { ProviderName } from '@boards/core';

/** The environment variable each provider's SDK reads its API key from. */
export const KEY_VARIABLES: Record<ProviderName, string> = {
  replicate: 'REPLICATE_API_TOKEN',
  fal: 'FAL_KEY',
  openai: 'OPENAI_API_KEY',
};

/** Base-URL overrides used to point adapters at the emulator. */
export const BASE_URL_VARIABLES: Record<ProviderName, string> = {
  replicate: 'BOARDS_REPLICATE_BASE_URL',
  fal: 'BOARDS_FAL_BASE_URL',
  openai: 'BOARDS_OPENAI_BASE_URL',
};

/** JSON object of VARIABLE_NAME (or provider name) -> key, e.g. `{"FAL_KEY":"..."}`. */
export const KEYS_JSON_VARIABLE = 'BOARDS_GENERATOR_API_KEYS';

/** Path of the .env file to read instead of `<cwd>/.env`. */
export const ENV_FILE_VARIABLE = 'BOARDS_ENV_FILE';

/** fal's SDK also accepts its key split in two; they are combined as `id:secret`. */
export const FAL_KEY_ID_VARIABLE = 'FAL_KEY_ID';
export const FAL_KEY_SECRET_VARIABLE = 'FAL_KEY_SECRET';

/** Variables looked up in the process environment even when no file or JSON names them. */
export const KNOWN_KEY_VARIABLES: readonly string[] = [...Object.values(KEY_VARIABLES), FAL_KEY_ID_VARIABLE, FAL_KEY_SECRET_VARIABLE];

const PROVIDERS = Object.keys(KEY_VARIABLES) as ProviderName[];

/** Maps a provider name (`fal`) to its key variable (`FAL_KEY`); other names are returned as given. */
export function variableForName(name: string): string {
  return PROVIDERS.includes(name as ProviderName) ? KEY_VARIABLES[name as ProviderName] : name;
}

/** Shell-style variable names; anything else cannot be exported to an SDK. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Empty strings count as unset everywhere: `FAL_KEY=` in a shell must not shadow the .env value. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

import type { ProviderName } from '@boards/core';
import { BASE_URL_VARIABLES, KEY_VARIABLES } from './variables';

const PROVIDERS: readonly ProviderName[] = ['replicate', 'fal', 'openai'];

/** Obviously fake keys for emulator runs: the emulator accepts any key, so a real one never needs to travel. */
export const DUMMY_KEYS: Record<ProviderName, string> = {
  replicate: 'r8_emulator_dummy_token_000000',
  fal: 'emulator-dummy-id:emulator-dummy-secret',
  openai: 'sk-emulator-dummy-key-000000',
};

/** The base URLs of an emulator (the shape `@boards/emulator`'s Emulator has). */
export interface EmulatorUrls {
  replicateBaseUrl: string;
  falBaseUrl: string;
  openaiBaseUrl: string;
}

export interface EmulatorVariablesOptions {
  /** 'always' replaces even a real key (nothing may reach a real provider); 'if-missing' keeps a key that is set. */
  dummyKeys: 'always' | 'if-missing' | 'never';
  env?: NodeJS.ProcessEnv;
}

/**
 * The variables that point every adapter at an emulator: the same ones a user sets by
 * hand (BOARDS_*_BASE_URL), BOARDS_REPLICATE_WAIT_SECONDS=1 (a blocking create answers
 * within a second, so an abort, which waits for the prediction id, is quick), and dummy keys.
 */
export function emulatorVariables(urls: EmulatorUrls, options: EmulatorVariablesOptions): Array<[string, string]> {
  const env = options.env ?? process.env;
  const base: Record<ProviderName, string> = { replicate: urls.replicateBaseUrl, fal: urls.falBaseUrl, openai: urls.openaiBaseUrl };
  const keys = PROVIDERS.filter((p) => options.dummyKeys === 'always' || (options.dummyKeys === 'if-missing' && !env[KEY_VARIABLES[p]]));
  return [
    ...PROVIDERS.map((p): [string, string] => [BASE_URL_VARIABLES[p], base[p]]),
    ['BOARDS_REPLICATE_WAIT_SECONDS', '1'],
    ...keys.map((p): [string, string] => [KEY_VARIABLES[p], DUMMY_KEYS[p]]),
  ];
}

/** Sets variables and returns the function that puts the previous values back. */
export function applyVariables(variables: Array<[string, string]>, env: NodeJS.ProcessEnv = process.env): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of variables) {
    if (!saved.has(name)) saved.set(name, env[name]);
    env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  };
}

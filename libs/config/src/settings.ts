import { DEFAULT_GENERATION_TIMEOUT_MS, type BoardsSettings, type GeneratorSettings, type ProviderDescriptor, type ProviderSettings } from '@boards/core';
import { checkedBaseUrl } from './base-url';
import { positiveNumber, positiveNumberSetting } from './keys';
import { loadKeys, type ConfigSourceOptions } from './load-keys';
import { nonEmpty, providers } from './variables';

/** The deadline of one generation (ms, a positive number; anything else is ignored): settings' `generationTimeoutMs`. */
export const GENERATION_TIMEOUT_VARIABLE = 'BOARDS_GENERATION_TIMEOUT_MS';
/** The default artifact directory (the CLI's `--out` wins). */
export const STORAGE_DIR_VARIABLE = 'BOARDS_STORAGE_DIR';

/**
 * The deadline of one generation: `option` when given, else BOARDS_GENERATION_TIMEOUT_MS from `env`
 * (default `process.env`, read at each call), else `fallbackMs` (10 minutes unless the adapter says otherwise).
 */
export function generationTimeoutMs(option?: number, fallbackMs = DEFAULT_GENERATION_TIMEOUT_MS, env: NodeJS.ProcessEnv = process.env): number {
  return option ?? positiveNumberSetting(GENERATION_TIMEOUT_VARIABLE, env) ?? fallbackMs;
}

/**
 * The settings object of a configuration, read once: every installed provider's key (environment >
 * BOARDS_GENERATOR_API_KEYS > .env, as loadKeys ranks them), base URL and blocking wait (environment >
 * .env), and the generation deadline. The edges (the CLI, the jest setup, the bench) call it and hand
 * the value on; nothing is written anywhere. A malformed base URL is an InvalidConfigError naming its variable.
 */
export function resolveSettings(options: ConfigSourceOptions = {}): BoardsSettings {
  const env = options.env ?? process.env;
  const { values } = loadKeys({ ...options, env });
  const read = (name: string) => values[name] ?? nonEmpty(env[name]);
  const timeout = positiveNumber(read(GENERATION_TIMEOUT_VARIABLE));
  return {
    providers: Object.fromEntries(providers().map((d) => [d.name, providerSettingsOf(d, read)])),
    ...(timeout === undefined ? {} : { generationTimeoutMs: timeout }),
  };
}

function providerSettingsOf(d: ProviderDescriptor, read: (name: string) => string | undefined): ProviderSettings {
  const apiKey = read(d.key.variable);
  const baseUrl = checkedBaseUrl(d.baseUrlVariable, read(d.baseUrlVariable));
  const waitSeconds = d.waitSecondsVariable === undefined ? undefined : positiveNumber(read(d.waitSecondsVariable));
  return {
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(waitSeconds === undefined ? {} : { waitSeconds }),
  };
}

/**
 * What an adapter hands to core's `defineGenerator`: a generation whose context carries no settings
 * runs with the environment's, resolved once when it starts (read, never written). `env` is for tests.
 */
export function generatorSettings(env?: NodeJS.ProcessEnv): GeneratorSettings {
  return { resolve: () => resolveSettings(env === undefined ? {} : { env }) };
}

/** The settings a generation runs with: its context's, else the environment's, resolved now (the backward-compatible default). */
export function settingsOf(context: { settings?: BoardsSettings }): BoardsSettings {
  return context.settings ?? resolveSettings();
}

/** BOARDS_STORAGE_DIR from `env` (default `process.env`), or undefined when unset or empty. */
export function storageDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return nonEmpty(env[STORAGE_DIR_VARIABLE]);
}

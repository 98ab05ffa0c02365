import { DEFAULT_GENERATION_TIMEOUT_MS, type GeneratorSettings } from '@boards/core';
import { positiveNumberSetting } from './keys';
import { nonEmpty } from './variables';

/** The deadline of one generation, in ms (a positive number; anything else is ignored). */
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
 * What an adapter hands to core's `defineGenerator`: the deadline resolved at each generation
 * (so BOARDS_GENERATION_TIMEOUT_MS set after the generator was defined still counts).
 */
export function generatorSettings(timeoutMs?: number, env: NodeJS.ProcessEnv = process.env): GeneratorSettings {
  return { timeoutMs: () => generationTimeoutMs(timeoutMs, undefined, env) };
}

/** BOARDS_STORAGE_DIR from `env` (default `process.env`), or undefined when unset or empty. */
export function storageDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return nonEmpty(env[STORAGE_DIR_VARIABLE]);
}

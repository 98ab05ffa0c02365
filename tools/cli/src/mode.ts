/**
 * Live or emulated. Without the provider's key, `generate` runs against the built-in
 * emulator (free, real files); `--live` demands the key, `--emulate` ignores it.
 */
import { baseUrlVariable as baseUrlVariableOf, keyVariable as keyVariableOf, type ResolvedKeys } from '@boards/config';
import { MissingKeyError, type ProviderName } from '@boards/core';
import { usageError } from './errors';

export type RunMode =
  | { kind: 'live'; provider: ProviderName; keyVariable: string; keySource: string; baseUrlVariable?: string }
  | { kind: 'emulator'; provider: ProviderName; keyVariable: string; reason: 'no-key' | 'forced' };

export interface ModeFlags {
  /** `--live`: the real provider or nothing (exit 3 without a key). */
  live: boolean;
  /** `--emulate`: the emulator even when a key is configured. */
  emulate: boolean;
}

export function chooseMode(provider: ProviderName, keys: ResolvedKeys, flags: ModeFlags, env: NodeJS.ProcessEnv = process.env): RunMode {
  if (flags.live && flags.emulate) throw usageError('--live and --emulate exclude each other');
  const keyVariable = keyVariableOf(provider);
  const source = keys.sources[keyVariable];
  if (flags.emulate) return { kind: 'emulator', provider, keyVariable, reason: 'forced' };
  if (source === undefined) {
    if (flags.live)
      throw new MissingKeyError(keyVariable, 'set it in the environment, in BOARDS_GENERATOR_API_KEYS or in .env (--live needs the real provider)');
    return { kind: 'emulator', provider, keyVariable, reason: 'no-key' };
  }
  const override = baseUrlVariableOf(provider);
  const baseUrlVariable = env[override] ? override : undefined;
  return { kind: 'live', provider, keyVariable, keySource: source, baseUrlVariable };
}

/** The first line of a run: where requests go and whether they cost money. */
export function describeMode(mode: RunMode): string {
  if (mode.kind === 'emulator') {
    return mode.reason === 'no-key'
      ? `no ${mode.keyVariable}: using the local emulator, no cost`
      : `--emulate: using the local emulator, no cost (${mode.keyVariable} is not used)`;
  }
  const target = mode.baseUrlVariable ? `the URL in ${mode.baseUrlVariable} (not ${mode.provider}'s own API)` : mode.provider;
  return `live: sending to ${target} with ${mode.keyVariable} from ${mode.keySource === 'environment' ? 'the environment' : mode.keySource}; this may cost money`;
}

import type { BoardsSettings, ProviderDescriptor, ProviderName } from '@boards/core';
import { resolveSettings } from './settings';
import { providers, requireProviderDescriptor } from './variables';

/** The obviously fake key emulator runs use for `provider` (its descriptor's `emulatorKey`): the emulator accepts any key, so a real one never needs to travel. */
export function dummyKey(provider: ProviderName): string {
  return requireProviderDescriptor(provider).emulatorKey;
}

/**
 * Where an emulator listens (the shape `@boards/emulator`'s Emulator has): its root URL, and
 * the base URL of each provider it emulates. A provider missing from `baseUrls` is taken at
 * `url` + its descriptor's `emulatorPath`.
 */
export interface EmulatorUrls {
  url: string;
  baseUrls?: Readonly<Record<string, string>>;
}

/** The base URL of `descriptor`'s provider on the emulator at `urls`. */
export function emulatorBaseUrl(urls: EmulatorUrls, descriptor: ProviderDescriptor): string {
  return urls.baseUrls?.[descriptor.name] ?? `${urls.url.replace(/\/+$/, '')}${descriptor.emulatorPath}`;
}

export interface EmulatorVariablesOptions {
  /** 'always' replaces even a real key (nothing may reach a real provider); 'if-missing' keeps a key that is set. */
  dummyKeys: 'always' | 'if-missing' | 'never';
  env?: NodeJS.ProcessEnv;
}

/**
 * The variables that point every installed adapter at an emulator: the same ones a user sets
 * by hand (each descriptor's `baseUrlVariable`), the descriptor's `emulatorVariables` (e.g. a
 * short blocking wait, so an abort is quick), and dummy keys (`emulatorKey`).
 */
export function emulatorVariables(urls: EmulatorUrls, options: EmulatorVariablesOptions): Array<[string, string]> {
  const env = options.env ?? process.env;
  const all = providers();
  const keys = all.filter((d) => options.dummyKeys === 'always' || (options.dummyKeys === 'if-missing' && !env[d.key.variable]));
  return [
    ...all.map((d): [string, string] => [d.baseUrlVariable, emulatorBaseUrl(urls, d)]),
    ...all.flatMap((d) => Object.entries(d.emulatorVariables ?? {})),
    ...keys.map((d): [string, string] => [d.key.variable, d.emulatorKey]),
  ];
}

export interface EmulatorSettingsOptions {
  /** 'provider' leaves the descriptors' `emulatorVariables` (a short blocking wait) out: the adapters wait as against a provider. Default 'emulator'. */
  waits?: 'emulator' | 'provider';
  /** Settings whose keys are sent instead of the dummies where they have one (a rehearsal of a live run sends what it would send). Default: dummies only. */
  keysOf?: BoardsSettings;
}

/**
 * The settings that point every installed adapter at an emulator, with its dummy keys: the same
 * variables a user would export (emulatorVariables), resolved as resolveSettings resolves the
 * environment, but from this list alone (no environment, no .env: a real key never travels).
 */
export function emulatorSettings(urls: EmulatorUrls, options: EmulatorSettingsOptions = {}): BoardsSettings {
  const variables: Record<string, string> = Object.fromEntries(emulatorVariables(urls, { dummyKeys: 'always', env: {} }));
  if (options.waits === 'provider') for (const d of providers()) for (const name of Object.keys(d.emulatorVariables ?? {})) delete variables[name];
  const settings = resolveSettings({ env: variables, envFile: false });
  const own = options.keysOf?.providers ?? {};
  const kept = Object.entries(settings.providers ?? {}).map(([name, p]) => [name, { ...p, apiKey: own[name]?.apiKey ?? p.apiKey }]);
  return { ...settings, providers: Object.fromEntries(kept) };
}

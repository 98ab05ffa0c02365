import { MissingKeyError, registerSecret, type BoardsSettings, type ProviderName, type ProviderSettings } from '@boards/core';
import { checkedBaseUrl } from './base-url';
import { requireProviderDescriptor } from './variables';

/** What an adapter builds its SDK client from: a key, and a base URL that is always named (never left to an SDK's environment lookup). */
export interface ProviderConnection {
  apiKey: string;
  /** The settings' base URL, else the provider's real API (its descriptor's `defaultBaseUrl`). */
  baseUrl: string;
  waitSeconds?: number;
}

/**
 * Provider `provider`'s connection in `settings`; what the adapter's own options give (`given`) wins.
 * A missing key is a MissingKeyError naming the key variable and the settings field; a base URL that
 * is not http(s) is an InvalidConfigError naming the field, never the value.
 */
export function providerConnection(provider: ProviderName, settings: BoardsSettings, given: ProviderSettings = {}): ProviderConnection {
  const descriptor = requireProviderDescriptor(provider);
  const own = settings.providers?.[provider] ?? {};
  const apiKey = given.apiKey ?? own.apiKey;
  const field = `settings.providers.${provider}`;
  if (!apiKey) {
    throw new MissingKeyError(descriptor.key.variable, `set it in the environment, in BOARDS_GENERATOR_API_KEYS or in .env (or as ${field}.apiKey)`);
  }
  // A program's key never came through loadKeys: registered here, so no error or log line can print it.
  if (apiKey !== descriptor.emulatorKey) registerSecret(apiKey);
  const baseUrl = checkedBaseUrl(`${field}.baseUrl`, given.baseUrl ?? own.baseUrl) ?? descriptor.defaultBaseUrl;
  const waitSeconds = given.waitSeconds ?? own.waitSeconds;
  return { apiKey, baseUrl, ...(waitSeconds === undefined ? {} : { waitSeconds }) };
}

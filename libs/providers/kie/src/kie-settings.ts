import { providerConnection, providerSettings, settingsOf } from '@boards/config';
import { DEFAULT_GENERATION_TIMEOUT_MS, type GeneratorContext } from '@boards/core';
import { KIE_API_URL, KIE_UPLOAD_URL, type KieAdapterOptions, type KieSettings } from './kie-client';
import { descriptor } from './descriptor';

/**
 * The key and base URLs of one task, resolved once by config (KIE_API_KEY, BOARDS_KIE_BASE_URL)
 * unless the options give them. Kie's upload API is on its own host; any other base URL serves both.
 */
export function kieSettings(options: KieAdapterOptions = {}): KieSettings {
  const { apiKey, baseUrl: override } = providerSettings(descriptor.name, options);
  const baseUrl = (override ?? KIE_API_URL).replace(/\/+$/, '');
  return { apiKey, baseUrl, uploadBaseUrl: baseUrl === KIE_API_URL ? KIE_UPLOAD_URL : baseUrl, fetch: options.fetch };
}

/**
 * The options of one generation, every one named: the generator's own `adapter` options, else the
 * context's settings (without settings, the environment's, read now).
 */
export function kieOptionsFor(ctx: GeneratorContext, given: KieAdapterOptions = {}): KieAdapterOptions & { apiKey: string; baseUrl: string } {
  const settings = settingsOf(ctx);
  const { apiKey, baseUrl } = providerConnection(descriptor.name, settings, given);
  const timeoutMs = given.timeoutMs ?? settings.generationTimeoutMs ?? DEFAULT_GENERATION_TIMEOUT_MS;
  return { ...given, apiKey, baseUrl, timeoutMs, fetch: given.fetch ?? settings.fetch };
}

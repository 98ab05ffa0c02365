import { providerBaseUrl, requireKey } from '@boards/config';
import { KIE_API_URL, KIE_UPLOAD_URL, type KieAdapterOptions, type KieSettings } from './kie-client';
import { descriptor } from './descriptor';

/**
 * The key and base URLs of one call, resolved by config (KIE_API_KEY, BOARDS_KIE_BASE_URL) unless
 * the options give them. Kie's upload API is on its own host; any other base URL serves both.
 */
export function kieSettings(options: KieAdapterOptions = {}): KieSettings {
  const baseUrl = (options.baseUrl ?? providerBaseUrl(descriptor.name) ?? KIE_API_URL).replace(/\/+$/, '');
  return { apiKey: options.apiKey ?? requireKey(descriptor.name), baseUrl, uploadBaseUrl: baseUrl === KIE_API_URL ? KIE_UPLOAD_URL : baseUrl };
}

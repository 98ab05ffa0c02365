import { providerSettings } from '@boards/config';
import { KIE_API_URL, KIE_UPLOAD_URL, type KieAdapterOptions, type KieSettings } from './kie-client';
import { descriptor } from './descriptor';

/**
 * The key and base URLs of one task, resolved once by config (KIE_API_KEY, BOARDS_KIE_BASE_URL)
 * unless the options give them. Kie's upload API is on its own host; any other base URL serves both.
 */
export function kieSettings(options: KieAdapterOptions = {}): KieSettings {
  const { apiKey, baseUrl: override } = providerSettings(descriptor.name, options);
  const baseUrl = (override ?? KIE_API_URL).replace(/\/+$/, '');
  return { apiKey, baseUrl, uploadBaseUrl: baseUrl === KIE_API_URL ? KIE_UPLOAD_URL : baseUrl };
}

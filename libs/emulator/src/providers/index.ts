/**
 * The list of providers the emulator serves: the only file outside providers/<id>/ that names them.
 * A new provider is one folder with its module and one entry here.
 */
import type { ProviderModule } from '../kernel/provider';
import { falModule } from './fal/module';
import { kieModule } from './kie/module';
import { openaiModule } from './openai/module';
import { replicateModule } from './replicate/module';

/** Every provider API the emulator serves, in mount order. */
export const PROVIDER_MODULES: readonly ProviderModule[] = [replicateModule, falModule, openaiModule, kieModule];

/** The base URL of each provider API by name, as the package's `Emulator` carries them (also in `baseUrls`, by id). */
export interface ProviderBaseUrls {
  /** `${url}/replicate/v1`: the replicate SDK's `baseUrl`. */
  readonly replicateBaseUrl: string;
  /** `${url}/fal`: queue under /queue, REST (storage) under /rest, sync run under /run. See rewriteFalUrl. */
  readonly falBaseUrl: string;
  /** `${url}/openai/v1`: the openai SDK's `baseURL`. */
  readonly openaiBaseUrl: string;
  /** `${url}/kie`: Kie's API root (tasks under /api/v1, uploads under /api/file-*). */
  readonly kieBaseUrl: string;
}

export { rewriteFalUrl } from './fal/rewrite';

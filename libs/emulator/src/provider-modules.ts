import { createFalProvider } from './fal';
import { FAL_ENDPOINTS } from './fal-endpoints';
import { kieModule } from './kie';
import { createOpenAIProvider } from './openai';
import { findOpenAIModel } from './openai-models';
import { IMAGE_REQUEST, TRANSCRIPTION_REQUEST } from './openai-schemas';
import type { ProviderModule } from './provider';
import { createReplicateProvider } from './replicate';
import { REPLICATE_MODELS } from './replicate-models';

const replicate: ProviderModule = { id: 'replicate', create: createReplicateProvider, inputSchema: (model) => REPLICATE_MODELS[model]?.rules };

const fal: ProviderModule = { id: 'fal', create: createFalProvider, inputSchema: (model) => FAL_ENDPOINTS[model]?.rules };

const openai: ProviderModule = {
  id: 'openai',
  create: createOpenAIProvider,
  inputSchema(model) {
    const known = findOpenAIModel(model);
    if (!known) return undefined;
    return known.kind === 'image' ? IMAGE_REQUEST : TRANSCRIPTION_REQUEST;
  },
};

/** Every provider API the emulator serves, in mount order. A new provider is one entry here. */
export const PROVIDER_MODULES: readonly ProviderModule[] = [replicate, fal, openai, kieModule];

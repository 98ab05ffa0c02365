import { KIE_MODELS } from './kie/kie-models';
import { FAL_ENDPOINTS } from './fal-endpoints';
import { findOpenAIModel } from './openai-models';
import { IMAGE_REQUEST, TRANSCRIPTION_REQUEST } from './openai-schemas';
import type { ProviderDef, ProviderModule } from './provider';
import { REPLICATE_MODELS } from './replicate-models';
import type { EmulatorState } from './state';

/**
 * A provider's route handlers, loaded when the server builds its routes, on the first request
 * under its prefix (server.ts): a test of one provider's generators never loads the others'.
 * `require`, not `import()`: routes are built synchronously, and the build is CommonJS.
 */
function routes<M>(file: string, create: (module: M) => (state: EmulatorState) => ProviderDef): (state: EmulatorState) => ProviderDef {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (state) => create(require(file) as M)(state);
}

const replicate: ProviderModule = {
  id: 'replicate',
  prefix: ['replicate', 'v1'],
  create: routes<typeof import('./replicate')>('./replicate', (m) => m.createReplicateProvider),
  inputSchema: (model) => REPLICATE_MODELS[model]?.rules,
};

const fal: ProviderModule = {
  id: 'fal',
  prefix: ['fal'],
  create: routes<typeof import('./fal')>('./fal', (m) => m.createFalProvider),
  inputSchema: (model) => FAL_ENDPOINTS[model]?.rules,
};

const openai: ProviderModule = {
  id: 'openai',
  prefix: ['openai', 'v1'],
  create: routes<typeof import('./openai')>('./openai', (m) => m.createOpenAIProvider),
  inputSchema(model) {
    const known = findOpenAIModel(model);
    if (!known) return undefined;
    return known.kind === 'image' ? IMAGE_REQUEST : TRANSCRIPTION_REQUEST;
  },
};

const kie: ProviderModule = {
  id: 'kie',
  prefix: ['kie'],
  create: routes<typeof import('./kie')>('./kie', (m) => m.createKieProvider),
  inputSchema: (model) => KIE_MODELS[model]?.rules,
};

/** Every provider API the emulator serves, in mount order. A new provider is one entry here. */
export const PROVIDER_MODULES: readonly ProviderModule[] = [replicate, fal, openai, kie];

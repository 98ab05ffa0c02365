import { FAL_ENDPOINTS } from './fal-endpoints';
import { findOpenAIModel } from './openai-models';
import { IMAGE_REQUEST, TRANSCRIPTION_REQUEST } from './openai-schemas';
import { REPLICATE_MODELS } from './replicate-models';
import type { EmulatedProvider } from './types';
import type { Rules } from './validate';

/**
 * The input schema the emulator holds (and validates with) for a provider's model: field name
 * -> rule (type, required, enum, range, length). Undefined for a model it does not know (or a
 * retired OpenAI model). The source of the unit tests' schema-drift check.
 */
export function providerInputSchema(provider: EmulatedProvider, model: string): Readonly<Rules> | undefined {
  if (provider === 'replicate') return REPLICATE_MODELS[model]?.rules;
  if (provider === 'fal') return FAL_ENDPOINTS[model]?.rules;
  const known = findOpenAIModel(model);
  if (!known) return undefined;
  return known.kind === 'image' ? IMAGE_REQUEST : TRANSCRIPTION_REQUEST;
}

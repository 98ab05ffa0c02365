import { PROVIDER_MODULES } from './provider-modules';
import type { EmulatedProvider } from './types';
import type { Rules } from './validate';

/**
 * The input schema the emulator holds (and validates with) for a provider's model: field name
 * -> rule (type, required, enum, range, length). Undefined for a model it does not know (or a
 * retired OpenAI model), and for a provider it does not serve. The source of the unit tests'
 * schema-drift check.
 */
export function providerInputSchema(provider: EmulatedProvider, model: string): Readonly<Rules> | undefined {
  return PROVIDER_MODULES.find((m) => m.id === provider)?.inputSchema(model);
}

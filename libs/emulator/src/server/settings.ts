import type { ProviderModule } from '../kernel/provider';
import type { JobDuration, ModelRegistration, OutputKind } from '../kernel/types';

const OUTPUT_KINDS: readonly OutputKind[] = ['image', 'video', 'audio', 'text'];

/** Checks a job duration: a non-negative number of ms or 'realistic'. */
export function parseJobDuration(value: unknown): JobDuration {
  if (value === 'realistic') return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`job duration must be a non-negative number of ms or "realistic", not ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks a model registration (control API body or `registerModel` argument). */
export function parseRegistration(value: unknown, providers: readonly ProviderModule[]): ModelRegistration {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('model registration must be an object {provider, model, output}');
  const r = value as Record<string, unknown>;
  const open = providers.filter((m) => m.registration !== undefined);
  const module = open.find((m) => m.id === r.provider);
  if (!module) throw new TypeError(`provider must be one of ${open.map((m) => JSON.stringify(m.id)).join(', ')} (the others' models are fixed)`);
  if (typeof r.model !== 'string' || !r.model.trim()) throw new TypeError(`model must be a non-empty string (${module.registration})`);
  if (!OUTPUT_KINDS.includes(r.output as OutputKind)) throw new TypeError(`output must be one of ${OUTPUT_KINDS.join(', ')}`);
  return { provider: module.id, model: r.model.trim(), output: r.output as OutputKind };
}

import type { OutputKind } from './replicate-models';
import type { JobDuration, ModelRegistration } from './types';

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
export function parseRegistration(value: unknown): ModelRegistration {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('model registration must be an object {provider, model, output}');
  const r = value as Record<string, unknown>;
  if (r.provider !== 'replicate' && r.provider !== 'fal') throw new TypeError('provider must be "replicate" or "fal" (OpenAI models are fixed)');
  if (typeof r.model !== 'string' || !r.model.trim())
    throw new TypeError('model must be a non-empty string (Replicate owner/name or version id; fal endpoint id)');
  if (!OUTPUT_KINDS.includes(r.output as OutputKind)) throw new TypeError(`output must be one of ${OUTPUT_KINDS.join(', ')}`);
  return { provider: r.provider, model: r.model.trim(), output: r.output as OutputKind };
}

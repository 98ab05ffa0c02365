import { ASPECT_RATIO_SIZES, DEFAULT_SIZE } from './sizes';
import type { BuildResult } from './jobs';
import { storeImage, type BuildContext } from './outputs';
import { validate, type Issue, type Rules } from './validate';

/** How the emulator runs one Replicate model: its input checks and its output. */
export interface ReplicateModel {
  validate(input: Record<string, unknown>): Issue[];
  build(input: Record<string, unknown>, ctx: BuildContext): Promise<BuildResult>;
}

const FLUX_RULES: Rules = {
  prompt: { type: 'string', required: true, minLength: 1 },
  aspect_ratio: { type: 'string', enum: [...Object.keys(ASPECT_RATIO_SIZES), 'custom'] },
  width: { type: 'integer', min: 256, max: 1440 },
  height: { type: 'integer', min: 256, max: 1440 },
  num_outputs: { type: 'integer', min: 1, max: 4 },
  seed: { type: 'integer', nullable: true },
  output_format: { type: 'string', enum: ['webp', 'jpg', 'png'] },
};

/** Size from width/height, else aspect_ratio, else 1024x1024. */
export function imageSizeOf(input: Record<string, unknown>): [number, number] {
  if (Number.isInteger(input.width) && Number.isInteger(input.height)) return [input.width as number, input.height as number];
  const preset = ASPECT_RATIO_SIZES[String(input.aspect_ratio)];
  return preset ? [preset[0], preset[1]] : [DEFAULT_SIZE[0], DEFAULT_SIZE[1]];
}

/**
 * An image model: PNG output files; a single URL string when the input has no num_outputs,
 * an array of URLs when it has. (The emulator always renders PNG, whatever output_format says.)
 */
export function imageModel(rules: Rules): ReplicateModel {
  return {
    validate: (input) => validate(input, rules),
    async build(input, ctx) {
      const [width, height] = imageSizeOf(input);
      const count = Number.isInteger(input.num_outputs) ? Math.max(1, input.num_outputs as number) : 1;
      const urls = Array.from({ length: count }, (_, i) => storeImage(ctx, width, height, i).url);
      return { ok: true, value: input.num_outputs === undefined ? urls[0] : urls, billableUnits: count };
    },
  };
}

/** Known models, by `owner/name`. Add a model here (one line) to give it its own checks or output kind. */
export const REPLICATE_MODELS: Readonly<Record<string, ReplicateModel>> = {
  'black-forest-labs/flux-pro': imageModel(FLUX_RULES),
  'black-forest-labs/flux-1.1-pro': imageModel(FLUX_RULES),
  'black-forest-labs/flux-dev': imageModel(FLUX_RULES),
  'black-forest-labs/flux-schnell': imageModel(FLUX_RULES),
};

/** Models not in the table are emulated as image models without input checks. */
export const DEFAULT_REPLICATE_MODEL: ReplicateModel = imageModel({});

export function replicateModel(id: string): ReplicateModel {
  return REPLICATE_MODELS[id] ?? DEFAULT_REPLICATE_MODEL;
}

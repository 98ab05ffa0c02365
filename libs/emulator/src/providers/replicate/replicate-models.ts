import { ASPECT_RATIO_SIZES, DEFAULT_SIZE } from '../../kernel/sizes';
import type { BuildResult, JobPhase } from '../../kernel/jobs';
import type { InputSchema } from '../../kernel/schema-check';
import { storeImage, storeMp4, storeWav, type BuildContext } from '../../kernel/outputs';
import type { Rules } from '../../kernel/validate';

type Input = Record<string, unknown>;

/** How the emulator runs one Replicate model: its input schema (from the published model schema), output and typical time. */
export interface ReplicateModel {
  rules: Rules;
  /** The snapshot's Input schema: when present it checks and defaults the input instead of `rules`. */
  schema?: InputSchema;
  /** The status of each job phase (from the snapshot's Status enum); default Replicate's. */
  statusNames?: Readonly<Record<JobPhase, string>>;
  /** Typical real run time, ms (the realistic job time is derived from it; see jobs.ts). */
  typicalMs: number;
  build(input: Input, ctx: BuildContext): Promise<BuildResult>;
}

/** Output kinds a test can register for a model the emulator does not know (control API `POST /__emulator/models`). */
import type { OutputKind } from '../../kernel/types';
export type { OutputKind };

const FLUX_ASPECT_RATIOS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'];
const FLUX_PRO_ASPECT_RATIOS = ['custom', '1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'];
const OUTPUT_FORMATS = ['webp', 'jpg', 'png'];

// Facts of each model's latest version (openapi_schema Input), transcribed from Replicate's model pages.
const FLUX_PRO: Rules = {
  prompt: { type: 'string', required: true },
  image_prompt: { type: 'string' },
  aspect_ratio: { type: 'string', enum: FLUX_PRO_ASPECT_RATIOS },
  width: { type: 'integer', min: 256, max: 1440 },
  height: { type: 'integer', min: 256, max: 1440 },
  steps: { type: 'integer', min: 1, max: 50 },
  guidance: { type: 'number', min: 2, max: 5 },
  interval: { type: 'number', min: 1, max: 4 },
  safety_tolerance: { type: 'integer', min: 1, max: 6 },
  seed: { type: 'integer' },
  output_format: { type: 'string', enum: OUTPUT_FORMATS },
  output_quality: { type: 'integer', min: 0, max: 100 },
  prompt_upsampling: { type: 'boolean' },
};

// flux-1.1-pro's version has flux-pro's fields without the deprecated steps/interval and guidance.
const { steps: _steps, interval: _interval, guidance: _guidance, ...FLUX_1_1_PRO } = FLUX_PRO;

const FLUX_SCHNELL: Rules = {
  prompt: { type: 'string', required: true },
  aspect_ratio: { type: 'string', enum: FLUX_ASPECT_RATIOS },
  num_outputs: { type: 'integer', min: 1, max: 4 },
  num_inference_steps: { type: 'integer', min: 1, max: 4 },
  seed: { type: 'integer' },
  output_format: { type: 'string', enum: OUTPUT_FORMATS },
  output_quality: { type: 'integer', min: 0, max: 100 },
  disable_safety_checker: { type: 'boolean' },
  go_fast: { type: 'boolean' },
  megapixels: { type: 'string', enum: ['1', '0.25'] },
};

const FLUX_DEV: Rules = {
  ...FLUX_SCHNELL,
  image: { type: 'string' },
  guidance: { type: 'number', min: 0, max: 10 },
  num_inference_steps: { type: 'integer', min: 1, max: 50 },
  prompt_strength: { type: 'number', min: 0, max: 1 },
};

const LLAMA_3: Rules = {
  prompt: { type: 'string' },
  system_prompt: { type: 'string' },
  prompt_template: { type: 'string' },
  max_tokens: { type: 'integer' },
  min_tokens: { type: 'integer' },
  temperature: { type: 'number', min: 0, max: 5 },
  top_p: { type: 'number', min: 0, max: 1 },
  top_k: { type: 'integer' },
  presence_penalty: { type: 'number' },
  frequency_penalty: { type: 'number' },
  stop_sequences: { type: 'string' },
  seed: { type: 'integer' },
};

const MINIMAX_VIDEO_01: Rules = {
  prompt: { type: 'string', required: true },
  prompt_optimizer: { type: 'boolean' },
  first_frame_image: { type: 'string' },
  subject_reference: { type: 'string' },
};

/** Size from width/height (aspect_ratio "custom" or none), else aspect_ratio, else 1024x1024. */
export function imageSizeOf(input: Input): [number, number] {
  if (Number.isInteger(input.width) && Number.isInteger(input.height)) return [input.width as number, input.height as number];
  const preset = ASPECT_RATIO_SIZES[String(input.aspect_ratio)];
  return preset ? [preset[0], preset[1]] : [DEFAULT_SIZE[0], DEFAULT_SIZE[1]];
}

/**
 * An image model. `output: 'array'` answers a list of URLs (num_outputs of them), as the FLUX
 * schnell/dev schemas say (`type: array, items: uri`); 'single' answers one URL string (FLUX pro).
 * The emulator always renders PNG, whatever output_format says.
 */
export function imageModel(rules: Rules, output: 'single' | 'array', typicalMs: number): ReplicateModel {
  return {
    rules,
    typicalMs,
    async build(input, ctx) {
      const [width, height] = imageSizeOf(input);
      const count = output === 'array' && Number.isInteger(input.num_outputs) ? Math.max(1, input.num_outputs as number) : 1;
      const urls = Array.from({ length: count }, (_, i) => storeImage(ctx, width, height, i).url);
      return { ok: true, value: output === 'array' ? urls : urls[0], billableUnits: count };
    },
  };
}

/** A video model: one MP4 URL (minimax/video-01: 6 s at 1280x720). */
export function videoModel(rules: Rules, typicalMs: number, seconds = 6): ReplicateModel {
  return { rules, typicalMs, build: async (_input, ctx) => ({ ok: true, value: storeMp4(ctx, 1280, 720, seconds).url }) };
}

/** A language model: its output is a list of text tokens (Replicate streams LLM output as tokens). */
export function textModel(rules: Rules, typicalMs: number): ReplicateModel {
  return {
    rules,
    typicalMs,
    async build(input) {
      const words = `Emulated answer to: ${String(input.prompt ?? '').slice(0, 60)}`.split(' ');
      return { ok: true, value: words.map((w, i) => (i === 0 ? w : ` ${w}`)) };
    },
  };
}

/** An audio model: one WAV URL. */
export function audioModel(rules: Rules, typicalMs: number): ReplicateModel {
  return { rules, typicalMs, build: async (input, ctx) => ({ ok: true, value: storeWav(ctx, Math.max(1, String(input.text ?? '').length / 15)).url }) };
}

/** Known models, by `owner/name`. Add a model here (one entry) with its schema facts, output kind and typical time. */
export const REPLICATE_MODELS: Readonly<Record<string, ReplicateModel>> = {
  'black-forest-labs/flux-pro': imageModel(FLUX_PRO, 'single', 8_000),
  'black-forest-labs/flux-1.1-pro': imageModel(FLUX_1_1_PRO, 'single', 6_000),
  'black-forest-labs/flux-dev': imageModel(FLUX_DEV, 'array', 5_000),
  'black-forest-labs/flux-schnell': imageModel(FLUX_SCHNELL, 'array', 1_500),
  'meta/meta-llama-3-8b-instruct': textModel(LLAMA_3, 2_000),
  'minimax/video-01': videoModel(MINIMAX_VIDEO_01, 180_000),
};

/** The model a test registered by output kind: no input checks, the kind's default output. */
export function registeredReplicateModel(kind: OutputKind): ReplicateModel {
  const typicalMs = 2_000;
  if (kind === 'video') return videoModel({}, typicalMs);
  if (kind === 'audio') return audioModel({}, typicalMs);
  if (kind === 'text') return textModel({}, typicalMs);
  return imageModel({}, 'single', typicalMs);
}

import { ASPECT_RATIO_SIZES, DEFAULT_SIZE } from '../../kernel/sizes';
import type { BuildResult, JobPhase } from '../../kernel/jobs';
import type { InputSchema } from '../../kernel/schema-check';
import { storeImage, storeMp4, storeWav, type BuildContext } from '../../kernel/outputs';

type Input = Record<string, unknown>;

/** How the emulator runs one Replicate model: its input schema and statuses (from its snapshot), output and typical time. */
export interface ReplicateModel {
  /** The snapshot's Input schema, which checks and defaults the input; none for a registered model. */
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
export function imageModel(output: 'single' | 'array', typicalMs: number): ReplicateModel {
  return {
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
export function videoModel(typicalMs: number, seconds = 6): ReplicateModel {
  return { typicalMs, build: async (_input, ctx) => ({ ok: true, value: storeMp4(ctx, 1280, 720, seconds).url }) };
}

/** A language model: its output is a list of text tokens (Replicate streams LLM output as tokens). */
export function textModel(typicalMs: number): ReplicateModel {
  return {
    typicalMs,
    async build(input) {
      const words = `Emulated answer to: ${String(input.prompt ?? '').slice(0, 60)}`.split(' ');
      return { ok: true, value: words.map((w, i) => (i === 0 ? w : ` ${w}`)) };
    },
  };
}

/** An audio model: one WAV URL. */
export function audioModel(typicalMs: number): ReplicateModel {
  return { typicalMs, build: async (input, ctx) => ({ ok: true, value: storeWav(ctx, Math.max(1, String(input.text ?? '').length / 15)).url }) };
}

/**
 * How the output of each model is made, by `owner/name`: what its published document cannot say
 * (the kind of media, its typical run time). Inputs, defaults, statuses and the output's shape
 * come from its snapshot; a model with a snapshot and no entry here answers media synthesized to
 * its Output schema.
 */
export const REPLICATE_MEDIA: Readonly<Record<string, ReplicateModel>> = {
  'black-forest-labs/flux-pro': imageModel('single', 8_000),
  'black-forest-labs/flux-1.1-pro': imageModel('single', 6_000),
  'black-forest-labs/flux-dev': imageModel('array', 5_000),
  'black-forest-labs/flux-schnell': imageModel('array', 1_500),
  'meta/meta-llama-3-8b-instruct': textModel(2_000),
  'minimax/video-01': videoModel(180_000),
};

/** The model a test registered by output kind: no input checks, the kind's default output. */
export function registeredReplicateModel(kind: OutputKind): ReplicateModel {
  const typicalMs = 2_000;
  if (kind === 'video') return videoModel(typicalMs);
  if (kind === 'audio') return audioModel(typicalMs);
  if (kind === 'text') return textModel(typicalMs);
  return imageModel('single', typicalMs);
}

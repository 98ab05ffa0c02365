import type { BuildResult } from '../../kernel/jobs';
import { pngSize } from '../../kernel/media/png';
import { seedInt } from '../../kernel/media/seed';
import { storeImage, storeMp4, storeWav, type BuildContext } from '../../kernel/outputs';
import { ASPECT_RATIO_SIZES, DEFAULT_SIZE } from '../../kernel/sizes';
import { wavDurationSeconds } from '../../kernel/media/wav';
import type { OutputKind } from '../../kernel/types';
import type { InputSchema, Issue } from '../../kernel/schema-check';
import type { SnapshotAuth } from '../../kernel/snapshots';

/** fal's `image_size` presets. */
export const FAL_IMAGE_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};

type Input = Record<string, unknown>;

/**
 * How the emulator runs one fal endpoint: its input schema (from its snapshot; 422 from the
 * result), statuses, output and typical time.
 */
export interface FalEndpoint {
  /** The snapshot's input schema, which checks and defaults the input; none for a registered endpoint. */
  schema?: InputSchema;
  /** The auth scheme the snapshot documents (checked besides fal's own Key check); none: any. */
  auth?: SnapshotAuth;
  /** The queued, running and completed status names (the snapshot's QueueStatus); default fal's. */
  statusNames?: readonly string[];
  /** Typical real run time, ms (the realistic job time is derived from it). */
  typicalMs: number;
  run(input: Input, ctx: BuildContext): Promise<BuildResult>;
}

/** fal's 422 body: `{detail: [{loc, msg, type}]}` (pydantic). */
export function falValidationError(issues: (Issue & { input?: unknown })[]): BuildResult {
  const detail = issues.map(({ path, msg, type, ctx, input }) => ({
    loc: ['body', ...path],
    msg,
    type,
    ...(ctx ? { ctx } : {}),
    ...(input !== undefined ? { input } : {}),
  }));
  return { ok: false, status: 422, body: { detail }, message: issues.map((i) => `${i.path.join('.')}: ${i.msg}`).join('; ') };
}

const count = (value: unknown, fallback = 1) => (Number.isInteger(value) ? (value as number) : fallback);
const seedOf = (input: Input, ctx: BuildContext) => (Number.isInteger(input.seed) ? (input.seed as number) : seedInt(ctx.seed) % 2 ** 31);
const excerpt = (text: unknown) => String(text ?? '').slice(0, 80);

function images(ctx: BuildContext, n: number, width: number, height: number) {
  return Array.from({ length: n }, (_, i) => storeImage(ctx, width, height, i));
}

/** `image_size` preset or {width, height}; else width/height; else aspect_ratio; else `fallback`. */
export function sizeOf(input: Input, fallback: readonly [number, number] = DEFAULT_SIZE): [number, number] {
  const size = input.image_size;
  if (typeof size === 'string' && FAL_IMAGE_SIZES[size]) return [...FAL_IMAGE_SIZES[size]] as [number, number];
  if (size && typeof size === 'object') {
    const { width, height } = size as Input;
    if (Number.isInteger(width) && Number.isInteger(height)) return [width as number, height as number];
  }
  if (Number.isInteger(input.width) && Number.isInteger(input.height)) return [input.width as number, input.height as number];
  const preset = ASPECT_RATIO_SIZES[String(input.aspect_ratio)];
  return preset ? [preset[0], preset[1]] : [fallback[0], fallback[1]];
}

function imageSizeIssues(input: Input): Issue[] {
  const size = input.image_size;
  if (size === undefined || (typeof size === 'string' && FAL_IMAGE_SIZES[size])) return [];
  if (size && typeof size === 'object' && !Array.isArray(size)) {
    return (['width', 'height'] as const).flatMap((edge) => {
      const v = (size as Input)[edge];
      return Number.isInteger(v) && (v as number) > 0 && (v as number) <= 14142
        ? []
        : [{ path: ['image_size', edge], msg: 'Input should be a positive integer up to 14142', type: 'int_type' }];
    });
  }
  const presets = Object.keys(FAL_IMAGE_SIZES)
    .map((k) => `'${k}'`)
    .join(', ');
  return [{ path: ['image_size'], msg: `Input should be ${presets} or an object with width and height`, type: 'literal_error' }];
}

const nanoBanana: FalEndpoint = {
  typicalMs: 8_000,
  async run(input, ctx) {
    const [w, h] = sizeOf(input);
    const files = images(ctx, count(input.num_images), w, h);
    return { ok: true, value: { images: files, description: `Emulated image: ${excerpt(input.prompt)}` }, billableUnits: files.length };
  },
};

const nanoBananaEdit: FalEndpoint = {
  typicalMs: 10_000,
  async run(input, ctx) {
    const urls = input.image_urls as unknown[];
    const sources: Buffer[] = [];
    const issues: (Issue & { input?: unknown })[] = [];
    for (const [i, url] of urls.entries()) {
      try {
        if (typeof url !== 'string') throw new Error('not a string');
        sources.push(await ctx.fetchInput(url));
      } catch {
        issues.push({
          path: ['image_urls', i],
          msg: 'Failed to download the file. Please check if the URL is accessible.',
          type: 'file_download_error',
          input: url,
        });
      }
    }
    if (urls.length === 0) issues.push({ path: ['image_urls'], msg: 'List should have at least 1 item after validation, not 0', type: 'too_short' });
    if (issues.length > 0) return falValidationError(issues);
    const first = sources[0] ? pngSize(sources[0]) : undefined;
    const auto: [number, number] = first ? [first.width, first.height] : [DEFAULT_SIZE[0], DEFAULT_SIZE[1]];
    const [w, h] = input.aspect_ratio && input.aspect_ratio !== 'auto' ? sizeOf(input) : auto;
    const files = images(ctx, count(input.num_images), w, h);
    return {
      ok: true,
      value: { images: files, description: `Emulated edit of ${urls.length} image(s): ${excerpt(input.prompt)}` },
      billableUnits: files.length,
    };
  },
};

const fluxDev: FalEndpoint = {
  typicalMs: 3_000,
  async run(input, ctx) {
    const issues = imageSizeIssues(input);
    if (issues.length > 0) return falValidationError(issues);
    const [w, h] = sizeOf(input, FAL_IMAGE_SIZES.landscape_4_3);
    const files = images(ctx, count(input.num_images), w, h).map(({ url, width, height, content_type }) => ({ url, width, height, content_type }));
    const megapixels = files.reduce((sum, f) => sum + Math.ceil((f.width * f.height) / (1024 * 1024)), 0);
    // timings.inference is set when the result is served, equal to the status metrics (fal.ts).
    const value = {
      images: files,
      timings: { inference: 0 },
      seed: seedOf(input, ctx),
      has_nsfw_concepts: files.map(() => false),
      prompt: String(input.prompt),
    };
    return { ok: true, value, billableUnits: megapixels };
  },
};

const veo3: FalEndpoint = {
  typicalMs: 60_000,
  async run(input, ctx) {
    const seconds = parseInt(String(input.duration ?? '8s'), 10);
    const [long, short] = input.resolution === '1080p' ? [1920, 1080] : [1280, 720];
    const [w, h] = input.aspect_ratio === '9:16' ? [short, long] : [long, short];
    return { ok: true, value: { video: storeMp4(ctx, w, h, seconds) }, billableUnits: seconds };
  },
};

const elevenLabsTts: FalEndpoint = {
  typicalMs: 3_000,
  async run(input, ctx) {
    const text = String(input.text);
    const seconds = Math.max(1, Math.round((text.length / 15) * 100) / 100);
    return { ok: true, value: { audio: storeWav(ctx, seconds), timestamps: input.timestamps ? [] : null }, billableUnits: text.length / 1000 };
  },
};

/** Speech to text (whisper, wizper): `{text, chunks: [{timestamp: [start, end], text}]}` from the audio's length. */
function transcriptionEndpoint(typicalMs: number): FalEndpoint {
  return {
    typicalMs,
    async run(input, ctx) {
      let bytes: Buffer;
      try {
        bytes = await ctx.fetchInput(String(input.audio_url));
      } catch {
        return falValidationError([
          {
            path: ['audio_url'],
            msg: 'Failed to download the file. Please check if the URL is accessible.',
            type: 'file_download_error',
            input: input.audio_url,
          },
        ]);
      }
      const seconds = Math.round((wavDurationSeconds(bytes) ?? bytes.length / 16_000) * 100) / 100;
      const text = `Emulated transcript: ${bytes.length} bytes of audio`;
      const chunks = [{ timestamp: [0, seconds], text }];
      return { ok: true, value: { text, chunks, inferred_languages: [String(input.language ?? 'en')] }, billableUnits: Math.max(1, Math.ceil(seconds / 60)) };
    },
  };
}

/** minimax speech (text to speech): `{audio: {url}, duration_ms}`. */
const minimaxSpeech: FalEndpoint = {
  typicalMs: 4_000,
  async run(input, ctx) {
    const text = String(input.text);
    const seconds = Math.max(1, Math.round((text.length / 15) * 100) / 100);
    const audio = storeWav(ctx, seconds);
    return {
      ok: true,
      value: {
        audio: { url: audio.url, content_type: audio.content_type, file_name: audio.file_name, file_size: audio.file_size },
        duration_ms: Math.round(seconds * 1000),
      },
      billableUnits: text.length / 1000,
    };
  },
};

/** An endpoint a test registered by output kind: no input checks, the kind's usual output field. */
export function registeredFalEndpoint(kind: OutputKind): FalEndpoint {
  const typicalMs = 2_000;
  return {
    typicalMs,
    async run(input, ctx) {
      if (kind === 'video') return { ok: true, value: { video: storeMp4(ctx, 1280, 720, 4) } };
      if (kind === 'audio') return { ok: true, value: { audio: storeWav(ctx, 1) } };
      if (kind === 'text') return { ok: true, value: { output: `Emulated text for: ${excerpt(input.prompt)}` } };
      const [w, h] = sizeOf(input);
      const files = images(ctx, count(input.num_images), w, h);
      return { ok: true, value: { images: files, seed: seedOf(input, ctx), prompt: String(input.prompt ?? '') }, billableUnits: files.length };
    },
  };
}

/**
 * How the media of each endpoint is made, by endpoint id: what its published document cannot say
 * (the sizes an aspect ratio renders at, a transcript's length from the audio, the billed units).
 * Its inputs, defaults, statuses and output shape come from its snapshot; an endpoint with a
 * snapshot and no entry here answers media synthesized to its output schema.
 */
export const FAL_MEDIA: Readonly<Record<string, FalEndpoint>> = {
  'fal-ai/nano-banana': nanoBanana,
  'fal-ai/nano-banana/edit': nanoBananaEdit,
  'fal-ai/flux/dev': fluxDev,
  'fal-ai/veo3': veo3,
  'fal-ai/veo3/fast': { ...veo3, typicalMs: 40_000 },
  'fal-ai/elevenlabs/tts/multilingual-v2': elevenLabsTts,
  'fal-ai/elevenlabs/tts/turbo-v2.5': elevenLabsTts,
  'fal-ai/whisper': transcriptionEndpoint(10_000),
  'fal-ai/wizper': transcriptionEndpoint(5_000),
  'fal-ai/minimax/speech-02-hd': minimaxSpeech,
  'fal-ai/minimax/speech-02-turbo': minimaxSpeech,
};

/** Checks the input, then builds the output of `endpoint`. */
export async function runFalEndpoint(endpoint: FalEndpoint, input: Input, ctx: BuildContext): Promise<BuildResult> {
  const issues = endpoint.schema ? endpoint.schema.check(input) : [];
  if (issues.length > 0) return falValidationError(endpoint.schema ? issues.map((issue) => ({ ...issue, input: valueAt(input, issue.path) })) : issues);
  return endpoint.run(endpoint.schema ? endpoint.schema.withDefaults(input) : input, ctx);
}

/** The value at `path` of `input` (fal names the bad value in each `detail` entry). */
function valueAt(input: Input, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined), input);
}

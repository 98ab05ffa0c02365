import type { BuildResult } from './jobs';
import { pngSize } from './media/png';
import { seedInt } from './media/seed';
import { storeImage, storeMp4, storeWav, type BuildContext } from './outputs';
import { ASPECT_RATIO_SIZES, DEFAULT_SIZE, FAL_IMAGE_SIZES } from './sizes';
import { validate, type Issue, type Rules } from './validate';

type Input = Record<string, unknown>;

/** How the emulator runs one fal endpoint: input checks (422 from the result) and output. */
export interface FalEndpoint {
  rules: Rules;
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
function sizeOf(input: Input, fallback: readonly [number, number] = DEFAULT_SIZE): [number, number] {
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
  const presets = Object.keys(FAL_IMAGE_SIZES).map((k) => `'${k}'`).join(', ');
  return [{ path: ['image_size'], msg: `Input should be ${presets} or an object with width and height`, type: 'literal_error' }];
}

const NANO_RULES: Rules = {
  prompt: { type: 'string', required: true, minLength: 3 },
  num_images: { type: 'integer', min: 1, max: 4 },
  seed: { type: 'integer', nullable: true },
  aspect_ratio: { type: 'string', enum: Object.keys(ASPECT_RATIO_SIZES).filter((r) => r !== '9:21') },
  output_format: { type: 'string', enum: ['jpeg', 'png', 'webp'] },
};

const nanoBanana: FalEndpoint = {
  rules: NANO_RULES,
  async run(input, ctx) {
    const [w, h] = sizeOf(input);
    const files = images(ctx, count(input.num_images), w, h);
    return { ok: true, value: { images: files, description: `Emulated image: ${excerpt(input.prompt)}` }, billableUnits: files.length };
  },
};

const nanoBananaEdit: FalEndpoint = {
  rules: {
    ...NANO_RULES,
    image_urls: { type: 'array', required: true },
    aspect_ratio: { type: 'string', nullable: true, enum: ['auto', ...(NANO_RULES.aspect_ratio.enum ?? [])] },
  },
  async run(input, ctx) {
    const urls = input.image_urls as unknown[];
    const sources: Buffer[] = [];
    const issues: (Issue & { input?: unknown })[] = [];
    for (const [i, url] of urls.entries()) {
      try {
        if (typeof url !== 'string') throw new Error('not a string');
        sources.push(await ctx.fetchInput(url));
      } catch {
        issues.push({ path: ['image_urls', i], msg: 'Failed to download the file. Please check if the URL is accessible.', type: 'file_download_error', input: url });
      }
    }
    if (urls.length === 0) issues.push({ path: ['image_urls'], msg: 'List should have at least 1 item after validation, not 0', type: 'too_short' });
    if (issues.length > 0) return falValidationError(issues);
    const first = sources[0] ? pngSize(sources[0]) : undefined;
    const auto: [number, number] = first ? [first.width, first.height] : [DEFAULT_SIZE[0], DEFAULT_SIZE[1]];
    const [w, h] = input.aspect_ratio && input.aspect_ratio !== 'auto' ? sizeOf(input) : auto;
    const files = images(ctx, count(input.num_images), w, h);
    return { ok: true, value: { images: files, description: `Emulated edit of ${urls.length} image(s): ${excerpt(input.prompt)}` }, billableUnits: files.length };
  },
};

const fluxDev: FalEndpoint = {
  rules: {
    prompt: { type: 'string', required: true },
    num_images: { type: 'integer', min: 1, max: 4 },
    num_inference_steps: { type: 'integer', min: 1, max: 50 },
    guidance_scale: { type: 'number', min: 1, max: 20 },
    seed: { type: 'integer', nullable: true },
    output_format: { type: 'string', enum: ['jpeg', 'png'] },
  },
  async run(input, ctx) {
    const issues = imageSizeIssues(input);
    if (issues.length > 0) return falValidationError(issues);
    const [w, h] = sizeOf(input, FAL_IMAGE_SIZES.landscape_4_3);
    const files = images(ctx, count(input.num_images), w, h).map(({ url, width, height, content_type }) => ({ url, width, height, content_type }));
    const megapixels = files.reduce((sum, f) => sum + Math.ceil((f.width * f.height) / (1024 * 1024)), 0);
    const value = { images: files, timings: { inference: 0.01 }, seed: seedOf(input, ctx), has_nsfw_concepts: files.map(() => false), prompt: String(input.prompt) };
    return { ok: true, value, billableUnits: megapixels };
  },
};

const veo3: FalEndpoint = {
  rules: {
    prompt: { type: 'string', required: true },
    aspect_ratio: { type: 'string', enum: ['16:9', '9:16'] },
    duration: { type: 'string', enum: ['4s', '6s', '8s'] },
    resolution: { type: 'string', enum: ['720p', '1080p'] },
    generate_audio: { type: 'boolean' },
  },
  async run(input, ctx) {
    const seconds = parseInt(String(input.duration ?? '8s'), 10);
    const [long, short] = input.resolution === '1080p' ? [1920, 1080] : [1280, 720];
    const [w, h] = input.aspect_ratio === '9:16' ? [short, long] : [long, short];
    return { ok: true, value: { video: storeMp4(ctx, w, h, seconds) }, billableUnits: seconds };
  },
};

const elevenLabsTts: FalEndpoint = {
  rules: {
    text: { type: 'string', required: true, minLength: 1 },
    voice: { type: 'string' },
    stability: { type: 'number', min: 0, max: 1 },
    similarity_boost: { type: 'number', min: 0, max: 1 },
    style: { type: 'number', min: 0, max: 1 },
    speed: { type: 'number', min: 0.7, max: 1.2 },
    timestamps: { type: 'boolean' },
  },
  async run(input, ctx) {
    const text = String(input.text);
    const seconds = Math.max(1, Math.round((text.length / 15) * 100) / 100);
    return { ok: true, value: { audio: storeWav(ctx, seconds), timestamps: input.timestamps ? [] : null }, billableUnits: text.length / 1000 };
  },
};

/**
 * Unknown endpoint ids are emulated as image endpoints (so freshly scaffolded generators work):
 * size from image_size / width+height / aspect_ratio (default 1024x1024), num_images (default 1),
 * output `{images, seed, prompt}`.
 */
export const DEFAULT_FAL_ENDPOINT: FalEndpoint = {
  rules: { num_images: { type: 'integer', min: 1, max: 8 } },
  async run(input, ctx) {
    const [w, h] = sizeOf(input);
    const files = images(ctx, count(input.num_images), w, h);
    return { ok: true, value: { images: files, seed: seedOf(input, ctx), prompt: String(input.prompt ?? '') }, billableUnits: files.length };
  },
};

/** Known endpoints, by endpoint id. Add an endpoint here (one entry) to give it its own checks and output. */
export const FAL_ENDPOINTS: Readonly<Record<string, FalEndpoint>> = {
  'fal-ai/nano-banana': nanoBanana,
  'fal-ai/nano-banana/edit': nanoBananaEdit,
  'fal-ai/flux/dev': fluxDev,
  'fal-ai/veo3': veo3,
  'fal-ai/veo3/fast': veo3,
  'fal-ai/elevenlabs/tts/multilingual-v2': elevenLabsTts,
  'fal-ai/elevenlabs/tts/turbo-v2.5': elevenLabsTts,
};

/** Checks the input, then builds the output of endpoint `id`. */
export async function runFalEndpoint(id: string, input: Input, ctx: BuildContext): Promise<BuildResult> {
  const endpoint = FAL_ENDPOINTS[id] ?? DEFAULT_FAL_ENDPOINT;
  const issues = validate(input, endpoint.rules);
  return issues.length > 0 ? falValidationError(issues) : endpoint.run(input, ctx);
}

import { pngSize } from '../../kernel/media/png';
import { storeImage, storeMp4, type BuildContext } from '../../kernel/outputs';
import { ASPECT_RATIO_SIZES, DEFAULT_SIZE } from '../../kernel/sizes';
import type { InputSchema } from '../../kernel/schema-check';
import type { SnapshotAuth } from '../../kernel/snapshots';

type Input = Record<string, unknown>;

/** How a task ends: its result URLs, or Kie's failCode / failMsg. */
export type KieOutcome = { ok: true; resultUrls: string[] } | { ok: false; failCode: string; failMsg: string };

/** How the emulator runs one Kie market model: its input schema and states (from its snapshot), output and typical time. */
export interface KieModel {
  /** The snapshot's schema of `input`, which checks and defaults it at createTask. */
  schema?: InputSchema;
  /** The auth scheme the snapshot's page documents; none: any. */
  auth?: SnapshotAuth;
  /** The waiting, queuing, generating, success and fail state names (the snapshot's); default Kie's. */
  stateNames?: readonly string[];
  /** Typical real run time, ms (the realistic job time is derived from it). */
  typicalMs: number;
  run(input: Input, ctx: BuildContext): Promise<KieOutcome>;
}

/** Reads every input URL; a URL that cannot be read fails the task as Kie does (failCode 422). */
async function fetchAll(ctx: BuildContext, field: string, urls: unknown): Promise<{ ok: true; files: Buffer[] } | Extract<KieOutcome, { ok: false }>> {
  const files: Buffer[] = [];
  for (const [i, url] of (Array.isArray(urls) ? urls : []).entries()) {
    try {
      files.push(await ctx.fetchInput(String(url)));
    } catch {
      return { ok: false, failCode: '422', failMsg: `${field}[${i}]: the file could not be downloaded, check that the URL is reachable` };
    }
  }
  return { ok: true, files };
}

/** google/nano-banana-edit (docs.kie.ai/market/google/nano-banana-edit; aspect_ratio per the 2026-08 page, image_size deprecated). */
const nanoBananaEdit: KieModel = {
  typicalMs: 10_000,
  async run(input, ctx) {
    const read = await fetchAll(ctx, 'image_urls', input.image_urls);
    if (!read.ok) return read;
    const ratio = String(input.aspect_ratio ?? input.image_size ?? '1:1');
    const first = read.files[0] ? pngSize(read.files[0]) : undefined;
    const [w, h] = ratio === 'auto' ? (first ? [first.width, first.height] : DEFAULT_SIZE) : (ASPECT_RATIO_SIZES[ratio] ?? DEFAULT_SIZE);
    return { ok: true, resultUrls: [storeImage(ctx, w, h, 0).url] };
  },
};

/** seedream/4.5-text-to-image (docs.kie.ai/market/seedream/4-5-text-to-image): basic renders 2K, high 4K. */
const seedream45TextToImage: KieModel = {
  typicalMs: 15_000,
  async run(input, ctx) {
    const [w, h] = ASPECT_RATIO_SIZES[String(input.aspect_ratio)] ?? DEFAULT_SIZE;
    const scale = input.quality === 'high' ? 4 : 2;
    return { ok: true, resultUrls: [storeImage(ctx, w * scale, h * scale, 0).url] };
  },
};

/** The short edge of a video resolution, px. */
export const VIDEO_HEIGHTS: Record<string, number> = { '480p': 480, '720p': 720, '1080p': 1080, '4k': 2160 };
const VIDEO_RATIOS: Record<string, number> = { '1:1': 1, '4:3': 4 / 3, '3:4': 3 / 4, '16:9': 16 / 9, '9:16': 9 / 16, '21:9': 21 / 9 };

/** A video's size: `short` px on the short edge, the long edge after the aspect ratio (16:9 when unknown), even as encoders want. */
export function videoSize(aspect: string, short: number): [number, number] {
  const ratio = VIDEO_RATIOS[aspect] ?? 16 / 9;
  const long = Math.round((short * Math.max(ratio, 1 / ratio)) / 2) * 2;
  return ratio >= 1 ? [long, short] : [short, long];
}

/** bytedance/seedance-1.5-pro (docs.kie.ai market page, 2026-08 catalog): an MP4 of `duration` seconds at `resolution`. */
const seedance15Pro: KieModel = {
  typicalMs: 60_000,
  async run(input, ctx) {
    const read = await fetchAll(ctx, 'input_urls', input.input_urls);
    if (!read.ok) return read;
    const [w, h] = videoSize(String(input.aspect_ratio), VIDEO_HEIGHTS[String(input.resolution ?? '720p')]);
    return { ok: true, resultUrls: [storeMp4(ctx, w, h, Number(input.duration)).url] };
  },
};

/**
 * How the result of each market model is made, by model id: what its documentation page cannot
 * say (the sizes a quality or resolution renders at). Its inputs, defaults and states come from
 * its snapshot; a model with a snapshot and no entry here answers one image or video.
 */
export const KIE_MEDIA: Readonly<Record<string, KieModel>> = {
  'google/nano-banana-edit': nanoBananaEdit,
  'seedream/4.5-text-to-image': seedream45TextToImage,
  'bytedance/seedance-1.5-pro': seedance15Pro,
};

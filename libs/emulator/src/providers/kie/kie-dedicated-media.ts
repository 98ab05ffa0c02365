/**
 * What Kie's dedicated APIs make, per record family: the media of a finished task and what its
 * record holds of them. What the pages cannot say (the pixel size of a resolution, how long a
 * track is) is the emulator's own choice, kept small so tests stay fast.
 */
import { randomUUID } from 'node:crypto';
import { storeImage, storeMp4, storeWav, type BuildContext } from '../../kernel/outputs';
import type { KieRecordFamily } from './kie-apis';
import { VIDEO_HEIGHTS, videoSize } from './kie-models';

type Body = Record<string, unknown>;

/** A finished task: what its record's `response` holds, or Kie's errorCode / errorMessage. */
export type DedicatedOutcome = { ok: true; response: Body } | { ok: false; errorCode: number; errorMessage: string };

/** Reads every input URL; the first that cannot be read fails the task as the pages' error codes say. */
async function readAll(ctx: BuildContext, urls: unknown[], errorCode: number, what: string): Promise<Extract<DedicatedOutcome, { ok: false }> | undefined> {
  for (const [i, url] of urls.entries()) {
    try {
      await ctx.fetchInput(String(url));
    } catch {
      return { ok: false, errorCode, errorMessage: `Failed to fetch the ${what} (${i + 1} of ${urls.length}): check that its URL is reachable` };
    }
  }
  return undefined;
}

/** Veo 3.1: an MP4 of `duration` s (default 8) at `resolution` (default 720p), landscape unless `aspect_ratio` is 9:16. */
async function veo(body: Body, ctx: BuildContext): Promise<DedicatedOutcome> {
  const failed = await readAll(ctx, Array.isArray(body.imageUrls) ? body.imageUrls : [], 400, 'image');
  if (failed) return failed;
  const resolution = String(body.resolution ?? '720p');
  const portrait = body.aspect_ratio === '9:16';
  const video = storeMp4(ctx, ...videoSize(portrait ? '9:16' : '16:9', VIDEO_HEIGHTS[resolution] ?? 720), Number(body.duration ?? 8));
  // The page: originUrls "only has value when aspect_ratio is not 16:9".
  return { ok: true, response: { resultUrls: [video.url], fullResultUrls: [video.url], originUrls: portrait ? [video.url] : null, resolution } };
}

/** Runway Aleph: the input video read, then a 5 s MP4 at 720p (the page caps outputs at 5 s) and a PNG thumbnail. */
async function aleph(body: Body, ctx: BuildContext): Promise<DedicatedOutcome> {
  const failed = await readAll(ctx, [body.videoUrl, ...(body.referenceImage ? [body.referenceImage] : [])], 400, 'video or reference image');
  if (failed) return failed;
  const [w, h] = videoSize(String(body.aspectRatio ?? '16:9'), 720);
  return { ok: true, response: { resultVideoUrl: storeMp4(ctx, w, h, 5).url, resultImageUrl: storeImage(ctx, w, h, 0).url } };
}

/** Suno: music makes two tracks (the page: "multiple variations"), sounds one; WAV with a square PNG cover each. */
async function suno(body: Body, ctx: BuildContext, tracks: number, seconds: number): Promise<DedicatedOutcome> {
  const model = String(body.model ?? 'V5');
  const sunoData = Array.from({ length: tracks }, (_, i) => {
    const audio = storeWav(ctx, seconds);
    return {
      id: randomUUID(),
      audioUrl: audio.url,
      streamAudioUrl: audio.url,
      imageUrl: storeImage(ctx, 512, 512, i).url,
      prompt: String(body.prompt ?? ''),
      modelName: `chirp-${model.toLowerCase().replace(/_/g, '-')}`,
      title: String(body.title ?? 'Emulated track'),
      tags: String(body.style ?? ''),
      createTime: new Date().toISOString(),
      duration: seconds,
    };
  });
  return { ok: true, response: { sunoData } };
}

/** The media of a task of `family` (`sounds`: Suno's sounds endpoint). */
export function makeMedia(family: KieRecordFamily, sounds: boolean, body: Body, ctx: BuildContext): Promise<DedicatedOutcome> {
  if (family === 'veo') return veo(body, ctx);
  if (family === 'aleph') return aleph(body, ctx);
  return sounds ? suno(body, ctx, 1, 4) : suno(body, ctx, 2, 8);
}

/** Typical real run time per family, ms (the realistic job time is derived from it). */
export const TYPICAL_MS: Record<KieRecordFamily, number> = { veo: 90_000, aleph: 90_000, suno: 60_000 };

/**
 * Checks the Suno pages state in prose, not in their schemas: in custom mode `style` and `title`
 * are required and limits depend on the model; otherwise the prompt holds at most 500 characters
 * (the sounds page: 500 too). The reason, or undefined when the body keeps them.
 */
export function sunoProseRule(body: Body, sounds: boolean): string | undefined {
  const length = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).length : 0);
  if (sounds || body.customMode !== true) return length('prompt') > 500 ? 'prompt: at most 500 characters' : undefined;
  for (const field of ['style', 'title']) if (!body[field]) return `${field} is required in custom mode`;
  const v4 = body.model === 'V4';
  if (length('prompt') > (v4 ? 3000 : 5000)) return `prompt: at most ${v4 ? 3000 : 5000} characters for ${String(body.model)}`;
  if (length('style') > (v4 ? 200 : 1000)) return `style: at most ${v4 ? 200 : 1000} characters for ${String(body.model)}`;
  return length('title') > 80 ? 'title: at most 80 characters' : undefined;
}

import type { FileStore } from './files';
import type { ByteLru } from './media/cache';
import { encodeMp4 } from './media/mp4';
import { encodePng } from './media/png';
import { encodeWav } from './media/wav';
import { renderSize } from './sizes';

/** A generated file as providers describe it. */
export interface MediaFile {
  url: string;
  content_type: string;
  file_name: string;
  file_size: number;
}

/** What output builders get: where to store files, a seed, and a way to read input URLs. */
export interface BuildContext {
  files: FileStore;
  /** Deterministic seed for this job's media (derived from the endpoint and input). */
  seed: string;
  /** Media already synthesised, by kind, size and seed: the same input's media is made once. */
  media: ByteLru;
  /** Reads the bytes behind an input URL (emulator file URL, data: URI or network URL); throws when it cannot. */
  fetchInput(url: string): Promise<Buffer>;
}

export function storeImage(ctx: BuildContext, width: number, height: number, index: number): MediaFile & { width: number; height: number } {
  const [w, h] = renderSize(width, height);
  const seed = `${ctx.seed}#${index}`;
  const bytes = ctx.media.get(`png ${w}x${h} ${seed}`, () => encodePng(w, h, seed));
  const file = ctx.files.add('.png', bytes, 'image/png');
  return { url: file.url, content_type: 'image/png', file_name: file.name, file_size: file.bytes.length, width: w, height: h };
}

export function storeWav(ctx: BuildContext, seconds: number): MediaFile {
  const bytes = ctx.media.get(`wav ${seconds} ${ctx.seed}`, () => encodeWav(seconds, ctx.seed));
  const file = ctx.files.add('.wav', bytes, 'audio/wav');
  return { url: file.url, content_type: 'audio/wav', file_name: file.name, file_size: file.bytes.length };
}

export function storeMp4(ctx: BuildContext, width: number, height: number, durationSeconds: number): MediaFile {
  const bytes = ctx.media.get(`mp4 ${width}x${height} ${durationSeconds}`, () => encodeMp4({ width, height, durationSeconds }));
  const file = ctx.files.add('.mp4', bytes, 'video/mp4');
  return { url: file.url, content_type: 'video/mp4', file_name: file.name, file_size: file.bytes.length };
}

/** A fetchInput that serves emulator file URLs and data: URIs locally and fetches anything else. */
export function inputFetcher(files: FileStore, timeoutMs = 5000): (url: string) => Promise<Buffer> {
  return async (url) => {
    const local = files.fromUrl(url);
    if (local) return local.bytes;
    const data = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
    if (data) return data[2] ? Buffer.from(data[3], 'base64') : Buffer.from(decodeURIComponent(data[3]), 'utf8');
    if (!/^https?:\/\//.test(url)) throw new Error(`unsupported URL: ${url.slice(0, 80)}`);
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
}

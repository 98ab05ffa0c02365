import type { Artifact, ArtifactType } from './artifacts';
import type { ArtifactDraft, GeneratorContext } from './context';
import { GenerationFailedError, ProviderError, type ProviderName } from './errors';
import { downloadBytes, type RetryPolicy } from './http';
import { sniffMedia } from './media';
import { outputProblem } from './media-check';

const MIB = 1024 * 1024;

/**
 * The largest file of each type taken from a provider or as an input: an endless or
 * mislabelled stream is cut off here instead of filling memory or an upload.
 */
export const MAX_MEDIA_BYTES: Readonly<Record<ArtifactType, number>> = {
  image: 64 * MIB,
  audio: 256 * MIB,
  video: 1024 * MIB,
  text: 16 * MIB,
};

/** Turns bytes into a draft of the declared type, reading media facts from the bytes themselves. */
export function draftFromBytes(type: ArtifactType, bytes: Uint8Array, contentType?: string): ArtifactDraft {
  const info = sniffMedia(bytes);
  const mimeType = info?.mimeType ?? contentType?.split(';')[0] ?? 'application/octet-stream';
  return {
    type,
    bytes,
    mimeType,
    width: info?.width,
    height: info?.height,
    durationSeconds: info?.durationSeconds,
    sampleRate: info?.sampleRate,
    channels: info?.channels,
    fps: info?.fps,
  };
}

export interface StoreOutputsOptions {
  provider: ProviderName;
  type: ArtifactType;
  jobId?: string;
  retry?: Partial<RetryPolicy>;
  /** Known media facts to merge (e.g. a video's fps the provider reported). */
  facts?: Partial<Omit<ArtifactDraft, 'type' | 'bytes' | 'mimeType'>>;
}

/** Downloads each output URL (with retries) and stores it; progress moves from 0.8 to 0.98. */
export async function storeOutputUrls(ctx: GeneratorContext, urls: string[], options: StoreOutputsOptions): Promise<Artifact[]> {
  if (urls.length === 0) throw new GenerationFailedError(options.provider, 'the provider returned no output (the job may still be billed)', options.jobId);
  const artifacts: Artifact[] = [];
  for (const [i, url] of urls.entries()) {
    ctx.progress({ progress: 0.8 + (0.18 * i) / urls.length, phase: 'downloading', message: `output ${i + 1} of ${urls.length}` });
    const { bytes, contentType } = await downloadBytes(url, {
      provider: options.provider,
      signal: ctx.signal,
      jobId: options.jobId,
      retry: options.retry,
      maxBytes: MAX_MEDIA_BYTES[options.type],
      fetch: ctx.settings?.fetch,
    });
    const problem = options.type === 'text' ? undefined : await outputProblem(options.type, bytes);
    if (problem) {
      // Billed, but not usable: keep the job id so it can be looked up or disputed.
      throw new ProviderError(`output ${i + 1} of ${urls.length} is not valid media: ${problem}; billed, not stored`, {
        provider: options.provider,
        jobId: options.jobId,
        retryable: false,
      });
    }
    ctx.progress({ progress: 0.8 + (0.18 * (i + 0.5)) / urls.length, phase: 'storing' });
    const draft = draftFromBytes(options.type, bytes, contentType);
    artifacts.push(await ctx.storeArtifact({ ...draft, ...stripUndefined(options.facts ?? {}) }));
  }
  return artifacts;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Stores text output as a text artifact. */
export function storeText(ctx: GeneratorContext, text: string): Promise<Artifact> {
  return ctx.storeArtifact({ type: 'text', bytes: new TextEncoder().encode(text), mimeType: 'text/plain; charset=utf-8', text });
}

/** Collects every URL string from a provider output of any nesting (string, array, {url}, {images:[{url}]}). */
export function collectUrls(output: unknown): string[] {
  if (typeof output === 'string') return /^(https?:|data:)/.test(output) ? [output] : [];
  if (Array.isArray(output)) return output.flatMap(collectUrls);
  if (output && typeof output === 'object') {
    const record = output as Record<string, unknown>;
    if (typeof record.url === 'string') return [record.url];
    return Object.values(record).flatMap(collectUrls);
  }
  return [];
}

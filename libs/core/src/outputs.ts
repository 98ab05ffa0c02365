import type { Artifact, ArtifactType } from './artifacts';
import type { ArtifactDraft, GeneratorContext } from './context';
import { GenerationFailedError, type ProviderName } from './errors';
import { downloadBytes, type RetryPolicy } from './http';
import { sniffMedia } from './media';

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
  if (urls.length === 0) throw new GenerationFailedError(options.provider, 'the provider returned no output', options.jobId);
  const artifacts: Artifact[] = [];
  for (const [i, url] of urls.entries()) {
    ctx.progress({ progress: 0.8 + (0.18 * i) / urls.length, phase: 'downloading', message: `output ${i + 1} of ${urls.length}` });
    const { bytes, contentType } = await downloadBytes(url, {
      provider: options.provider,
      signal: ctx.signal,
      jobId: options.jobId,
      retry: options.retry,
    });
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

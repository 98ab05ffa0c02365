import type { Artifact, ArtifactRef, ArtifactType, ResolvedInput } from './artifacts';
import { CanceledError, type ProviderName } from './errors';
import type { ActualCost } from './pricing';
import { silentLogger, redactingLogger, type Logger } from './logger';
import type { BoardsSettings } from './settings';

/** Where a generation is. Progress is one 0..1 scale across all phases. */
export type Phase = 'validating' | 'uploading' | 'queued' | 'running' | 'downloading' | 'storing' | 'done';

export interface ProgressEvent {
  /** 0..1 over the whole generation. */
  progress: number;
  phase: Phase;
  message?: string;
  /** Position in the provider's queue, when it tells. */
  queuePosition?: number;
}

export interface ProviderJob {
  provider: ProviderName;
  jobId: string;
}

/** Bytes to store, with the media facts the generator knows. */
export interface ArtifactDraft {
  type: ArtifactType;
  bytes: Uint8Array;
  mimeType: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  fps?: number;
  sampleRate?: number;
  channels?: number;
  /** For text artifacts. */
  text?: string;
}

/** Where artifacts end up. `@boards/storage` implements it for a local directory. */
export interface ArtifactStore {
  put(draft: ArtifactDraft, meta: { generatorId: string }): Promise<Artifact>;
  /** Reads an input by path or URL (file://, http(s)://, data:, or a storageUrl of this store). */
  resolve(ref: ArtifactRef, options: { signal: AbortSignal } & ResolveOptions): Promise<ResolvedInput>;
}

export interface ResolveOptions {
  /**
   * The kind of media the model takes here: an input of another type (text given as an
   * image) or larger than that type's cap is refused before anything is uploaded.
   */
  accept?: ArtifactType | readonly ArtifactType[];
}

export interface GeneratorContext {
  readonly generatorId: string;
  /** Aborting cancels the provider job and rejects the generation with CanceledError. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Keys, base URLs, waits, deadline and fetch of this generation; without them the adapters resolve the environment's (@boards/config). */
  readonly settings?: BoardsSettings;
  storeArtifact(draft: ArtifactDraft): Promise<Artifact>;
  resolveInput(ref: ArtifactRef, options?: ResolveOptions): Promise<ResolvedInput>;
  progress(event: ProgressEvent): void;
  /** Records the provider's job id as soon as it exists, so a failure later can name it. */
  setProviderJob(job: ProviderJob): void;
  /** Records what the provider said the call cost (metrics, billable units, usage). */
  reportActualCost(cost: ActualCost): void;
  /** Throws CanceledError when the signal has fired. */
  throwIfAborted(): void;
}

export interface ContextOptions {
  generatorId: string;
  store: ArtifactStore;
  signal?: AbortSignal;
  logger?: Logger;
  /** The generation's settings, as a value: two contexts with two keys can run side by side. Default: none (the adapters read the environment's). */
  settings?: BoardsSettings;
  onProgress?: (event: ProgressEvent) => void;
  onProviderJob?: (job: ProviderJob) => void;
  onActualCost?: (cost: ActualCost) => void;
}

export function createGeneratorContext(options: ContextOptions): GeneratorContext {
  const signal = options.signal ?? new AbortController().signal;
  let lastProgress = 0;
  const ctx: GeneratorContext = {
    generatorId: options.generatorId,
    signal,
    logger: redactingLogger(options.logger ?? silentLogger),
    settings: options.settings,
    storeArtifact: (draft) => options.store.put(draft, { generatorId: options.generatorId }),
    resolveInput: (ref, resolveOptions) => options.store.resolve(ref, { ...resolveOptions, signal }),
    progress(event) {
      // One monotonic scale: a late poll answer never moves the bar backwards.
      const progress = Math.min(1, Math.max(lastProgress, event.progress));
      lastProgress = progress;
      options.onProgress?.({ ...event, progress });
    },
    setProviderJob: (job) => options.onProviderJob?.(job),
    reportActualCost: (cost) => options.onActualCost?.(cost),
    throwIfAborted() {
      if (signal.aborted) throw new CanceledError();
    },
  };
  return ctx;
}

/**
 * Reads an input artifact that an adapter is about to upload, reporting the `uploading` phase
 * (a data URL is named as such, never echoed). With `accept`, another media type or a file over
 * that type's cap is refused before anything is sent.
 */
export function resolveUpload(ctx: GeneratorContext, ref: ArtifactRef, accept?: ArtifactType): Promise<ResolvedInput> {
  ctx.progress({ progress: 0.02, phase: 'uploading', message: ref.startsWith('data:') ? 'data URL' : ref });
  return ctx.resolveInput(ref, { accept });
}

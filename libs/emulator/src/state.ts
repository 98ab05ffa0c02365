import { FaultRegistry } from './faults';
import { FileStore } from './files';
import { Lifetime } from './lifetime';
import { seedBytes } from './media/seed';
import { inputFetcher, type BuildContext } from './outputs';
import { Recorder } from './recorder';
import type { OutputKind } from './replicate-models';
import type { JobDuration } from './types';

/** Shortest realistic job, ms: long enough for a queued and a processing poll and a cancel. */
const MIN_REALISTIC_MS = 1_000;
/** Realistic job time is the model's typical real time divided by this. */
const REALISTIC_SCALE = 10;

/** The shared state of one running emulator. */
export class EmulatorState {
  readonly recorder = new Recorder();
  readonly faults = new FaultRegistry();
  readonly lifetime = new Lifetime();
  readonly files: FileStore;
  /** Models a test registered by output kind, by `${provider} ${model}`. */
  readonly registered = new Map<string, OutputKind>();
  private readonly fetchInput: (url: string) => Promise<Buffer>;

  constructor(
    readonly url: string,
    public jobDurationMs: JobDuration,
  ) {
    this.files = new FileStore(url);
    this.fetchInput = inputFetcher(this.files);
  }

  get replicateBaseUrl(): string {
    return `${this.url}/replicate/v1`;
  }

  get falBaseUrl(): string {
    return `${this.url}/fal`;
  }

  get openaiBaseUrl(): string {
    return `${this.url}/openai/v1`;
  }

  /** Job time for a model whose real runs typically take `typicalMs`: the set duration, or the realistic one. */
  jobDurationFor(typicalMs: number): number {
    if (this.jobDurationMs !== 'realistic') return this.jobDurationMs;
    return Math.max(MIN_REALISTIC_MS, Math.round(typicalMs / REALISTIC_SCALE));
  }

  registeredKind(provider: 'replicate' | 'fal', model: string): OutputKind | undefined {
    return this.registered.get(`${provider} ${model}`);
  }

  /** A build context whose seed is derived from `what` (e.g. model id + input), so equal inputs give equal media. */
  buildContext(what: unknown): BuildContext {
    return { files: this.files, seed: seedBytes(what).toString('hex'), fetchInput: this.fetchInput };
  }
}

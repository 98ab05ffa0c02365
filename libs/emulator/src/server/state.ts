import { hash } from 'node:crypto';
import { FaultRegistry } from '../kernel/faults';
import { FileStore } from '../kernel/files';
import { MAX_BODY_BYTES } from '../kernel/http';
import { Lifetime } from '../kernel/lifetime';
import { ByteLru } from '../kernel/media/cache';
import { seedBytes } from '../kernel/media/seed';
import { inputFetcher, type BuildContext } from '../kernel/outputs';
import type { ProviderHost, ProviderModule } from '../kernel/provider';
import { Recorder } from '../kernel/recorder';
import { SnapshotStore, type EmulatorSnapshot } from '../kernel/snapshots';
import type { EmulatedProvider, JobDuration, OutputKind } from '../kernel/types';
import { parseRegistration } from './settings';

/** Shortest realistic job, ms: long enough for a queued and a processing poll and a cancel. */
const MIN_REALISTIC_MS = 1_000;
/** Realistic job time is the model's typical real time divided by this. */
const REALISTIC_SCALE = 10;

/** Bytes of synthesised media an emulator keeps for reuse (least recently used go first). */
export const MEDIA_CACHE_BYTES = 64 * 1024 * 1024;

/** Test-scoped job durations kept at most: a long-running service must not grow without bound (oldest go first). */
export const MAX_TEST_DURATIONS = 10_000;

/** The shared state of one running emulator. */
export class EmulatorState implements ProviderHost {
  readonly recorder = new Recorder();
  readonly faults: FaultRegistry;
  readonly lifetime = new Lifetime();
  readonly files: FileStore;
  /** Synthesised media by kind, size and seed (the same input's media is made once). */
  readonly media = new ByteLru(MEDIA_CACHE_BYTES);
  /** Models a test registered by output kind, by `${provider} ${model}`. */
  readonly registered = new Map<string, OutputKind>();
  /** Largest request body read; a longer one is answered 413. */
  maxBodyBytes = MAX_BODY_BYTES;
  /** When set, the control API (`/__emulator`) answers only requests with `Authorization: Bearer <it>`. */
  controlToken?: string;
  /** Proxy mode: the upstream of each forwarded API, and where recordings go. */
  proxy?: { upstreams: Record<string, string>; recordTo?: string };
  /** Job durations scoped to one test (`x-boards-test-id`), in insertion order. */
  readonly testDurations = new Map<string, JobDuration>();
  private readonly fetchInput: (url: string) => Promise<Buffer>;

  constructor(
    readonly url: string,
    public jobDurationMs: JobDuration,
    /** The emulated provider APIs, in mount order. */
    readonly providers: readonly ProviderModule[],
  ) {
    this.faults = new FaultRegistry(providers.map((m) => m.id));
    this.files = new FileStore(url);
    this.fetchInput = inputFetcher(this.files);
  }

  /** The base URL of each provider API by id (`${url}/<its prefix>`). */
  get baseUrls(): Record<string, string> {
    return Object.fromEntries(this.providers.map((m) => [m.id, `${this.url}/${m.prefix.join('/')}`]));
  }

  /** The same base URLs as `<id>BaseUrl` properties (the names the package's `Emulator` has always carried). */
  get namedBaseUrls(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.baseUrls).map(([id, url]) => [`${id}BaseUrl`, url]));
  }

  /**
   * Job time for a model whose real runs typically take `typicalMs`: the duration set for the
   * request's test (`testId`), else the emulator's; a number, or the realistic time.
   */
  jobDurationFor(typicalMs: number, testId?: string): number {
    const duration = (testId !== undefined ? this.testDurations.get(testId) : undefined) ?? this.jobDurationMs;
    if (duration !== 'realistic') return duration;
    return Math.max(MIN_REALISTIC_MS, Math.round(typicalMs / REALISTIC_SCALE));
  }

  /** Sets the job duration of all jobs, or of one test's (`null` with a test id removes that test's). */
  setJobDuration(duration: JobDuration | null, testId?: string): void {
    if (testId === undefined) {
      if (duration === null) throw new RangeError('job duration null only removes a test-scoped duration: give a test id');
      this.jobDurationMs = duration;
      return;
    }
    this.testDurations.delete(testId);
    if (duration === null) return;
    this.testDurations.set(testId, duration);
    if (this.testDurations.size > MAX_TEST_DURATIONS) this.testDurations.delete(this.testDurations.keys().next().value as string);
  }

  /** Published documents of models (`EmulatorOptions.snapshots`, `addSnapshots`). */
  readonly snapshots = new SnapshotStore();

  snapshotOf(provider: EmulatedProvider, model: string): EmulatorSnapshot | undefined {
    return this.snapshots.get(provider, model);
  }

  snapshotsOf(provider: EmulatedProvider): EmulatorSnapshot[] {
    return this.snapshots.of(provider);
  }

  registeredKind(provider: EmulatedProvider, model: string): OutputKind | undefined {
    return this.registered.get(`${provider} ${model}`);
  }

  /** Checks and keeps a model registration (control API body or `registerModel` argument). */
  register(value: unknown): ReturnType<typeof parseRegistration> {
    const registration = parseRegistration(value, this.providers);
    this.registered.set(`${registration.provider} ${registration.model}`, registration.output);
    return registration;
  }

  /**
   * A build context whose seed is derived from `what` (e.g. model id + input), so equal inputs give
   * equal media. A URL of this emulator's file store counts by its content: an input image uploaded
   * twice gets two URLs (some providers name each upload afresh) but is the same input.
   */
  buildContext(what: unknown): BuildContext {
    const text = JSON.stringify(what ?? null, (_key, value: unknown) => {
      const file = typeof value === 'string' ? this.files.fromUrl(value) : undefined;
      return file ? `stored file ${contentHash(file.bytes)}` : value;
    });
    return { files: this.files, seed: seedBytes(text).toString('hex'), media: this.media, fetchInput: this.fetchInput };
  }
}

const contentHashes = new WeakMap<Buffer, string>();
/** sha256 of a stored file's bytes, computed once per file. */
function contentHash(bytes: Buffer): string {
  let known = contentHashes.get(bytes);
  if (known === undefined) contentHashes.set(bytes, (known = hash('sha256', bytes, 'hex')));
  return known;
}

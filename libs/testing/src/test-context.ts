import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGeneratorContext,
  type ActualCost,
  type BoardsSettings,
  type GeneratorContext,
  type Logger,
  type ProgressEvent,
  type ProviderJob,
} from '@boards/core';
import { LocalArtifactStore } from '@boards/storage';

export interface TestContext extends GeneratorContext {
  /** Every progress event, in order. */
  readonly progressEvents: ProgressEvent[];
  readonly providerJobs: ProviderJob[];
  readonly actualCosts: ActualCost[];
  readonly logLines: string[];
  /** The temporary store the artifacts went to. */
  readonly store: LocalArtifactStore;
}

export interface TestContextOptions {
  generatorId?: string;
  signal?: AbortSignal;
  /** Directory for stored artifacts. Default: a new temporary directory. */
  storageRoot?: string;
  /** Called when the provider job id is known (e.g. to abort at that moment). */
  onProviderJob?: (job: ProviderJob) => void;
  /** The generation's settings, e.g. `useEmulator().settings`. Default: none (the adapters resolve the environment's). */
  settings?: BoardsSettings;
}

/** A real context over a temporary local store that records what the generator reported. */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const store = new LocalArtifactStore({ root: options.storageRoot ?? mkdtempSync(join(tmpdir(), 'boards-test-')) });
  const progressEvents: ProgressEvent[] = [];
  const providerJobs: ProviderJob[] = [];
  const actualCosts: ActualCost[] = [];
  const logLines: string[] = [];
  const logger: Logger = {
    debug: (m) => logLines.push(`debug ${m}`),
    info: (m) => logLines.push(`info ${m}`),
    warn: (m) => logLines.push(`warn ${m}`),
    error: (m) => logLines.push(`error ${m}`),
  };
  const ctx = createGeneratorContext({
    generatorId: options.generatorId ?? 'test',
    store,
    signal: options.signal,
    settings: options.settings,
    logger,
    onProgress: (e) => progressEvents.push(e),
    onProviderJob: (job) => {
      providerJobs.push(job);
      options.onProviderJob?.(job);
    },
    onActualCost: (c) => actualCosts.push(c),
  });
  return Object.assign(ctx, { progressEvents, providerJobs, actualCosts, logLines, store });
}

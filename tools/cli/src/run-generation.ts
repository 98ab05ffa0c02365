/**
 * Runs one generation with a real context: progress on stderr, provider logs through the
 * same line, the actual cost and job id recorded, Ctrl-C wired to the context's abort.
 */
import {
  CanceledError,
  CancelUnconfirmedError,
  InvalidConfigError,
  createGeneratorContext,
  type ActualCost,
  type AnyGenerator,
  type ArtifactStore,
  type BoardsSettings,
  type GeneratorResult,
  type ProviderJob,
} from '@boards/core';
import { CliError, OutputNotStoredError } from './errors';
import { ExitCode } from './exit-codes';
import { cancelOnInterrupt, describeSignal } from './interrupt';
import { ProgressReporter } from './progress';

export interface RunOptions {
  store: ArtifactStore;
  /** Keys, base URLs and waits of the generation (the CLI resolves them at its edge). */
  settings?: BoardsSettings;
  /** Where progress and logs go (stderr). */
  stream: NodeJS.WritableStream;
  /** Draw a spinner (stderr is a terminal). */
  tty: boolean;
}

export interface RunOutcome {
  result: GeneratorResult;
  actualCost?: ActualCost;
  providerJob?: ProviderJob;
  elapsedMs: number;
}

export async function runGeneration(generator: AnyGenerator, input: unknown, options: RunOptions): Promise<RunOutcome> {
  const controller = new AbortController();
  const progress = new ProgressReporter({ stream: options.stream, tty: options.tty });
  let actualCost: ActualCost | undefined;
  let providerJob: ProviderJob | undefined;
  // The adapters report `queued` just before the request that creates a job, OpenAI's
  // `uploading` or `running` with the request that does the work: past `validating` a job may
  // exist (and bill) before its id is known. Erring this way costs a cautious message, not money.
  let submitted = false;
  let storeFailure: unknown;
  const store: ArtifactStore = {
    async put(draft, meta) {
      try {
        return await options.store.put(draft, meta);
      } catch (error) {
        // Remembered here: the adapter may wrap or replace the error on its way out.
        storeFailure = error;
        throw error;
      }
    },
    resolve: (ref, resolveOptions) => options.store.resolve(ref, resolveOptions),
  };
  const context = createGeneratorContext({
    generatorId: generator.id,
    store,
    settings: options.settings,
    signal: controller.signal,
    logger: {
      debug: () => undefined,
      info: (m) => progress.log(`info  ${m}`),
      warn: (m) => progress.log(`warn  ${m}`),
      error: (m) => progress.log(`error ${m}`),
    },
    onProgress: (event) => {
      if (event.phase !== 'validating') submitted = true;
      progress.update(event);
    },
    onProviderJob: (job) => (providerJob = job),
    onActualCost: (cost) => (actualCost = cost),
  });
  let stopWaiting: (error: Error) => void = () => undefined;
  const secondSignal = new Promise<never>((_, reject) => (stopWaiting = reject));
  const release = cancelOnInterrupt(
    controller,
    (line) => progress.log(line),
    (signal) => {
      const how = describeSignal(signal);
      const what = providerJob
        ? `${providerJob.provider} to confirm the cancel of job ${providerJob.jobId}`
        : submitted
          ? `${generator.provider} to answer the submit`
          : 'the generation to stop';
      progress.log(`second stop (${how}): not waiting any longer for ${what}`);
      stopWaiting(secondStopError(generator.provider, how, providerJob, submitted));
    },
  );
  try {
    // The generation is left running on a second signal: its cancel may never answer, and the
    // process exits once the error is reported.
    const result = await Promise.race([generator.generate(input, context), secondSignal]);
    return { result, actualCost, providerJob, elapsedMs: progress.elapsedMs };
  } catch (error) {
    if (error instanceof CanceledError && !controller.signal.aborted) {
      // Nobody here pressed Ctrl-C: the provider ended the job. That is a provider outcome (4), not 130.
      throw new CliError('PROVIDER_CANCELED', error.message, { exitCode: ExitCode.PROVIDER, cause: error });
    }
    if (storeFailure instanceof InvalidConfigError) {
      // The provider did the work and billed it; only writing it failed (a full disk mid-run).
      throw new OutputNotStoredError(storeFailure, generator.provider, (providerJob ?? jobOf(error))?.jobId);
    }
    throw error;
  } finally {
    release();
    progress.stop();
  }
}

/** The job id an error names, when a generator failed before the job was recorded. */
function jobOf(error: unknown): { jobId: string } | undefined {
  const jobId = (error as { jobId?: unknown } | undefined)?.jobId;
  return typeof jobId === 'string' ? { jobId } : undefined;
}

/**
 * A second stop signal while the first one's cancel is outstanding: not a confirmed cancel
 * (exit 6) once a job may exist, naming it when its id is known; a plain cancel (130) when
 * nothing had been submitted yet, since then nothing can be running or billing.
 */
function secondStopError(provider: AnyGenerator['provider'], how: string, job: ProviderJob | undefined, submitted: boolean): Error {
  if (job) return new CancelUnconfirmedError(job.provider, job.jobId, `a second ${how} stopped the wait for its answer`);
  if (submitted) {
    return new CliError(
      'CANCEL_UNCONFIRMED',
      `Stopped with a second ${how} before ${provider} answered the submit: a job may have been created and may be running and billed; check the ${provider} dashboard`,
    );
  }
  return new CliError('CANCELED', `Stopped with a second ${how}; nothing had been submitted to ${provider}`);
}

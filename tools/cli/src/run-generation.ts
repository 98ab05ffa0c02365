/**
 * Runs one generation with a real context: progress on stderr, provider logs through the
 * same line, the actual cost and job id recorded, Ctrl-C wired to the context's abort.
 */
import {
  CanceledError,
  createGeneratorContext,
  type ActualCost,
  type AnyGenerator,
  type ArtifactStore,
  type GeneratorResult,
  type ProviderJob,
} from '@boards/core';
import { CliError } from './errors';
import { ExitCode } from './exit-codes';
import { cancelOnInterrupt } from './interrupt';
import { ProgressReporter } from './progress';

export interface RunOptions {
  store: ArtifactStore;
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
  const context = createGeneratorContext({
    generatorId: generator.id,
    store: options.store,
    signal: controller.signal,
    logger: {
      debug: () => undefined,
      info: (m) => progress.log(`info  ${m}`),
      warn: (m) => progress.log(`warn  ${m}`),
      error: (m) => progress.log(`error ${m}`),
    },
    onProgress: (event) => progress.update(event),
    onProviderJob: (job) => (providerJob = job),
    onActualCost: (cost) => (actualCost = cost),
  });
  const release = cancelOnInterrupt(controller, (line) => progress.log(line));
  try {
    const result = await generator.generate(input, context);
    return { result, actualCost, providerJob, elapsedMs: progress.elapsedMs };
  } catch (error) {
    if (error instanceof CanceledError && !controller.signal.aborted) {
      // Nobody here pressed Ctrl-C: the provider ended the job. That is a provider outcome (4), not 130.
      throw new CliError('PROVIDER_CANCELED', error.message, { exitCode: ExitCode.PROVIDER, cause: error });
    }
    throw error;
  } finally {
    release();
    progress.stop();
  }
}

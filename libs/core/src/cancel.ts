/**
 * Canceling a provider job when a generation stops: one bounded wait, and an honest answer.
 * A cancel that fails or hangs must not be reported as a canceled job (it may still bill).
 */
import { CanceledError, CancelUnconfirmedError, type ProviderName } from './errors';
import type { Logger } from './logger';

/** How long a stop waits for the provider to confirm a cancel. */
export const CANCEL_WAIT_MS = 5000;

/**
 * Runs `cancel` (given a signal that fires at the bound) and says whether the provider
 * confirmed it: undefined when it did, else why not. Never throws and never waits past
 * CANCEL_WAIT_MS, even when the SDK ignores the signal.
 */
export async function cancelProviderJob(
  job: { provider: ProviderName; jobId: string },
  cancel: (signal: AbortSignal) => Promise<unknown>,
  logger: Logger,
  waitMs = CANCEL_WAIT_MS,
): Promise<string | undefined> {
  const bound = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      bound.abort();
      resolve(`no answer within ${waitMs} ms`);
    }, waitMs);
  });
  const attempt = cancel(bound.signal).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  try {
    const problem = await Promise.race([attempt, timedOut]);
    if (problem) logger.warn(`${job.provider}: cancel of job ${job.jobId} failed: ${problem}`);
    return problem;
  } finally {
    clearTimeout(timer);
  }
}

/** The error for a generation stopped by its caller: canceled, or not confirmed canceled. */
export function stoppedError(
  job: { provider: ProviderName; jobId: string },
  problem: string | undefined,
  confirmed: string,
): CanceledError | CancelUnconfirmedError {
  return problem === undefined ? new CanceledError(confirmed, job.jobId) : new CancelUnconfirmedError(job.provider, job.jobId, problem);
}

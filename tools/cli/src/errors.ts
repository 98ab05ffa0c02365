/** Failures that belong to the command line itself rather than to a generator or provider. */
import { InvalidConfigError, type ProviderName } from '@boards/core';

export type CliErrorCode = 'USAGE' | 'CONFIRMATION_REQUIRED' | 'CONFIRMATION_DECLINED' | 'CANCELED' | 'PROVIDER_CANCELED' | 'CANCEL_UNCONFIRMED';

export class CliError extends Error {
  readonly code: CliErrorCode;
  /** Overrides the code's usual exit code (see exit-codes.ts). */
  readonly exitCode?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 130;

  constructor(code: CliErrorCode, message: string, options: { exitCode?: CliError['exitCode']; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.exitCode = options.exitCode;
  }
}

/** A malformed command line: unknown command or flag, missing argument, bad flag value. Exit 2. */
export function usageError(message: string): CliError {
  return new CliError('USAGE', message);
}

/**
 * Storing failed after the provider had done (and billed) the work: the output directory broke
 * mid-run (a full disk). Still a configuration error (exit 3), but it names the job, so the
 * output can be fetched from the provider instead of paid for again.
 */
export class OutputNotStoredError extends InvalidConfigError {
  readonly jobId?: string;

  constructor(cause: InvalidConfigError, provider: ProviderName, jobId?: string) {
    const problem = cause.message.startsWith(`Invalid ${cause.setting}: `) ? cause.message.slice(`Invalid ${cause.setting}: `.length) : cause.message;
    const job = jobId ? `${provider} job ${jobId}` : `${provider} request`;
    super(cause.setting, `${problem}; the ${job} ran and is billed, but its output was not stored (fetch it from ${provider} while it is kept there)`);
    this.jobId = jobId;
  }
}

/** Failures that belong to the command line itself rather than to a generator or provider. */
export type CliErrorCode = 'USAGE' | 'CONFIRMATION_REQUIRED' | 'CONFIRMATION_DECLINED' | 'CANCELED' | 'PROVIDER_CANCELED';

export class CliError extends Error {
  readonly code: CliErrorCode;
  /** Overrides the code's usual exit code (see exit-codes.ts). */
  readonly exitCode?: 0 | 1 | 2 | 3 | 4 | 5 | 130;

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

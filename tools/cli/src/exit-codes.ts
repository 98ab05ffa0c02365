import { BoardsError } from '@boards/core';
import { CliError } from './errors';

/**
 * The `boards` command's exit codes. Scripts switch on them, so they are part of the
 * interface: documented in `boards --help` and tools/cli/README.md, never renumbered.
 */
export const ExitCode = {
  /** Success. */
  OK: 0,
  /** A bug or an environment failure nobody foresaw (the message says what). */
  UNEXPECTED: 1,
  /** Invalid input, unknown generator, unknown command or flag, retired model: fix the command line. */
  INVALID_INPUT: 2,
  /** No key for the provider (`--live`), or an invalid setting (BOARDS_GENERATOR_API_KEYS, .env, base URL, output dir). */
  CONFIG: 3,
  /** The provider failed: HTTP error, failed or provider-canceled job, timeout. Nothing to fix locally; may be retryable. */
  PROVIDER: 4,
  /** Spending refused: over the confirmation threshold without `--yes`, confirmation declined, or a budget exceeded. */
  REFUSED: 5,
  /**
   * Stopped (Ctrl-C, SIGTERM, SIGHUP) but the provider did not confirm the cancel within its
   * bounded wait: the job named in the message may still be running and billed.
   */
  CANCEL_UNCONFIRMED: 6,
  /** `boards drift` found a difference from the provider's published schema or recorded answers. */
  DRIFT: 7,
  /** Stopped with Ctrl-C (SIGINT), SIGTERM or SIGHUP; the provider job was canceled. */
  CANCELED: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const BY_CODE: Record<string, ExitCodeValue> = {
  USAGE: ExitCode.INVALID_INPUT,
  INVALID_INPUT: ExitCode.INVALID_INPUT,
  UNKNOWN_GENERATOR: ExitCode.INVALID_INPUT,
  UNSUPPORTED: ExitCode.INVALID_INPUT,
  // Retired is refused before anything is sent and no retry can help: the fix is to change the
  // command (use the successor), which is what 2 means. 4 would invite a retry loop.
  MODEL_RETIRED: ExitCode.INVALID_INPUT,
  MISSING_KEY: ExitCode.CONFIG,
  INVALID_CONFIG: ExitCode.CONFIG,
  PROVIDER_ERROR: ExitCode.PROVIDER,
  GENERATION_FAILED: ExitCode.PROVIDER,
  TIMEOUT: ExitCode.PROVIDER,
  BUDGET_EXCEEDED: ExitCode.REFUSED,
  CONFIRMATION_REQUIRED: ExitCode.REFUSED,
  CONFIRMATION_DECLINED: ExitCode.REFUSED,
  // The provider ended the job as canceled although nobody here pressed Ctrl-C.
  PROVIDER_CANCELED: ExitCode.PROVIDER,
  CANCELED: ExitCode.CANCELED,
  CANCEL_UNCONFIRMED: ExitCode.CANCEL_UNCONFIRMED,
};

/** The exit code for an error thrown by a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CliError && error.exitCode !== undefined) return error.exitCode;
  if (error instanceof CliError || BoardsError.isInstance(error)) return BY_CODE[error.code] ?? ExitCode.UNEXPECTED;
  return ExitCode.UNEXPECTED;
}

/** The exit-code table as printed by `boards --help`. */
export const EXIT_CODE_HELP = `Exit codes:
  0    ok
  1    unexpected error
  2    invalid input: bad input field, unknown generator, command or flag, retired model
  3    missing key (--live without one) or invalid configuration
  4    provider error: HTTP error, failed job, timeout
  5    refused to spend: over the confirmation threshold without --yes, or declined
  6    stopped, but the provider did not confirm the cancel: the job named may still run and bill
  7    drift: a generator or the emulator differs from what the provider publishes or answered
  130  canceled with Ctrl-C, SIGTERM or SIGHUP (the provider job is canceled too)`;

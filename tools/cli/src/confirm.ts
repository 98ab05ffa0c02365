/**
 * The spending gate of a live run: an estimate above the threshold (or an unknown one) needs
 * `--yes` or a "y" typed at a terminal. Without a terminal there is nobody to ask, so the run
 * is refused (exit 5) rather than assumed approved.
 */
import { createInterface } from 'node:readline';
import { formatUsd, InvalidConfigError, usd, type CostEstimate, type Micros } from '@boards/core';
import { formatEstimate } from '@boards/cost';
import { CliError, usageError } from './errors';

/** Threshold setting, in dollars; `--max-cost-without-prompt` wins over it. */
export const CONFIRM_ABOVE_VARIABLE = 'BOARDS_CONFIRM_ABOVE_USD';
export const DEFAULT_CONFIRM_ABOVE_USD = '0.50';

/** The threshold in micro-dollars: the flag, else BOARDS_CONFIRM_ABOVE_USD, else $0.50. */
export function confirmThreshold(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Micros {
  const [setting, text] =
    flag !== undefined
      ? ['--max-cost-without-prompt', flag]
      : env[CONFIRM_ABOVE_VARIABLE]
        ? [CONFIRM_ABOVE_VARIABLE, env[CONFIRM_ABOVE_VARIABLE] as string]
        : ['default', DEFAULT_CONFIRM_ABOVE_USD];
  try {
    return usd(text.replace(/^\$/, ''));
  } catch {
    const problem = `must be a dollar amount such as 0.50, not ${JSON.stringify(text)}`;
    // A bad flag is the command line (2); a bad variable is configuration (3).
    if (setting === CONFIRM_ABOVE_VARIABLE) throw new InvalidConfigError(CONFIRM_ABOVE_VARIABLE, problem);
    throw usageError(`${setting} ${problem}`);
  }
}

export interface SpendRequest {
  estimate: CostEstimate;
  thresholdMicros: Micros;
  /** `--yes`. */
  yes: boolean;
  /** Whether a person can answer on stdin. */
  interactive: boolean;
  /** Asks the question and resolves with the answer line. */
  ask?: (question: string) => Promise<string>;
}

/** Resolves when the spend may go ahead; throws CliError (exit 5) otherwise. */
export async function confirmSpend(request: SpendRequest): Promise<void> {
  const { estimate, thresholdMicros } = request;
  const over = !estimate.known || estimate.micros > thresholdMicros;
  if (!over || request.yes) return;
  const limit = `$${formatUsd(thresholdMicros)}`;
  const why = estimate.known ? `the estimated cost ${formatEstimate(estimate)} is above ${limit}` : `the cost is ${formatEstimate(estimate)}`;
  if (!request.interactive) {
    throw new CliError(
      'CONFIRMATION_REQUIRED',
      `Refused: ${why} and there is no terminal to confirm on. Pass --yes to accept, or raise --max-cost-without-prompt (or ${CONFIRM_ABOVE_VARIABLE}).`,
    );
  }
  const answer = await (request.ask ?? askOnTerminal)(`${why[0].toUpperCase()}${why.slice(1)}. Run it? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('CONFIRMATION_DECLINED', 'Not confirmed: nothing was sent.');
}

/** One line from stdin, the question on stderr (stdout stays clean). Ctrl-C cancels (exit 130). */
function askOnTerminal(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    rl.on('SIGINT', () => {
      answered = true;
      rl.close();
      reject(new CliError('CANCELED', 'Canceled: nothing was sent.'));
    });
    rl.on('close', () => {
      if (!answered) resolve('');
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer);
    });
  });
}

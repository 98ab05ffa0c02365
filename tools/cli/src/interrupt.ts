/**
 * A stop during a generation: Ctrl-C (SIGINT), `kill` or `timeout` (SIGTERM) and a closed
 * terminal (SIGHUP) all abort the context's signal, which makes the adapter cancel the
 * provider job (so it stops running and billing); a second signal exits at once.
 */
import { CanceledError } from '@boards/core';
import { ExitCode } from './exit-codes';

export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const HOW: Record<string, string> = { SIGINT: 'Ctrl-C', SIGTERM: 'SIGTERM', SIGHUP: 'SIGHUP (terminal closed)' };

export function cancelOnInterrupt(controller: AbortController, notify: (line: string) => void): () => void {
  let presses = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    presses += 1;
    if (presses > 1) process.exit(ExitCode.CANCELED);
    notify(`canceling (${HOW[signal] ?? signal}): asking the provider to cancel the job (Ctrl-C again to quit at once)`);
    controller.abort(new CanceledError(`Canceled with ${HOW[signal] ?? signal}`));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
}

/**
 * A stop during a generation: Ctrl-C (SIGINT), `kill` or `timeout` (SIGTERM) and a closed
 * terminal (SIGHUP) all abort the context's signal, which makes the adapter cancel the
 * provider job (so it stops running and billing). A second signal while that cancel is still
 * outstanding calls `onSecondSignal`: the caller stops waiting and reports the job as not
 * confirmed canceled (exit 6), never as canceled, and never by exiting on the spot, which would
 * print no --json document and name no job.
 */
import { CanceledError } from '@boards/core';

export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const HOW: Record<string, string> = { SIGINT: 'Ctrl-C', SIGTERM: 'SIGTERM', SIGHUP: 'SIGHUP (terminal closed)' };

/** How a signal is named to the user: `Ctrl-C` for SIGINT. */
export function describeSignal(signal: NodeJS.Signals): string {
  return HOW[signal] ?? signal;
}

export function cancelOnInterrupt(controller: AbortController, notify: (line: string) => void, onSecondSignal: (signal: NodeJS.Signals) => void): () => void {
  let presses = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    presses += 1;
    // Later signals are absorbed: the second one already ends the wait, and the report follows.
    if (presses === 2) onSecondSignal(signal);
    if (presses > 1) return;
    notify(`canceling (${describeSignal(signal)}): asking the provider to cancel the job (${describeSignal(signal)} again to stop waiting for its answer)`);
    controller.abort(new CanceledError(`Canceled with ${describeSignal(signal)}`));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
}

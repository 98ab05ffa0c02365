/**
 * Ctrl-C during a generation: the first press aborts the context's signal, which makes the
 * adapter cancel the provider job (so it stops running and billing); a second press exits at once.
 */
import { CanceledError } from '@boards/core';
import { ExitCode } from './exit-codes';

export function cancelOnInterrupt(controller: AbortController, notify: (line: string) => void): () => void {
  let presses = 0;
  const onSigint = () => {
    presses += 1;
    if (presses > 1) process.exit(ExitCode.CANCELED);
    notify('canceling: asking the provider to cancel the job (Ctrl-C again to quit at once)');
    controller.abort(new CanceledError('Canceled with Ctrl-C'));
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}

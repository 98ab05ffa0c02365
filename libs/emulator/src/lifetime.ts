/**
 * Owns every timer the emulator starts, so `stop()` can end waits, streams and delayed
 * answers at once and leave no open handle behind.
 */
export class Lifetime {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private stoppedFlag = false;
  private readonly controller = new AbortController();

  /** Aborted when the emulator stops (for outgoing requests). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** Resolves after `ms`, at once when the emulator stops, or when `signal` aborts (its timer cleared). Never rejects. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.stoppedFlag || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(entry.timer);
        this.pending.delete(entry);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const entry = { resolve: finish, timer: setTimeout(finish, Math.min(2 ** 31 - 1, Math.max(0, ms))) };
      this.pending.add(entry);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  stop(): void {
    this.stoppedFlag = true;
    this.controller.abort();
    for (const entry of [...this.pending]) entry.resolve();
    this.pending.clear();
  }
}

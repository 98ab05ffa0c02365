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

  /** Resolves after `ms`, or at once when the emulator stops. Never rejects. */
  sleep(ms: number): Promise<void> {
    if (this.stoppedFlag) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(
          () => {
            this.pending.delete(entry);
            resolve();
          },
          Math.max(0, ms),
        ),
      };
      this.pending.add(entry);
    });
  }

  stop(): void {
    this.stoppedFlag = true;
    this.controller.abort();
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}

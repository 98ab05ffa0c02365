interface Sleep {
  timer: NodeJS.Timeout;
  resolve: () => void;
  /** When it ends on the emulator's clock. */
  until: number;
}

/**
 * Owns every timer the emulator starts, so `stop()` can end waits, streams and delayed
 * answers at once and leave no open handle behind. It is also the emulator's clock: the wall
 * clock plus whatever `advance()` added, so a test can let simulated time pass (a `Prefer: wait`
 * hold, a job's run, a latency fault) without waiting for it.
 */
export class Lifetime {
  private readonly pending = new Set<Sleep>();
  private stoppedFlag = false;
  private offsetMs = 0;
  private readonly controller = new AbortController();

  /** Aborted when the emulator stops (for outgoing requests). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** The emulator's time, ms since the epoch: Date.now() plus every `advance()`. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the clock forward by `ms`: every sleep whose end is now past resolves at once. */
  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`the clock only moves forward by a finite number of ms, not ${ms}`);
    this.offsetMs += ms;
    const now = this.now();
    for (const entry of [...this.pending]) if (entry.until <= now) this.finish(entry);
  }

  /**
   * Resolves after `ms` of the emulator's clock (wall time, or sooner through `advance()`), at
   * once when the emulator stops, or when `signal` aborts (its timer cleared). Never rejects.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.stoppedFlag || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wait = Math.min(2 ** 31 - 1, Math.max(0, ms));
      const entry: Sleep = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        until: this.now() + wait,
        timer: setTimeout(() => this.finish(entry), wait),
      };
      const onAbort = () => this.finish(entry);
      this.pending.add(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  stop(): void {
    this.stoppedFlag = true;
    this.controller.abort();
    for (const entry of [...this.pending]) this.finish(entry);
  }

  private finish(entry: Sleep): void {
    if (!this.pending.delete(entry)) return;
    clearTimeout(entry.timer);
    entry.resolve();
  }
}

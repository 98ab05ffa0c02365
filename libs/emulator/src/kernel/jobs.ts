import type { Lifetime } from './lifetime';

/** What building a job's output produced: the output, or an error answer for the result. */
export type BuildResult<T = unknown> = { ok: true; value: T; billableUnits?: number } | { ok: false; status: number; body: unknown; message: string };

export type JobPhase = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

/** Share of the job duration spent queued before it starts running. */
export const QUEUED_SHARE = 0.2;

/**
 * A provider job whose phase follows the emulator's clock (the wall clock, moved on by
 * `Emulator.advanceClock`): queued for the first 20% of its duration, running until the
 * duration has passed (and its output is built), then done.
 */
export class Job<TMeta> {
  readonly createdAt: number;
  result: BuildResult | undefined;
  private resolvedAt: number | undefined;
  private canceledAt: number | undefined;
  /** Wakes waiters when the job's result arrives or it is canceled (the clock's changes are timed). */
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly meta: TMeta,
    readonly durationMs: number,
    /** How the job will end, set by job-failed / job-canceled faults. */
    readonly planned: 'succeeded' | 'failed' | 'canceled',
    build: () => Promise<BuildResult>,
    /** The emulator's clock (`Lifetime.now`). Default: the wall clock. */
    readonly now: () => number = Date.now,
  ) {
    this.createdAt = now();
    if (planned !== 'succeeded') return;
    build().then(
      (result) => this.settle(result),
      (err: unknown) => this.settle({ ok: false, status: 500, body: undefined, message: `emulator error: ${String(err)}` }),
    );
  }

  phase(now = this.now()): JobPhase {
    if (this.canceledAt !== undefined) return 'canceled';
    const elapsed = now - this.createdAt;
    if (elapsed < this.durationMs * QUEUED_SHARE) return 'queued';
    if (elapsed < this.durationMs) return 'running';
    if (this.planned !== 'succeeded') return this.planned;
    if (!this.result) return 'running';
    return this.result.ok ? 'succeeded' : 'failed';
  }

  isTerminal(now = this.now()): boolean {
    const phase = this.phase(now);
    return phase === 'succeeded' || phase === 'failed' || phase === 'canceled';
  }

  /** 0..1 share of the running time done (for a canceled job: when it was canceled). */
  progress(now = this.now()): number {
    if (this.canceledAt !== undefined) now = this.canceledAt;
    else if (this.isTerminal(now)) return 1;
    const start = this.durationMs * QUEUED_SHARE;
    const span = this.durationMs - start;
    return span <= 0 ? 0.99 : Math.min(0.99, Math.max(0, (now - this.createdAt - start) / span));
  }

  startedAt(now = this.now()): number | undefined {
    const phase = this.phase(now);
    if (phase === 'queued' || (phase === 'canceled' && this.canceledAt! - this.createdAt < this.durationMs * QUEUED_SHARE)) return undefined;
    return this.createdAt + Math.round(this.durationMs * QUEUED_SHARE);
  }

  completedAt(now = this.now()): number | undefined {
    if (!this.isTerminal(now)) return undefined;
    if (this.canceledAt !== undefined) return this.canceledAt;
    return Math.max(this.createdAt + this.durationMs, this.resolvedAt ?? 0);
  }

  /** Cancels a job that has not ended; returns false when it already had. */
  cancel(now = this.now()): boolean {
    if (this.isTerminal(now)) return false;
    this.canceledAt = now;
    this.wake();
    return true;
  }

  /** Ms until the clock alone moves the job on (queued -> running -> ended); undefined when only its result or a cancel can. */
  msToNextPhase(now = this.now()): number | undefined {
    if (this.isTerminal(now)) return undefined;
    const elapsed = now - this.createdAt;
    const queuedEnd = this.durationMs * QUEUED_SHARE;
    if (elapsed < queuedEnd) return Math.ceil(queuedEnd - elapsed);
    if (elapsed < this.durationMs) return Math.ceil(this.durationMs - elapsed);
    return undefined;
  }

  /**
   * Resolves when the job's phase may have changed (its next clock boundary, its result, a
   * cancel), after `maxMs`, or when the emulator stops: waits answer when the job moves, not at
   * the next tick of a poll loop.
   */
  changed(lifetime: Lifetime, maxMs: number): Promise<void> {
    if (this.isTerminal()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = new AbortController();
      const done = () => {
        this.waiters.delete(done);
        timer.abort();
        resolve();
      };
      this.waiters.add(done);
      void lifetime.sleep(Math.min(maxMs, this.msToNextPhase() ?? Infinity), timer.signal).then(done);
    });
  }

  /** Resolves when the job has ended, `timeoutMs` has passed or the emulator stops. */
  async waitUntilDone(lifetime: Lifetime, timeoutMs: number): Promise<void> {
    const deadline = this.now() + timeoutMs;
    while (!lifetime.stopped && !this.isTerminal() && this.now() < deadline) {
      await this.changed(lifetime, deadline - this.now());
    }
  }

  private settle(result: BuildResult): void {
    this.result = result;
    this.resolvedAt = this.now();
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

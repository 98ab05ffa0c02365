/**
 * A stopped live run must cancel what it started and start nothing new. Jest runs each
 * project in its own process group, so Ctrl-C on `nx` (or `kill -9` of its group) does not
 * reach it: every live generation is registered here, canceled on SIGINT/SIGTERM/SIGHUP, and
 * canceled too once the Nx process that started the run (BOARDS_LIVE_RUN_PID) is gone.
 * Nothing new is reserved or sent after that.
 */
import { CanceledError, CANCEL_WAIT_MS } from '@boards/core';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Is the process `pid` still running? (EPERM: it runs, as another user.) */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LiveStopOptions {
  env?: NodeJS.ProcessEnv;
  /** How often a running generation checks that the run's parent is alive. Default 1000 ms. */
  watchMs?: number;
  /** What to do once a signal's cancels have settled. Default: die of that signal. */
  exit?: (signal: NodeJS.Signals) => void;
}

export class LiveStop {
  private readonly inFlight = new Map<AbortController, Promise<unknown>>();
  private stoppedBy: string | undefined;
  private watcher: NodeJS.Timeout | undefined;
  private readonly env: NodeJS.ProcessEnv;
  private readonly watchMs: number;
  private readonly exit: (signal: NodeJS.Signals) => void;
  private readonly onSignal = (signal: NodeJS.Signals) => void this.stopOnSignal(signal);

  constructor(options: LiveStopOptions = {}) {
    this.env = options.env ?? process.env;
    this.watchMs = options.watchMs ?? 1000;
    this.exit =
      options.exit ??
      ((signal) => {
        this.release();
        process.kill(process.pid, signal);
      });
  }

  /** Why no new paid call may start, or undefined when it may. */
  reason(): string | undefined {
    if (this.stoppedBy) return this.stoppedBy;
    const pid = Number(this.env.BOARDS_LIVE_RUN_PID);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) {
      this.stoppedBy = `the live run that started this process (pid ${pid}) is gone`;
    }
    return this.stoppedBy;
  }

  /** Throws CanceledError when the run was stopped or its parent is gone: call before reserving or sending. */
  assertMayStart(what: string): void {
    const reason = this.reason();
    if (reason) throw new CanceledError(`Not starting ${what}: ${reason}`);
  }

  /** Runs one generation under the run's stop: its signal fires when the run is stopped. */
  async run<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.assertMayStart(what);
    this.install();
    const controller = new AbortController();
    const outcome = work(controller.signal);
    this.inFlight.set(
      controller,
      outcome.catch(() => undefined),
    );
    try {
      return await outcome;
    } finally {
      this.inFlight.delete(controller);
      if (this.inFlight.size === 0) this.stopWatching();
    }
  }

  /** Removes the signal handlers and the parent watch. */
  release(): void {
    for (const signal of STOP_SIGNALS) process.off(signal, this.onSignal);
    this.stopWatching();
  }

  private install(): void {
    if (!process.listeners('SIGTERM').includes(this.onSignal)) for (const signal of STOP_SIGNALS) process.on(signal, this.onSignal);
    this.watcher ??= setInterval(() => {
      if (this.reason()) this.abortAll();
    }, this.watchMs);
    this.watcher.unref();
  }

  private stopWatching(): void {
    clearInterval(this.watcher);
    this.watcher = undefined;
  }

  private abortAll(): void {
    for (const controller of this.inFlight.keys()) controller.abort(new CanceledError(`Live run stopped: ${this.stoppedBy}`));
  }

  private async stopOnSignal(signal: NodeJS.Signals): Promise<void> {
    if (this.stoppedBy?.startsWith('stopped with')) return this.exit(signal);
    this.stoppedBy = `stopped with ${signal}`;
    const pending = [...this.inFlight.values()];
    this.abortAll();
    // Each adapter's cancel is bounded by CANCEL_WAIT_MS; do not wait past it.
    await Promise.race([Promise.allSettled(pending), new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS + 1000).unref())]);
    this.exit(signal);
  }
}

/** The stop of this process's live run, shared by every describeLive of the process. */
export const liveStop = new LiveStop();

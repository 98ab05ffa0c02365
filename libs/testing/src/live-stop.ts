/**
 * A stopped live run must cancel what it started and start nothing new.
 *
 * Signals: a handler registered from inside a jest test never receives a real signal (tests run
 * in a sandboxed module environment), so the live tier's test environment
 * (`@boards/testing/live-environment`, set by the jest preset) catches SIGINT/SIGTERM/SIGHUP in
 * the real process and calls the stopper registered here, which aborts every running generation
 * (the adapters cancel their provider jobs) and waits until each has recorded how it ended.
 * The parent watch: once the Nx process that started the run (BOARDS_LIVE_RUN_PID) is gone, the
 * running generations are canceled too. Nothing new is reserved or sent after either.
 */
import { CanceledError } from '@boards/core';

/** What the live test environment hands the sandbox (libs/testing/live-environment.js). */
export interface StopHub {
  /** The signal that stopped this process, once one did. */
  readonly stoppedBy?: string;
  /** How long the hub waits for the stoppers before the signal ends the process. */
  readonly deadlineMs: number;
  register(stop: (signal: string) => Promise<void>): () => void;
}

const HUB = Symbol.for('boards.live-stop-hub');

/** The hub of the live test environment, when this code runs under it. */
export function stopHub(): StopHub | undefined {
  return (globalThis as { [HUB]?: StopHub })[HUB];
}

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
  /** Where signals come from. Default: the live test environment's hub. */
  hub?: StopHub;
}

export class LiveStop {
  private readonly inFlight = new Map<AbortController, Promise<unknown>>();
  private stoppedBy: string | undefined;
  private watcher: NodeJS.Timeout | undefined;
  private unregister: (() => void) | undefined;
  private readonly env: NodeJS.ProcessEnv;
  private readonly watchMs: number;
  private readonly hub: StopHub | undefined;

  constructor(options: LiveStopOptions = {}) {
    this.env = options.env ?? process.env;
    this.watchMs = options.watchMs ?? 1000;
    this.hub = 'hub' in options ? options.hub : stopHub();
  }

  /** Why no new paid call may start, or undefined when it may. */
  reason(): string | undefined {
    if (this.stoppedBy) return this.stoppedBy;
    if (this.hub?.stoppedBy) return (this.stoppedBy = `stopped with ${this.hub.stoppedBy}`);
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

  /**
   * Runs one generation under the run's stop: its signal fires when the run is stopped, and a
   * stop waits for `work` to settle, so `work` should include recording how the job ended.
   */
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

  /** Removes the stopper and the parent watch. */
  release(): void {
    this.unregister?.();
    this.unregister = undefined;
    this.stopWatching();
  }

  /** Stops the run: aborts every running generation and resolves once each has settled. */
  async stop(reason: string): Promise<void> {
    this.stoppedBy ??= reason;
    const pending = [...this.inFlight.values()];
    this.abortAll();
    await Promise.allSettled(pending);
  }

  private install(): void {
    this.unregister ??= this.hub?.register((signal) => this.stop(`stopped with ${signal}`));
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
}

/** The stop of this process's live run, shared by every describeLive of the process. */
export const liveStop = new LiveStop();

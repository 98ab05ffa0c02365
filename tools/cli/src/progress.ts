/**
 * Shows what the provider is doing, from the context's progress events, on stderr:
 * on a terminal one spinner line redrawn in place; otherwise (CI, pipes, --json captured)
 * one plain line per change of phase or queue position, so logs stay readable.
 */
import { redactSecrets, type ProgressEvent } from '@boards/core';
import { formatSeconds, printable } from './output';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressOptions {
  stream: NodeJS.WritableStream;
  /** Redraw a spinner line in place. Default: false (plain lines). */
  tty?: boolean;
  /** Spinner redraw interval, ms. Default 80. */
  intervalMs?: number;
  now?: () => number;
}

export class ProgressReporter {
  private readonly stream: NodeJS.WritableStream;
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly startedAt: number;
  private last?: ProgressEvent;
  private lastPlain = '';
  private frame = 0;
  private timer?: NodeJS.Timeout;

  constructor(options: ProgressOptions) {
    this.stream = options.stream;
    this.tty = options.tty ?? false;
    this.intervalMs = options.intervalMs ?? 80;
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** Milliseconds since the reporter was created. */
  get elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  update(event: ProgressEvent): void {
    this.last = event;
    if (this.tty) {
      if (!this.timer) {
        this.timer = setInterval(() => this.draw(), this.intervalMs);
        this.timer.unref();
      }
      this.draw();
      return;
    }
    // A line per change of phase, queue position or message: never a line per poll.
    const key = `${event.phase}|${event.queuePosition ?? ''}|${event.message ?? ''}`;
    if (key === this.lastPlain) return;
    this.lastPlain = key;
    this.stream.write(`${this.describe(event)}\n`);
  }

  /** Writes a line (a log message) without tearing the spinner. */
  log(line: string): void {
    this.clear();
    this.stream.write(`${printable(redactSecrets(line))}\n`);
    if (this.timer) this.draw();
  }

  /** Stops the spinner and clears its line. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }

  private draw(): void {
    if (!this.last) return;
    this.frame = (this.frame + 1) % FRAMES.length;
    this.stream.write(`\r\x1b[2K${FRAMES[this.frame]} ${this.describe(this.last)}`);
  }

  private clear(): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
  }

  private describe(event: ProgressEvent): string {
    const parts = [`[${formatSeconds(this.elapsedMs).padStart(6)}]`, event.phase, `${Math.round(event.progress * 100)}%`];
    if (event.queuePosition !== undefined) parts.push(`queue position ${event.queuePosition}`);
    if (event.message) parts.push(`(${redactSecrets(event.message)})`);
    return parts.join(' ');
  }
}

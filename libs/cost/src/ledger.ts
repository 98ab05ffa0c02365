import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BudgetExceededError, formatUsd, redactSecrets, sum, type CostEstimate, type Micros } from '@boards/core';
import type { Budget } from './budget';
import { costLogLine } from './format';

/** One paid call reserved against the run's budget. */
export interface LedgerEntry {
  generatorId: string;
  /** Estimated micro-dollars; null when unknown (allowed explicitly). */
  micros: Micros | null;
  /** The cost line logged before the call. */
  costLine: string;
  mode: 'live' | 'emulator';
  at: string;
  pid: number;
}

/** What the provider reported after the call (metrics, billable units, usage). */
export interface ActualEntry {
  generatorId: string;
  reported: string;
  micros?: Micros;
  at: string;
}

/** A lock older than this was left by a killed process and is broken. */
export const STALE_LOCK_MS = 30_000;
/** Waiting outlasts the stale break, so a lock a killed process left is broken before a waiter gives up. */
export const LOCK_WAIT_MS = STALE_LOCK_MS + 15_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The budget ledger of one live run, shared by every process of the run through
 * a directory: reservations are appended under an exclusive lock (mkdir is
 * atomic), so concurrent test processes can never reserve more than the limit.
 */
export class RunLedger {
  readonly dir: string;
  private readonly file: string;
  private readonly actualFile: string;
  private readonly lock: string;

  constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, 'ledger.jsonl');
    this.actualFile = join(dir, 'actual.jsonl');
    this.lock = join(dir, 'ledger.lock');
    mkdirSync(dir, { recursive: true });
  }

  /**
   * Reserves the estimate before the call is sent, or throws BudgetExceededError
   * (spent, requested and limit in the message). Unknown costs are refused unless allowed.
   */
  reserve(generatorId: string, estimate: CostEstimate, budget: Budget, mode: LedgerEntry['mode']): LedgerEntry {
    return this.withLock(() => {
      const spent = this.reservedMicros();
      if (!estimate.known) {
        if (!budget.allowUnknown) {
          throw new BudgetExceededError({
            generatorId,
            spentUsd: formatUsd(spent),
            requestedUsd: 'unknown',
            limitUsd: formatUsd(budget.limitMicros),
            reason: `the cost is unknown (${estimate.reason}); set BOARDS_LIVE_ALLOW_UNKNOWN_COST=1 to allow it`,
          });
        }
      } else if (spent + estimate.micros > budget.limitMicros) {
        throw new BudgetExceededError({
          generatorId,
          spentUsd: formatUsd(spent),
          requestedUsd: formatUsd(estimate.micros),
          limitUsd: formatUsd(budget.limitMicros),
          reason: `budget from ${budget.source}`,
        });
      }
      const entry: LedgerEntry = {
        generatorId,
        micros: estimate.known ? estimate.micros : null,
        costLine: costLogLine(generatorId, estimate),
        mode,
        at: new Date().toISOString(),
        pid: process.pid,
      };
      appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
      return entry;
    });
  }

  recordActual(entry: ActualEntry): void {
    appendFileSync(this.actualFile, `${redactSecrets(JSON.stringify(entry))}\n`);
  }

  entries(): LedgerEntry[] {
    return readLines<LedgerEntry>(this.file);
  }

  actuals(): ActualEntry[] {
    return readLines<ActualEntry>(this.actualFile);
  }

  reservedMicros(): Micros {
    return sum(this.entries().map((e) => e.micros ?? 0));
  }

  private withLock<T>(fn: () => T): T {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        mkdirSync(this.lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        this.breakStaleLock();
        if (Date.now() > deadline) throw new Error(`live budget ledger ${this.lock} stayed locked for ${LOCK_WAIT_MS} ms`);
        Atomics.wait(pause, 0, 0, 2 + Math.random() * 5);
      }
    }
    try {
      return fn();
    } finally {
      rmSync(this.lock, { recursive: true, force: true });
    }
  }

  /** A process killed while holding the lock must not wedge every later run. */
  private breakStaleLock(): void {
    try {
      if (Date.now() - statSync(this.lock).mtimeMs > STALE_LOCK_MS) rmSync(this.lock, { recursive: true, force: true });
    } catch {
      // the holder released it meanwhile
    }
  }
}

function readLines<T>(file: string): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

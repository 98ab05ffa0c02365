import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BudgetExceededError, formatUsd, redactSecrets, sum, type CostEstimate, type Micros } from '@boards/core';
import type { Budget } from './budget';
import { withDirLock } from './dir-lock';
import { costLogLine } from './format';
import { readJsonLines } from './jsonl';

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
  /** Whether `micros` is the provider's money figure or derived from its billed units (core's deriveActualCost). */
  source?: 'reported' | 'derived';
  basis?: string;
  at: string;
}

/**
 * The budget ledger of one live run, shared by every process of the run through
 * a directory: reservations are appended under the cap ledger's directory lock
 * (dir-lock.ts: a dead holder's lock is broken once, by one breaker at a time, and
 * the wait is awaited), so concurrent test processes never reserve more than the limit.
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
  reserve(generatorId: string, estimate: CostEstimate, budget: Budget, mode: LedgerEntry['mode']): Promise<LedgerEntry> {
    return withDirLock(this.lock, () => {
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
}

function readLines<T>(file: string): T[] {
  return readJsonLines<T>(file, 'BOARDS_LIVE_RUN_DIR');
}

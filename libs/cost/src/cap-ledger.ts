import { randomUUID } from 'node:crypto';
import { BudgetExceededError, formatUsd, type CostEstimate, type Micros } from '@boards/core';
import type { Budget } from './budget';
import { DAILY_CAP_VARIABLE, MONTHLY_CAP_VARIABLE, periodsAt, type Caps, type Periods } from './caps';

/** Live runs count against the real caps; emulator runs against a separate rehearsal namespace. */
export type CapNamespace = 'live' | 'rehearsal';

/** One call's hold on the caps, counted at its estimate until the run that made it settles it. */
export interface CapReservation extends Periods {
  id: string;
  generatorId: string;
  micros: Micros;
}

export type CapGrant = { granted: true } | { granted: false; period: 'day' | 'month'; spentMicros: Micros };

/**
 * Where the spend of every run is kept. `tryReserve` must be atomic across processes and
 * machines sharing the store: it checks both caps and records the reservation in one step.
 */
export interface CapStore {
  readonly backend: 'directory' | 'redis';
  tryReserve(reservation: CapReservation, caps: Caps, at: Date): Promise<CapGrant>;
  /** Replaces a reservation's estimate by what the provider reported (0 releases it). Idempotent. */
  settle(reservation: CapReservation, actualMicros: Micros): Promise<void>;
  /** What is counted (reserved or settled) in the day and the month. */
  spent(periods: Periods): Promise<{ dayMicros: Micros; monthMicros: Micros }>;
}

/** The `caps` field of a live run's summary.json (USD as decimal strings). */
export interface CapsSummary {
  backend: CapStore['backend'];
  /** True for emulator runs: their spend is rehearsal accounting, apart from the real caps. */
  rehearsal: boolean;
  day: { period: string; spentUsd: string; limitUsd: string | null };
  month: { period: string; spentUsd: string; limitUsd: string | null };
}

export interface CapLedgerOptions {
  namespace: CapNamespace;
  /** Clock, for tests that must not straddle midnight. */
  now?: () => Date;
}

/**
 * Daily and monthly caps across live runs, on top of the per-run budget. Each paid call
 * reserves its estimate before it is sent; a reservation stays counted at its estimate until
 * the run that made it settles it with the provider's actual cost, so a killed run's calls
 * keep counting.
 */
export class CapLedger {
  readonly namespace: CapNamespace;
  private readonly now: () => Date;

  constructor(
    readonly store: CapStore,
    readonly caps: Caps,
    options: CapLedgerOptions,
  ) {
    this.namespace = options.namespace;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Reserves the estimate against both caps, or throws BudgetExceededError naming the cap and
   * its variable. An unknown cost is refused under a cap unless the budget allows unknown
   * costs; then it holds $0 until settled.
   */
  async reserve(generatorId: string, estimate: CostEstimate, budget: Pick<Budget, 'allowUnknown'>): Promise<CapReservation> {
    const at = this.now();
    const capped = this.caps.dailyMicros !== null || this.caps.monthlyMicros !== null;
    if (!estimate.known && capped && !budget.allowUnknown) {
      const variable = this.caps.dailyMicros !== null ? DAILY_CAP_VARIABLE : MONTHLY_CAP_VARIABLE;
      const spent = await this.store.spent(periodsAt(at));
      throw new BudgetExceededError({
        generatorId,
        spentUsd: formatUsd(this.caps.dailyMicros !== null ? spent.dayMicros : spent.monthMicros),
        requestedUsd: 'unknown',
        limitUsd: formatUsd((this.caps.dailyMicros ?? this.caps.monthlyMicros) as Micros),
        reason: `the cost is unknown (${estimate.reason}) and ${variable} caps spend across runs; set BOARDS_LIVE_ALLOW_UNKNOWN_COST=1 to allow it`,
        variable,
      });
    }
    const reservation: CapReservation = { id: randomUUID(), generatorId, micros: estimate.known ? estimate.micros : 0, ...periodsAt(at) };
    const grant = await this.store.tryReserve(reservation, this.caps, at);
    if (!grant.granted) {
      const daily = grant.period === 'day';
      const variable = daily ? DAILY_CAP_VARIABLE : MONTHLY_CAP_VARIABLE;
      throw new BudgetExceededError({
        generatorId,
        spentUsd: formatUsd(grant.spentMicros),
        requestedUsd: formatUsd(reservation.micros),
        limitUsd: formatUsd((daily ? this.caps.dailyMicros : this.caps.monthlyMicros) as Micros),
        reason: `${daily ? 'daily' : 'monthly'} cap of ${daily ? reservation.day : reservation.month} across runs, from ${variable}${this.namespace === 'rehearsal' ? '; rehearsal accounting of emulator runs' : ''}`,
        variable,
      });
    }
    return reservation;
  }

  /** Settles with the provider's actual cost; without one the reservation stays at its estimate. */
  async settle(reservation: CapReservation, actualMicros: Micros | undefined): Promise<void> {
    if (actualMicros !== undefined) await this.store.settle(reservation, actualMicros);
  }

  /** Gives a reservation back: only for calls that were never sent. */
  async release(reservation: CapReservation): Promise<void> {
    await this.store.settle(reservation, 0);
  }

  /** Spend today and this month against the caps, in the summary's shape. */
  async summary(): Promise<CapsSummary> {
    const periods = periodsAt(this.now());
    const spent = await this.store.spent(periods);
    const limit = (micros: Micros | null) => (micros === null ? null : formatUsd(micros));
    return {
      backend: this.store.backend,
      rehearsal: this.namespace === 'rehearsal',
      day: { period: periods.day, spentUsd: formatUsd(spent.dayMicros), limitUsd: limit(this.caps.dailyMicros) },
      month: { period: periods.month, spentUsd: formatUsd(spent.monthMicros), limitUsd: limit(this.caps.monthlyMicros) },
    };
  }
}

/** "today $0.055 of the $5.00 daily cap; this month $0.30 of the $50.00 monthly cap" (plus the rehearsal note). */
export function renderCaps(caps: CapsSummary): string {
  const part = (label: string, p: CapsSummary['day'], cap: string) =>
    `${label} $${p.spentUsd} ${p.limitUsd === null ? `(no ${cap} cap set)` : `of the $${p.limitUsd} ${cap} cap`}`;
  const line = `${part('today', caps.day, 'daily')}; ${part('this month', caps.month, 'monthly')}`;
  return caps.rehearsal
    ? `${line} (rehearsal accounting of emulator runs, kept apart from the real caps: nothing here was billed) [${caps.backend} ledger]`
    : `${line} [${caps.backend} ledger]`;
}

import { appendFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { sum, type Micros } from '@boards/core';
import type { CapGrant, CapNamespace, CapReservation, CapStore } from './cap-ledger';
import { LEDGER_DIR_VARIABLE, type Caps, type Periods } from './caps';
import { withDirLock } from './dir-lock';
import { readJsonLines } from './jsonl';

type Line =
  | { t: 'reserve'; id: string; generatorId: string; micros: Micros; day: string; at: string; pid: number; host: string }
  | { t: 'settle'; id: string; micros: Micros; at: string };

/**
 * The cap ledger in a directory (the default): one append-only JSON-lines file per month and
 * namespace (`<dir>/live/2026-12.jsonl`, `<dir>/rehearsal/...`), written under a lock. Suits
 * runs on one machine, or runs that never overlap and carry the directory along (the live
 * workflow restores and saves it with the Actions cache).
 */
export class DirectoryCapStore implements CapStore {
  readonly backend = 'directory' as const;
  private readonly dir: string;

  constructor(root: string, namespace: CapNamespace) {
    this.dir = join(root, namespace);
    mkdirSync(this.dir, { recursive: true });
  }

  tryReserve(reservation: CapReservation, caps: Caps, at: Date): Promise<CapGrant> {
    return withDirLock(this.lockPath(), () => {
      const { dayMicros, monthMicros } = this.read(reservation);
      if (caps.dailyMicros !== null && dayMicros + reservation.micros > caps.dailyMicros) return { granted: false, period: 'day', spentMicros: dayMicros };
      if (caps.monthlyMicros !== null && monthMicros + reservation.micros > caps.monthlyMicros) {
        return { granted: false, period: 'month', spentMicros: monthMicros };
      }
      this.append(reservation.month, {
        t: 'reserve',
        id: reservation.id,
        generatorId: reservation.generatorId,
        micros: reservation.micros,
        day: reservation.day,
        at: at.toISOString(),
        pid: process.pid,
        host: hostname(),
      });
      return { granted: true };
    });
  }

  settle(reservation: CapReservation, actualMicros: Micros): Promise<void> {
    return withDirLock(this.lockPath(), () => {
      this.append(reservation.month, { t: 'settle', id: reservation.id, micros: actualMicros, at: new Date().toISOString() });
    });
  }

  spent(periods: Periods): Promise<{ dayMicros: Micros; monthMicros: Micros }> {
    return withDirLock(this.lockPath(), () => this.read(periods));
  }

  private lockPath(): string {
    return join(this.dir, 'ledger.lock');
  }

  private append(month: string, line: Line): void {
    appendFileSync(join(this.dir, `${month}.jsonl`), `${JSON.stringify(line)}\n`);
  }

  /** Each reservation counts at its estimate, or at its settled amount once settled. */
  private read(periods: Periods): { dayMicros: Micros; monthMicros: Micros } {
    const counted = new Map<string, { day: string; micros: Micros }>();
    for (const line of readJsonLines<Line>(join(this.dir, `${periods.month}.jsonl`), LEDGER_DIR_VARIABLE)) {
      if (line.t === 'reserve') counted.set(line.id, { day: line.day, micros: line.micros });
      else {
        const held = counted.get(line.id);
        if (held) held.micros = line.micros;
      }
    }
    const all = [...counted.values()];
    return { dayMicros: sum(all.filter((r) => r.day === periods.day).map((r) => r.micros)), monthMicros: sum(all.map((r) => r.micros)) };
  }
}

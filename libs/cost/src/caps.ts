import { resolve } from 'node:path';
import { findWorkspaceRoot, InvalidConfigError, usd, type Micros } from '@boards/core';

/** Most all live runs together may spend in one UTC day, in dollars. Unset: no daily cap. */
export const DAILY_CAP_VARIABLE = 'BOARDS_LIVE_BUDGET_DAILY_USD';
/** Most all live runs together may spend in one UTC calendar month, in dollars. Unset: no monthly cap. */
export const MONTHLY_CAP_VARIABLE = 'BOARDS_LIVE_BUDGET_MONTHLY_USD';
/** Directory of the cap ledger (directory backend). Default: `.live-ledger/` at the workspace root. */
export const LEDGER_DIR_VARIABLE = 'BOARDS_LIVE_LEDGER_DIR';
/** `redis://[user:password@]host:port[/db]`: keep the cap ledger in Redis instead of a directory. */
export const LEDGER_URL_VARIABLE = 'BOARDS_LIVE_LEDGER_URL';
/** A PEM file of the CA behind a `rediss://` ledger's certificate, when Node's CAs do not include it (a private CA). */
export const LEDGER_CA_VARIABLE = 'BOARDS_LIVE_LEDGER_CA';

export interface Caps {
  /** Daily cap in micro-dollars, or null when none is set. */
  dailyMicros: Micros | null;
  /** Monthly cap in micro-dollars, or null when none is set. */
  monthlyMicros: Micros | null;
}

/** The UTC day ("2026-12-01") and month ("2026-12") a reservation made at `at` counts against. */
export interface Periods {
  day: string;
  month: string;
}

export function periodsAt(at: Date): Periods {
  const day = at.toISOString().slice(0, 10);
  return { day, month: day.slice(0, 7) };
}

/** The largest daily or monthly cap taken: anything above is a typo (an extra digit or twenty), not a plan. */
export const MAX_CAP_USD = '100000';

function capFrom(env: NodeJS.ProcessEnv, variable: string): Micros | null {
  const raw = env[variable]?.trim();
  if (!raw) return null;
  let micros: Micros;
  try {
    micros = usd(raw);
  } catch {
    throw new InvalidConfigError(variable, `expected a dollar amount such as 5.00, got ${JSON.stringify(raw)}`);
  }
  // Beyond 2^53 micro-dollars the sums the caps are checked with lose cents, so such a cap caps nothing.
  if (!Number.isSafeInteger(micros) || micros > usd(MAX_CAP_USD)) {
    throw new InvalidConfigError(variable, `${JSON.stringify(raw)} is not a plausible cap: at most $${MAX_CAP_USD}`);
  }
  return micros;
}

/** Reads BOARDS_LIVE_BUDGET_DAILY_USD and BOARDS_LIVE_BUDGET_MONTHLY_USD (both optional). */
export function capsFromEnv(env: NodeJS.ProcessEnv = process.env): Caps {
  return { dailyMicros: capFrom(env, DAILY_CAP_VARIABLE), monthlyMicros: capFrom(env, MONTHLY_CAP_VARIABLE) };
}

/**
 * BOARDS_LIVE_LEDGER_DIR (a relative path is taken from the workspace root, so Nx's task
 * processes and its hooks agree), else `.live-ledger/` at the workspace root (git-ignored).
 */
export function ledgerDirFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const root = findWorkspaceRoot(cwd) ?? cwd;
  return resolve(root, env[LEDGER_DIR_VARIABLE]?.trim() || '.live-ledger');
}

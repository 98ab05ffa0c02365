import { InvalidConfigError, usd, type Micros } from '@boards/core';

/** Variable holding the most one live run may spend, in dollars. */
export const BUDGET_VARIABLE = 'BOARDS_LIVE_BUDGET_USD';
/** Default cap of one live run: enough for every cheapest live test, small enough to notice. */
export const DEFAULT_BUDGET_USD = '1.00';
/**
 * Default budget of a rehearsal (`-c emulator`) run, which bills nothing: room for one rehearsal of
 * every live test of the catalogue (the known part was about $5 at 28 generators) while still bounded. A rehearsal of a
 * real run's budget sets BOARDS_LIVE_BUDGET_USD, which a rehearsal honours like a real run.
 */
export const REHEARSAL_BUDGET_USD = '100';
/** The largest budget taken: anything above is a typo (or a test of the cap), not a plan. */
export const MAX_BUDGET_USD = '10000';
/**
 * Set to 1 to let generators whose cost is unknown (an unknown price, an input that cannot be
 * priced before it is sent) run under a budget. A rehearsal allows them (nothing is billed there,
 * whatever its budget); set to 0 to rehearse the refusal.
 */
export const ALLOW_UNKNOWN_VARIABLE = 'BOARDS_LIVE_ALLOW_UNKNOWN_COST';

export interface Budget {
  limitMicros: Micros;
  /** Where the limit came from, for messages. */
  source: string;
  allowUnknown: boolean;
}

/**
 * Reads BOARDS_LIVE_BUDGET_USD (default 1.00, or 100 for a rehearsal) and BOARDS_LIVE_ALLOW_UNKNOWN_COST
 * (unknown costs are refused unless it is 1; a rehearsal allows them unless it is 0).
 */
export function budgetFromEnv(env: NodeJS.ProcessEnv = process.env, { rehearsal = false }: { rehearsal?: boolean } = {}): Budget {
  const raw = env[BUDGET_VARIABLE]?.trim();
  const fallback = rehearsal ? REHEARSAL_BUDGET_USD : DEFAULT_BUDGET_USD;
  let limitMicros: Micros;
  try {
    limitMicros = usd(raw || fallback);
  } catch {
    throw new InvalidConfigError(BUDGET_VARIABLE, `expected a dollar amount such as 2.50, got ${JSON.stringify(raw)}`);
  }
  if (!Number.isSafeInteger(limitMicros) || limitMicros > usd(MAX_BUDGET_USD)) {
    throw new InvalidConfigError(BUDGET_VARIABLE, `${JSON.stringify(raw)} is not a plausible budget: at most $${MAX_BUDGET_USD} per run`);
  }
  return {
    limitMicros,
    source: raw
      ? BUDGET_VARIABLE
      : rehearsal
        ? `rehearsal default ${REHEARSAL_BUDGET_USD}; a real run's is ${DEFAULT_BUDGET_USD}`
        : `default ${DEFAULT_BUDGET_USD}`,
    allowUnknown: allowsUnknown(env[ALLOW_UNKNOWN_VARIABLE]?.trim(), rehearsal),
  };
}

/**
 * A real run refuses an unknown cost unless told otherwise. A rehearsal bills nothing and proves
 * the live path of every generator, an unknown price included, whatever budget it rehearses (a
 * budget bounds what is known; an unknown cost has nothing to count against it there); with
 * BOARDS_LIVE_ALLOW_UNKNOWN_COST=0 it rehearses a real run's refusal.
 */
function allowsUnknown(value: string | undefined, rehearsal: boolean): boolean {
  if (value === '1') return true;
  if (value === '0') return false;
  return rehearsal;
}

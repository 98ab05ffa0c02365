import { formatUsd, sum, type CostEstimate } from '@boards/core';

/** "$0.039", or "unknown (reason)". */
export function formatEstimate(estimate: CostEstimate): string {
  return estimate.known ? `$${formatUsd(estimate.micros)}` : `unknown (${estimate.reason})`;
}

/** The dollar amount as a plain decimal ("0.039"), or undefined when unknown. */
export function estimateUsd(estimate: CostEstimate): string | undefined {
  return estimate.known ? formatUsd(estimate.micros) : undefined;
}

/**
 * The line logged before every paid call, kept machine-greppable:
 * `live_api_test_cost generator=<id> estimated_cost_usd=<amount|unknown>`.
 */
export function costLogLine(generatorId: string, estimate: CostEstimate): string {
  return `live_api_test_cost generator=${generatorId} estimated_cost_usd=${estimateUsd(estimate) ?? 'unknown'}`;
}

/**
 * The total of named estimates: "$0.30" when every one is known, else the known part and the
 * names of the unknown ones, "$0.20 + unknown (flux-2, veo3-1-fast)": an unknown part is never $0,
 * and one unknown part does not hide what the others cost.
 */
export function formatTotal(parts: ReadonlyArray<{ id: string; estimate: CostEstimate }>): string {
  const unknown = parts.filter((p) => !p.estimate.known).map((p) => p.id);
  const known = sum(parts.flatMap((p) => (p.estimate.known ? [p.estimate.micros] : [])));
  return unknown.length === 0 ? `$${formatUsd(known)}` : `$${formatUsd(known)} + unknown (${unknown.join(', ')})`;
}

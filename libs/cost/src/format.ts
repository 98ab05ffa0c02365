import { formatUsd, type CostEstimate } from '@boards/core';

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

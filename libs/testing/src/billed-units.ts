/**
 * The billed units a call reports, held to the estimate's: a live call whose provider billed
 * another quantity in the price's unit than the estimate counted (fal's x-fal-billable-units,
 * Kie's result count) fails its test naming both, so a price whose unit or rounding changed at
 * the provider is fixed before it is trusted again.
 */
import type { ActualCost, CostEstimate } from '@boards/core';

/** Relative slack for a quantity computed from money in whole micro-dollars. */
const SLACK = 0.01;

/** What is wrong between the units billed and the estimate's, or undefined when they agree (or cannot be compared). */
export function billedUnitsProblem(estimate: CostEstimate, actual: ActualCost | undefined): string | undefined {
  if (!estimate.known || !estimate.rate || estimate.rate.micros <= 0 || !actual?.billed?.length) return undefined;
  const rate = estimate.rate;
  const billed = actual.billed.find((b) => b.unit === rate.unit);
  const expected = estimate.micros / rate.micros;
  if (!billed) {
    const units = actual.billed.map((b) => `${b.quantity} ${b.unit} (${b.what})`).join(', ');
    return `billed ${units}, none in the estimate's unit ${rate.unit} (${estimate.basis})`;
  }
  if (Math.abs(billed.quantity - expected) <= Math.max(SLACK * expected, 1e-9)) return undefined;
  return `billed ${billed.quantity} ${rate.unit} (${billed.what}), the estimate counted ${Number(expected.toPrecision(6))} ${rate.unit} (${estimate.basis})`;
}

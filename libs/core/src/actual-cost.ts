import { formatUsd, multiply } from './money';
import type { ActualCost, UnitRate } from './pricing';

/**
 * The best money figure of one call, in one place for every provider: the provider's own
 * (`micros` as reported), else the quantity it billed in the unit of `rate` (the price the
 * estimate was made at) times that rate, else none, and the estimate stands. Units of another
 * kind are never priced (seconds of GPU time are not images).
 */
export function deriveActualCost(cost: ActualCost, rate: UnitRate | undefined): ActualCost {
  if (cost.micros !== undefined) return cost.source ? cost : { ...cost, source: 'reported' };
  const billed = rate && cost.billed?.find((b) => b.unit === rate.unit && Number.isFinite(b.quantity) && b.quantity >= 0);
  if (!rate || !billed) return cost;
  // As in estimates: a paid, non-zero quantity costs at least one micro-dollar.
  const floor = rate.micros > 0 && billed.quantity > 0 ? 1 : 0;
  const quantity = Number.isInteger(billed.quantity) ? String(billed.quantity) : String(Number(billed.quantity.toPrecision(4)));
  return {
    ...cost,
    micros: Math.max(floor, multiply(rate.micros, billed.quantity)),
    source: 'derived',
    basis: `${quantity} ${rate.unit} (${billed.what}) x $${formatUsd(rate.micros)}`,
  };
}

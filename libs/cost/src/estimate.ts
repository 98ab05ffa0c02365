import { formatUsd, isKnownPrice, multiply, sum, type CostEstimate, type Price } from '@boards/core';
import { priceMicros } from './price';

/**
 * A known estimate for `quantity` units of the price's unit, rounded up to the next
 * micro-dollar. The basis reads "2 image x $0.039" or "1.05 megapixel x $0.025".
 * A quantity that is not a finite, non-negative number (a missing width, say) yields an
 * unknown estimate: unknown is honest, a NaN or $0 would not be. So does an unknown price, with
 * its reason: the quantity is counted, the money is not.
 */
export function estimateFromPrice(price: Price, quantity: number): CostEstimate {
  if (!isKnownPrice(price)) return unknownCost(`the price${price.unit ? ` per ${price.unit}` : ''} is unknown: ${price.reason}`);
  const unitMicros = priceMicros(price);
  if (!Number.isFinite(quantity) || quantity < 0) {
    return unknownCost(`quantity ${quantity} of ${price.unit} is not a non-negative number`);
  }
  // core's multiply rounds sub-nanodollar products to 0 before rounding up; a paid, non-zero
  // quantity must still cost at least one micro-dollar.
  const floor = unitMicros > 0 && quantity > 0 ? 1 : 0;
  return {
    known: true,
    micros: Math.max(floor, multiply(unitMicros, quantity)),
    basis: `${formatQuantity(quantity)} ${price.unit} x $${formatUsd(unitMicros)}`,
    rate: { unit: price.unit, micros: unitMicros },
  };
}

/** An estimate that cannot be made. Never reported as $0. */
export function unknownCost(reason: string): CostEstimate {
  return { known: false, reason: reason.trim() || 'no reason given' };
}

/**
 * Total of several estimates, exact in micro-dollars. Unknown if any part is unknown;
 * the reason then lists which parts (1-based) and why.
 */
export function sumEstimates(estimates: CostEstimate[]): CostEstimate {
  const unknown = estimates.flatMap((e, i) => (e.known ? [] : [`#${i + 1} ${e.reason}`]));
  if (unknown.length > 0) {
    return unknownCost(`${unknown.length} of ${estimates.length} estimates unknown: ${unknown.join('; ')}`);
  }
  const known = estimates.filter((e): e is Extract<CostEstimate, { known: true }> => e.known);
  const total = {
    known: true as const,
    micros: sum(known.map((e) => e.micros)),
    basis: known.length === 0 ? 'nothing to run' : known.map((e) => e.basis).join(' + '),
  };
  // One part keeps its rate; several prices have no single one to price billed units at.
  return known.length === 1 && known[0].rate ? { ...total, rate: known[0].rate } : total;
}

/** Readable quantity for the basis only; the money is computed from the exact quantity. */
function formatQuantity(quantity: number): string {
  if (Number.isInteger(quantity)) return String(quantity);
  if (quantity >= 1) return String(Number(quantity.toFixed(2)));
  return String(Number(quantity.toPrecision(2)));
}

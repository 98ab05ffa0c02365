import type { KnownPrice, PriceUnit } from '@boards/core';

/**
 * Dollars per Kie credit. Kie prices every model in credits; its Nano Banana market page
 * (kie.ai/market/google/nano-banana) says "4 credits per image (~$0.02)", i.e. $0.005 a
 * credit, third-party tables of kie.ai/pricing say the same (kie.ai/pricing itself was not readable here).
 */
export const KIE_CREDIT_USD = '0.005';
const CREDIT_MICROS = 5_000;

export interface KieCreditPrice {
  /** Credits per unit, as Kie's pricing page states them. */
  credits: number;
  unit: PriceUnit;
  /** Date (YYYY-MM-DD) the credits were checked. */
  checkedOn: string;
  source?: string;
  note?: string;
}

/** A generator price from Kie credits: `credits` x $0.005 per unit, the credits kept in the note. */
export function kieCreditPrice(price: KieCreditPrice): KnownPrice {
  const micros = Math.round(price.credits * CREDIT_MICROS);
  const usd = (micros / 1_000_000).toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  const credits = `${price.credits} credit${price.credits === 1 ? '' : 's'} per ${price.unit} at $${KIE_CREDIT_USD}`;
  return { usd, unit: price.unit, checkedOn: price.checkedOn, source: price.source, note: price.note ? `${credits}; ${price.note}` : credits };
}

import {
  InvalidConfigError,
  formatUsd,
  isKnownPrice,
  usd,
  type KnownPrice,
  type Micros,
  type Price,
  type PriceUnit,
  type UnitRate,
  type UnknownPrice,
} from '@boards/core';

/**
 * The price of one unit in micro-dollars. A price finer than a micro-dollar ("0.0000005")
 * is rejected rather than truncated, because truncating would under-estimate every call.
 */
export function priceMicros(price: KnownPrice): Micros {
  const text = price.usd.trim();
  const match = /^\d+(?:\.(\d+))?$/.exec(text);
  if (!match) throw new InvalidConfigError('price.usd', `${JSON.stringify(price.usd)} is not a dollar amount like "0.055"`);
  if (/[1-9]/.test((match[1] ?? '').slice(6))) {
    throw new InvalidConfigError('price.usd', `${text} is finer than a micro-dollar; price a larger unit instead`);
  }
  return usd(text);
}

/**
 * A price no provider page could confirm, declared as such: `reason` and `checkedOn` say why and
 * when; `unit`, when the provider is known to bill in it, lets the estimate count its quantity
 * already. Every estimate at this price is unknown, never $0.
 */
export function unknownPrice(facts: { reason: string; checkedOn: string; source?: string; unit?: PriceUnit; note?: string }): UnknownPrice {
  const reason = facts.reason.trim();
  if (!reason) throw new InvalidConfigError('price.reason', 'say why the price is unknown (where it was looked for)');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(facts.checkedOn)) throw new InvalidConfigError('price.checkedOn', `"${facts.checkedOn}" is not a YYYY-MM-DD date`);
  return { unknown: true, ...facts, reason };
}

/** `$0.055 / image` or `unknown / megapixel` (`unknown` when not even the unit is known). */
export function shortPrice(price: Price): string {
  if (!isKnownPrice(price)) return price.unit ? `unknown / ${price.unit}` : 'unknown';
  return `$${formatUsd(priceMicros(price))} / ${price.unit}`;
}

/** "$0.055 / image (checked 2026-11-22)", or "unknown / second (checked 2026-12-08: <reason>)". */
export function describePrice(price: Price): string {
  if (!isKnownPrice(price)) return `${shortPrice(price)} (checked ${price.checkedOn}: ${price.reason})`;
  return `${shortPrice(price)} (checked ${price.checkedOn})`;
}

/** The price as a unit rate: what billed units of its unit are worth. */
export function unitRate(price: KnownPrice): UnitRate {
  return { unit: price.unit, micros: priceMicros(price) };
}

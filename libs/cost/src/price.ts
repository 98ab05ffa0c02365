import { InvalidConfigError, formatUsd, usd, type Micros, type Price, type UnitRate } from '@boards/core';

/**
 * The price of one unit in micro-dollars. A price finer than a micro-dollar ("0.0000005")
 * is rejected rather than truncated, because truncating would under-estimate every call.
 */
export function priceMicros(price: Price): Micros {
  const text = price.usd.trim();
  const match = /^\d+(?:\.(\d+))?$/.exec(text);
  if (!match) throw new InvalidConfigError('price.usd', `${JSON.stringify(price.usd)} is not a dollar amount like "0.055"`);
  if (/[1-9]/.test((match[1] ?? '').slice(6))) {
    throw new InvalidConfigError('price.usd', `${text} is finer than a micro-dollar; price a larger unit instead`);
  }
  return usd(text);
}

/** "$0.055 / image (checked 2026-11-22)". */
export function describePrice(price: Price): string {
  return `$${formatUsd(priceMicros(price))} / ${price.unit} (checked ${price.checkedOn})`;
}

/** The price as a unit rate: what billed units of its unit are worth. */
export function unitRate(price: Price): UnitRate {
  return { unit: price.unit, micros: priceMicros(price) };
}

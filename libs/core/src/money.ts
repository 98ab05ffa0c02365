/**
 * US dollars as whole micro-dollars (1e-6 USD), so sums never drift the way
 * floating-point dollars do. Prices are written as decimal strings ("0.055").
 */
export type Micros = number;

const SCALE = 1_000_000;

/** Parses a decimal dollar amount ("0.055", "12", 0.04) into micro-dollars. */
export function usd(amount: string | number): Micros {
  const text = typeof amount === 'number' ? amount.toFixed(6) : amount.trim();
  const match = /^(\d+)(?:\.(\d{0,6})\d*)?$/.exec(text);
  if (!match) throw new RangeError(`Not a dollar amount: ${JSON.stringify(amount)}`);
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(6, '0'));
  return whole * SCALE + fraction;
}

/** Multiplies a price by a (possibly fractional) quantity, rounding up to the next micro-dollar. */
export function multiply(price: Micros, quantity: number): Micros {
  if (!Number.isFinite(quantity) || quantity < 0) throw new RangeError(`Bad quantity: ${quantity}`);
  // Round the product to 1e-9 first so that 0.04 * 3 does not become 120000.00000000001 -> 120001.
  return Math.ceil(Math.round(price * quantity * 1000) / 1000);
}

export function sum(values: Iterable<Micros>): Micros {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Formats micro-dollars as a plain decimal string without trailing zeros beyond cents ("0.055", "1.00"). */
export function formatUsd(micros: Micros): string {
  const negative = micros < 0;
  const abs = Math.abs(Math.round(micros));
  const whole = Math.floor(abs / SCALE);
  let fraction = String(abs % SCALE)
    .padStart(6, '0')
    .replace(/0+$/, '');
  if (fraction.length < 2) fraction = fraction.padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Megapixels of a width x height image: the quantity for per-megapixel prices. */
export function megapixels(width: number, height: number): number {
  return (width * height) / 1_000_000;
}

/**
 * Seconds of a duration as providers take it: a number (5), or a string of one with an optional
 * `s` ('5', '8s', '2.5s'). Anything else is NaN, which an estimate reports as unknown, never $0.
 */
export function seconds(duration: number | string): number {
  if (typeof duration === 'number') return duration;
  const match = /^\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(duration);
  return match ? Number(match[1]) : NaN;
}

/** Megapixels of a width x height image: the quantity for per-megapixel prices. */
export function megapixels(width: number, height: number): number {
  return (width * height) / 1_000_000;
}

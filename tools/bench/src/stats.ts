/** Small, dependency-free statistics for benchmark figures. */

/** The median (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** "12.3x" for a / b, or "n/a" when it cannot be computed honestly (b <= 0, not finite). */
export function ratio(a: number, b: number, digits = 1): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return 'n/a';
  return `${(a / b).toFixed(digits)}x`;
}

/** Seconds with a sensible precision: "0.042 s", "1.23 s", "64.1 s". */
export function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const s = ms / 1000;
  return `${s < 0.1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/** Milliseconds rounded: "87 ms". */
export function millis(ms: number): string {
  return Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a';
}

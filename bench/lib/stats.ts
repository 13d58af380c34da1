/**
 * The nearest-rank quantile of ascending `sorted` samples (the value at rank ⌈q·n⌉), NaN when there are none: the
 * rule of the quiz bench's tables, and of the hop floor printed beside them.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
}

/** p50, p90 and p99 of ascending `sorted` samples (nearest rank), rounded to `decimals`. */
export function percentiles(sorted: ArrayLike<number>, decimals: number): Percentiles {
  const scale = 10 ** decimals;
  const at = (q: number) => Math.round(quantile(sorted, q) * scale) / scale;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/**
 * The nearest-rank quantile of ascending `sorted` samples (the value at rank ⌈q·n⌉), NaN when there are none: the
 * rule of the quiz bench's tables, and of the hop floor printed beside them.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;
}

/** Rounding and ratios of the figures: percentages 0..100, hours and minutes, all with two decimals. */

/** Half away from zero to two decimals, without binary drift (1.005 → 1.01). */
export function round2(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Number((Math.abs(value) * 100).toPrecision(15)))) / 100;
}

/** `part / whole × 100` to two decimals; 0 when `whole` is 0. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? round2((part / whole) * 100) : 0;
}

/** `sum / count` to two decimals; 0 when `count` is 0. */
export function average(sum: number, count: number): number {
  return count > 0 ? round2(sum / count) : 0;
}

/** `sum / count` to two decimals; null (no data) when `count` is 0. */
export function averageOrNull(sum: number, count: number): number | null {
  return count > 0 ? round2(sum / count) : null;
}

/** Seconds as hours with two decimals. */
export function hours(seconds: number): number {
  return round2(seconds / 3600);
}

/** Seconds as minutes with two decimals. */
export function minutes(seconds: number): number {
  return round2(seconds / 60);
}

/** A number that may be absent, as the contract's OptionalNumber (null = unset). */
export function optional(value: number | null | undefined): { value: number } | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : { value };
}

/** Money in major units (two-digit currencies: cents / 100). */
export function majorUnits(cents: number): number {
  return round2(cents / 100);
}

/** The median of `values` (mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

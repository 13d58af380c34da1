/** UTC days (`YYYY-MM-DD`) and the daily series of the dashboards: every day present, zeros filled. */

export const DAY_MS = 86_400_000;

/** The UTC date of an instant, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `day` plus `n` days (negative: before), `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** The last `n` UTC days ending with the day of `now`, oldest first. */
export function lastDays(now: Date, n: number): string[] {
  const today = utcDay(now);
  return Array.from({ length: n }, (_, i) => addDays(today, i - (n - 1)));
}

/** Whole days from `from` to `to` (floor; 0 when `to` is before `from`). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** One value per day of `days` (oldest first): the row of that day, or `zero` when there is none. */
export function fillDays<R>(days: readonly string[], rows: ReadonlyMap<string, R>, zero: R): R[] {
  return days.map((day) => rows.get(day) ?? zero);
}

/**
 * A cumulative series over `days`: each point's total is `before` (everything before the window) plus the
 * running sum of the daily values up to and including that day.
 */
export function runningSeries(days: readonly string[], daily: ReadonlyMap<string, number>, before: number): { date: string; added: number; total: number }[] {
  let total = before;
  return days.map((date) => {
    const added = daily.get(date) ?? 0;
    total += added;
    return { date, added, total };
  });
}

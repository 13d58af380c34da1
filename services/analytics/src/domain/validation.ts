import { FieldChecker, ValidationError, type Loc } from '@lms/kit/errors';

/**
 * Field rules of the analytics requests. Each check records a field error and returns the normalised value
 * (proto3's 0 = "not sent" becomes the default), so one pass reports every problem of a request at once.
 */
export class Checker extends FieldChecker {
  /** A whole number in [min, max]; 0 means "not sent" and gives `fallback`. */
  intOr(loc: Loc, raw: number, fallback: number, min: number, max: number): number {
    if (raw === 0 || raw === undefined || raw === null) return fallback;
    if (!Number.isInteger(raw) || raw < min || raw > max) {
      this.add(loc, `must be between ${min} and ${max}`);
      return fallback;
    }
    return raw;
  }

  /** A UUID, or "" when `optional` and not sent. */
  optionalUuid(loc: Loc, raw: string): string {
    return raw ? this.uuid(loc, raw) : '';
  }

  /** Throws one ValidationError carrying every recorded problem. */
  throwIfAny(message = 'The request is invalid'): void {
    if (!this.ok) throw new ValidationError(message, [...this.errors]);
  }
}

/** Days of a series: 0 = 30, else 7..365. */
export const DAYS = { fallback: 30, min: 7, max: 365 } as const;
/** Rows of a top list: 0 = 10, else 5..50. */
export const TOP_LIMIT = { fallback: 10, min: 5, max: 50 } as const;
/** Rows of an export page: 0 = 500, else 1..1000. */
export const EXPORT_LIMIT = { fallback: 500, min: 1, max: 1000 } as const;
/** At-risk list: inactivity 0 = 7, 1..365; limit 0 = 50, 1..500. */
export const AT_RISK = { inactivity: { fallback: 7, min: 1, max: 365 }, limit: { fallback: 50, min: 1, max: 500 } } as const;
/** Funnel inactivity: 0 = 14, 1..365. */
export const FUNNEL_INACTIVITY = { fallback: 14, min: 1, max: 365 } as const;

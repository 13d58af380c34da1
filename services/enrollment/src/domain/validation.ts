import { FieldChecker, isUuid, type Loc } from '@lms/kit/errors';

/**
 * Input rules shared by every use case. The gateway validates too; the service never trusts it.
 * Each check appends field errors and returns the normalised value so one pass reports every problem.
 */
export const LIMITS = {
  notesMax: 10_000,
  reviewMin: 10,
  reviewMax: 5000,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  pageMax: 1_000_000,
  positionMaxSeconds: 7 * 24 * 3600,
  emailMax: 254,
} as const;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export { isUuid };

export function isEmail(value: string): boolean {
  return value.length <= LIMITS.emailMax && EMAIL.test(value) && !CONTROL.test(value);
}

export class Checker extends FieldChecker {
  /** Like the kit's, but tolerates surrounding spaces and a missing value (bulk rows, optional fields). */
  override uuid(loc: Loc, raw: string | undefined): string {
    return super.uuid(loc, (raw ?? '').trim());
  }

  /** 0 means 1. */
  page(raw: number): number {
    const page = raw === 0 ? 1 : raw;
    if (!Number.isInteger(page) || page < 1 || page > LIMITS.pageMax) this.add('page', `must be between 1 and ${LIMITS.pageMax}`);
    return page;
  }

  /** 0 means the default. */
  pageSize(raw: number): number {
    const size = raw === 0 ? LIMITS.pageSizeDefault : raw;
    if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSizeMax) this.add('page_size', `must be between 1 and ${LIMITS.pageSizeMax}`);
    return size;
  }

  oneOf<T extends string>(loc: Loc, raw: string, values: readonly T[]): T | undefined {
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.add(loc, `must be one of: ${values.join(', ')}`);
    return undefined;
  }

  /** Free text without control characters (newlines and tabs allowed). */
  text(loc: Loc, raw: string, max: number, min = 0): string {
    if ([...raw].length > max) this.add(loc, `must be at most ${max} characters`);
    else if (raw.trim().length < min) this.add(loc, `must be at least ${min} characters`);
    else if (CONTROL.test(raw)) this.add(loc, 'must not contain control characters');
    return raw;
  }
}

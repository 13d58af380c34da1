import { FieldChecker, isUuid, type Loc } from '@lms/kit/errors';

/**
 * Input rules shared by every use case. The gateway validates too; the service never trusts it.
 * Each check appends field errors and returns the normalised value so one pass reports every problem.
 */
export const LIMITS = {
  notesMax: 10_000,
  reviewMin: 10,
  reviewMax: 5000,
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

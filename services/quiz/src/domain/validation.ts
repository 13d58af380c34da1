import { FieldChecker, ValidationError, type Loc } from '@lms/kit/errors';

/**
 * Field rules shared by the quiz domain's validators. Each check records a field error and returns the
 * normalised value, so one pass reports every problem of a request at once.
 */

// Tabs and line breaks are legitimate in question and answer text; other control characters are not, and
// PostgreSQL refuses U+0000 in text and JSONB outright (a 500 instead of a 422 if it got that far).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Length in characters as a person counts them (code points), not UTF-16 units: an emoji is one. */
export function charLength(value: string): number {
  return [...value].length;
}

export function hasControlChars(value: string): boolean {
  return CONTROL.test(value);
}

export class Checker extends FieldChecker {
  /** Trimmed text of min..max characters without control characters; returns the trimmed value. */
  text(loc: Loc, raw: string, max: number, min = 0): string {
    const value = (raw ?? '').trim();
    if (min > 0 && value.length === 0) this.add(loc, 'is required');
    else if (charLength(value) < min) this.add(loc, `must be at least ${min} characters`);
    else if (charLength(value) > max) this.add(loc, `must be at most ${max} characters`);
    else if (hasControlChars(value)) this.add(loc, 'must not contain control characters');
    return value;
  }

  oneOf<T extends string>(loc: Loc, raw: string, values: readonly T[]): T | undefined {
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.add(loc, `must be one of: ${values.join(', ')}`);
    return undefined;
  }

  /** A finite number in [min, max]; `integer` also requires a whole number. */
  numberIn(loc: Loc, raw: number, min: number, max: number, integer = false): number {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) this.add(loc, 'must be a finite number');
    else if (integer && !Number.isInteger(raw)) this.add(loc, 'must be a whole number');
    else if (raw < min || raw > max) this.add(loc, `must be between ${min} and ${max}`);
    return raw;
  }

  finite(loc: Loc, raw: number): number {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) this.add(loc, 'must be a finite number');
    return raw;
  }

  /** Throws one ValidationError carrying every recorded problem. */
  throwIfAny(message: string): void {
    if (!this.ok) throw new ValidationError(message, [...this.errors]);
  }
}

/** The writable fields of a pool, by proto name. */
export const POOL_SETTING_FIELDS = ['title', 'draw_count'] as const;
const MAX_DRAW = 1000;

/** A pool's title and draw count (1..1000), all problems at once. */
export function checkPoolSettings(raw: { title: string; drawCount: number }): { title: string; drawCount: number } {
  const check = new Checker();
  const title = check.text('title', raw.title, 200, 1);
  const drawCount = check.numberIn('draw_count', raw.drawCount, 1, MAX_DRAW, true);
  check.throwIfAny('The pool is invalid');
  return { title, drawCount };
}

/** The `fields` of a partial update name only fields that exist (`known`), else INVALID_ARGUMENT per unknown one. */
export function checkFieldNames(fields: string[], known: readonly string[] | Record<string, unknown>): void {
  const check = new Checker();
  fields.forEach((f, i) => {
    // Own keys only: `in` would accept inherited names (constructor, __proto__, toString) and use them as keys.
    const ok = Array.isArray(known) ? known.includes(f) : Object.hasOwn(known, f);
    if (!ok) check.add(['fields', i], `unknown field "${f}"`);
  });
  check.throwIfAny('The request is invalid');
}

/** Key for "the same text" comparisons: trimmed, NFC, case-folded. */
export function textKey(value: string): string {
  return value.trim().normalize('NFC').toLocaleLowerCase('und');
}

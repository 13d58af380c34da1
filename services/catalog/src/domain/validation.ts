import { FieldChecker, isUuid, type Loc } from '@lms/kit/errors';
import { isValidSlug, SLUG_MAX } from './slug';

/**
 * Input rules shared by every use case. The gateway validates too; the service never trusts it.
 * Each check appends field errors and returns the normalised value, so one pass reports every problem.
 */
export const LIMITS = {
  /** Courses 3–255 and lessons 2–255 characters, as the seed; sections and resources keep 1–200. */
  courseTitleMin: 3,
  courseTitleMax: 255,
  titleMax: 200,
  descriptionMax: 2000,
  longDescriptionMax: 20_000,
  categoryMax: 100,
  urlMax: 500,
  listItemsMax: 30,
  listItemMax: 200,
  priceMax: 100_000_000,
  lessonTitleMin: 2,
  lessonTitleMax: 255,
  languageMax: 50,
  contentMax: 200_000,
  durationMax: 1440,
  resourcesMax: 50,
  unlockAfterDaysMax: 3650,
  /** A search, when sent, has at least 2 characters (the seed's `min_length=2`); "" means no search. */
  searchMin: 2,
  searchMax: 200,
  batchMax: 100,
  topLimitDefault: 10,
  topLimitMax: 100,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Control characters other than tab, line feed and carriage return (allowed in multi-line text). */
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const CURRENCY = /^[A-Z]{3}$/;
/** A BCP 47-shaped language tag: a 2–3 letter language, then subtags of 1–8 letters or digits (`en`, `pt-BR`, `zh-Hant-TW`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** The tag's canonical case (BCP 47): language lower, 4-letter script title case, 2-letter region upper, the rest lower. */
export function canonicalLanguage(tag: string): string {
  return tag
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2 && /^[a-z]+$/i.test(part)) return part.toUpperCase();
      if (part.length === 4 && /^[a-z]+$/i.test(part)) return part[0].toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}

export type { Loc };
export { isUuid };

export const length = (value: string): number => [...value].length;

export class Checker extends FieldChecker {
  /** Trimmed single-line text of min..max characters (code points). */
  line(loc: Loc, raw: string, min: number, max: number): string {
    const value = raw.trim();
    if (min > 0 && !value) this.add(loc, 'is required');
    else if (length(value) < min) this.add(loc, `must be at least ${min} characters`);
    else if (length(value) > max) this.add(loc, `must be at most ${max} characters`);
    else if (CONTROL.test(value)) this.add(loc, 'must not contain control characters');
    return value;
  }

  /** Multi-line text (descriptions, markdown): trimmed, at most max characters. */
  text(loc: Loc, raw: string, max: number): string {
    const value = raw.trim();
    if (length(value) > max) this.add(loc, `must be at most ${max} characters`);
    else if (CONTROL_MULTILINE.test(value)) this.add(loc, 'must not contain control characters');
    return value;
  }

  /** One of `values`; "" gives `fallback` when there is one. */
  oneOf<T extends string>(loc: Loc, raw: string, values: readonly T[], fallback?: T): T {
    if (raw === '' && fallback !== undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.add(loc, `must be one of ${values.join(', ')}`);
    return fallback ?? values[0];
  }

  int(loc: Loc, raw: number | string, min: number, max: number): number {
    const value = typeof raw === 'string' ? Number(raw) : raw;
    if (!Number.isSafeInteger(value)) this.add(loc, 'must be an integer');
    else if (value < min || value > max) this.add(loc, `must be between ${min} and ${max}`);
    else return value;
    return min;
  }

  /** "" (unset) or an absolute http(s) URL of at most 500 characters. */
  url(loc: Loc, raw: string, required = false): string {
    const value = raw.trim();
    if (!value) {
      if (required) this.add(loc, 'is required');
      return '';
    }
    if (value.length > LIMITS.urlMax) {
      this.add(loc, `must be at most ${LIMITS.urlMax} characters`);
      return '';
    }
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || CONTROL.test(value) || /\s/.test(value)) {
      this.add(loc, 'must be an http(s) URL');
      return '';
    }
    return value;
  }

  /** A list of short texts: trimmed, non-empty, at most 30 items of at most 200 characters. */
  list(loc: string, raw: string[], options: { lowerCase?: boolean; unique?: boolean } = {}): string[] {
    if (raw.length > LIMITS.listItemsMax) {
      this.add(loc, `must contain at most ${LIMITS.listItemsMax} items`);
      return [];
    }
    const out: string[] = [];
    raw.forEach((item, i) => {
      let value = item.trim();
      if (options.lowerCase) value = value.toLowerCase();
      if (!value) this.add([loc, i], 'must not be empty');
      else if (length(value) > LIMITS.listItemMax) this.add([loc, i], `must be at most ${LIMITS.listItemMax} characters`);
      else if (CONTROL.test(value)) this.add([loc, i], 'must not contain control characters');
      else if (!options.unique || !out.includes(value)) out.push(value);
    });
    return out;
  }

  /** ISO 4217-style code: three upper-case letters; "" gives the default. */
  currency(loc: Loc, raw: string, fallback = 'USD'): string {
    if (raw === '') return fallback;
    if (CURRENCY.test(raw)) return raw;
    this.add(loc, 'must be three upper-case letters (ISO 4217), e.g. USD');
    return fallback;
  }

  /** A language tag (BCP 47 shape, at most 50 characters as the seed), in canonical case; "" gives the fallback. */
  language(loc: Loc, raw: string, fallback?: string): string {
    const value = raw.trim();
    if (value === '' && fallback !== undefined) return fallback;
    if (value.length > LIMITS.languageMax || !LANGUAGE_TAG.test(value)) {
      this.add(loc, `must be a language tag such as en, ar or pt-BR (at most ${LIMITS.languageMax} characters)`);
      return fallback ?? '';
    }
    return canonicalLanguage(value);
  }

  /** A slug chosen by the client: lower-case Unicode letters and digits separated by single hyphens. */
  slug(loc: Loc, raw: string): string {
    if (!isValidSlug(raw)) {
      this.add(
        loc,
        `must be lower-case letters or digits separated by single hyphens, at most ${SLUG_MAX} characters, and not a UUID`,
      );
      return '';
    }
    return raw;
  }

  /** "" (unset) or an RFC 3339 timestamp with a time zone. */
  timestamp(loc: Loc, raw: string): Date | null {
    const value = raw.trim();
    if (!value) return null;
    const ms = RFC3339.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(ms)) {
      this.add(loc, 'must be an RFC 3339 timestamp such as 2030-01-31T09:00:00Z, or empty');
      return null;
    }
    return new Date(ms);
  }

  /** The `fields` of a partial request: each a known name, at least one unless `allowEmpty`. */
  fields<T extends string>(raw: string[], allowed: readonly T[], allowEmpty = false): Set<T> {
    const out = new Set<T>();
    if (!raw.length && !allowEmpty) this.add('fields', 'must name at least one field to change');
    raw.forEach((name, i) => {
      if ((allowed as readonly string[]).includes(name)) out.add(name as T);
      else this.add(['fields', i], `unknown field "${String(name).slice(0, 50)}"; allowed: ${allowed.join(', ')}`);
    });
    return out;
  }
}

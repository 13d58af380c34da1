/** One problem with one input field, as shown to callers (422 `errors[]`). */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
}

/** Where a field error points: a field name or a path (`['resources', 2, 'url']`). */
export type Loc = string | (string | number)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Collects every problem of a request at once (the caller sees all of them in one 422), returning
 * normalised values as it goes. Each service extends it with its own field rules in its domain.
 */
export class FieldChecker {
  readonly errors: FieldError[] = [];

  add(loc: Loc, msg: string): void {
    this.errors.push({ loc: Array.isArray(loc) ? loc : [loc], msg });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** A lower-cased UUID; "" when missing or malformed (an error is recorded). */
  uuid(loc: Loc, raw: string): string {
    if (!raw) this.add(loc, 'is required');
    else if (!isUuid(raw)) this.add(loc, 'must be a UUID');
    else return raw.toLowerCase();
    return '';
  }
}

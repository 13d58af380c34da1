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

  /**
   * `page` ≥ 1 and `page_size` 1..100. 0 is proto3's "not sent" and means the first page and the
   * default size; anything else out of range (negative, fractional, too large) is refused.
   */
  paging(rawPage: number, rawPageSize: number): Paging {
    const page = rawPage === 0 ? 1 : rawPage;
    const pageSize = rawPageSize === 0 ? PAGING.pageSizeDefault : rawPageSize;
    if (!Number.isInteger(page) || page < 1 || page > PAGING.pageMax) this.add('page', `must be between 1 and ${PAGING.pageMax}`);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > PAGING.pageSizeMax)
      this.add('page_size', `must be between 1 and ${PAGING.pageSizeMax}`);
    const ok = Number.isInteger(page) && page >= 1 && Number.isInteger(pageSize) && pageSize >= 1;
    return { page, pageSize, offset: ok ? (page - 1) * pageSize : 0 };
  }
}

/** One paging rule for every list of the fleet. */
export const PAGING = { pageMax: 1_000_000, pageSizeMax: 100, pageSizeDefault: 20 } as const;

export interface Paging {
  page: number;
  pageSize: number;
  /** Rows to skip: `(page - 1) * pageSize`. */
  offset: number;
}

/** How many pages `total` rows make at `pageSize` a page. */
export function totalPages(total: number, pageSize: number): number {
  return pageSize > 0 ? Math.ceil(total / pageSize) : 0;
}

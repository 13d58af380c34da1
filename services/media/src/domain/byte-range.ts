/** What a download asked for: one range as the gateway parsed it from `Range: bytes=…`. */
export interface RangeRequest {
  hasRange: boolean;
  start: number;
  /** Inclusive; -1 = to the end. */
  end: number;
  /** > 0: the last N bytes (`bytes=-N`). */
  suffixLength: number;
}

/** The bytes to send, inclusive; `partial` = answer 206 (a range was asked and is satisfiable). */
export interface ResolvedRange {
  start: number;
  end: number;
  partial: boolean;
}

/**
 * RFC 9110 §14.1.2 for one range of a `size`-byte file: an end past the file is cut to its last byte, a suffix
 * longer than the file means the whole file; a start at or past the end (or after its own end) is not
 * satisfiable (null → 416).
 */
export function resolveRange(size: number, req: RangeRequest): ResolvedRange | null {
  const last = size - 1;
  if (req.suffixLength > 0) return { start: Math.max(0, size - req.suffixLength), end: last, partial: true };
  if (!req.hasRange) return { start: 0, end: last, partial: false };
  const end = req.end < 0 ? last : Math.min(req.end, last);
  if (req.start < 0 || req.start > last || req.start > end) return null;
  return { start: req.start, end, partial: true };
}

/** The entity tags of an `If-None-Match` / `If-Range` value, or `*`. */
function entityTags(header: string): { tag: string; weak: boolean }[] | '*' {
  const text = header.trim();
  if (text === '*') return '*';
  return [...text.matchAll(/(W\/)?("[^"]*")/g)].map((match) => ({ tag: match[2], weak: match[1] !== undefined }));
}

/** `If-None-Match` (RFC 9110 §13.1.2, weak comparison; `*` matches any existing file): the client's copy is current → 304. */
export function noneMatchSatisfied(header: string, etag: string): boolean {
  if (header.trim() === '') return false;
  const tags = entityTags(header);
  return tags === '*' || tags.some((t) => t.tag === etag.replace(/^W\//, ''));
}

/**
 * `If-Range` (§13.1.5): the range applies only when the validator is a strong entity tag equal to the current
 * one; a date (no Last-Modified is ever sent) or a weak or different tag means "send the whole file". Absent:
 * the range applies.
 */
export function ifRangeAllows(header: string, etag: string): boolean {
  const text = header.trim();
  return text === '' || (!etag.startsWith('W/') && text === etag);
}

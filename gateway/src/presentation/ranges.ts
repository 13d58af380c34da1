/**
 * The conditional and partial parts of a download (RFC 9110 §13–14), as pure functions: what the gateway
 * asks media for (one byte range or the whole file) and whether a validator the client holds still matches.
 */

/** One byte range as DownloadRequest carries it (`range_end` -1 = to the end; a suffix sets only its length). */
export interface ByteRangeRequest {
  has_range: boolean;
  range_start: number;
  range_end: number;
  suffix_length: number;
}

export const NO_RANGE: ByteRangeRequest = { has_range: false, range_start: 0, range_end: -1, suffix_length: 0 };

const SINGLE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;
/** Beyond any file we keep; a bigger number is a malformed header, not a wish for a huge range. */
const MAX_OFFSET_DIGITS = 15;

/**
 * `Range: bytes=a-b | a- | -n`. Anything else — another unit, several ranges, a malformed or reversed range —
 * is ignored (the whole file is served with 200), which RFC 9110 §14.2 allows; whether the range fits the
 * file is media's check (416 with the size), since only media knows the size.
 */
export function parseRange(header: string | undefined): ByteRangeRequest {
  if (!header) return NO_RANGE;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return NO_RANGE;
  const [, first, last] = match;
  if (first.length > MAX_OFFSET_DIGITS || last.length > MAX_OFFSET_DIGITS) return NO_RANGE;
  if (first === '') {
    // `bytes=-0` asks for nothing, which DownloadRequest cannot say: ignored like any other odd range.
    if (last === '' || Number(last) === 0) return NO_RANGE;
    return { has_range: true, range_start: 0, range_end: -1, suffix_length: Number(last) };
  }
  const start = Number(first);
  const end = last === '' ? -1 : Number(last);
  if (end !== -1 && end < start) return NO_RANGE;
  return { has_range: true, range_start: start, range_end: end, suffix_length: 0 };
}

/** The entity tags of an `If-None-Match` / `If-Range` list (`*` kept as is; weakness flagged). */
function entityTags(header: string): { tag: string; weak: boolean }[] | '*' {
  const text = header.trim();
  if (text === '*') return '*';
  const tags: { tag: string; weak: boolean }[] = [];
  for (const match of text.matchAll(/(W\/)?("[^"]*")/g)) tags.push({ tag: match[2], weak: match[1] !== undefined });
  return tags;
}

/** `If-None-Match` (weak comparison, §13.1.2): true when the client's copy is current (answer 304). */
export function noneMatchSatisfied(header: string | undefined, etag: string): boolean {
  if (!header || !etag) return false;
  const tags = entityTags(header);
  if (tags === '*') return true;
  const current = etag.replace(/^W\//, '');
  return tags.some((t) => t.tag === current);
}

/**
 * `If-Range` (§13.1.5): the range applies only when the validator is a strong entity tag equal to the
 * current one. A date (we send no Last-Modified) or a weak or different tag means "send the whole file".
 * Absent: the range applies.
 */
export function ifRangeAllows(header: string | undefined, etag: string): boolean {
  if (header === undefined || header.trim() === '') return true;
  const text = header.trim();
  if (!text.startsWith('"')) return false;
  return etag !== '' && !etag.startsWith('W/') && text === etag;
}

/** `Content-Range` of a 206 (`bytes a-b/N`) or of a 416 (`bytes *\/N`). */
export function contentRange(total: number, range?: { start: number; end: number }): string {
  return range ? `bytes ${range.start}-${range.end}/${total}` : `bytes */${total}`;
}

/**
 * The partial parts of a download (RFC 9110 §14), as pure functions: what the gateway asks media for (one byte
 * range or the whole file) and the Content-Range it answers with. The validators (If-None-Match, If-Range) go
 * to media as sent: media compares them with the file's ETag before it opens or counts anything.
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

/** `Content-Range` of a 206 (`bytes a-b/N`) or of a 416 (`bytes *\/N`). */
export function contentRange(total: number, range?: { start: number; end: number }): string {
  return range ? `bytes ${range.start}-${range.end}/${total}` : `bytes */${total}`;
}

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

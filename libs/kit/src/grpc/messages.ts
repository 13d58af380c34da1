/**
 * Timestamps on the wire: ISO-8601 UTC with milliseconds; "" for an absent one (proto3 strings have no
 * null — the gateway turns "" back into `null` for the public API).
 */
export function protoTime(date: Date | null | undefined): string {
  return date ? date.toISOString() : '';
}

/** The inverse of `protoTime`: "" → null; a malformed value → null as well. */
export function fromProtoTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

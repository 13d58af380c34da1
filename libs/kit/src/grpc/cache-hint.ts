import { currentContext, type RequestContext } from '../context';

/**
 * A unary answer's permission to be kept by a shared cache in front of the service (the gateway's edge cache):
 * the answer is the same for every caller (`scope: 'public'`), and it stays valid while every validator key in
 * Redis still holds the value given (`null`: the key is absent) — one MGET tells a cache whether its copy is
 * current — and for at most `ttlSeconds`. The values must be the ones the answer was computed under (e.g. cache
 * generations read BEFORE the database), so a write that bumps a key after the read invalidates the copy.
 */
export interface CacheHint {
  scope: 'public';
  validators: Array<[key: string, value: string | null]>;
  ttlSeconds: number;
}

/** The trailer a hinted unary answer carries (JSON of the CacheHint, ASCII only). */
export const CACHE_HINT_TRAILER = 'lms-cache-hint';

/** Bounds that keep the trailer well inside grpc-js's 8 KiB metadata limit and a hint meaningful. */
const MAX_VALIDATORS = 8;
const MAX_KEY_LENGTH = 256;
const MAX_VALUE_LENGTH = 128;
const MAX_TTL_SECONDS = 86_400;

/**
 * One slot per unary call, keyed by the call's own RequestContext object (the kit server builds a fresh one per
 * call): a hint set by one call can never reach another, and none is kept once the call is forgotten.
 */
const slots = new WeakMap<RequestContext, { hint?: CacheHint }>();

/**
 * Marks the answer of the unary kit gRPC handler running now as shareable (see CacheHint). Outside such a
 * handler (an event consumer, a streaming method, a test calling a use case directly) it does nothing: no
 * shared cache sits in front of those. A later call in the same handler replaces the hint. Throws on a hint the
 * kit would not send (a programming error, not a reason to answer without it silently).
 */
export function hintCacheable(hint: CacheHint): void {
  if (!isCacheHint(hint)) throw new Error(`Invalid cache hint: ${JSON.stringify(hint)}`);
  const ctx = currentContext();
  const slot = ctx && slots.get(ctx);
  if (slot) slot.hint = { scope: hint.scope, validators: hint.validators.map(([key, value]) => [key, value]), ttlSeconds: hint.ttlSeconds };
}

/** Kit server: opens the hint slot of a unary call (before its handler runs). */
export function openHintSlot(ctx: RequestContext): void {
  slots.set(ctx, {});
}

/** Kit server: the hint the call's handler set, as the trailer value; the slot is closed (later hints are ignored). */
export function takeHintTrailer(ctx: RequestContext): string | undefined {
  const slot = slots.get(ctx);
  slots.delete(ctx);
  // Keys are ASCII in practice; anything else is escaped so the trailer stays a legal metadata value.
  return slot?.hint && JSON.stringify(slot.hint).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Kit client: the hint a trailer carries, or undefined when it is absent or malformed (never trusted blindly). */
export function parseHintTrailer(value: string | undefined): CacheHint | undefined {
  if (!value) return undefined;
  try {
    const hint: unknown = JSON.parse(value);
    return isCacheHint(hint) ? hint : undefined;
  } catch {
    return undefined;
  }
}

function isCacheHint(value: unknown): value is CacheHint {
  if (typeof value !== 'object' || value === null) return false;
  const { scope, validators, ttlSeconds } = value as Partial<Record<keyof CacheHint, unknown>>;
  return (
    scope === 'public' &&
    Number.isInteger(ttlSeconds) &&
    (ttlSeconds as number) > 0 &&
    (ttlSeconds as number) <= MAX_TTL_SECONDS &&
    Array.isArray(validators) &&
    validators.length > 0 &&
    validators.length <= MAX_VALIDATORS &&
    validators.every(
      (pair: unknown) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        pair[0].length > 0 &&
        pair[0].length <= MAX_KEY_LENGTH &&
        (pair[1] === null || (typeof pair[1] === 'string' && pair[1].length <= MAX_VALUE_LENGTH)),
    )
  );
}

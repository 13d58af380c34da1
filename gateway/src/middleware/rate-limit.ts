import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimitedError, UnavailableError, runDetached, type Logger } from '@lms/kit';
import { ipBucket } from './request-context';

/**
 * GCRA (generic cell rate algorithm, as in redis-cell): one key per bucket holding the "theoretical
 * arrival time". It allows `limit` requests in a burst and then one every `period/limit` ms — no
 * double burst at window edges as with fixed windows. The script is atomic and uses Redis' clock, so
 * every gateway replica shares the same counters regardless of its own clock.
 *
 * Returns {allowed (0/1), remaining, reset_ms (until the bucket is full again), retry_after_ms}.
 */
export const GCRA_LUA = `
if redis.replicate_commands then pcall(redis.replicate_commands) end
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local interval = math.ceil(period / limit)
local tolerance = interval * limit
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - tolerance
if now < allow_at then
  return {0, 0, tat - now, allow_at - now}
end
redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', new_tat - now)
return {1, math.floor((now - allow_at) / interval), new_tat - now, 0}
`;

export interface LimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again (X-RateLimit-Reset). */
  resetSeconds: number;
  /** Seconds to wait before the next request is allowed (Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

type Gcra = [number, number, number, number];
type RedisWithGcra = Redis & { lmsGcra(key: string, limit: number, periodMs: number): Promise<Gcra> };
interface PendingHit {
  args: [key: string, limit: number, periodMs: number];
  resolve: (value: Gcra) => void;
  reject: (err: unknown) => void;
}

export class RateLimiter {
  private readonly redis: RedisWithGcra;
  /** The hits of this turn of the event loop, sent together (see `gcra`). */
  private pending: PendingHit[] | undefined;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!('lmsGcra' in redis)) redis.defineCommand('lmsGcra', { numberOfKeys: 1, lua: GCRA_LUA });
    this.redis = redis as unknown as RedisWithGcra;
  }

  async hit(bucket: string, key: string, limit: number, periodMs: number): Promise<LimitResult> {
    const [allowed, remaining, resetMs, retryMs] = await this.gcra(`${this.prefix}rl:${bucket}:${key}`, limit, periodMs);
    return {
      allowed: allowed === 1,
      limit,
      remaining: Math.max(0, remaining),
      resetSeconds: Math.max(0, Math.ceil(resetMs / 1000)),
      retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryMs / 1000)),
    };
  }

  /**
   * Under load many requests are parsed in one poll phase; their scripts go to Redis as ONE pipeline (one socket
   * write, one reply read) at the end of that turn instead of one write per request — the write was most of the
   * limiter's cost (bench/README.md, catalog-list). Each script still runs atomically on Redis' clock, so the
   * limits hold across replicas exactly as before; a failed pipeline fails each of its hits (fail open / closed
   * stays the caller's choice).
   */
  private gcra(key: string, limit: number, periodMs: number): Promise<Gcra> {
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        this.pending = [];
        setImmediate(() => this.flush());
      }
      this.pending.push({ args: [key, limit, periodMs], resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.pending ?? [];
    this.pending = undefined;
    if (batch.length === 1) {
      const [only] = batch;
      this.redis.lmsGcra(...only.args).then(only.resolve, only.reject);
      return;
    }
    // The pipeline serves many requests: sent from the first one's context, its commands would all be logged and
    // traced as that request's (one trace showed a dozen other requests' scripts). It belongs to none of them.
    runDetached(() => this.flushMany(batch));
  }

  private flushMany(batch: PendingHit[]): void {
    const pipeline = this.redis.pipeline() as unknown as { lmsGcra(...args: PendingHit['args']): void; exec(): Promise<[Error | null, unknown][] | null> };
    for (const hit of batch) pipeline.lmsGcra(...hit.args);
    pipeline.exec().then(
      (results) =>
        batch.forEach((hit, i) => {
          const [err, value] = results?.[i] ?? [new Error('rate limiter: no reply'), undefined];
          if (err) hit.reject(err);
          else hit.resolve(value as Gcra);
        }),
      (err: unknown) => batch.forEach((hit) => hit.reject(err)),
    );
  }
}

/** Emails are normalised (trim, lower-case) and hashed: no personal data in Redis keys. */
export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/** Headers from the most restrictive limit applied to this request so far. */
function applyHeaders(res: Response, result: LimitResult): void {
  const previous = res.locals.rateLimit as LimitResult | undefined;
  const moreRestrictive =
    !previous ||
    !result.allowed ||
    (previous.allowed && result.remaining / result.limit < previous.remaining / previous.limit);
  if (!moreRestrictive) return;
  res.locals.rateLimit = result;
  res.setHeader('X-RateLimit-Limit', String(result.limit));
  res.setHeader('X-RateLimit-Remaining', String(result.remaining));
  res.setHeader('X-RateLimit-Reset', String(result.resetSeconds));
}

function limitedError(result: LimitResult, what: string): RateLimitedError {
  return new RateLimitedError(`Too many ${what}; retry in ${result.retryAfterSeconds} s`, result.retryAfterSeconds);
}

export interface LimitRule {
  /** Bucket name: part of the Redis key and of the message. */
  bucket: string;
  limit: number;
  /** The bucket's identity for this request (ip, email hash, …); undefined = rule does not apply. */
  key: (req: Request, res: Response) => string | undefined;
}

/**
 * The general per-IP limit. Fails open: when Redis is unreachable the request goes through, and the
 * outage is logged (at most once every 10 s, so a Redis outage does not flood the logs).
 */
export function generalRateLimit(limiter: RateLimiter, limit: number, periodMs: number, logger: Logger): RequestHandler {
  let lastWarn = 0;
  return async (_req, res, next) => {
    let result: LimitResult;
    try {
      result = await limiter.hit('general', ipBucket(res.locals.clientIp as string), limit, periodMs);
    } catch (err) {
      if (Date.now() - lastWarn > 10_000) {
        lastWarn = Date.now();
        logger.warn({ err }, 'rate limiter unavailable (Redis); general limit failing open');
      }
      next();
      return;
    }
    applyHeaders(res, result);
    if (!result.allowed) {
      next(limitedError(result, 'requests'));
      return;
    }
    next();
  };
}

/**
 * Strict limits (login, register, password reset) applied after the body is parsed, so the email can be
 * a key. Every rule is charged (a flood on one email is counted per IP too). Fails closed: without Redis
 * the credential endpoints answer 503 rather than allow unlimited password guessing.
 */
export function strictRateLimit(limiter: RateLimiter, rules: LimitRule[], periodMs: number, what: string): RequestHandler {
  return async (req, res, next) => {
    let denied: LimitResult | undefined;
    try {
      for (const rule of rules) {
        const key = rule.key(req, res);
        if (key === undefined) continue;
        const result = await limiter.hit(rule.bucket, key, rule.limit, periodMs);
        applyHeaders(res, result);
        if (!result.allowed && (!denied || result.retryAfterSeconds > denied.retryAfterSeconds)) denied = result;
      }
    } catch (err) {
      next(new UnavailableError('Rate limiter unavailable, try again later', 'RATE_LIMITER_UNAVAILABLE', err));
      return;
    }
    if (denied) {
      next(limitedError(denied, what));
      return;
    }
    next();
  };
}

/** Key helpers for the rules. */
/** Per client: the IPv4 address, or the IPv6 /64 (one subscriber's allocation; see `ipBucket`). */
export const byIp = (_req: Request, res: Response): string => ipBucket(res.locals.clientIp as string);
/** The verified caller (strict limits run after authentication), whatever address they come from. */
export const byCaller = (_req: Request, res: Response): string | undefined => (res.locals.caller as { userId?: string } | undefined)?.userId;
export const byBodyEmail = (req: Request): string | undefined => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? emailKey(email.slice(0, 320)) : undefined;
};

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError, ConflictError, type Logger } from '@lms/kit';

/**
 * `Idempotency-Key` on creating POSTs (register, POST /users): the first request with a key runs; a
 * retry with the same key and the same body gets the stored response again (with
 * `Idempotent-Replayed: true`) instead of creating twice; the same key with a different body is a 422;
 * a retry while the first is still running is a 409. Only successful responses are stored (24 h) —
 * a failure releases the key so the client can retry. Keys are scoped per caller (user id, or client
 * IP on public routes) and per route. Without Redis the header is ignored (creates are still protected
 * against duplicates by the services' own uniqueness rules) and the outage is logged.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const TTL_SECONDS = 24 * 3600;
const PENDING_TTL_SECONDS = 60;

interface Stored {
  state: 'pending' | 'done';
  fingerprint: string;
  status?: number;
  body?: unknown;
}

export type IdempotencyStart =
  | { kind: 'none' }
  | { kind: 'new'; complete(status: number, body: unknown): Promise<void>; abandon(): Promise<void> }
  | { kind: 'replay'; status: number; body: unknown };

export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  async start(headerValue: string | undefined, scope: string, route: string, body: unknown): Promise<IdempotencyStart> {
    if (headerValue === undefined) return { kind: 'none' };
    if (!KEY_FORMAT.test(headerValue)) {
      throw new AppError('invalid_argument', 'Idempotency-Key must be 1-255 visible ASCII characters', {
        code: 'IDEMPOTENCY_KEY_INVALID',
        fields: [{ loc: ['header', 'idempotency-key'], msg: 'Invalid format' }],
      });
    }
    const key = `${this.prefix}idem:${sha(`${scope}\n${route}\n${headerValue}`)}`;
    const fingerprint = sha(JSON.stringify(body ?? null));
    try {
      const pending: Stored = { state: 'pending', fingerprint };
      const created = await this.redis.set(key, JSON.stringify(pending), 'EX', PENDING_TTL_SECONDS, 'NX');
      if (!created) {
        const raw = await this.redis.get(key);
        const stored = raw ? (JSON.parse(raw) as Stored) : undefined;
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw new AppError('invalid_argument', 'This Idempotency-Key was used with a different request body', {
              code: 'IDEMPOTENCY_KEY_REUSED',
              fields: [{ loc: ['header', 'idempotency-key'], msg: 'Already used with another body' }],
            });
          }
          if (stored.state === 'pending') {
            throw new ConflictError('A request with this Idempotency-Key is still being processed', 'IDEMPOTENCY_IN_PROGRESS');
          }
          return { kind: 'replay', status: stored.status ?? 200, body: stored.body };
        }
        // Expired between SET NX and GET: treat as new.
        await this.redis.set(key, JSON.stringify(pending), 'EX', PENDING_TTL_SECONDS);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      this.logger.warn({ err: { message: (err as Error).message } }, 'idempotency store unavailable; key ignored');
      return { kind: 'none' };
    }
    return {
      kind: 'new',
      complete: async (status, responseBody) => {
        const done: Stored = { state: 'done', fingerprint, status, body: responseBody };
        await this.redis.set(key, JSON.stringify(done), 'EX', TTL_SECONDS).catch(() => undefined);
      },
      abandon: async () => {
        await this.redis.del(key).catch(() => undefined);
      },
    };
  }
}

function sha(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

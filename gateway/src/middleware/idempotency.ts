import { createHash, createHmac } from 'node:crypto';
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
 *
 * The stored fingerprint is an HMAC-SHA256 (key: IDEMPOTENCY_SECRET, shared by the replicas) of the body
 * with its secret fields removed: whoever reads Redis can neither test password guesses against it
 * at hash speed nor recognise a body without the key. So a retry that differs only in a secret field
 * (e.g. the password) counts as the same request and replays the first answer.
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

/** Body fields never part of a fingerprint, at any depth. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['password', 'new_password', 'current_password', 'token', 'refresh_token']);

export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    /** The HMAC key of fingerprints (IDEMPOTENCY_SECRET). */
    private readonly secret: string,
  ) {}

  /** HMAC-SHA256 of the body without its secret fields. */
  fingerprint(body: unknown): string {
    return createHmac('sha256', this.secret)
      .update(JSON.stringify(withoutSecrets(body ?? null)))
      .digest('hex');
  }

  async start(headerValue: string | undefined, scope: string, route: string, body: unknown): Promise<IdempotencyStart> {
    if (headerValue === undefined) return { kind: 'none' };
    if (!KEY_FORMAT.test(headerValue)) {
      throw new AppError('invalid_argument', 'Idempotency-Key must be 1-255 visible ASCII characters', {
        code: 'IDEMPOTENCY_KEY_INVALID',
        fields: [{ loc: ['header', 'idempotency-key'], msg: 'Invalid format' }],
      });
    }
    const key = `${this.prefix}idem:${sha(`${scope}\n${route}\n${headerValue}`)}`;
    const fingerprint = this.fingerprint(body);
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

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_FIELDS.has(key))
      .map(([key, v]) => [key, withoutSecrets(v)]),
  );
}

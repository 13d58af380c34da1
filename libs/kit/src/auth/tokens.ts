import { createLocalJWKSet, jwtVerify, errors as joseErrors, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { ChainableCommander, Redis } from 'ioredis';
import { PermissionDeniedError, UnauthenticatedError, UnavailableError } from '../errors';
import {
  changeFields,
  revocationKeys,
  RevocationMirror,
  REVOCATION_STREAM_MAX_LENGTH,
  type RevocationChange,
} from './revocation-mirror';

export const ROLES = ['admin', 'instructor', 'student'] as const;
export type Role = (typeof ROLES)[number];

/** The verified end user behind a request. */
export interface Caller {
  userId: string;
  role: Role;
  sessionId: string;
  tokenId: string;
  issuedAt: number;
  expiresAt: number;
}

export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA'];

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;

/** "Bearer <jwt>" → the JWT, or an UNAUTHENTICATED error that says what is wrong. */
export function bearerToken(authorization: string | undefined): string {
  if (!authorization) throw new UnauthenticatedError('Missing bearer token', 'AUTH.TOKEN_MISSING');
  const m = BEARER.exec(authorization.trim());
  if (!m) throw new UnauthenticatedError('Malformed Authorization header: expected "Bearer <token>"', 'AUTH.TOKEN_MALFORMED');
  return m[1];
}

export interface RevocationStoreOptions {
  /**
   * Answer `isRevoked` from memory (RevocationMirror, one dedicated Redis connection following the change
   * stream); false = one MGET per call, as before the mirror. Default true.
   */
  mirror?: boolean;
}

/**
 * Revocation marks shared through Redis: auth writes them when a session is revoked or a user is
 * deactivated; every verifier checks them, so a revoked access token stops working before it expires.
 * Marks live only as long as an access token can (their TTL). Each write also appends the change to
 * `<prefix>changes` in the same MULTI, which feeds the in-memory mirror of every verifying process.
 */
export class RevocationStore {
  private readonly keys: ReturnType<typeof revocationKeys>;
  private readonly mirror?: RevocationMirror;

  constructor(
    private readonly redis: Redis,
    prefix = 'lms:revoked:',
    options: RevocationStoreOptions = {},
  ) {
    this.keys = revocationKeys(prefix);
    if (options.mirror !== false) this.mirror = new RevocationMirror(redis, prefix);
  }

  async revokeSessions(sessionIds: string[], ttlSeconds: number): Promise<void> {
    if (!sessionIds.length) return;
    const ttl = Math.max(1, ttlSeconds);
    const multi = this.redis.multi();
    for (const sid of sessionIds) multi.set(this.keys.session(sid), '1', 'EX', ttl);
    await this.commit(multi, sessionIds.map((id) => ({ kind: 'sid', id, ttlSeconds: ttl })));
  }

  /** Every token of the user issued at or before `at` (epoch seconds) is refused. */
  async revokeUserTokens(userId: string, at: number, ttlSeconds: number): Promise<void> {
    const ttl = Math.max(1, ttlSeconds);
    await this.commit(this.redis.multi().set(this.keys.user(userId), String(at), 'EX', ttl), [{ kind: 'user', id: userId, at, ttlSeconds: ttl }]);
  }

  async clearUser(userId: string): Promise<void> {
    await this.commit(this.redis.multi().del(this.keys.user(userId)), [{ kind: 'clear', id: userId }]);
  }

  /**
   * The marks and their stream entries in one transaction, so a mirror never sees one without the other.
   * This process's own mirror applies the change at once: a request right after the write sees it here.
   */
  private async commit(multi: ChainableCommander, changes: RevocationChange[]): Promise<void> {
    for (const change of changes) {
      multi.xadd(this.keys.changes, 'MAXLEN', '~', REVOCATION_STREAM_MAX_LENGTH, '*', ...changeFields(change));
    }
    const results = await multi.exec();
    if (!results) throw new Error('The revocation transaction was aborted');
    const failed = results.find(([err]) => err);
    if (failed) throw failed[0];
    const now = Date.now();
    for (const change of changes) this.mirror?.apply(change, now);
  }

  /**
   * From the mirror while it is fresh (no round trip); otherwise one MGET, which fails closed: when the
   * marks can't be read, the token is not trusted (503, not 401).
   */
  async isRevoked(caller: Pick<Caller, 'userId' | 'sessionId' | 'issuedAt'>): Promise<boolean> {
    const known = this.mirror?.revoked(caller);
    if (known !== undefined) return known;
    let sid: string | null;
    let userMark: string | null;
    try {
      [sid, userMark] = await this.redis.mget(this.keys.session(caller.sessionId), this.keys.user(caller.userId));
    } catch (err) {
      throw new UnavailableError('Token revocation list is unavailable', 'AUTH.REVOCATION_UNAVAILABLE', err);
    }
    if (sid) return true;
    return userMark !== null && caller.issuedAt <= Number(userMark);
  }
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Where the public keys come from: auth's GetJwks over gRPC, or auth's own key store. */
  fetchJwks: () => Promise<JSONWebKeySet>;
  revocations?: RevocationStore;
  /** An unknown `kid` triggers a refetch at most this often. */
  minRefreshIntervalMs?: number;
  /** Keys are refetched at least this often anyway (picks up retired keys). */
  maxKeyAgeMs?: number;
  /**
   * How many verified tokens to remember until they expire (0 disables the cache). A key withdrawn from the
   * JWKS in an emergency keeps verifying the tokens remembered here until they expire (≤ the access-token
   * lifetime); revocation marks are still checked on every call (in memory, see RevocationMirror). See auth's README, signing keys.
   */
  cacheSize?: number;
}

/** Verifies access tokens against the cached JWKS; refetches when it meets an unknown `kid`. */
export class TokenVerifier {
  private keySet?: ReturnType<typeof createLocalJWKSet>;
  private fetchedAt = 0;
  private fetching?: Promise<void>;

  constructor(private readonly options: TokenVerifierOptions) {}

  async verify(authorization: string | undefined): Promise<Caller> {
    const token = bearerToken(authorization);
    const caller = this.fromCache(token) ?? this.remember(token, toCaller(await this.verifySignature(token)));
    if (this.options.revocations && (await this.options.revocations.isRevoked(caller))) {
      throw new UnauthenticatedError('Token has been revoked', 'AUTH.TOKEN_REVOKED');
    }
    return caller;
  }

  /**
   * Signature checks are the costly part and a token is presented many times in its short life, so
   * verified claims are kept (bounded, until the token's expiry). Revocation is still checked on every call.
   */
  private readonly verified = new Map<string, Caller>();

  private fromCache(token: string): Caller | undefined {
    const caller = this.verified.get(token);
    if (!caller) return undefined;
    if (caller.expiresAt * 1000 <= Date.now()) {
      this.verified.delete(token);
      throw new UnauthenticatedError('Token has expired', 'AUTH.TOKEN_EXPIRED');
    }
    return caller;
  }

  private remember(token: string, caller: Caller): Caller {
    const max = this.options.cacheSize ?? 10_000;
    if (max <= 0) return caller;
    if (this.verified.size >= max) {
      this.verified.delete(this.verified.keys().next().value as string); // oldest first
    }
    this.verified.set(token, caller);
    return caller;
  }

  private async verifySignature(token: string, refreshed = false): Promise<JWTPayload> {
    const maxAge = this.options.maxKeyAgeMs ?? 10 * 60_000;
    if (!this.keySet || Date.now() - this.fetchedAt > maxAge) await this.refresh();
    try {
      const { payload } = await jwtVerify(token, this.keySet!, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ACCESS_TOKEN_ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JWKSNoMatchingKey && !refreshed) {
        if (Date.now() - this.fetchedAt >= (this.options.minRefreshIntervalMs ?? 5_000)) {
          await this.refresh();
          return this.verifySignature(token, true);
        }
      }
      throw unauthenticatedFor(err);
    }
  }

  private async refresh(): Promise<void> {
    this.fetching ??= this.options
      .fetchJwks()
      .then((jwks) => {
        this.keySet = createLocalJWKSet(jwks);
        this.fetchedAt = Date.now();
      })
      .finally(() => {
        this.fetching = undefined;
      });
    await this.fetching;
  }
}

function unauthenticatedFor(err: unknown): UnauthenticatedError {
  if (err instanceof joseErrors.JWTExpired) return new UnauthenticatedError('Token has expired', 'AUTH.TOKEN_EXPIRED');
  if (err instanceof joseErrors.JWTClaimValidationFailed)
    return new UnauthenticatedError(`Token claim "${err.claim}" is invalid`, 'AUTH.TOKEN_INVALID');
  if (err instanceof joseErrors.JOSEAlgNotAllowed)
    return new UnauthenticatedError('Token algorithm is not allowed', 'AUTH.TOKEN_INVALID');
  if (err instanceof joseErrors.JWKSNoMatchingKey)
    return new UnauthenticatedError('Token was signed by an unknown key', 'AUTH.TOKEN_INVALID');
  if (err instanceof UnauthenticatedError) return err;
  return new UnauthenticatedError('Token is invalid', 'AUTH.TOKEN_INVALID');
}

function toCaller(payload: JWTPayload): Caller {
  const role = payload.role as Role;
  const sid = payload.sid;
  if (typeof payload.sub !== 'string' || !ROLES.includes(role) || typeof sid !== 'string' || typeof payload.jti !== 'string') {
    throw new UnauthenticatedError('Token claims are incomplete', 'AUTH.TOKEN_INVALID');
  }
  return {
    userId: payload.sub,
    role,
    sessionId: sid,
    tokenId: payload.jti,
    issuedAt: payload.iat ?? 0,
    expiresAt: payload.exp ?? 0,
  };
}

export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) throw new PermissionDeniedError('Your role does not allow this', 'AUTH.ROLE_FORBIDDEN');
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadInternalServiceSecret } from '../config';

/**
 * Service-to-service authentication on the internal gRPC network: every kit client signs its calls with a
 * short-lived HS256 JWT (`iss` = the calling service, `aud` = "lms-internal", `exp` ≤ 5 min) made from the
 * shared INTERNAL_SERVICE_SECRET, sent as `x-service-token`; every kit server verifies it before a handler
 * runs. A symmetric secret proves "one of the fleet's processes" (any holder could claim any `iss`), which is
 * what the caller metadata (`x-client-ip`, …) and the service-only RPCs need; per-service keys are mTLS's
 * job (docs/deploy.md).
 */
export const SERVICE_TOKEN_AUDIENCE = 'lms-internal';
/** Lifetime of a token a client mints; a server refuses any token that claims to live longer. */
export const SERVICE_TOKEN_TTL_SECONDS = 300;
/** A cached token is replaced when it has less than this left, so a call never leaves with a nearly dead one. */
const REFRESH_BEFORE_SECONDS = 60;
/** Tolerated clock skew between pods. */
const LEEWAY_SECONDS = 30;
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** The HMAC key is derived from the secret (never the raw secret), bound to this one use. */
function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('lms-internal-service-token/v1').digest();
}

function sign(key: Buffer, signingInput: string): Buffer {
  return createHmac('sha256', key).update(signingInput).digest();
}

export function isServiceName(name: string): boolean {
  return SERVICE_NAME.test(name);
}

/** Mints one token (exported for tests: expired, foreign-secret and long-lived tokens). */
export function signServiceToken(options: { service: string; secret: string; nowMs?: number; ttlSeconds?: number }): string {
  if (!isServiceName(options.service)) throw new Error(`not a service name: ${options.service}`);
  const iat = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const payload = base64url(
    JSON.stringify({ iss: options.service, aud: SERVICE_TOKEN_AUDIENCE, iat, exp: iat + (options.ttlSeconds ?? SERVICE_TOKEN_TTL_SECONDS) }),
  );
  const input = `${HEADER}.${payload}`;
  return `${input}.${base64url(sign(keyOf(options.secret), input))}`;
}

/** Mints and caches one token per calling service name; refreshed a minute before it expires. */
export class ServiceTokenSigner {
  private readonly cache = new Map<string, { token: string; exp: number }>();

  constructor(private readonly secret: string) {}

  tokenFor(service: string): string {
    const now = Date.now();
    const cached = this.cache.get(service);
    if (cached && cached.exp - REFRESH_BEFORE_SECONDS * 1000 > now) return cached.token;
    const token = signServiceToken({ service, secret: this.secret, nowMs: now });
    this.cache.set(service, { token, exp: now + SERVICE_TOKEN_TTL_SECONDS * 1000 });
    return token;
  }
}

/**
 * Checks a token: exactly HS256, a valid signature (constant-time), `aud` = lms-internal, not expired, not
 * issued in the future, not living longer than 5 min, a plausible service name. Returns the calling
 * service or undefined. Verified tokens are cached until they expire (one HMAC per token, not per call).
 */
export class ServiceTokenVerifier {
  private readonly key: Buffer;
  private readonly verified = new Map<string, { service: string; expMs: number }>();

  constructor(secret: string, private readonly maxCached = 1000) {
    this.key = keyOf(secret);
  }

  verify(token: string | undefined, nowMs = Date.now()): string | undefined {
    if (!token || token.length > 1024) return undefined;
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expMs > nowMs - LEEWAY_SECONDS * 1000) return hit.service;
      this.verified.delete(token);
      return undefined;
    }
    const claims = this.check(token, nowMs);
    if (!claims) return undefined;
    if (this.verified.size >= this.maxCached) {
      for (const [cachedToken, entry] of this.verified) if (entry.expMs <= nowMs) this.verified.delete(cachedToken);
      if (this.verified.size >= this.maxCached) this.verified.clear();
    }
    this.verified.set(token, { service: claims.iss, expMs: claims.exp * 1000 });
    return claims.iss;
  }

  private check(token: string, nowMs: number): { iss: string; exp: number } | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
    const expected = sign(this.key, `${parts[0]}.${parts[1]}`);
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: { iss?: unknown; aud?: unknown; iat?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const { iss, aud, iat, exp } = claims;
    const now = nowMs / 1000;
    if (typeof iss !== 'string' || !isServiceName(iss) || aud !== SERVICE_TOKEN_AUDIENCE) return undefined;
    if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
    if (exp <= now - LEEWAY_SECONDS || iat > now + LEEWAY_SECONDS || exp - iat > SERVICE_TOKEN_TTL_SECONDS) return undefined;
    return { iss, exp };
  }
}

/*
 * Process-wide settings. The secret comes from INTERNAL_SERVICE_SECRET (kit config, checked for production)
 * unless configureServiceAuth sets it. The name a client signs as: the client's own `caller` option, else the
 * service whose handler is running (request context), else the process's service (configureServiceAuth, or
 * the first kit GrpcServer's service), else "gateway" (the one process that calls without serving gRPC).
 */
let processSecret: string | undefined;
let processService: string | undefined;
const signers = new Map<string, ServiceTokenSigner>();

export function configureServiceAuth(options: { secret?: string; service?: string }): void {
  if (options.service !== undefined) {
    if (!isServiceName(options.service)) throw new Error(`not a service name: ${options.service}`);
    processService = options.service;
  }
  if (options.secret !== undefined) processSecret = options.secret;
}

/** Called by GrpcServer.addService: a process that serves `catalog` calls others as `catalog` by default. */
export function defaultProcessService(service: string): void {
  if (!processService && isServiceName(service)) processService = service;
}

export function processServiceName(): string {
  return processService ?? 'gateway';
}

/** Throws (ConfigError) in production without a proper INTERNAL_SERVICE_SECRET: callers do this at start-up. */
export function internalSecret(): string {
  return (processSecret ??= loadInternalServiceSecret());
}

export function signerFor(secret: string): ServiceTokenSigner {
  let signer = signers.get(secret);
  if (!signer) signers.set(secret, (signer = new ServiceTokenSigner(secret)));
  return signer;
}

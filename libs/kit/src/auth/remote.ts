import type { JSONWebKeySet, JWK } from 'jose';
import type { Redis } from 'ioredis';
import { createClient, loadService, type PromiseClient } from '../grpc';
import type { AuthServiceDefinition } from '../generated/lms/auth/v1/AuthService';
import type { Jwk__Output } from '../generated/lms/auth/v1/Jwk';
import { RevocationStore, TokenVerifier, type Caller } from './tokens';

/** The auth service's client, as every other process builds it. */
export type AuthClient = PromiseClient<AuthServiceDefinition>;

/** Idempotent reads: retried on UNAVAILABLE by the kit's client (service-config retry policy). */
export const AUTH_RETRYABLE_METHODS = ['GetJwks', 'GetMe', 'GetUser', 'ListUsers', 'ListSessions', 'BatchGetUsers', 'GetUserStats'];

export function createAuthClient(address: string, deadlineMs: number): AuthClient {
  return createClient<AuthServiceDefinition>(loadService('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService'), address, {
    deadlineMs,
    retryableMethods: AUTH_RETRYABLE_METHODS,
  });
}

/** Proto JWKs carry every field ("" when unset); a JWK must not (jose rejects an empty `n` on OKP keys). */
export function toJwk(key: Jwk__Output): JWK {
  const jwk: Record<string, string> = {};
  for (const [name, value] of Object.entries(key)) if (typeof value === 'string' && value !== '') jwk[name] = value;
  return jwk as unknown as JWK;
}

/**
 * The public keys from auth. Called without the end user's token (`authorization: ''`): GetJwks is
 * public, and an unverified token must never be forwarded.
 */
export async function fetchJwks(auth: AuthClient): Promise<JSONWebKeySet> {
  const res = await auth.GetJwks({}, { authorization: '' });
  return { keys: res.keys.map(toJwk) };
}

export interface RemoteVerifierOptions {
  auth: AuthClient;
  redis: Redis;
  issuer: string;
  audience: string;
  /** Must match the prefix auth writes revocation marks under. */
  revocationPrefix?: string;
  /** false: one Redis MGET of the marks per verification instead of the in-memory mirror (default true). */
  mirrorRevocations?: boolean;
}

/**
 * How a service (or the gateway) verifies the end user's token it received: signature against auth's
 * JWKS (fetched over gRPC, cached, refetched on an unknown kid), issuer, audience, expiry, then the
 * revocation marks (mirrored in memory, at most REVOCATION_MAX_STALENESS_MS behind Redis). No service trusts
 * a bare user id, nor an identity asserted by the gateway: both verify the token, and the second check costs
 * a Map lookup (verified tokens are cached, marks are in memory).
 */
export function createRemoteVerifier(options: RemoteVerifierOptions): TokenVerifier {
  return new TokenVerifier({
    issuer: options.issuer,
    audience: options.audience,
    fetchJwks: () => fetchJwks(options.auth),
    revocations: new RevocationStore(options.redis, options.revocationPrefix, { mirror: options.mirrorRevocations }),
  });
}

/** The token settings every verifying process reads from its config (the same variable names everywhere). */
export interface VerifierConfig {
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  REVOCATION_KEY_PREFIX: string;
}

/** `createRemoteVerifier` from a process's validated config. */
export function verifierFromConfig(config: VerifierConfig, auth: AuthClient, redis: Redis): TokenVerifier {
  return createRemoteVerifier({ auth, redis, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, revocationPrefix: config.REVOCATION_KEY_PREFIX });
}

/** For gRPC handlers open to anonymous callers: no token → undefined; a bad token is still refused. */
export async function optionalCaller(verifier: TokenVerifier, authorization: string | undefined): Promise<Caller | undefined> {
  if (!authorization) return undefined;
  return verifier.verify(authorization);
}

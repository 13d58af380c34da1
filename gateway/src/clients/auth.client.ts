import type { TokenVerifierOptions } from '@lms/kit/auth';
import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { Jwk__Output } from '@lms/kit/generated/lms/auth/v1/Jwk';

export type AuthClient = PromiseClient<AuthServiceDefinition>;
export type JSONWebKeySet = Awaited<ReturnType<TokenVerifierOptions['fetchJwks']>>;
type JWK = JSONWebKeySet['keys'][number];

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

/** A short in-process cache in front of GetJwks for the public /.well-known/jwks.json endpoint. */
export class JwksCache {
  private value?: { at: number; jwks: JSONWebKeySet };

  constructor(
    private readonly auth: AuthClient,
    private readonly ttlMs = 60_000,
  ) {}

  async get(): Promise<JSONWebKeySet> {
    if (this.value && Date.now() - this.value.at < this.ttlMs) return this.value.jwks;
    const jwks = await fetchJwks(this.auth);
    this.value = { at: Date.now(), jwks };
    return jwks;
  }
}

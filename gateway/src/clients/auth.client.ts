import { fetchJwks, type AuthClient } from '@lms/kit/auth';
import type { JSONWebKeySet } from 'jose';

export { createAuthClient, fetchJwks, type AuthClient } from '@lms/kit/auth';

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

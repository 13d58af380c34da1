import type { JSONWebKeySet } from 'jose';
import type { AuthDeps } from '../deps';

/** The public keys that verify access tokens (active key plus recently retired ones). */
export function getJwks(deps: AuthDeps): Promise<JSONWebKeySet> {
  return deps.keys.jwks();
}

import type { JsonWebKey } from 'node:crypto';

/**
 * The issuer's identity as a did:web DID (https://w3c-ccg.github.io/did-method-web/): the host of PUBLIC_API_URL,
 * its port's ':' percent-encoded (`did:web:localhost%3A8080`), resolved by a verifier to
 * `https://<host>/.well-known/did.json` — which the gateway serves from GetIssuer.
 */
export function issuerDid(publicApiUrl: string): string {
  const url = new URL(publicApiUrl);
  return `did:web:${encodeURIComponent(url.hostname)}${url.port ? `%3A${url.port}` : ''}`;
}

/** The verification method id of a key: `<did>#<kid>` (the JWS header's `kid`). */
export function verificationMethodId(did: string, kid: string): string {
  return `${did}#${kid}`;
}

export interface PublishedKey {
  kid: string;
  publicJwk: JsonWebKey;
}

/** The public part of an Ed25519 JWK (never `d`, whatever the stored JWK holds). */
function publicOnly(jwk: JsonWebKey): JsonWebKey {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

/**
 * The DID document: every key, current and retired, as a JsonWebKey2020 verification method that may assert
 * credentials — a retired key signs nothing new, but what it signed must keep verifying.
 */
export function didDocument(did: string, keys: PublishedKey[]): Record<string, unknown> {
  const ids = keys.map((key) => verificationMethodId(did, key.kid));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: keys.map((key, i) => ({ id: ids[i], type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicOnly(key.publicJwk) })),
    assertionMethod: ids,
  };
}

/** The same keys as a JWK Set (for JOSE libraries that take a JWKS URL rather than a DID). */
export function jwks(did: string, keys: PublishedKey[]): { keys: Record<string, unknown>[] } {
  return { keys: keys.map((key) => ({ ...publicOnly(key.publicJwk), kid: verificationMethodId(did, key.kid), alg: 'EdDSA', use: 'sig' })) };
}

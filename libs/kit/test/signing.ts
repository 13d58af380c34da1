import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';

/** What the kit's token tests expect in `iss` and `aud`. */
export const ISS = 'lms-auth';
export const AUD = 'lms-api';

/** An Ed25519 signing key as auth has one: the private key and its public JWK under `kid`. */
export async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { privateKey, jwk, kid };
}

export type SigningKey = Awaited<ReturnType<typeof keyPair>>;

/** An access token as auth issues it (a student's, a fresh session, 15 minutes), `claims` and `opts` overriding. */
export function sign(key: SigningKey, claims: Record<string, unknown> = {}, opts: { exp?: string | number; iat?: number } = {}) {
  const jwt = new SignJWT({ role: 'student', sid: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setSubject(String(claims.sub ?? randomUUID()))
    .setJti(randomUUID())
    .setIssuer(ISS)
    .setAudience(AUD)
    .setIssuedAt(opts.iat)
    .setExpirationTime(opts.exp ?? '15m');
  return jwt.sign(key.privateKey);
}

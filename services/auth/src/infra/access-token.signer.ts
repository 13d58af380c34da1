import { SignJWT } from 'jose';
import type { AccessTokenClaims } from '../domain/tokens';
import type { ActiveSigningKey } from './signing-key.store';

export interface SignerOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface SignedAccessToken {
  token: string;
  /** Seconds until expiry, as told to the client. */
  expiresIn: number;
  expiresAt: number;
}

/** Signs access tokens (JWT, EdDSA/Ed25519) with the active key; the `kid` header names it. */
export class AccessTokenSigner {
  constructor(
    private readonly keys: { activeKey(): Promise<ActiveSigningKey> },
    private readonly options: SignerOptions,
  ) {}

  async sign(claims: AccessTokenClaims, issuedAt: number): Promise<SignedAccessToken> {
    const key = await this.keys.activeKey();
    const expiresAt = issuedAt + this.options.ttlSeconds;
    const token = await new SignJWT({ role: claims.role, sid: claims.sid })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setJti(claims.jti)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key.privateKey);
    return { token, expiresAt, expiresIn: Math.max(0, expiresAt - Math.floor(Date.now() / 1000)) };
  }
}

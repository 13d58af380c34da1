import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from './user';

/**
 * Opaque tokens (refresh, password reset, email verification): 32 random bytes, base64url.
 * Only their SHA-256 is stored, so a database leak does not hand out usable tokens.
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The claims of an access token (the signer adds iss, aud, iat, exp and the `kid` header). */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  sid: string;
  jti: string;
}

export function accessTokenClaims(userId: string, role: Role, sessionId: string): AccessTokenClaims {
  return { sub: userId, role, sid: sessionId, jti: randomUUID() };
}

/**
 * The issue time of a new access token. A role change writes a revocation mark "every token issued
 * at or before second S is refused"; a token issued in that same second would be refused too, so its
 * issue time must be strictly after the mark. Returns the second to use and how long to wait for it.
 */
export function issueSecond(nowMs: number, roleChangedAt: Date | null): { iat: number; waitMs: number } {
  const now = Math.floor(nowMs / 1000);
  if (!roleChangedAt) return { iat: now, waitMs: 0 };
  const mark = Math.floor(roleChangedAt.getTime() / 1000);
  if (now > mark) return { iat: now, waitMs: 0 };
  // Wait for that second to begin (never more than one second, even if clocks disagree).
  return { iat: mark + 1, waitMs: Math.min(1000, Math.max(0, (mark + 1) * 1000 - nowMs)) };
}

/** What a presented refresh token is worth, given its row and its session's. */
export type RefreshVerdict = 'ok' | 'reused' | 'invalid';

export function judgeRefresh(
  token: { usedAt: Date | null; expiresAt: Date },
  session: { revokedAt: Date | null; expiresAt: Date },
  now: Date,
): RefreshVerdict {
  if (token.usedAt) return 'reused';
  if (session.revokedAt || session.expiresAt <= now || token.expiresAt <= now) return 'invalid';
  return 'ok';
}

export const REVOCATION_REASONS = {
  logout: 'logout',
  logoutAll: 'logout_all',
  refreshReuse: 'refresh_reuse',
  passwordChanged: 'password_changed',
  passwordReset: 'password_reset',
  deactivated: 'deactivated',
  deleted: 'deleted',
  sessionLimit: 'session_limit',
  maxRotations: 'max_rotations',
} as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[keyof typeof REVOCATION_REASONS];

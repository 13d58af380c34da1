import { requireRole, type Caller } from '@lms/kit/auth';
import { UnauthenticatedError, UnavailableError } from '@lms/kit/errors';
import { AuthErrors } from '../domain/auth.errors';
import { accessTokenClaims, issueSecond } from '../domain/tokens';
import { canSignIn, type User, type UserWithSecret } from '../domain/user';
import type { Checker } from '../domain/validation';
import type { AuthDeps, AuthRepositories } from './deps';

export type { Caller };

/** The verified caller behind a bearer token (signature, claims, expiry, revocation marks). */
export async function authenticate(deps: AuthDeps, authorization: string | undefined): Promise<Caller> {
  if (!deps.verifier) throw new Error('Token verification is not configured in this process');
  return deps.verifier.verify(authorization);
}

export function requireAdmin(caller: Caller): void {
  try {
    requireRole(caller, 'admin');
  } catch {
    throw AuthErrors.adminOnly();
  }
}

/**
 * The caller's own account; a token of a user who is gone or disabled is no longer good for anything.
 * `repos` is `units.read` before a unit of work, or the unit of work itself.
 */
export async function loadSelf(repos: Pick<AuthRepositories, 'users'>, caller: Caller): Promise<UserWithSecret> {
  const user = await repos.users.findById(caller.userId);
  if (!user || !canSignIn(user)) throw new UnauthenticatedError('The account behind this token is not active', 'AUTH.SESSION_INVALID');
  return user;
}

export function throwIfInvalid(checker: Checker): void {
  if (!checker.ok) throw AuthErrors.validation(checker.errors);
}

/**
 * Marks sessions revoked in Redis so their access tokens are refused before they expire.
 * Called after the database commit; a failure is reported to the caller, and every operation
 * that revokes is idempotent, so a retry writes the marks again.
 */
export async function markSessionsRevoked(deps: AuthDeps, sessionIds: string[]): Promise<void> {
  if (!sessionIds.length) return;
  if (!deps.revocations) {
    deps.logger.warn({ sessions: sessionIds.length }, 'no revocation store: access tokens stay valid until they expire');
    return;
  }
  await deps.revocations.revokeSessions(sessionIds, deps.config.ACCESS_TOKEN_TTL_SECONDS).catch((err: unknown) => {
    throw revocationUnavailable(err);
  });
}

/** The change is committed, but access tokens could not be marked: the caller should retry (it is idempotent). */
function revocationUnavailable(err: unknown): UnavailableError {
  return new UnavailableError(
    'The change was saved but existing access tokens could not be revoked yet; retry the request',
    'AUTH.REVOCATION_UNAVAILABLE',
    err,
  );
}

export async function markUserTokensRevoked(deps: AuthDeps, userId: string, at: Date): Promise<void> {
  if (!deps.revocations) return;
  await deps.revocations
    .revokeUserTokens(userId, Math.floor(at.getTime() / 1000), deps.config.ACCESS_TOKEN_TTL_SECONDS)
    .catch((err: unknown) => {
      throw revocationUnavailable(err);
    });
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  /** When the refresh token expires (the refresh cookie's lifetime at the gateway). */
  refreshExpiresAt: Date;
  sessionId: string;
  user: User;
}

/** Signs an access token for the user's session (after a role change, strictly after its mark). */
export async function issueAccessToken(
  deps: AuthDeps,
  user: User,
  sessionId: string,
): Promise<{ token: string; expiresIn: number }> {
  const { iat, waitMs } = issueSecond(Date.now(), user.roleChangedAt);
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  const signed = await deps.signer.sign(accessTokenClaims(user.id, user.role, sessionId), iat);
  return { token: signed.token, expiresIn: signed.expiresIn };
}

/**
 * One-time tokens are handed back in the response only with the explicit EXPOSE_ONE_TIME_TOKENS switch
 * (tests, demos; refused in production) — never because of NODE_ENV. They are never logged.
 */
export function exposesOneTimeTokens(deps: Pick<AuthDeps, 'config'>): boolean {
  return deps.config.EXPOSE_ONE_TIME_TOKENS;
}

export function earlier(a: Date, b: Date): Date {
  return a <= b ? a : b;
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

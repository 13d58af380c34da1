import { AuthErrors } from '../../domain/auth.errors';
import { refreshTokenReused } from '../../domain/auth.events';
import { hashOpaqueToken, judgeRefresh, newOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { canSignIn, type User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { addSeconds, earlier, markSessionsRevoked, throwIfInvalid } from '../shared';

export interface RefreshCommand {
  refreshToken: string;
  clientIp?: string;
  userAgent?: string;
}

export type RefreshOutcome =
  | { kind: 'ok'; user: User; sessionId: string; refreshToken: string; refreshExpiresAt: Date }
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'superseded' }
  | { kind: 'rotations_exhausted'; sessionId: string }
  | { kind: 'invalid'; revokedSessionId?: string };

export function checkRefresh(cmd: RefreshCommand): RefreshCommand {
  const check = new Checker();
  const refreshToken = check.token('refresh_token', cmd.refreshToken);
  throwIfInvalid(check);
  return { ...cmd, refreshToken };
}

/**
 * Rotates a refresh token: the presented one is spent and a new one is issued in the same session
 * (the entry point then signs a new access token). The token row is locked, so of several concurrent
 * refreshes exactly one wins. Presenting a spent token is treated as theft: the whole session (the
 * token family) is revoked, including the newest token and its access tokens — except within
 * REFRESH_REUSE_GRACE_SECONDS of its rotation from the client IP that rotated it (two tabs racing):
 * that loser gets 401 AUTH.REFRESH_SUPERSEDED and the session lives on. The session's expiry slides
 * with each refresh but never past its absolute end (SESSION_ABSOLUTE_TTL_SECONDS after sign-in), and
 * a session rotates at most REFRESH_MAX_ROTATIONS times: the next refresh revokes it (401
 * AUTH.REFRESH_MAX_ROTATIONS) and the user signs in again.
 * Refusals are returned, not thrown, so the revocations they cause commit.
 */
export async function rotateRefreshToken(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config'>,
  cmd: RefreshCommand,
  now: Date,
): Promise<RefreshOutcome> {
  const token = await uow.sessions.lockRefreshToken(hashOpaqueToken(cmd.refreshToken));
  if (!token) return { kind: 'invalid' };
  const session = await uow.sessions.findById(token.sessionId, { forUpdate: true });
  if (!session) return { kind: 'invalid' };
  const verdict = judgeRefresh(token, session, now);
  if (verdict === 'reused' && isConcurrentRotation(deps, token.usedAt!, session.ip, cmd.clientIp, now)) {
    return { kind: 'superseded' };
  }
  if (verdict === 'reused') {
    await uow.sessions.revoke(session.id, REVOCATION_REASONS.refreshReuse, now);
    await uow.emit(refreshTokenReused(session.userId, session.id, cmd.clientIp, now)); // → the security alert email
    return { kind: 'reused', sessionId: session.id, userId: session.userId };
  }
  if (verdict === 'invalid' || session.absoluteExpiresAt <= now) return { kind: 'invalid' };
  if (session.rotationCount >= deps.config.REFRESH_MAX_ROTATIONS) {
    await uow.sessions.revoke(session.id, REVOCATION_REASONS.maxRotations, now);
    return { kind: 'rotations_exhausted', sessionId: session.id };
  }
  const user = await uow.users.findById(session.userId);
  if (!user || !canSignIn(user)) {
    await uow.sessions.revoke(session.id, REVOCATION_REASONS.deactivated, now);
    return { kind: 'invalid', revokedSessionId: session.id };
  }
  const next = newOpaqueToken();
  const expiresAt = earlier(addSeconds(now, deps.config.REFRESH_TOKEN_TTL_SECONDS), session.absoluteExpiresAt);
  await uow.sessions.markRefreshTokenUsed(token.id, now);
  await uow.sessions.addRefreshToken({ sessionId: session.id, tokenHash: hashOpaqueToken(next), now, expiresAt });
  await uow.sessions.touch(session.id, { now, expiresAt, userAgent: cmd.userAgent, ip: cmd.clientIp });
  return { kind: 'ok', user, sessionId: session.id, refreshToken: next, refreshExpiresAt: expiresAt };
}

/** After the commit: marks what was revoked and turns a refusal into its error; returns the rotated session. */
export async function settleRefresh(
  deps: AuthDeps,
  cmd: RefreshCommand,
  outcome: RefreshOutcome,
): Promise<{ user: User; sessionId: string; refreshToken: string; refreshExpiresAt: Date }> {
  if (outcome.kind === 'reused') {
    await markSessionsRevoked(deps, [outcome.sessionId]);
    deps.logger.warn(
      { user_id: outcome.userId, session_id: outcome.sessionId, client_ip: cmd.clientIp },
      'refresh token reuse detected; session revoked',
    );
    throw AuthErrors.refreshReused();
  }
  if (outcome.kind === 'superseded') throw AuthErrors.refreshSuperseded();
  if (outcome.kind === 'rotations_exhausted') {
    await markSessionsRevoked(deps, [outcome.sessionId]);
    throw AuthErrors.refreshMaxRotations();
  }
  if (outcome.kind === 'invalid') {
    if (outcome.revokedSessionId) await markSessionsRevoked(deps, [outcome.revokedSessionId]);
    throw AuthErrors.refreshInvalid();
  }
  return { user: outcome.user, sessionId: outcome.sessionId, refreshToken: outcome.refreshToken, refreshExpiresAt: outcome.refreshExpiresAt };
}

/**
 * A spent token presented again moments after its rotation, from the address that rotated it
 * (`session.ip` is the rotating request's): a race between the user's own tabs, not a thief.
 */
function isConcurrentRotation(
  deps: Pick<AuthDeps, 'config'>,
  usedAt: Date,
  sessionIp: string,
  clientIp: string | undefined,
  now: Date,
): boolean {
  const graceMs = deps.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
  return graceMs > 0 && now.getTime() - usedAt.getTime() < graceMs && (clientIp ?? '').slice(0, 100) === sessionIp;
}

import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { hashOpaqueToken, judgeRefresh, newOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { canSignIn, type User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { addSeconds, earlier, issueAccessToken, markSessionsRevoked, throwIfInvalid, type IssuedTokens } from '../shared';

export interface RefreshCommand {
  refreshToken: string;
  clientIp?: string;
  userAgent?: string;
}

type Outcome =
  | { kind: 'ok'; user: User; sessionId: string; refreshToken: string }
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'superseded' }
  | { kind: 'invalid'; revokedSessionId?: string };

/**
 * Rotates a refresh token: the presented one is spent and a new one is issued in the same session,
 * with a new access token. The token row is locked, so of several concurrent refreshes exactly one
 * wins. Presenting a spent token is treated as theft: the whole session (the token family) is
 * revoked, including the newest token and its access tokens — except within
 * REFRESH_REUSE_GRACE_SECONDS of its rotation from the client IP that rotated it (two tabs racing):
 * that loser gets 401 AUTH.REFRESH_SUPERSEDED and the session lives on. The session's expiry slides
 * with each refresh but never past its absolute end (SESSION_ABSOLUTE_TTL_SECONDS after sign-in).
 */
export async function refresh(deps: AuthDeps, cmd: RefreshCommand): Promise<IssuedTokens> {
  const check = new Checker();
  const presented = check.token('refresh_token', cmd.refreshToken);
  throwIfInvalid(check);

  await deps.keys.activeKey(); // load the signing key before anything is committed
  const now = deps.clock();
  const outcome = await withTransaction<Outcome>(deps.sequelize, async (transaction) => {
    const token = await deps.sessions.lockRefreshToken(hashOpaqueToken(presented), transaction);
    if (!token) return { kind: 'invalid' };
    const session = await deps.sessions.findById(token.sessionId, { transaction, forUpdate: true });
    if (!session) return { kind: 'invalid' };
    const verdict = judgeRefresh(token, session, now);
    if (verdict === 'reused' && isConcurrentRotation(deps, token.usedAt!, session.ip, cmd.clientIp, now)) {
      return { kind: 'superseded' };
    }
    if (verdict === 'reused') {
      await deps.sessions.revoke(session.id, REVOCATION_REASONS.refreshReuse, now, transaction);
      return { kind: 'reused', sessionId: session.id, userId: session.userId };
    }
    if (verdict === 'invalid' || session.absoluteExpiresAt <= now) return { kind: 'invalid' };
    const user = await deps.users.findById(session.userId, { transaction });
    if (!user || !canSignIn(user)) {
      await deps.sessions.revoke(session.id, REVOCATION_REASONS.deactivated, now, transaction);
      return { kind: 'invalid', revokedSessionId: session.id };
    }
    const next = newOpaqueToken();
    const expiresAt = earlier(addSeconds(now, deps.config.REFRESH_TOKEN_TTL_SECONDS), session.absoluteExpiresAt);
    await deps.sessions.markRefreshTokenUsed(token.id, now, transaction);
    await deps.sessions.addRefreshToken({ sessionId: session.id, tokenHash: hashOpaqueToken(next), now, expiresAt }, transaction);
    await deps.sessions.touch(session.id, { now, expiresAt, userAgent: cmd.userAgent, ip: cmd.clientIp }, transaction);
    return { kind: 'ok', user, sessionId: session.id, refreshToken: next };
  });

  if (outcome.kind === 'reused') {
    await markSessionsRevoked(deps, [outcome.sessionId]);
    deps.logger.warn(
      { user_id: outcome.userId, session_id: outcome.sessionId, client_ip: cmd.clientIp },
      'refresh token reuse detected; session revoked',
    );
    throw AuthErrors.refreshReused();
  }
  if (outcome.kind === 'superseded') throw AuthErrors.refreshSuperseded();
  if (outcome.kind === 'invalid') {
    if (outcome.revokedSessionId) await markSessionsRevoked(deps, [outcome.revokedSessionId]);
    throw AuthErrors.refreshInvalid();
  }
  const access = await issueAccessToken(deps, outcome.user, outcome.sessionId);
  return {
    accessToken: access.token,
    expiresIn: access.expiresIn,
    refreshToken: outcome.refreshToken,
    sessionId: outcome.sessionId,
    user: outcome.user,
  };
}

/**
 * A spent token presented again moments after its rotation, from the address that rotated it
 * (`session.ip` is the rotating request's): a race between the user's own tabs, not a thief.
 */
function isConcurrentRotation(deps: AuthDeps, usedAt: Date, sessionIp: string, clientIp: string | undefined, now: Date): boolean {
  const graceMs = deps.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
  return graceMs > 0 && now.getTime() - usedAt.getTime() < graceMs && (clientIp ?? '').slice(0, 100) === sessionIp;
}

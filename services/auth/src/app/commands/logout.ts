import { withTransaction } from '@lms/kit/db';
import { hashOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { markSessionsRevoked, throwIfInvalid, type Caller } from '../shared';

/**
 * Ends the caller's session (the one of the access token). When a refresh token is given and it
 * belongs to the caller, its session ends too; another user's token is ignored. Idempotent.
 */
export async function logout(deps: AuthDeps, caller: Caller, cmd: { refreshToken: string }): Promise<void> {
  const sessionIds = new Set([caller.sessionId]);
  if (cmd.refreshToken) {
    const check = new Checker();
    const presented = check.token('refresh_token', cmd.refreshToken);
    throwIfInvalid(check);
    const token = await deps.sessions.findRefreshToken(hashOpaqueToken(presented));
    const session = token && (await deps.sessions.findById(token.sessionId));
    if (session && session.userId === caller.userId) sessionIds.add(session.id);
  }
  const now = deps.clock();
  await withTransaction(deps.sequelize, async (transaction) => {
    for (const id of sessionIds) await deps.sessions.revoke(id, REVOCATION_REASONS.logout, now, transaction);
  });
  await markSessionsRevoked(deps, [...sessionIds]);
}

/** Ends every session of the caller, on every device. */
export async function logoutAll(deps: AuthDeps, caller: Caller): Promise<void> {
  const now = deps.clock();
  const revoked = await withTransaction(deps.sequelize, (transaction) =>
    deps.sessions.revokeAllOfUser(caller.userId, REVOCATION_REASONS.logoutAll, now, transaction),
  );
  await markSessionsRevoked(deps, [...new Set([caller.sessionId, ...revoked])]);
}

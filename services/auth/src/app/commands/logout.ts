import { hashOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { Checker } from '../../domain/validation';
import type { AuthRepositories, AuthUnitOfWork } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

/**
 * The sessions a logout ends (read before the unit of work): the caller's own, and the one of the
 * refresh token when it is given and belongs to the caller; another user's token is ignored.
 */
export async function sessionsToEnd(read: AuthRepositories, caller: Caller, cmd: { refreshToken: string }): Promise<string[]> {
  const sessionIds = new Set([caller.sessionId]);
  if (cmd.refreshToken) {
    const check = new Checker();
    const presented = check.token('refresh_token', cmd.refreshToken);
    throwIfInvalid(check);
    const token = await read.sessions.findRefreshToken(hashOpaqueToken(presented));
    const session = token && (await read.sessions.findById(token.sessionId));
    if (session && session.userId === caller.userId) sessionIds.add(session.id);
  }
  return [...sessionIds];
}

/** Ends these sessions. Idempotent; the entry point marks their access tokens revoked after the commit. */
export async function logout(uow: AuthUnitOfWork, sessionIds: string[], now: Date): Promise<void> {
  for (const id of sessionIds) await uow.sessions.revoke(id, REVOCATION_REASONS.logout, now);
}

/** Ends every session of the caller, on every device; returns the ids to mark (the caller's own included). */
export async function logoutAll(uow: AuthUnitOfWork, caller: Caller, now: Date): Promise<string[]> {
  const revoked = await uow.sessions.revokeAllOfUser(caller.userId, REVOCATION_REASONS.logoutAll, now);
  return [...new Set([caller.sessionId, ...revoked])];
}

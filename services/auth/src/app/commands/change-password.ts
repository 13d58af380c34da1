import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { changePasswordKey } from '../../domain/login-throttle';
import { REVOCATION_REASONS } from '../../domain/tokens';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { throttlePolicies } from './login';
import { loadSelf, markSessionsRevoked, throwIfInvalid, type Caller } from '../shared';

/**
 * Changes the caller's password after checking the current one; the new one must meet the policy and
 * differ. Every other session is revoked (this one stays signed in). Wrong current passwords are
 * counted per account like sign-in failures (counted first, atomically; LOGIN_MAX_FAILURES within
 * LOGIN_LOCK_SECONDS lock the RPC for the account, doubling), so a stolen access token is no password
 * oracle; a right one or a password reset starts the count over.
 */
export async function changePassword(
  deps: AuthDeps,
  caller: Caller,
  cmd: { currentPassword: string; newPassword: string },
): Promise<void> {
  const check = new Checker();
  const current = check.presentedPassword('current_password', cmd.currentPassword);
  const next = check.newPassword('new_password', cmd.newPassword);
  throwIfInvalid(check);

  const self = await loadSelf(deps, caller);
  const key = changePasswordKey(self.id);
  const verdict = (await deps.throttle.attempt([{ key, policy: throttlePolicies(deps).accountIp }], deps.clock())).get(key)!;
  if (!verdict.allowed) throw AuthErrors.passwordChangeLocked(verdict.retryAfterSeconds);
  if (!(await deps.hasher.verify(current, self.passwordHash))) {
    deps.logger.info({ user_id: self.id }, 'password change refused: wrong current password');
    throw AuthErrors.wrongCurrentPassword();
  }
  await deps.throttle.reset(key);
  if (current === next || (await deps.hasher.verify(next, self.passwordHash))) throw AuthErrors.samePassword();
  const passwordHash = await deps.hasher.hash(next);

  const now = deps.clock();
  const revoked = await withTransaction(deps.sequelize, async (transaction) => {
    await deps.users.update(self.id, { passwordHash }, transaction);
    return deps.sessions.revokeAllOfUser(self.id, REVOCATION_REASONS.passwordChanged, now, transaction, caller.sessionId);
  });
  await markSessionsRevoked(deps, revoked);
  deps.logger.info({ user_id: self.id, revoked_sessions: revoked.length }, 'password changed');
}

import { AuthErrors } from '../../domain/auth.errors';
import { changePasswordKey } from '../../domain/login-throttle';
import { REVOCATION_REASONS } from '../../domain/tokens';
import type { UserWithSecret } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { throttlePolicies } from './login';
import { loadSelf, throwIfInvalid, type Caller } from '../shared';

/*
 * Changing the caller's password after checking the current one; the new one must meet the policy and
 * differ. Every other session is revoked (this one stays signed in). Wrong current passwords are
 * counted per account like sign-in failures (counted first, atomically, in their own unit of work;
 * LOGIN_MAX_FAILURES within LOGIN_LOCK_SECONDS lock the RPC for the account, doubling), so a stolen
 * access token is no password oracle; a right one or a password reset starts the count over.
 * Steps, run by the entry point: `checkPasswordChange` → unit of work `countPasswordChangeAttempt`
 * (committed before the password is checked) → `verifyPasswordChange` (bcrypt) → unit of work
 * `changePassword`.
 */

export interface PasswordChange {
  caller: Caller;
  self: UserWithSecret;
  current: string;
  next: string;
  throttleKey: string;
}

export async function checkPasswordChange(
  deps: AuthDeps,
  caller: Caller,
  cmd: { currentPassword: string; newPassword: string },
): Promise<PasswordChange> {
  const check = new Checker();
  const current = check.presentedPassword('current_password', cmd.currentPassword);
  const next = check.newPassword('new_password', cmd.newPassword);
  throwIfInvalid(check);
  const self = await loadSelf(deps.units.read, caller);
  return { caller, self, current, next, throttleKey: changePasswordKey(self.id) };
}

/** Counts the attempt before the current password is checked; a locked account is AUTH.PASSWORD_CHANGE_LOCKED. */
export async function countPasswordChangeAttempt(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config'>,
  change: Pick<PasswordChange, 'throttleKey'>,
  now: Date,
): Promise<void> {
  const key = change.throttleKey;
  const verdict = (await uow.throttle.attempt([{ key, policy: throttlePolicies(deps).accountIp }], now)).get(key)!;
  if (!verdict.allowed) throw AuthErrors.passwordChangeLocked(verdict.retryAfterSeconds);
}

/**
 * Checks the current password and hashes the new one (bcrypt, outside any transaction). A wrong
 * current password is AUTH.WRONG_CURRENT_PASSWORD (the attempt stays counted); a new password equal to
 * the current one is reported by `changePassword`, after the count is forgiven.
 */
export async function verifyPasswordChange(deps: AuthDeps, change: PasswordChange): Promise<{ passwordHash: string } | { same: true }> {
  if (!(await deps.hasher.verify(change.current, change.self.passwordHash))) {
    deps.logger.info({ user_id: change.self.id }, 'password change refused: wrong current password');
    throw AuthErrors.wrongCurrentPassword();
  }
  if (change.current === change.next || (await deps.hasher.verify(change.next, change.self.passwordHash))) return { same: true };
  return { passwordHash: await deps.hasher.hash(change.next) };
}

/**
 * The current password was right: the count starts over; then the new hash is stored and every other
 * session revoked. Returns the revoked ids (marked after the commit), or `same` when the new password
 * is the current one (the entry point answers AUTH.SAME_PASSWORD once the count is forgiven).
 */
export async function changePassword(
  uow: AuthUnitOfWork,
  change: PasswordChange,
  verified: { passwordHash: string } | { same: true },
  now: Date,
): Promise<{ revoked: string[] } | { same: true }> {
  await uow.throttle.reset(change.throttleKey);
  if ('same' in verified) return verified;
  await uow.users.update(change.self.id, { passwordHash: verified.passwordHash });
  return { revoked: await uow.sessions.revokeAllOfUser(change.self.id, REVOCATION_REASONS.passwordChanged, now, change.caller.sessionId) };
}

import { AuthErrors } from '../../domain/auth.errors';
import { changePasswordKey } from '../../domain/login-throttle';
import type { User, UserWithSecret } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { loadSelf, throwIfInvalid, type Caller } from '../shared';
import { updateUser } from './change-user';
import { countPasswordChangeAttempt } from './change-password';
import { issueEmailVerification } from './email-verification';
import { emitProfileChanged } from './profile-changed';

/*
 * A user changes their own email address: the current password is required (counted like a wrong
 * current password in change-password.ts, same counter, so a stolen access token is no password
 * oracle here either); the new address is unverified and gets a verification email through the same
 * path as sign-up (`email_verification.requested`, sent by auth's mail consumer after the commit).
 * Steps, run by the entry point: `verifyOwnEmailChange` (checks, the attempt counted in its own unit of
 * work, bcrypt) → unit of work `changeOwnEmail`.
 */

export interface OwnEmailChange {
  self: UserWithSecret;
  email: string;
  throttleKey: string;
}

export async function verifyOwnEmailChange(
  deps: AuthDeps,
  caller: Caller,
  cmd: { email: string; currentPassword: string },
): Promise<OwnEmailChange> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const current = check.presentedPassword('current_password', cmd.currentPassword);
  throwIfInvalid(check);
  const self = await loadSelf(deps.units.read, caller);
  const change = { self, email, throttleKey: changePasswordKey(self.id) };
  await deps.units.run((uow) => countPasswordChangeAttempt(uow, deps, change, deps.clock()));
  if (!(await deps.hasher.verify(current, self.passwordHash))) {
    deps.logger.info({ user_id: self.id }, 'email change refused: wrong current password');
    throw AuthErrors.wrongCurrentPassword();
  }
  return change;
}

/**
 * Stores the new address (AUTH.EMAIL_TAKEN when another account has it), unverified, and has it verified by
 * email; `user.profile_changed` carries it (and the old one sealed: auth mails that one a change notice).
 * `self` is the caller's row as `updateMe` loaded (and checked active) in this same unit of work.
 */
export async function changeOwnEmail(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger' | 'sealer'>,
  change: OwnEmailChange,
  self: User,
  now: Date,
): Promise<User> {
  await uow.throttle.reset(change.throttleKey);
  if (change.email === self.email) return self;
  const user = await updateUser(uow, self.id, { email: change.email, emailVerified: false });
  await emitProfileChanged(uow, deps, self, user, self.id, now);
  await issueEmailVerification(uow, deps, user.id, now);
  deps.logger.info({ user_id: user.id }, 'email changed; verification sent to the new address');
  return user;
}

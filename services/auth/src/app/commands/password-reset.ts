import { AuthErrors } from '../../domain/auth.errors';
import { passwordResetRequested } from '../../domain/auth.events';
import { accountIpPrefix, changePasswordKey, throttleKeys } from '../../domain/login-throttle';
import { hashOpaqueToken, newOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { canSignIn } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { addSeconds, exposesOneTimeTokens, throwIfInvalid } from '../shared';

export interface TokenIssued {
  /** Empty unless EXPOSE_ONE_TIME_TOKENS is set (tests, demos): the token travels by email. */
  token: string;
  expiresAt: Date;
}

/**
 * Starts a password reset. Always answers the same way, whether or not the email belongs to an
 * account, so it cannot be used to find registered emails. A new request voids the previous token.
 * For an active account it emits `password_reset.requested` with the token sealed: auth's mail
 * consumer sends the email after the commit (never in this request); an unknown address emits nothing.
 */
export async function requestPasswordReset(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger' | 'sealer'>,
  cmd: { email: string },
  now: Date,
): Promise<TokenIssued> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  throwIfInvalid(check);

  const expiresAt = addSeconds(now, deps.config.PASSWORD_RESET_TTL_SECONDS);
  const user = await uow.users.findByEmail(email);
  if (!user || !canSignIn(user)) return { token: '', expiresAt };

  const token = newOpaqueToken();
  await uow.oneTimeTokens.issue({ userId: user.id, purpose: 'password_reset', tokenHash: hashOpaqueToken(token), now, expiresAt });
  await uow.emit(passwordResetRequested(user.id, deps.sealer.seal(token, { userId: user.id, purpose: 'password_reset' }), expiresAt, now));
  deps.logger.info({ user_id: user.id }, 'password reset token issued');
  return { token: exposesOneTimeTokens(deps) ? token : '', expiresAt };
}

export interface PasswordResetConfirmation {
  token: string;
  /** Hashed before the unit of work. */
  passwordHash: string;
}

/** Before the unit of work: checks the input and hashes the new password. */
export async function prepareConfirmPasswordReset(
  deps: AuthDeps,
  cmd: { token: string; newPassword: string },
): Promise<PasswordResetConfirmation> {
  const check = new Checker();
  const token = check.token('token', cmd.token);
  const next = check.newPassword('new_password', cmd.newPassword);
  throwIfInvalid(check);
  return { token, passwordHash: await deps.hasher.hash(next) };
}

/**
 * Sets a new password with a reset token: single use, expiring. It proves the email is the user's
 * (marked verified), lifts sign-in and password-change locks on the account and revokes every
 * session; returns the revoked ids (marked after the commit).
 */
export async function confirmPasswordReset(
  uow: AuthUnitOfWork,
  input: PasswordResetConfirmation,
  now: Date,
): Promise<{ userId: string; revoked: string[] }> {
  const token = await uow.oneTimeTokens.lock(hashOpaqueToken(input.token), 'password_reset');
  if (!token || token.usedAt) throw AuthErrors.resetTokenInvalid();
  if (token.expiresAt <= now) throw AuthErrors.resetTokenExpired();
  const user = await uow.users.findById(token.userId, { forUpdate: true });
  if (!user || !canSignIn(user)) throw AuthErrors.resetTokenInvalid();
  await uow.oneTimeTokens.markUsed(token.id, now);
  await uow.users.update(user.id, { passwordHash: input.passwordHash, emailVerified: true });
  const revoked = await uow.sessions.revokeAllOfUser(user.id, REVOCATION_REASONS.passwordReset, now);
  await uow.throttle.reset(throttleKeys(user.email, undefined).account);
  await uow.throttle.resetPrefix(accountIpPrefix(user.email));
  await uow.throttle.reset(changePasswordKey(user.id));
  return { userId: user.id, revoked };
}

import { AuthErrors } from '../../domain/auth.errors';
import { accountIpPrefix, changePasswordKey, throttleKeys } from '../../domain/login-throttle';
import { hashOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { canSignIn } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { addSeconds, throwIfInvalid } from '../shared';
import { issueOneTimeToken, type TokenIssued } from './issue-one-time-token';

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

  return issueOneTimeToken(uow, deps, { userId: user.id, purpose: 'password_reset', expiresAt }, now);
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

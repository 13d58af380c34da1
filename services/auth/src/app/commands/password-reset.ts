import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { accountIpPrefix, changePasswordKey, throttleKeys } from '../../domain/login-throttle';
import { hashOpaqueToken, newOpaqueToken, REVOCATION_REASONS } from '../../domain/tokens';
import { canSignIn } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { addSeconds, exposesOneTimeTokens, markSessionsRevoked, throwIfInvalid } from '../shared';

export interface TokenIssued {
  /** Empty unless EXPOSE_ONE_TIME_TOKENS is set (tests, demos): the token travels by email. */
  token: string;
  expiresAt: Date;
}

/**
 * Starts a password reset. Always answers the same way, whether or not the email belongs to an
 * account, so it cannot be used to find registered emails. A new request voids the previous token.
 */
export async function requestPasswordReset(deps: AuthDeps, cmd: { email: string }): Promise<TokenIssued> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  throwIfInvalid(check);

  const now = deps.clock();
  const expiresAt = addSeconds(now, deps.config.PASSWORD_RESET_TTL_SECONDS);
  const user = await deps.users.findByEmail(email);
  if (!user || !canSignIn(user)) return { token: '', expiresAt };

  const token = newOpaqueToken();
  await withTransaction(deps.sequelize, (transaction) =>
    deps.oneTimeTokens.issue(
      { userId: user.id, purpose: 'password_reset', tokenHash: hashOpaqueToken(token), now, expiresAt },
      transaction,
    ),
  );
  deps.logger.info({ user_id: user.id }, 'password reset token issued');
  return { token: exposesOneTimeTokens(deps) ? token : '', expiresAt };
}

/**
 * Sets a new password with a reset token: single use, expiring. It proves the email is the user's
 * (marked verified), lifts a sign-in lock on the account and revokes every session.
 */
export async function confirmPasswordReset(deps: AuthDeps, cmd: { token: string; newPassword: string }): Promise<void> {
  const check = new Checker();
  const presented = check.token('token', cmd.token);
  const next = check.newPassword('new_password', cmd.newPassword);
  throwIfInvalid(check);

  const passwordHash = await deps.hasher.hash(next);
  const now = deps.clock();
  const { userId, email, revoked } = await withTransaction(deps.sequelize, async (transaction) => {
    const token = await deps.oneTimeTokens.lock(hashOpaqueToken(presented), 'password_reset', transaction);
    if (!token || token.usedAt) throw AuthErrors.resetTokenInvalid();
    if (token.expiresAt <= now) throw AuthErrors.resetTokenExpired();
    const user = await deps.users.findById(token.userId, { transaction, forUpdate: true });
    if (!user || !canSignIn(user)) throw AuthErrors.resetTokenInvalid();
    await deps.oneTimeTokens.markUsed(token.id, now, transaction);
    await deps.users.update(user.id, { passwordHash, emailVerified: true }, transaction);
    const revoked = await deps.sessions.revokeAllOfUser(user.id, REVOCATION_REASONS.passwordReset, now, transaction);
    return { userId: user.id, email: user.email, revoked };
  });
  await Promise.all([
    deps.throttle.reset(throttleKeys(email, undefined).account),
    deps.throttle.resetPrefix(accountIpPrefix(email)),
    deps.throttle.reset(changePasswordKey(userId)),
  ]);
  await markSessionsRevoked(deps, revoked);
  deps.logger.info({ user_id: userId, revoked_sessions: revoked.length }, 'password reset');
}

import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { hashOpaqueToken, newOpaqueToken } from '../../domain/tokens';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { addSeconds, exposesOneTimeTokens, loadSelf, throwIfInvalid, type Caller } from '../shared';
import type { TokenIssued } from './password-reset';

/** Issues a verification token for the caller's email (a new one voids the previous one). */
export async function requestEmailVerification(deps: AuthDeps, caller: Caller): Promise<TokenIssued> {
  const self = await loadSelf(deps, caller);
  if (self.emailVerified) throw AuthErrors.emailAlreadyVerified();
  const now = deps.clock();
  const expiresAt = addSeconds(now, deps.config.EMAIL_VERIFICATION_TTL_SECONDS);
  const token = newOpaqueToken();
  await withTransaction(deps.sequelize, (transaction) =>
    deps.oneTimeTokens.issue(
      { userId: self.id, purpose: 'email_verification', tokenHash: hashOpaqueToken(token), now, expiresAt },
      transaction,
    ),
  );
  deps.logger.info({ user_id: self.id }, 'email verification token issued');
  return { token: exposesOneTimeTokens(deps) ? token : '', expiresAt };
}

/** Marks the email verified with a token from RequestEmailVerification: single use, expiring. */
export async function verifyEmail(deps: AuthDeps, cmd: { token: string }): Promise<void> {
  const check = new Checker();
  const presented = check.token('token', cmd.token);
  throwIfInvalid(check);
  const now = deps.clock();
  await withTransaction(deps.sequelize, async (transaction) => {
    const token = await deps.oneTimeTokens.lock(hashOpaqueToken(presented), 'email_verification', transaction);
    if (!token || token.usedAt) throw AuthErrors.verificationTokenInvalid();
    if (token.expiresAt <= now) throw AuthErrors.verificationTokenExpired();
    const user = await deps.users.findById(token.userId, { transaction, forUpdate: true });
    if (!user) throw AuthErrors.verificationTokenInvalid();
    await deps.oneTimeTokens.markUsed(token.id, now, transaction);
    await deps.users.update(user.id, { emailVerified: true }, transaction);
  });
}

import { AuthErrors } from '../../domain/auth.errors';
import { hashOpaqueToken, newOpaqueToken } from '../../domain/tokens';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { addSeconds, exposesOneTimeTokens, loadSelf, throwIfInvalid, type Caller } from '../shared';
import type { TokenIssued } from './password-reset';

/** Issues a verification token for the caller's email (a new one voids the previous one). */
export async function requestEmailVerification(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger'>,
  caller: Caller,
  now: Date,
): Promise<TokenIssued> {
  const self = await loadSelf(uow, caller);
  if (self.emailVerified) throw AuthErrors.emailAlreadyVerified();
  const expiresAt = addSeconds(now, deps.config.EMAIL_VERIFICATION_TTL_SECONDS);
  const token = newOpaqueToken();
  await uow.oneTimeTokens.issue({ userId: self.id, purpose: 'email_verification', tokenHash: hashOpaqueToken(token), now, expiresAt });
  deps.logger.info({ user_id: self.id }, 'email verification token issued');
  return { token: exposesOneTimeTokens(deps) ? token : '', expiresAt };
}

/** Marks the email verified with a token from RequestEmailVerification: single use, expiring. */
export async function verifyEmail(uow: AuthUnitOfWork, cmd: { token: string }, now: Date): Promise<void> {
  const check = new Checker();
  const presented = check.token('token', cmd.token);
  throwIfInvalid(check);
  const token = await uow.oneTimeTokens.lock(hashOpaqueToken(presented), 'email_verification');
  if (!token || token.usedAt) throw AuthErrors.verificationTokenInvalid();
  if (token.expiresAt <= now) throw AuthErrors.verificationTokenExpired();
  const user = await uow.users.findById(token.userId, { forUpdate: true });
  if (!user) throw AuthErrors.verificationTokenInvalid();
  await uow.oneTimeTokens.markUsed(token.id, now);
  await uow.users.update(user.id, { emailVerified: true });
}

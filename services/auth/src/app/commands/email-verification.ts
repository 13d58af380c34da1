import { AuthErrors } from '../../domain/auth.errors';
import { hashOpaqueToken } from '../../domain/tokens';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { addSeconds, loadSelf, throwIfInvalid, type Caller } from '../shared';
import { issueOneTimeToken, type TokenIssued } from './issue-one-time-token';

/** Issues a verification token for the caller's email (a new one voids the previous one) and has it emailed. */
export async function requestEmailVerification(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger' | 'sealer'>,
  caller: Caller,
  now: Date,
): Promise<TokenIssued> {
  const self = await loadSelf(uow, caller);
  if (self.emailVerified) throw AuthErrors.emailAlreadyVerified();
  return issueEmailVerification(uow, deps, self.id, now);
}

/**
 * Issues a verification token for a user and emits `email_verification.requested` with it sealed, in
 * the caller's unit of work: auth's mail consumer emails the link after the commit. Used by sign-up and
 * by "resend verification".
 */
export async function issueEmailVerification(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger' | 'sealer'>,
  userId: string,
  now: Date,
): Promise<TokenIssued> {
  const expiresAt = addSeconds(now, deps.config.EMAIL_VERIFICATION_TTL_SECONDS);
  return issueOneTimeToken(uow, deps, { userId, purpose: 'email_verification', expiresAt }, now);
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

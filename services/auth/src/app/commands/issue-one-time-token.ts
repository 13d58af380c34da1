import { emailVerificationRequested, passwordResetRequested } from '../../domain/auth.events';
import { hashOpaqueToken, newOpaqueToken } from '../../domain/tokens';
import type { OneTimePurpose } from '../../infra/one-time-token.repository';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { exposesOneTimeTokens } from '../shared';

export interface TokenIssued {
  /** Empty unless EXPOSE_ONE_TIME_TOKENS is set (tests, demos): the token travels by email. */
  token: string;
  expiresAt: Date;
}

const REQUESTED = { password_reset: passwordResetRequested, email_verification: emailVerificationRequested } as const;

/**
 * Issues a one-time token (a new one voids the user's previous one of that purpose) and emits its
 * `<purpose>.requested` fact with the token sealed to the user and purpose, in the caller's unit of
 * work: auth's mail consumer emails it after the commit. Used by password reset and email verification.
 */
export async function issueOneTimeToken(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger' | 'sealer'>,
  issue: { userId: string; purpose: OneTimePurpose; expiresAt: Date },
  now: Date,
): Promise<TokenIssued> {
  const { userId, purpose, expiresAt } = issue;
  const token = newOpaqueToken();
  await uow.oneTimeTokens.issue({ userId, purpose, tokenHash: hashOpaqueToken(token), now, expiresAt });
  await uow.emit(REQUESTED[purpose](userId, deps.sealer.seal(token, { userId, purpose }), expiresAt, now));
  deps.logger.info({ user_id: userId }, `${purpose.replace('_', ' ')} token issued`);
  return { token: exposesOneTimeTokens(deps) ? token : '', expiresAt };
}

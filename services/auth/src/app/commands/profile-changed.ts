import type { DomainEvent } from '@lms/kit/events';
import { userProfileChanged } from '../../domain/auth.events';
import type { User } from '../../domain/user';
import type { AuthDeps, AuthUnitOfWork } from '../deps';

/** Purpose bound into the sealed previous address (see token-sealer.ts). */
export const PREVIOUS_EMAIL_PURPOSE = 'previous_email';

/**
 * `user.profile_changed` when the email or the full name differs between `before` and `after` (nothing
 * otherwise), emitted in the caller's unit of work, so the fact is published if and only if the change commits.
 *
 * The old address must reach auth's mail consumer (the "your email address was changed" notice), but
 * not every subscriber of the exchange: it travels SEALED (AES-256-GCM, bound to the user id and the
 * purpose `previous_email`), as password_reset.requested seals its token. Chosen over an auth-owned
 * "previous emails" table because each event then carries its own old address (two quick changes alert
 * the two right addresses), nothing needs cleaning up, and the consumer needs no extra read.
 */
export async function emitProfileChanged(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'sealer'>,
  before: User,
  after: User,
  changedBy: string | null,
  at: Date,
): Promise<void> {
  const event = profileChangedEvent(deps, before, after, changedBy, at);
  if (event) await uow.emit(event);
}

function profileChangedEvent(deps: Pick<AuthDeps, 'sealer'>, before: User, after: User, changedBy: string | null, at: Date): DomainEvent | null {
  const emailChanged = after.email !== before.email;
  const nameChanged = after.fullName !== before.fullName;
  if (!emailChanged && !nameChanged) return null;
  return userProfileChanged(
    after.id,
    {
      email: emailChanged ? after.email : undefined,
      fullName: nameChanged ? after.fullName : undefined,
      sealedPreviousEmail: emailChanged ? deps.sealer.seal(before.email, { userId: after.id, purpose: PREVIOUS_EMAIL_PURPOSE }) : undefined,
    },
    changedBy,
    at,
  );
}

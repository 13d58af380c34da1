import { expireIfDue } from '../../domain/enrollment';
import { enrollmentExpired } from '../../domain/enrollment.events';
import type { CommandEnv, EnrollmentUnitOfWork } from '../deps';

/**
 * The timer's effect (consumer of our own `enrollment.access_scheduled`, at its `expires_at`): under the
 * row lock, an active enrolment whose end of access is still the scheduled one and has passed becomes
 * `expired` (`enrollment.expired`). Extended meanwhile (the end moved: that change armed its own timer),
 * dropped, completed or already expired → nothing. Returns whether it expired the enrolment.
 */
export async function expireAtDueTime(uow: EnrollmentUnitOfWork, env: CommandEnv, fact: { enrollmentId: string; expiresAt: Date }): Promise<boolean> {
  const e = await uow.enrollments.lockById(fact.enrollmentId);
  if (!e || !e.expiresAt || e.expiresAt.getTime() !== fact.expiresAt.getTime()) return false;
  const expired = expireIfDue(e, env.clock());
  if (!expired) return false;
  await uow.enrollments.save(expired);
  await uow.emit(enrollmentExpired(expired, env.clock()));
  return true;
}

import { withTransaction } from '@lms/kit/db';
import type { Transaction } from 'sequelize';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { DAY_MS, expireIfDue, extendAccess, MAX_ACCESS_DAYS, type Enrollment } from '../../domain/enrollment';
import { enrollmentAccessScheduled, enrollmentExpired, enrollmentReactivated } from '../../domain/enrollment.events';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { emit, loadVisible, throwIfInvalid, type Caller } from '../shared';

export interface ExtendCommand {
  enrollmentId: string;
  /** 1..3650 days added to the current end of access (or to now when it has passed); 0 = not given. */
  days: number;
  /** An absolute end of access (RFC 3339, in the future); "" = not given. */
  expiresAt: string;
}

/**
 * Extends access to a course (its instructor or an admin): exactly one of `days` and `expiresAt`. An expired
 * enrolment becomes active again (`enrollment.reactivated`); the new end is armed by
 * `enrollment.access_scheduled`. A lifetime enrolment takes only an absolute `expires_at`.
 * The enrolment's student → PERMISSION_DENIED ENROLLMENT.COURSE_OWNER_ONLY; anyone who may not see it → NOT_FOUND.
 */
export async function extendEnrollment(deps: EnrollmentDeps, caller: Caller, cmd: ExtendCommand): Promise<Enrollment> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', cmd.enrollmentId);
  const now = deps.clock();
  let expiresAt: Date | undefined;
  if (cmd.days && cmd.expiresAt) check.add('days', 'give either days or expires_at, not both');
  else if (!cmd.days && !cmd.expiresAt) check.add('days', 'give days (1-3650) or expires_at');
  else if (cmd.days && (!Number.isInteger(cmd.days) || cmd.days < 1 || cmd.days > MAX_ACCESS_DAYS)) check.add('days', `must be between 1 and ${MAX_ACCESS_DAYS}`);
  else if (cmd.expiresAt) {
    const d = new Date(cmd.expiresAt);
    if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(cmd.expiresAt)) check.add('expires_at', 'must be an RFC 3339 timestamp');
    else if (d.getTime() <= now.getTime()) check.add('expires_at', 'must be in the future');
    else if (d.getTime() > now.getTime() + MAX_ACCESS_DAYS * DAY_MS) check.add('expires_at', `must be at most ${MAX_ACCESS_DAYS} days ahead`);
    else expiresAt = d;
  }
  throwIfInvalid(check);
  const { viewer } = await loadVisible(deps, caller, enrollmentId);
  if (viewer === 'student') throw EnrollmentErrors.courseOwnerOnly();
  return withTransaction(deps.sequelize, async (transaction) => {
    const e = await deps.enrollments.findById(enrollmentId, transaction, true);
    if (!e) throw EnrollmentErrors.notFound();
    if (!expiresAt && !e.expiresAt) throw EnrollmentErrors.lifetimeAccess();
    const at = deps.clock();
    const next = extendAccess(e, { days: cmd.days || undefined, expiresAt }, at);
    await deps.enrollments.save(transaction, next);
    const reactivated = e.status === 'expired' && next.status !== 'expired';
    await emit(deps, transaction, [
      ...(reactivated ? [enrollmentReactivated(next, at)] : []),
      enrollmentAccessScheduled(next, 'extended', at),
    ]);
    return next;
  });
}

/**
 * The timer's effect (consumer of our own `enrollment.access_scheduled`, at its `expires_at`): under the
 * row lock, an active enrolment whose end of access is still the scheduled one and has passed becomes
 * `expired` (`enrollment.expired`). Extended meanwhile (the end moved: that change armed its own timer),
 * dropped, completed or already expired → nothing. Returns whether it expired the enrolment.
 */
export async function expireAtDueTime(deps: EnrollmentDeps, transaction: Transaction, fact: { enrollmentId: string; expiresAt: Date }): Promise<boolean> {
  const e = await deps.enrollments.findById(fact.enrollmentId, transaction, true);
  if (!e || !e.expiresAt || e.expiresAt.getTime() !== fact.expiresAt.getTime()) return false;
  const expired = expireIfDue(e, deps.clock());
  if (!expired) return false;
  await deps.enrollments.save(transaction, expired);
  await emit(deps, transaction, [enrollmentExpired(expired, deps.clock())]);
  return true;
}

import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { DAY_MS, extendAccess, MAX_ACCESS_DAYS, type Enrollment } from '../../domain/enrollment';
import { enrollmentAccessScheduled, enrollmentReactivated } from '../../domain/enrollment.events';
import { Checker } from '../../domain/validation';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { loadVisible, throwIfInvalid, type Caller } from '../shared';

export interface ExtendCommand {
  enrollmentId: string;
  /** 1..3650 days added to the current end of access (or to now when it has passed); 0 = not given. */
  days: number;
  /** An absolute end of access (RFC 3339, in the future); "" = not given. */
  expiresAt: string;
}

/** A checked extension: `days` (0 = not given) or an absolute `expiresAt`. */
export interface Extension {
  enrollmentId: string;
  days: number;
  expiresAt?: Date;
}

/**
 * Before the unit of work: exactly one of `days` and `expiresAt`, and the caller is the course's instructor or
 * an admin. The enrolment's student → PERMISSION_DENIED ENROLLMENT.COURSE_OWNER_ONLY; anyone who may not see
 * it → NOT_FOUND.
 */
export async function prepareExtension(deps: EnrollmentDeps, caller: Caller, cmd: ExtendCommand): Promise<Extension> {
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
  return { enrollmentId, days: cmd.days, expiresAt };
}

/**
 * Extends access to a course: an expired enrolment becomes active again (`enrollment.reactivated`); the new
 * end is armed by `enrollment.access_scheduled`. A lifetime enrolment takes only an absolute `expires_at`.
 */
export async function extendEnrollment(uow: EnrollmentUnitOfWork, env: CommandEnv, ext: Extension): Promise<Enrollment> {
  const e = await uow.enrollments.lockById(ext.enrollmentId);
  if (!e) throw EnrollmentErrors.notFound();
  if (!ext.expiresAt && !e.expiresAt) throw EnrollmentErrors.lifetimeAccess();
  const at = env.clock();
  const next = extendAccess(e, { days: ext.days || undefined, expiresAt: ext.expiresAt }, at);
  await uow.enrollments.save(next);
  const reactivated = e.status === 'expired' && next.status !== 'expired';
  await uow.emit(...(reactivated ? [enrollmentReactivated(next, at)] : []), enrollmentAccessScheduled(next, 'extended', at));
  return next;
}

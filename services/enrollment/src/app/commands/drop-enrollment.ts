import { EnrollmentErrors } from '../../domain/enrollment.errors';
import type { Enrollment } from '../../domain/enrollment';
import { enrollmentDropped } from '../../domain/enrollment.events';
import { Checker } from '../../domain/validation';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { loadVisible, throwIfInvalid, type Caller } from '../shared';

/** Before the unit of work: the id is well formed and the caller is the enrolment's student or an admin. */
export async function authorizeDrop(deps: EnrollmentDeps, caller: Caller, cmd: { enrollmentId: string }): Promise<string> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', cmd.enrollmentId);
  throwIfInvalid(check);
  const { viewer } = await loadVisible(deps, caller, enrollmentId);
  if (viewer === 'course_owner') throw EnrollmentErrors.ownerOnly();
  return enrollmentId;
}

/**
 * Drops an enrolment (its student, or an admin: `authorizeDrop`). Idempotent: dropping a dropped enrolment
 * changes nothing and emits nothing. Progress is kept: enrolling again re-activates it.
 */
export async function dropEnrollment(uow: EnrollmentUnitOfWork, env: CommandEnv, enrollmentId: string): Promise<Enrollment> {
  const e = await uow.enrollments.lockById(enrollmentId);
  if (!e) throw EnrollmentErrors.notFound();
  if (e.status === 'dropped') return e;
  const at = env.clock();
  const dropped: Enrollment = { ...e, status: 'dropped', droppedAt: at };
  await uow.enrollments.save(dropped);
  await uow.emit(enrollmentDropped(dropped, at));
  return dropped;
}

import { withTransaction } from '@lms/kit/db';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import type { Enrollment } from '../../domain/enrollment';
import { enrollmentDropped } from '../../domain/enrollment.events';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { emit, loadVisible, throwIfInvalid, type Caller } from '../shared';

/**
 * Drops an enrolment (its student, or an admin). Idempotent: dropping a dropped enrolment changes nothing
 * and emits nothing. Progress is kept: enrolling again re-activates it.
 */
export async function dropEnrollment(deps: EnrollmentDeps, caller: Caller, cmd: { enrollmentId: string }): Promise<Enrollment> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', cmd.enrollmentId);
  throwIfInvalid(check);
  const { viewer } = await loadVisible(deps, caller, enrollmentId);
  if (viewer === 'course_owner') throw EnrollmentErrors.ownerOnly();
  return withTransaction(deps.sequelize, async (transaction) => {
    const e = await deps.enrollments.findById(enrollmentId, transaction, true);
    if (!e) throw EnrollmentErrors.notFound();
    if (e.status === 'dropped') return e;
    const at = deps.clock();
    const dropped: Enrollment = { ...e, status: 'dropped', droppedAt: at };
    await deps.enrollments.save(transaction, dropped);
    await emit(deps, transaction, [enrollmentDropped(dropped, at)]);
    return dropped;
  });
}

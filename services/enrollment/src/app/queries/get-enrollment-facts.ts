import type { Enrollment } from '../../domain/enrollment';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { throwIfInvalid } from '../shared';

/** Services that may read any enrolment without a user: the certificate service, snapshotting a certificate. */
const FACT_READERS = ['certificate'];

/**
 * One enrolment as it is now, for the services above (their service token decides; no user token is needed
 * and none grants anything here). Unknown id → NOT_FOUND.
 */
export async function getEnrollmentFacts(deps: EnrollmentDeps, callerService: string, q: { enrollmentId: string }): Promise<Enrollment> {
  if (!FACT_READERS.includes(callerService)) throw EnrollmentErrors.callerNotAllowed();
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', q.enrollmentId);
  throwIfInvalid(check);
  const enrollment = await deps.units.read.enrollments.findById(enrollmentId);
  if (!enrollment) throw EnrollmentErrors.notFound();
  return enrollment;
}

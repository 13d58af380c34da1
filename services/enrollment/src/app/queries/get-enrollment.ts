import type { Enrollment } from '../../domain/enrollment';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { loadVisible, throwIfInvalid, type Caller, type Viewer } from '../shared';

/** One enrolment: its student, the course's instructor or an admin (NOT_FOUND for anyone else). */
export async function getEnrollment(deps: EnrollmentDeps, caller: Caller, q: { enrollmentId: string }): Promise<{ enrollment: Enrollment; viewer: Viewer }> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', q.enrollmentId);
  throwIfInvalid(check);
  return loadVisible(deps, caller, enrollmentId);
}

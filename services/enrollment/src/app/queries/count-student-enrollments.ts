import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { Checker } from '../../domain/validation';
import type { EnrollmentRepositories } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

/**
 * How many enrolments a student has (every status; active and completed too), for the account figures of
 * `GET /users/{id}/stats`. The gateway calls it with the end user's token: an admin may ask about anyone, a
 * user about themself (`student_id` "" or their own id); anyone else is PERMISSION_DENIED (ENROLLMENT.ADMIN_ONLY).
 * An id we never saw enrolled counts 0 (auth, not enrollment, says whether the account exists).
 */
export async function countStudentEnrollments(
  read: EnrollmentRepositories,
  caller: Caller,
  q: { studentId: string },
): Promise<{ total: number; active: number; completed: number }> {
  const check = new Checker();
  const studentId = q.studentId ? check.uuid('student_id', q.studentId) : caller.userId;
  throwIfInvalid(check);
  if (studentId !== caller.userId && caller.role !== 'admin') throw EnrollmentErrors.adminOnly();
  return read.enrollments.countForStudent(studentId);
}

import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { isLearning, type EnrollmentStatus } from '../../domain/enrollment';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { ownsCourse, throwIfInvalid, type Caller } from '../shared';

/**
 * For other services, with the end user's token: is this student enrolled (active or completed)?
 * A student may only ask about themself; the course's instructor and admins about anyone.
 */
export async function isEnrolled(
  deps: EnrollmentDeps,
  caller: Caller,
  q: { courseId: string; studentId: string },
): Promise<{ enrolled: boolean; enrollmentId: string; status: EnrollmentStatus | '' }> {
  const check = new Checker();
  const courseId = check.uuid('course_id', q.courseId);
  const studentId = q.studentId ? check.uuid('student_id', q.studentId) : caller.userId;
  throwIfInvalid(check);
  if (studentId !== caller.userId && !(await ownsCourse(deps, caller, courseId))) throw EnrollmentErrors.courseOwnerOnly();
  const e = await deps.enrollments.findByStudentCourse(studentId, courseId);
  if (!e) return { enrolled: false, enrollmentId: '', status: '' };
  return { enrolled: isLearning(e.status), enrollmentId: e.id, status: e.status };
}

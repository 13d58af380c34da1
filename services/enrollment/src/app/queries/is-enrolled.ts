import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, type EnrollmentStatus } from '../../domain/enrollment';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { ownsCourse, throwIfInvalid, type Caller } from '../shared';

/**
 * For other services, with the end user's token: is this student enrolled (active or completed, and
 * access not ended)? An expired enrolment — or one whose end of access has passed a moment before the
 * timer marked it — is not enrolled, so quiz attempts and lesson content are refused.
 * A student may only ask about themself; the course's instructor and admins about anyone.
 */
export async function isEnrolled(
  deps: EnrollmentDeps,
  caller: Caller,
  q: { courseId: string; studentId: string },
): Promise<{ enrolled: boolean; enrollmentId: string; status: EnrollmentStatus | ''; expiresAt: Date | null }> {
  const check = new Checker();
  const courseId = check.uuid('course_id', q.courseId);
  const studentId = q.studentId ? check.uuid('student_id', q.studentId) : caller.userId;
  throwIfInvalid(check);
  if (studentId !== caller.userId && !(await ownsCourse(deps, caller, courseId))) throw EnrollmentErrors.courseOwnerOnly();
  const e = await deps.enrollments.findByStudentCourse(studentId, courseId);
  if (!e) return { enrolled: false, enrollmentId: '', status: '', expiresAt: null };
  const ended = accessEnded(e, deps.clock());
  const status = ended && e.status === 'active' ? 'expired' : e.status;
  return { enrolled: isLearning(e.status) && !ended, enrollmentId: e.id, status, expiresAt: e.expiresAt };
}

import { AppError } from '@lms/kit/errors';
import type { CertificateSnapshot } from '../../domain/certificate.entities';
import { CertificateErrors } from '../../domain/certificate.errors';
import { finalGrade, totalHours } from '../../domain/grading';
import type { CertificateDeps } from '../deps';

/** Shown when neither auth nor catalog knows the course's instructor any more. */
export const UNKNOWN_INSTRUCTOR_NAME = 'Course Instructor';

/**
 * The calls go out as the certificate service alone (no end user's token, even inside an admin's request): the
 * other services open these reads to `certificate` by its service identity (students' names, any course).
 */
const AS_SERVICE = { authorization: '' };

const isNotFound = (err: unknown) => err instanceof AppError && err.kind === 'not_found';

/**
 * What a certificate of this enrolment would say, gathered from the services that own each fact: enrollment (is it
 * completed, when, time spent), catalog (title, instructor), auth (names), quiz (the grade). Remote calls only: run
 * it outside any transaction. Permanent refusals are AppErrors (enrolment/course/student not found, not completed);
 * an upstream outage propagates as UNAVAILABLE (the consumer's retry, the admin's 503).
 */
export async function gatherSnapshot(deps: Pick<CertificateDeps, 'auth' | 'catalog' | 'enrollment' | 'quiz'>, enrollmentId: string): Promise<CertificateSnapshot> {
  const enrollment = await deps.enrollment.GetEnrollmentFacts({ enrollment_id: enrollmentId }, AS_SERVICE).catch((err: unknown) => {
    throw isNotFound(err) ? CertificateErrors.enrollmentNotFound() : err;
  });
  if (!enrollment.completed_at) throw CertificateErrors.courseNotCompleted();

  const { items: courses } = await deps.catalog.BatchGetCourses({ ids: [enrollment.course_id] }, AS_SERVICE);
  const course = courses.find((candidate) => candidate.id === enrollment.course_id);
  if (!course) throw CertificateErrors.courseNotFound();

  const userIds = [enrollment.student_id, ...(course.instructor_id ? [course.instructor_id] : [])];
  const [{ items: users }, grade] = await Promise.all([
    deps.auth.BatchGetUsers({ ids: userIds }, AS_SERVICE),
    deps.quiz.GetCourseGrade({ student_id: enrollment.student_id, course_id: enrollment.course_id }, AS_SERVICE),
  ]);
  const student = users.find((user) => user.id === enrollment.student_id);
  if (!student) throw CertificateErrors.studentNotFound();
  const instructor = users.find((user) => user.id === course.instructor_id);

  return {
    enrollmentId: enrollment.id,
    studentId: enrollment.student_id,
    courseId: enrollment.course_id,
    studentName: student.full_name,
    courseTitle: course.title,
    instructorId: course.instructor_id || null,
    instructorName: instructor?.full_name || course.instructor?.full_name || UNKNOWN_INSTRUCTOR_NAME,
    completionDate: new Date(enrollment.completed_at),
    finalGrade: finalGrade(grade.graded_attempts, grade.average_percentage),
    totalHours: totalHours(Number(enrollment.total_time_spent_seconds)),
  };
}

/** Refusals that will never change on a retry: the consumer logs and acks them instead of retrying or parking. */
export function isPermanentRefusal(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  return ['CERTIFICATE.ENROLLMENT_NOT_FOUND', 'CERTIFICATE.COURSE_NOT_FOUND', 'CERTIFICATE.STUDENT_NOT_FOUND', 'CERTIFICATE.COURSE_NOT_COMPLETED'].includes(err.code);
}

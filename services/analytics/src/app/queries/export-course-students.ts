import type { CourseStudentExportPage__Output } from '@lms/kit/generated/lms/analytics/v1/CourseStudentExportPage';
import { isUuid } from '@lms/kit/errors';
import { protoTime } from '@lms/kit/grpc';
import { hours, optional, round2 } from '../../domain/figures/numbers';
import { Checker, EXPORT_LIMIT } from '../../domain/validation';
import { courseIdOf, readableCourse, type Caller, type QueryPorts } from './access';

type Cursor = { studentId: string; enrollmentId: string };

/** The opaque cursor of the row a page ended on: base64url of "student_id/enrollment_id". */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.studentId}/${cursor.enrollmentId}`).toString('base64url');
}

/** The cursor back; null when it is not one of ours. */
export function decodeCursor(raw: string): Cursor | null {
  const [studentId, enrollmentId, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('/');
  if (rest.length > 0 || !isUuid(studentId ?? '') || !isUuid(enrollmentId ?? '')) return null;
  return { studentId: studentId.toLowerCase(), enrollmentId: enrollmentId.toLowerCase() };
}

/**
 * ExportCourseStudents: one keyset page (by student id, then enrolment id) of every enrolment of the course with
 * progress, time and quiz figures; `next_cursor` "" on the last page. Owner of the course, admin.
 */
export async function exportCourseStudents(
  deps: QueryPorts,
  caller: Caller,
  query: { courseId: string; after: string; limit: number },
): Promise<CourseStudentExportPage__Output> {
  const check = new Checker();
  const courseId = courseIdOf(query.courseId, check);
  const limit = check.intOr('limit', query.limit, EXPORT_LIMIT.fallback, EXPORT_LIMIT.min, EXPORT_LIMIT.max);
  const after = query.after ? decodeCursor(query.after) : null;
  if (query.after && !after) check.add('after', 'is not a cursor of this export');
  check.throwIfAny();
  const read = deps.units.read;
  const course = await readableCourse(read, caller, courseId);
  const rows = await read.dashboards.courses.studentsPage(courseId, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    course_id: courseId,
    course_title: course.title,
    rows: page.map((r) => ({
      student_id: r.studentId,
      student_name: r.studentName,
      enrollment_id: r.enrollmentId,
      status: r.status,
      enrolled_at: protoTime(r.enrolledAt),
      progress_percentage: round2(r.progress),
      completed_lessons: r.completedLessons,
      total_lessons: r.totalLessons,
      time_spent_hours: hours(r.timeSpentSeconds),
      last_activity_at: protoTime(r.lastActivityAt),
      completed_at: protoTime(r.completedAt),
      quizzes_taken: r.quizzesTaken,
      quizzes_passed: r.quizzesPassed,
      average_quiz_score: optional(r.averageQuizScore === null ? null : round2(r.averageQuizScore)),
    })),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : '',
  };
}

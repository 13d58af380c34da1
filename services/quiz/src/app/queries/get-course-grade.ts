import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizDeps } from '../deps';
import { checkIds } from '../shared';

/** Services that may read a student's course grade: the certificate service, printing it on a certificate. */
const COURSE_GRADE_READERS = ['certificate'];

export interface CourseGrade {
  gradedAttempts: number;
  averagePercentage: number;
}

/**
 * A student's graded attempts over all the course's quizzes and their mean percentage. Only for the services
 * above (the service token decides; a user token grants nothing here); reads only.
 */
export async function getCourseGrade(
  deps: QuizDeps,
  callerService: string,
  q: { studentId: string; courseId: string },
): Promise<CourseGrade> {
  if (!COURSE_GRADE_READERS.includes(callerService)) throw QuizErrors.callerNotAllowed();
  const ids = checkIds({ student_id: q.studentId, course_id: q.courseId });
  const summary = await deps.units.read.attempts.gradedSummary(ids.course_id, ids.student_id);
  return { gradedAttempts: summary.count, averagePercentage: summary.averagePercentage };
}

import type { StudentProgressSummary__Output } from '@lms/kit/generated/lms/analytics/v1/StudentProgressSummary';
import { hours, optional, round2 } from '../../domain/figures/numbers';
import { Checker } from '../../domain/validation';
import type { AnalyticsRepositories } from '../deps';
import { studentTarget, type Caller, type QueryPorts } from './access';

/** The learner's totals (enrolments, progress over active ones, time, lessons, graded quizzes). */
export async function studentSummary(read: AnalyticsRepositories, studentId: string, name?: string): Promise<StudentProgressSummary__Output> {
  const repo = read.dashboards.students;
  const [t, studentName] = await Promise.all([repo.totals(studentId), name ?? repo.userName(studentId)]);
  return {
    student_id: studentId,
    student_name: studentName,
    total_enrollments: t.total,
    active_enrollments: t.active,
    completed_enrollments: t.completed,
    average_progress: round2(t.averageActiveProgress ?? 0),
    total_time_hours: hours(t.timeSpentSeconds),
    total_lessons_completed: t.lessonsCompleted,
    quizzes_taken: t.quizzesTaken,
    quizzes_passed: t.quizzesPassed,
    average_quiz_score: optional(t.averageQuizScore === null ? null : round2(t.averageQuizScore)),
  };
}

/** GetStudentSummary: "" = the caller; another learner only for an admin. */
export async function getStudentSummary(deps: QueryPorts, caller: Caller, query: { studentId: string }): Promise<StudentProgressSummary__Output> {
  const check = new Checker();
  const studentId = studentTarget(caller, query.studentId, check);
  check.throwIfAny();
  return studentSummary(deps.units.read, studentId);
}

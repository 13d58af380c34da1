import type { AtRiskPage__Output } from '@lms/kit/generated/lms/analytics/v1/AtRiskPage';
import { protoTime } from '@lms/kit/grpc';
import { round2 } from '../../domain/figures/numbers';
import { assessRisk } from '../../domain/figures/risk';
import { AT_RISK, Checker } from '../../domain/validation';
import { courseIdOf, readableCourse, type Caller, type QueryPorts } from './access';

/** GetAtRiskStudents: the course's active learners with at least one risk reason, highest risk first. */
export async function getAtRiskStudents(
  deps: QueryPorts,
  caller: Caller,
  query: { courseId: string; inactivityDays: number; limit: number },
): Promise<AtRiskPage__Output> {
  const check = new Checker();
  const courseId = courseIdOf(query.courseId, check);
  const inactivityDays = check.intOr('inactivity_days', query.inactivityDays, AT_RISK.inactivity.fallback, AT_RISK.inactivity.min, AT_RISK.inactivity.max);
  const limit = check.intOr('limit', query.limit, AT_RISK.limit.fallback, AT_RISK.limit.min, AT_RISK.limit.max);
  check.throwIfAny();
  const read = deps.units.read;
  await readableCourse(read, caller, courseId);
  const repo = read.dashboards.courses;
  const [enrollments, failures] = await Promise.all([repo.activeEnrollments(courseId), repo.repeatedFailures(courseId)]);
  const assessed = assessRisk(
    enrollments.map((e) => ({ ...e, repeatedlyFailedQuizzes: failures.get(e.studentId) ?? 0 })),
    deps.clock(),
    inactivityDays,
  );
  const page = assessed.slice(0, limit);
  const names = await read.dashboards.students.userNames(page.map((a) => a.input.studentId));
  return {
    course_id: courseId,
    total: assessed.length,
    students: page.map((a) => ({
      student_id: a.input.studentId,
      student_name: names.get(a.input.studentId) ?? '',
      enrollment_id: a.input.enrollmentId,
      progress_percentage: round2(a.input.progress),
      cohort_median_progress: a.cohortMedian,
      days_enrolled: a.daysEnrolled,
      days_inactive: a.daysInactive,
      last_activity_at: protoTime(a.input.lastActivityAt),
      risk_score: a.score,
      reasons: a.reasons.map((r) => ({ code: r.code, detail: r.detail })),
    })),
  };
}

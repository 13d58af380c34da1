import { Checker } from '../../domain/validation';
import type { CourseStatsRow } from '../../infra/enrollment.repository';
import type { EnrollmentDeps } from '../deps';
import { requireCourseOwner, throwIfInvalid, type Caller } from '../shared';

export interface CourseStats extends CourseStatsRow {
  courseId: string;
  completionRate: number;
  courseVersion: number;
  totalLessonsCount: number;
}

/** Enrolment counts by status, completion rate (completed / not dropped), average progress and rating. */
export async function getCourseStats(deps: EnrollmentDeps, caller: Caller, q: { courseId: string }): Promise<CourseStats> {
  const check = new Checker();
  const courseId = check.uuid('course_id', q.courseId);
  throwIfInvalid(check);
  await requireCourseOwner(deps, caller, courseId);
  const { enrollments, courses } = deps.units.read;
  const [row, course] = await Promise.all([enrollments.stats(courseId), courses.get(courseId)]);
  const considered = row.total - row.dropped;
  return {
    ...row,
    courseId,
    completionRate: considered > 0 ? Math.round((row.completed * 10_000) / considered) / 100 : 0,
    courseVersion: course?.currentVersion ?? 0,
    totalLessonsCount: course?.totalCountable ?? 0,
  };
}

import type { LessonFunnel__Output } from '@lms/kit/generated/lms/analytics/v1/LessonFunnel';
import { DAY_MS } from '../../domain/figures/dates';
import { Checker, FUNNEL_INACTIVITY } from '../../domain/validation';
import { courseIdOf, readableCourse, type Caller, type QueryPorts } from './access';

/**
 * GetLessonFunnel: the published lessons in course order with learners who reached (opened) and completed each,
 * and those who stopped there: not completed the course, silent ≥ inactivity_days, this their last lesson touched.
 */
export async function getLessonFunnel(deps: QueryPorts, caller: Caller, query: { courseId: string; inactivityDays: number }): Promise<LessonFunnel__Output> {
  const check = new Checker();
  const courseId = courseIdOf(query.courseId, check);
  const inactivityDays = check.intOr('inactivity_days', query.inactivityDays, FUNNEL_INACTIVITY.fallback, FUNNEL_INACTIVITY.min, FUNNEL_INACTIVITY.max);
  check.throwIfAny();
  const read = deps.units.read;
  const course = await readableCourse(read, caller, courseId);
  const repo = read.dashboards.courses;
  const silentBefore = new Date(deps.clock().getTime() - inactivityDays * DAY_MS);
  const [stats, lessons, stopped] = await Promise.all([repo.stats(courseId), repo.lessons(courseId), repo.stoppedAt(courseId, silentBefore)]);
  return {
    course_id: courseId,
    course_title: course.title,
    total_enrollments: stats.enrollments,
    inactivity_days: inactivityDays,
    steps: lessons.map((l) => ({
      lesson_id: l.lessonId,
      lesson_title: l.title,
      position: l.position,
      reached: l.started,
      completed: l.completed,
      stopped_here: stopped.get(l.lessonId) ?? 0,
    })),
  };
}

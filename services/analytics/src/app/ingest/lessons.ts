import { delta, lessonProgressContribution, timeSpentContribution, type Contribution, type LessonProgressRow } from '../../domain/contributions';
import type { FactPayload } from '../../events/analytics.events.schema';
import type { LessonRef } from '../../infra/learning.repository';
import type { AnalyticsUnitOfWork } from '../deps';
import { SqlBatch } from '../../infra/sql-batch';
import { changeEnrollment, earliest, sameRow } from './enrolment-row';

type Ref = { enrollment_id: string; student_id: string; course_id: string; lesson_id: string };
const ref = (p: Ref): LessonRef => ({ enrollmentId: p.enrollment_id, studentId: p.student_id, courseId: p.course_id, lessonId: p.lesson_id });

/**
 * A learner's lesson fact: lock (or create) the lesson progress row, apply, save, then the enrolment (its
 * counters, activity) with the lesson row's deltas and the fact's own amounts in the same aggregate write.
 */
async function changeLessonProgress(
  uow: AnalyticsUnitOfWork,
  lesson: LessonRef,
  change: (row: LessonProgressRow) => LessonProgressRow,
  at: Date,
  extra: { seconds?: number } = {},
): Promise<void> {
  const { progress, enrollment } = await uow.learning.lockLessonAndEnrollment(lesson);
  const { row: before, created } = progress;
  const after = change({ ...before });
  const batch = new SqlBatch();
  if (created || !sameRow(before, after)) uow.learning.saveLessonProgressTo(batch, after);
  const contributions: Contribution[] = delta(created ? [] : lessonProgressContribution(before), lessonProgressContribution(after));
  const newlyCompleted = !before.completedAt && after.completedAt ? 1 : 0;
  const seconds = extra.seconds ?? 0;
  if (seconds > 0) contributions.push(...timeSpentContribution({ studentId: lesson.studentId, courseId: lesson.courseId, seconds, recordedAt: at }));
  await changeEnrollment(
    uow,
    lesson,
    (row) => ({ ...row, lessonsCompleted: row.lessonsCompleted + newlyCompleted, timeSpentSeconds: row.timeSpentSeconds + seconds }),
    { activity: { at, lessonId: lesson.lessonId }, extra: contributions, batch, locked: enrollment },
  );
}

/** lesson.started: started_at = LEAST. */
export async function lessonStarted(uow: AnalyticsUnitOfWork, p: FactPayload<'lesson.started'>): Promise<void> {
  const at = new Date(p.at);
  await changeLessonProgress(uow, ref(p), (row) => ({ ...row, startedAt: earliest(row.startedAt, at) }), at);
}

/** lesson.completed: the first completion; started no later than completed. */
export async function lessonCompleted(uow: AnalyticsUnitOfWork, p: FactPayload<'lesson.completed'>): Promise<void> {
  const at = new Date(p.completed_at);
  await changeLessonProgress(uow, ref(p), (row) => ({ ...row, completedAt: earliest(row.completedAt, at), startedAt: earliest(row.startedAt, at) }), at);
}

/** lesson.time_recorded: the increment, to the lesson, the enrolment and the day's series. */
export async function lessonTimeRecorded(uow: AnalyticsUnitOfWork, p: FactPayload<'lesson.time_recorded'>): Promise<void> {
  const at = new Date(p.recorded_at);
  await changeLessonProgress(uow, ref(p), (row) => ({ ...row, timeSpentSeconds: row.timeSpentSeconds + p.seconds }), at, { seconds: p.seconds });
}

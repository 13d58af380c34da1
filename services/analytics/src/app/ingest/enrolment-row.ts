import {
  dayOf,
  delta,
  enrollmentContribution,
  type Contribution,
  type EnrollmentRow,
} from '../../domain/contributions';
import { enrollmentStatus } from '../../domain/enrollment-status';
import type { EnrollmentRef } from '../../infra/learning.repository';
import { SqlBatch } from '../../infra/sql-batch';
import type { AnalyticsUnitOfWork } from '../deps';

/** Activity of a learner at a time (in a lesson when known). */
export interface Activity {
  at: Date;
  lessonId: string | null;
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
export const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
export { earliest };

/**
 * first/last activity with LEAST/GREATEST; the lesson of the newest lesson activity (ties: the larger lesson
 * id, so any order agrees). Activity without a lesson (a quiz attempt) moves only the times.
 */
export function withActivity(row: EnrollmentRow, activity: Activity): EnrollmentRow {
  const out = { ...row, firstActivityAt: earliest(row.firstActivityAt, activity.at), lastActivityAt: latest(row.lastActivityAt, activity.at) };
  if (activity.lessonId) {
    const last = row.lastLessonAt;
    if (!last || activity.at > last || (activity.at.getTime() === last.getTime() && activity.lessonId > (row.lastLessonId ?? ''))) {
      out.lastLessonAt = activity.at;
      out.lastLessonId = activity.lessonId;
    }
  }
  return out;
}

/**
 * The one path every enrolment change takes: lock (or create) the row — or take the row the caller locked —,
 * apply the fact, derive the status, then ONE statement that saves the row (when it changed), records the
 * days of activity and adds `contribution(after) − contribution(before)` plus the caller's own amounts
 * (`extra`, `batch`) to the aggregates. A row created here also counts its co-enrolment pairs and its learner
 * of the instructor, and takes in the activity of quiz attempts that arrived before it.
 */
export async function changeEnrollment(
  uow: AnalyticsUnitOfWork,
  ref: EnrollmentRef,
  change: (row: EnrollmentRow) => EnrollmentRow,
  options: { activity?: Activity; extra?: Contribution[]; batch?: SqlBatch; locked?: { row: EnrollmentRow; created: boolean } } = {},
): Promise<void> {
  const { row: before, created } = options.locked ?? (await uow.learning.lockEnrollment(ref));
  let after = change({ ...before });
  const activities: Activity[] = options.activity ? [options.activity] : [];
  if (created) {
    // Attempts of the student in the course that arrived before this row: their activity is ours. Under the
    // student's lock, which attempt.started takes too before looking for the enrolment: each attempt's
    // activity is counted by exactly one of the two.
    await uow.aggregates.lockStudent(ref.studentId);
    for (const at of await uow.learning.attemptActivity(ref.studentId, ref.courseId)) activities.push({ at, lessonId: null });
  }
  for (const activity of activities) after = withActivity(after, activity);
  after.status = enrollmentStatus(after);
  const batch = options.batch ?? new SqlBatch();
  if (created || !sameRow(before, after)) uow.learning.saveEnrollmentTo(batch, after);
  const contributions: Contribution[] = [...delta(created ? [] : enrollmentContribution(before), enrollmentContribution(after)), ...(options.extra ?? [])];
  const days = activities.map((a) => dayOf(a.at));
  uow.aggregates.addTo(batch, contributions, { enrollmentId: ref.enrollmentId, courseId: ref.courseId, days });
  await uow.aggregates.run(batch);
  if (created) {
    await uow.aggregates.addCoursePairs(ref.studentId, ref.courseId);
    await uow.aggregates.addInstructorLearner(ref.studentId, ref.courseId);
  }
}

/** Whether two versions of a row hold the same values (dates by time). */
export function sameRow<T extends object>(a: T, b: T): boolean {
  const record = (r: T) => r as Record<string, unknown>;
  return Object.keys(a).every((k) => {
    const [x, y] = [record(a)[k], record(b)[k]];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

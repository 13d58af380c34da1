import type { DomainEvent } from '@lms/kit/events';
import type { CourseLesson } from '../../domain/course';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import type { Enrollment } from '../../domain/enrollment';
import { lessonStarted, lessonTimeRecorded } from '../../domain/enrollment.events';
import { parseProgressUpdate, type ProgressUpdate } from '../../domain/progress';
import { Checker } from '../../domain/validation';
import type { CommandEnv, EnrollmentUnitOfWork } from '../deps';
import { throwIfInvalid } from '../shared';
import { completeLocked, parseIds, type LearnerLesson, type LessonIds, type ProgressResult, type UpdateProgressCommand } from './lesson-progress';

/** The largest running total of time on one lesson a client may report (the gateway's bound too). */
export const MAX_LESSON_TIME_SECONDS = 86_400;

/**
 * `time_spent_seconds` of a progress update is the client's running total for the lesson (issue 10 B7): the
 * stored total only grows (monotonic max), so a retried or repeated update counts once, and by at most
 * MAX_TIME_INCREMENT_SECONDS per update (a larger jump is clamped: a client cannot claim hours at once).
 * Returns the seconds to add to the stored total (and to the enrolment's total).
 */
function timeToAdd(reportedTotal: number | undefined, storedTotal: number, maxIncrement: number): number {
  if (reportedTotal === undefined) return 0;
  return Math.min(Math.max(reportedTotal - storedTotal, 0), maxIncrement);
}

function parseReportedTotal(cmd: UpdateProgressCommand, check: Checker): number | undefined {
  if (!cmd.fields.includes('time_spent_seconds')) return undefined;
  const total = Number(cmd.timeSpentSeconds);
  if (!Number.isInteger(total) || total < 0 || total > MAX_LESSON_TIME_SECONDS) {
    check.add('time_spent_seconds', `is the running total of seconds on this lesson: must be between 0 and ${MAX_LESSON_TIME_SECONDS}`);
    return undefined;
  }
  return total;
}

/**
 * The video completion rule (issue 12 item 6, the seed's 80 %): a progress update of a video lesson whose
 * `completion_percentage` reaches the course's `video_completion_threshold` (read with the enrolment's lock)
 * completes it.
 */
function reachesVideoThreshold(lesson: CourseLesson, update: ProgressUpdate, threshold: number): boolean {
  if (lesson.lessonType !== 'video' || update.completionPercentage === undefined || update.completionPercentage <= 0) return false;
  return update.completionPercentage >= threshold;
}

/** A checked progress update: the ids, the fields to apply, and the client's running total of time if sent. */
export interface ProgressUpdateInput {
  ids: LessonIds;
  update: ProgressUpdate;
  reportedTotal: number | undefined;
}

export function parseProgressCommand(cmd: UpdateProgressCommand, maxTimeIncrementSeconds: number): ProgressUpdateInput {
  const check = new Checker();
  const ids = parseIds(cmd, check);
  const reportedTotal = parseReportedTotal(cmd, check);
  // the other fields' rules; the time (a total, not an increment) is checked above and turned into the increment below
  const update = parseProgressUpdate({ ...cmd, timeSpentSeconds: 0 }, maxTimeIncrementSeconds, check);
  throwIfInvalid(check);
  return { ids, update, reportedTotal };
}

/**
 * Progress of a lesson: time spent (the client's running total, see `timeToAdd`), position, percentage,
 * notes; `status: completed` completes it (same rules as CompleteLesson), and so does a video lesson's
 * `completion_percentage` reaching the course's threshold (`reachesVideoThreshold`) — through the same
 * `completeLocked`, so it happens once and moves the exact counters once; below it the lesson is in progress.
 * Time actually added emits `lesson.time_recorded` (the increment and the stored total after it).
 */
export async function updateLessonProgress(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  { enrollment, lesson, lessonId, events, videoCompletionThreshold }: LearnerLesson,
  input: ProgressUpdateInput,
): Promise<ProgressResult> {
  const update: ProgressUpdate = { ...input.update };
  if (update.complete && lesson.lessonType === 'quiz') throw EnrollmentErrors.quizRequired();
  const at = env.clock();
  if (input.reportedTotal !== undefined) {
    // under the enrolment's row lock: concurrent updates of this lesson take turns
    const stored = (await uow.progress.get(enrollment.id, lessonId))?.timeSpentSeconds ?? 0;
    update.timeIncrement = timeToAdd(input.reportedTotal, stored, env.config.MAX_TIME_INCREMENT_SECONDS);
  }
  const { progress, created } = await uow.progress.update(enrollment.id, lessonId, update, at);
  let current: Enrollment = {
    ...enrollment,
    startedAt: enrollment.startedAt ?? at,
    lastAccessedAt: at,
    totalTimeSpentSeconds: enrollment.totalTimeSpentSeconds + update.timeIncrement,
  };
  const out: DomainEvent[] = [...events, ...(created ? [lessonStarted(current, lessonId, at)] : [])];
  // only time actually added is a fact (a retried heartbeat or an older, smaller total adds nothing)
  if (update.timeIncrement > 0) {
    out.push(lessonTimeRecorded(current, lessonId, { seconds: update.timeIncrement, totalSeconds: progress.timeSpentSeconds }, at));
  }
  let result = progress;
  if (update.complete || reachesVideoThreshold(lesson, update, videoCompletionThreshold)) {
    const done = await completeLocked(uow, current, lesson, lessonId, at, 'student');
    current = done.enrollment;
    result = done.progress;
    out.push(...done.events.filter((e) => e.type !== 'lesson.started'));
  } else {
    await uow.enrollments.save(current);
  }
  await uow.emit(...out);
  return { progress: result, enrollment: current };
}

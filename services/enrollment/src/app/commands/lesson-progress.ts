import type { Transaction } from 'sequelize';
import { withTransaction } from '@lms/kit/db';
import type { CourseLesson } from '../../domain/course';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, recordLessonCompletion, type Enrollment } from '../../domain/enrollment';
import { lessonCompleted, lessonStarted, type DomainEvent } from '../../domain/enrollment.events';
import { evaluateLock, parseProgressUpdate, type LessonProgress, type ProgressUpdate } from '../../domain/progress';
import { DEFAULT_VIDEO_COMPLETION_THRESHOLD } from '../../infra/course-model.repository';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { emit, loadOwned, throwIfInvalid, type Caller } from '../shared';
import { fetchOutlineThrottled, refreshFromCatalogThrottled, storeOutline, type CatalogOutline } from './course-model';
import { upgradeLocked } from './recompute';

export interface LessonCommand {
  enrollmentId: string;
  lessonId: string;
}

export interface UpdateProgressCommand extends LessonCommand {
  fields: string[];
  status: string;
  timeSpentSeconds: number;
  lastPositionSeconds: number;
  completionPercentage: number;
  notes: string;
}

export interface ProgressResult {
  progress: LessonProgress;
  enrollment: Enrollment;
}

function parseIds(cmd: LessonCommand, check: Checker) {
  return { enrollmentId: check.uuid('enrollment_id', cmd.enrollmentId), lessonId: check.uuid('lesson_id', cmd.lessonId) };
}

/**
 * The lesson is not in the enrolment's course version as our model knows it: a lesson of another course
 * is INVALID_ARGUMENT, a deleted or unknown one NOT_FOUND — unless catalog's outline (the course.published
 * event may simply be late) now knows it, in which case the caller retries once.
 */
async function resolveUnknownLesson(deps: EnrollmentDeps, e: Enrollment, lessonId: string): Promise<void> {
  if (await deps.courses.isLessonDeleted(lessonId)) throw EnrollmentErrors.lessonNotFound();
  const elsewhere = await deps.courses.courseOfLesson(lessonId);
  if (elsewhere && elsewhere !== e.courseId) throw EnrollmentErrors.lessonNotInCourse();
  const refreshed = await refreshFromCatalogThrottled(deps, e.courseId).catch(() => false);
  if (!refreshed) throw EnrollmentErrors.lessonNotFound();
  const course = await deps.courses.get(e.courseId);
  if (!course || !(await deps.courses.getLesson(e.courseId, course.currentVersion, lessonId))) throw EnrollmentErrors.lessonNotFound();
}

/**
 * Locks the enrolment row for the rest of the transaction (every counter change happens under it) and
 * brings it to the course's current version first if a recompute has not reached it yet.
 */
async function lockEnrollment(deps: EnrollmentDeps, transaction: Transaction, enrollmentId: string) {
  const locked = await deps.enrollments.findById(enrollmentId, transaction, true);
  if (!locked) throw EnrollmentErrors.notFound();
  const course = await deps.courses.get(locked.courseId, transaction);
  if (!course || course.currentVersion <= locked.courseVersion) return { enrollment: locked, events: [] as DomainEvent<unknown>[] };
  const { enrollments, events } = await upgradeLocked(
    deps,
    transaction,
    locked.courseId,
    { version: course.currentVersion, totalCountable: course.totalCountable },
    [locked],
  );
  return { enrollment: enrollments[0], events };
}

/** Drip dates first (the error says when), then the prerequisite (the error says which lesson). */
async function assertUnlocked(deps: EnrollmentDeps, transaction: Transaction, e: Enrollment, lesson: CourseLesson): Promise<void> {
  let prerequisiteLessons: CourseLesson[] = [];
  if (lesson.prerequisite === 'previous_lesson' && lesson.position > 0) {
    const previous = await deps.courses.getLessonAt(e.courseId, e.courseVersion, lesson.position - 1, transaction);
    prerequisiteLessons = previous ? [previous] : [];
  } else if (lesson.prerequisite === 'previous_section') {
    prerequisiteLessons = await deps.courses.previousSectionLessons(e.courseId, e.courseVersion, lesson.sectionPosition, transaction);
  }
  const ids = prerequisiteLessons.map((l) => l.lessonId);
  const completed = await deps.progress.completedAmong(e.id, ids, transaction);
  const lock = evaluateLock(lesson, {
    enrolledAt: e.enrolledAt,
    now: deps.clock(),
    prerequisiteLessons: ids.map((lessonId) => ({ lessonId, completed: completed.has(lessonId) })),
  });
  if (lock.kind === 'drip') throw EnrollmentErrors.lessonLocked(lock.unlockAt);
  if (lock.kind === 'prerequisite') throw EnrollmentErrors.prerequisiteRequired(lock.missingLessonIds, lock.prerequisite);
}

type LearnerOutcome<T> = { kind: 'done'; value: T } | { kind: 'not_owner' } | { kind: 'unknown_lesson'; enrollment: Enrollment };

/**
 * Common frame of the student's progress commands. The common case is one transaction whose first
 * statement locks the enrolment and reads the course version and the lesson (one round trip); the
 * rare cases (not the owner, a lesson our model does not know) are sorted out after it, outside any lock.
 */
async function withLearnerLesson<T>(
  deps: EnrollmentDeps,
  caller: Caller,
  ids: { enrollmentId: string; lessonId: string },
  fn: (ctx: { transaction: Transaction; enrollment: Enrollment; lesson: CourseLesson; events: DomainEvent<unknown>[] }) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const outcome: LearnerOutcome<T> = await withTransaction(deps.sequelize, async (transaction) => {
      const row = await deps.enrollments.lockWithLesson(transaction, ids.enrollmentId, ids.lessonId);
      if (!row || row.enrollment.studentId !== caller.userId) return { kind: 'not_owner' };
      let { enrollment, lesson } = row;
      // Access ended (the timer may not have marked it yet): progress is read-only from then on.
      if (enrollment.status === 'expired' || (isLearning(enrollment.status) && accessEnded(enrollment, deps.clock()))) {
        throw EnrollmentErrors.expired(enrollment.expiresAt);
      }
      if (!isLearning(enrollment.status)) throw EnrollmentErrors.notActive(enrollment.status);
      let events: DomainEvent<unknown>[] = [];
      if (row.course && row.course.currentVersion > enrollment.courseVersion) {
        const target = { version: row.course.currentVersion, totalCountable: row.course.totalCountable };
        const upgraded = await upgradeLocked(deps, transaction, enrollment.courseId, target, [enrollment]);
        enrollment = upgraded.enrollments[0];
        events = upgraded.events;
        lesson = await deps.courses.getLesson(enrollment.courseId, enrollment.courseVersion, ids.lessonId, transaction);
      }
      if (!lesson) return { kind: 'unknown_lesson', enrollment };
      await assertUnlocked(deps, transaction, enrollment, lesson);
      return { kind: 'done', value: await fn({ transaction, enrollment, lesson, events }) };
    });
    if (outcome.kind === 'done') return outcome.value;
    if (outcome.kind === 'not_owner') {
      await loadOwned(deps, caller, ids.enrollmentId); // NOT_FOUND, or OWNER_ONLY for those who may see it
      throw EnrollmentErrors.notFound();
    }
    if (attempt > 0) throw EnrollmentErrors.lessonNotFound();
    await resolveUnknownLesson(deps, outcome.enrollment, ids.lessonId);
  }
}

/**
 * Completes a lesson for a locked enrolment: the completion row transitions at most once, and only that
 * transition moves the counter (if the lesson counts in the enrolment's version). Returns the events.
 */
async function completeLocked(
  deps: EnrollmentDeps,
  transaction: Transaction,
  enrollment: Enrollment,
  lesson: CourseLesson | null,
  lessonId: string,
  at: Date,
  by: 'student' | 'quiz',
): Promise<{ progress: LessonProgress; enrollment: Enrollment; events: DomainEvent<unknown>[] }> {
  const { progress, transitioned, created } = await deps.progress.complete(transaction, enrollment.id, lessonId, at, by);
  if (!transitioned) {
    const touched: Enrollment = { ...enrollment, lastAccessedAt: at };
    await deps.enrollments.save(transaction, touched);
    return { progress, enrollment: touched, events: [] };
  }
  const change = recordLessonCompletion(enrollment, { countable: lesson?.countable ?? false, at });
  await deps.enrollments.save(transaction, change.enrollment);
  const events: DomainEvent<unknown>[] = [];
  if (created) events.push(lessonStarted(enrollment, lessonId, at));
  events.push(lessonCompleted(enrollment, lessonId, at), ...change.events);
  return { progress, enrollment: change.enrollment, events };
}

export async function startLesson(deps: EnrollmentDeps, caller: Caller, cmd: LessonCommand): Promise<ProgressResult> {
  const check = new Checker();
  const ids = parseIds(cmd, check);
  throwIfInvalid(check);
  return withLearnerLesson(deps, caller, ids, async ({ transaction, enrollment, events }) => {
    const at = deps.clock();
    const { progress, created } = await deps.progress.start(transaction, enrollment.id, ids.lessonId, at);
    const touched: Enrollment = { ...enrollment, startedAt: enrollment.startedAt ?? at, lastAccessedAt: at };
    await deps.enrollments.save(transaction, touched);
    await emit(deps, transaction, [...events, ...(created ? [lessonStarted(touched, ids.lessonId, at)] : [])]);
    return { progress, enrollment: touched };
  });
}

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
 * `completion_percentage` reaches the course's `video_completion_threshold` completes it. Reads the
 * course row only for such updates.
 */
async function reachesVideoThreshold(deps: EnrollmentDeps, transaction: Transaction, enrollment: Enrollment, lesson: CourseLesson, update: ProgressUpdate): Promise<boolean> {
  if (lesson.lessonType !== 'video' || update.completionPercentage === undefined || update.completionPercentage <= 0) return false;
  const course = await deps.courses.get(enrollment.courseId, transaction);
  return update.completionPercentage >= (course?.videoCompletionThreshold ?? DEFAULT_VIDEO_COMPLETION_THRESHOLD);
}

/**
 * Progress of a lesson: time spent (the client's running total, see `timeToAdd`), position, percentage,
 * notes; `status: completed` completes it (same rules as CompleteLesson), and so does a video lesson's
 * `completion_percentage` reaching the course's threshold (`reachesVideoThreshold`) — through the same
 * `completeLocked`, so it happens once and moves the exact counters once; below it the lesson is in progress.
 */
export async function updateLessonProgress(deps: EnrollmentDeps, caller: Caller, cmd: UpdateProgressCommand): Promise<ProgressResult> {
  const check = new Checker();
  const ids = parseIds(cmd, check);
  const reportedTotal = parseReportedTotal(cmd, check);
  // the other fields' rules; the time (a total, not an increment) is checked above and turned into the increment below
  const update = parseProgressUpdate({ ...cmd, timeSpentSeconds: 0 }, deps.config.MAX_TIME_INCREMENT_SECONDS, check);
  throwIfInvalid(check);
  return withLearnerLesson(deps, caller, ids, async ({ transaction, enrollment, lesson, events }) => {
    if (update.complete && lesson.lessonType === 'quiz') throw EnrollmentErrors.quizRequired();
    const at = deps.clock();
    if (reportedTotal !== undefined) {
      // under the enrolment's row lock: concurrent updates of this lesson take turns
      const stored = (await deps.progress.get(enrollment.id, ids.lessonId, transaction))?.timeSpentSeconds ?? 0;
      update.timeIncrement = timeToAdd(reportedTotal, stored, deps.config.MAX_TIME_INCREMENT_SECONDS);
    }
    const { progress, created } = await deps.progress.update(transaction, enrollment.id, ids.lessonId, update, at);
    let current: Enrollment = {
      ...enrollment,
      startedAt: enrollment.startedAt ?? at,
      lastAccessedAt: at,
      totalTimeSpentSeconds: enrollment.totalTimeSpentSeconds + update.timeIncrement,
    };
    const out: DomainEvent<unknown>[] = [...events, ...(created ? [lessonStarted(current, ids.lessonId, at)] : [])];
    let result = progress;
    if (update.complete || (await reachesVideoThreshold(deps, transaction, enrollment, lesson, update))) {
      const done = await completeLocked(deps, transaction, current, lesson, ids.lessonId, at, 'student');
      current = done.enrollment;
      result = done.progress;
      out.push(...done.events.filter((e) => e.type !== 'lesson.started'));
    } else {
      await deps.enrollments.save(transaction, current);
    }
    await emit(deps, transaction, out);
    return { progress: result, enrollment: current };
  });
}

/** Idempotent: completing twice (or concurrently) has one effect and returns the same completion. */
export async function completeLesson(deps: EnrollmentDeps, caller: Caller, cmd: LessonCommand): Promise<ProgressResult> {
  const check = new Checker();
  const ids = parseIds(cmd, check);
  throwIfInvalid(check);
  return withLearnerLesson(deps, caller, ids, async ({ transaction, enrollment, lesson, events }) => {
    if (lesson.lessonType === 'quiz') {
      const existing = await deps.progress.get(enrollment.id, ids.lessonId, transaction);
      if (existing?.completedAt) return { progress: existing, enrollment };
      throw EnrollmentErrors.quizRequired();
    }
    const done = await completeLocked(deps, transaction, enrollment, lesson, ids.lessonId, deps.clock(), 'student');
    await emit(deps, transaction, [...events, ...done.events]);
    return { progress: done.progress, enrollment: done.enrollment };
  });
}

export interface QuizPassedFact {
  studentId: string;
  courseId: string;
  lessonId: string;
  passedAt: Date;
}

/**
 * Before `quiz.passed`'s inbox transaction (no transaction open, DB reads only on a pooled connection): when
 * the quiz's lesson is not in our model of the course yet (its course.published may be late), fetches
 * catalog's outline (throttled per course). The handler stores it in its own transaction; a failed fetch is
 * logged and the completion is still recorded (it counts once the version arrives).
 */
export async function prepareLessonFromQuiz(deps: EnrollmentDeps, fact: QuizPassedFact): Promise<CatalogOutline | null> {
  const found = await deps.enrollments.findByStudentCourse(fact.studentId, fact.courseId);
  if (!found) return null;
  const course = await deps.courses.get(fact.courseId);
  const knownVersion = Math.max(course?.currentVersion ?? 0, found.courseVersion);
  if (course && (await deps.courses.getLesson(fact.courseId, knownVersion, fact.lessonId))) return null;
  return fetchOutlineThrottled(deps, fact.courseId).catch((err: Error) => {
    deps.logger.warn({ err: err.message, course_id: fact.courseId }, 'could not refresh the course outline for quiz.passed');
    return null;
  });
}

/**
 * `quiz.passed` completes the quiz's lesson for the student's enrolment, inside the consumer's inbox
 * transaction (a duplicate event never gets here; a second, different event for the same lesson finds
 * the lesson completed and changes nothing). The quiz service is the authority: no drip check here.
 * A lesson our model does not know yet is still recorded; it counts once its course version arrives.
 * DB-only: an outline fetched by `prepareLessonFromQuiz` is stored in this same transaction.
 */
export async function completeLessonFromQuiz(
  deps: EnrollmentDeps,
  transaction: Transaction,
  fact: QuizPassedFact,
  outline: CatalogOutline | null = null,
): Promise<'completed' | 'duplicate' | 'not_enrolled'> {
  const found = await deps.enrollments.findByStudentCourse(fact.studentId, fact.courseId, transaction);
  if (!found) return 'not_enrolled';
  if (outline) await storeOutline(deps, transaction, fact.courseId, outline);
  const { enrollment, events } = await lockEnrollment(deps, transaction, found.id);
  const lesson = await deps.courses.getLesson(enrollment.courseId, enrollment.courseVersion, fact.lessonId, transaction);
  const done = await completeLocked(deps, transaction, enrollment, lesson, fact.lessonId, fact.passedAt, 'quiz');
  await emit(deps, transaction, [...events, ...done.events]);
  return done.events.length ? 'completed' : 'duplicate';
}

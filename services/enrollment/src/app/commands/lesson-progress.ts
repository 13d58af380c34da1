import type { DomainEvent } from '@lms/kit/events';
import type { CourseLesson } from '../../domain/course';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, recordLessonCompletion, type Enrollment } from '../../domain/enrollment';
import { lessonCompleted, lessonStarted } from '../../domain/enrollment.events';
import { evaluateLock, parseProgressUpdate, type LessonProgress, type ProgressUpdate } from '../../domain/progress';
import { DEFAULT_VIDEO_COMPLETION_THRESHOLD } from '../../infra/course-model.repository';
import { Checker } from '../../domain/validation';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { loadOwned, throwIfInvalid, type Caller } from '../shared';
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

export type LessonIds = LessonCommand;

function parseIds(cmd: LessonCommand, check: Checker): LessonIds {
  return { enrollmentId: check.uuid('enrollment_id', cmd.enrollmentId), lessonId: check.uuid('lesson_id', cmd.lessonId) };
}

/** The ids of StartLesson / CompleteLesson, checked. */
export function parseLessonCommand(cmd: LessonCommand): LessonIds {
  const check = new Checker();
  const ids = parseIds(cmd, check);
  throwIfInvalid(check);
  return ids;
}

/**
 * The lesson is not in the enrolment's course version as our model knows it: a lesson of another course
 * is INVALID_ARGUMENT, a deleted or unknown one NOT_FOUND — unless catalog's outline (the course.published
 * event may simply be late) now knows it, in which case the caller retries once. Outside any unit of work.
 */
async function resolveUnknownLesson(deps: EnrollmentDeps, e: Enrollment, lessonId: string): Promise<void> {
  const read = deps.units.read;
  if (await read.courses.isLessonDeleted(lessonId)) throw EnrollmentErrors.lessonNotFound();
  const elsewhere = await read.courses.courseOfLesson(lessonId);
  if (elsewhere && elsewhere !== e.courseId) throw EnrollmentErrors.lessonNotInCourse();
  const refreshed = await refreshFromCatalogThrottled(deps, e.courseId).catch(() => false);
  if (!refreshed) throw EnrollmentErrors.lessonNotFound();
  const course = await read.courses.get(e.courseId);
  if (!course || !(await read.courses.getLesson(e.courseId, course.currentVersion, lessonId))) throw EnrollmentErrors.lessonNotFound();
}

/**
 * Locks the enrolment row for the rest of the unit of work (every counter change happens under it) and
 * brings it to the course's current version first if a recompute has not reached it yet.
 */
async function lockEnrollment(uow: EnrollmentUnitOfWork, env: CommandEnv, enrollmentId: string) {
  const locked = await uow.enrollments.lockById(enrollmentId);
  if (!locked) throw EnrollmentErrors.notFound();
  const course = await uow.courses.get(locked.courseId);
  if (!course || course.currentVersion <= locked.courseVersion) return { enrollment: locked, events: [] as DomainEvent[] };
  const { enrollments, events } = await upgradeLocked(
    uow,
    env,
    locked.courseId,
    { version: course.currentVersion, totalCountable: course.totalCountable },
    [locked],
  );
  return { enrollment: enrollments[0], events };
}

/** Drip dates first (the error says when), then the prerequisite (the error says which lesson). */
async function assertUnlocked(uow: EnrollmentUnitOfWork, env: CommandEnv, e: Enrollment, lesson: CourseLesson): Promise<void> {
  let prerequisiteLessons: CourseLesson[] = [];
  if (lesson.prerequisite === 'previous_lesson' && lesson.position > 0) {
    const previous = await uow.courses.getLessonAt(e.courseId, e.courseVersion, lesson.position - 1);
    prerequisiteLessons = previous ? [previous] : [];
  } else if (lesson.prerequisite === 'previous_section') {
    prerequisiteLessons = await uow.courses.previousSectionLessons(e.courseId, e.courseVersion, lesson.sectionPosition);
  }
  const ids = prerequisiteLessons.map((l) => l.lessonId);
  const completed = await uow.progress.completedAmong(e.id, ids);
  const lock = evaluateLock(lesson, {
    enrolledAt: e.enrolledAt,
    now: env.clock(),
    prerequisiteLessons: ids.map((lessonId) => ({ lessonId, completed: completed.has(lessonId) })),
  });
  if (lock.kind === 'drip') throw EnrollmentErrors.lessonLocked(lock.unlockAt);
  if (lock.kind === 'prerequisite') throw EnrollmentErrors.prerequisiteRequired(lock.missingLessonIds, lock.prerequisite);
}

/** The locked enrolment (at the course's current version), the lesson it may open, and the upgrade's events. */
export interface LearnerLesson {
  enrollment: Enrollment;
  lesson: CourseLesson;
  lessonId: string;
  /** Events of bringing the enrolment to the current version: emit them with the command's own. */
  events: DomainEvent[];
}

type LearnerOutcome<T> = { kind: 'done'; value: T } | { kind: 'not_owner' } | { kind: 'unknown_lesson'; enrollment: Enrollment };

/**
 * The entry point of the student's progress commands (it owns their units of work). The common case is one
 * unit of work whose first statement locks the enrolment and reads the course version and the lesson (one
 * round trip), then runs `command`; the rare cases (not the owner, a lesson our model does not know) are
 * sorted out after it, outside any transaction (a catalog read), and the unit of work is run once more.
 */
export async function runLearnerLesson<T>(
  deps: EnrollmentDeps,
  caller: Caller,
  ids: LessonIds,
  command: (uow: EnrollmentUnitOfWork, learner: LearnerLesson) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const outcome: LearnerOutcome<T> = await deps.units.run(async (uow) => {
      const row = await uow.enrollments.lockWithLesson(ids.enrollmentId, ids.lessonId);
      if (!row || row.enrollment.studentId !== caller.userId) return { kind: 'not_owner' };
      let { enrollment, lesson } = row;
      // Access ended (the timer may not have marked it yet): progress is read-only from then on.
      if (enrollment.status === 'expired' || (isLearning(enrollment.status) && accessEnded(enrollment, deps.clock()))) {
        throw EnrollmentErrors.expired(enrollment.expiresAt);
      }
      if (!isLearning(enrollment.status)) throw EnrollmentErrors.notActive(enrollment.status);
      let events: DomainEvent[] = [];
      if (row.course && row.course.currentVersion > enrollment.courseVersion) {
        const target = { version: row.course.currentVersion, totalCountable: row.course.totalCountable };
        const upgraded = await upgradeLocked(uow, deps, enrollment.courseId, target, [enrollment]);
        enrollment = upgraded.enrollments[0];
        events = upgraded.events;
        lesson = await uow.courses.getLesson(enrollment.courseId, enrollment.courseVersion, ids.lessonId);
      }
      if (!lesson) return { kind: 'unknown_lesson', enrollment };
      await assertUnlocked(uow, deps, enrollment, lesson);
      return { kind: 'done', value: await command(uow, { enrollment, lesson, lessonId: ids.lessonId, events }) };
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
  uow: EnrollmentUnitOfWork,
  enrollment: Enrollment,
  lesson: CourseLesson | null,
  lessonId: string,
  at: Date,
  by: 'student' | 'quiz',
): Promise<{ progress: LessonProgress; enrollment: Enrollment; events: DomainEvent[] }> {
  const { progress, transitioned, created } = await uow.progress.complete(enrollment.id, lessonId, at, by);
  if (!transitioned) {
    const touched: Enrollment = { ...enrollment, lastAccessedAt: at };
    await uow.enrollments.save(touched);
    return { progress, enrollment: touched, events: [] };
  }
  const change = recordLessonCompletion(enrollment, { countable: lesson?.countable ?? false, at });
  await uow.enrollments.save(change.enrollment);
  const events: DomainEvent[] = [];
  if (created) events.push(lessonStarted(enrollment, lessonId, at));
  events.push(lessonCompleted(enrollment, lessonId, at), ...change.events);
  return { progress, enrollment: change.enrollment, events };
}

/** Opens the lesson (creating its progress row) or touches it. */
export async function startLesson(uow: EnrollmentUnitOfWork, env: CommandEnv, { enrollment, lessonId, events }: LearnerLesson): Promise<ProgressResult> {
  const at = env.clock();
  const { progress, created } = await uow.progress.start(enrollment.id, lessonId, at);
  const touched: Enrollment = { ...enrollment, startedAt: enrollment.startedAt ?? at, lastAccessedAt: at };
  await uow.enrollments.save(touched);
  await uow.emit(...events, ...(created ? [lessonStarted(touched, lessonId, at)] : []));
  return { progress, enrollment: touched };
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
async function reachesVideoThreshold(uow: EnrollmentUnitOfWork, enrollment: Enrollment, lesson: CourseLesson, update: ProgressUpdate): Promise<boolean> {
  if (lesson.lessonType !== 'video' || update.completionPercentage === undefined || update.completionPercentage <= 0) return false;
  const course = await uow.courses.get(enrollment.courseId);
  return update.completionPercentage >= (course?.videoCompletionThreshold ?? DEFAULT_VIDEO_COMPLETION_THRESHOLD);
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
 */
export async function updateLessonProgress(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  { enrollment, lesson, lessonId, events }: LearnerLesson,
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
  let result = progress;
  if (update.complete || (await reachesVideoThreshold(uow, enrollment, lesson, update))) {
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

/** Idempotent: completing twice (or concurrently) has one effect and returns the same completion. */
export async function completeLesson(uow: EnrollmentUnitOfWork, env: CommandEnv, { enrollment, lesson, lessonId, events }: LearnerLesson): Promise<ProgressResult> {
  if (lesson.lessonType === 'quiz') {
    const existing = await uow.progress.get(enrollment.id, lessonId);
    if (existing?.completedAt) return { progress: existing, enrollment };
    throw EnrollmentErrors.quizRequired();
  }
  const done = await completeLocked(uow, enrollment, lesson, lessonId, env.clock(), 'student');
  await uow.emit(...events, ...done.events);
  return { progress: done.progress, enrollment: done.enrollment };
}

export interface QuizPassedFact {
  studentId: string;
  courseId: string;
  lessonId: string;
  passedAt: Date;
}

/**
 * Before `quiz.passed`'s inbox transaction (the consumer's `prepare`: no transaction open, reads on autocommit):
 * when the quiz's lesson is not in our model of the course yet (its course.published may be late), fetches
 * catalog's outline (throttled per course). The handler stores it in its own unit of work; a failed fetch is
 * logged and the completion is still recorded (it counts once the version arrives).
 */
export async function prepareLessonFromQuiz(deps: EnrollmentDeps, fact: QuizPassedFact): Promise<CatalogOutline | null> {
  const read = deps.units.read;
  const found = await read.enrollments.findByStudentCourse(fact.studentId, fact.courseId);
  if (!found) return null;
  const course = await read.courses.get(fact.courseId);
  const knownVersion = Math.max(course?.currentVersion ?? 0, found.courseVersion);
  if (course && (await read.courses.getLesson(fact.courseId, knownVersion, fact.lessonId))) return null;
  return fetchOutlineThrottled(deps, fact.courseId).catch((err: Error) => {
    deps.logger.warn({ err: err.message, course_id: fact.courseId }, 'could not refresh the course outline for quiz.passed');
    return null;
  });
}

/**
 * `quiz.passed` completes the quiz's lesson for the student's enrolment, in the unit of work joined to the
 * consumer's inbox transaction (a duplicate event never gets here; a second, different event for the same
 * lesson finds the lesson completed and changes nothing). The quiz service is the authority: no drip check
 * here. A lesson our model does not know yet is still recorded; it counts once its course version arrives.
 * DB-only: an outline fetched by `prepareLessonFromQuiz` is stored in this same unit of work.
 */
export async function completeLessonFromQuiz(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  fact: QuizPassedFact,
  outline: CatalogOutline | null = null,
): Promise<'completed' | 'duplicate' | 'not_enrolled'> {
  const found = await uow.enrollments.findByStudentCourse(fact.studentId, fact.courseId);
  if (!found) return 'not_enrolled';
  if (outline) await storeOutline(uow, env, fact.courseId, outline);
  const { enrollment, events } = await lockEnrollment(uow, env, found.id);
  const lesson = await uow.courses.getLesson(enrollment.courseId, enrollment.courseVersion, fact.lessonId);
  const done = await completeLocked(uow, enrollment, lesson, fact.lessonId, fact.passedAt, 'quiz');
  await uow.emit(...events, ...done.events);
  return done.events.length ? 'completed' : 'duplicate';
}

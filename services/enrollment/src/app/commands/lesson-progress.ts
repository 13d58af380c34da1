import type { DomainEvent } from '@lms/kit/events';
import type { CourseLesson } from '../../domain/course';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, recordLessonCompletion, type Enrollment } from '../../domain/enrollment';
import { lessonCompleted, lessonStarted } from '../../domain/enrollment.events';
import { evaluateLock, type LessonProgress } from '../../domain/progress';
import { Checker } from '../../domain/validation';
import { DEFAULT_VIDEO_COMPLETION_THRESHOLD } from '../../infra/course-model.repository';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { loadOwned, throwIfInvalid, type Caller } from '../shared';
import { refreshFromCatalogThrottled } from './course-model';
import { upgradeLocked } from './recompute';

/*
 * The common frame of the student's progress commands (start-lesson, update-lesson-progress, complete-lesson)
 * and of complete-lesson-from-quiz: parsing the ids, the unit of work that locks the enrolment and finds the
 * lesson (`runLearnerLesson`), and the one completion path that moves the counters (`completeLocked`).
 */
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

export function parseIds(cmd: LessonCommand, check: Checker): LessonIds {
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
export async function lockEnrollment(uow: EnrollmentUnitOfWork, env: CommandEnv, enrollmentId: string) {
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
  /** The course's video completion threshold (read with the lock: no second read of the course row). */
  videoCompletionThreshold: number;
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
      const videoCompletionThreshold = row.course?.videoCompletionThreshold ?? DEFAULT_VIDEO_COMPLETION_THRESHOLD;
      return { kind: 'done', value: await command(uow, { enrollment, lesson, lessonId: ids.lessonId, events, videoCompletionThreshold }) };
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
export async function completeLocked(
  uow: EnrollmentUnitOfWork,
  enrollment: Enrollment,
  lesson: CourseLesson | null,
  lessonId: string,
  at: Date,
  by: 'student' | 'quiz',
): Promise<{ progress: LessonProgress; enrollment: Enrollment; events: DomainEvent[] }> {
  const countable = lesson?.countable ?? false;
  // The aggregates as the transition leaves them, written by the completion's own statement if it transitions.
  // A full counter can only meet a repeat: the transition would break the invariant, which
  // recordLessonCompletion refuses below (then nothing was written for the enrolment, and the transaction rolls back).
  const full = countable && enrollment.completedLessonsCount >= enrollment.totalLessonsCount;
  const written = full ? null : recordLessonCompletion(enrollment, { countable, at });
  const { progress, transitioned, created } = await uow.progress.complete(enrollment.id, lessonId, at, by, written?.enrollment ?? null);
  if (!transitioned) {
    const touched: Enrollment = { ...enrollment, lastAccessedAt: at };
    await uow.enrollments.save(touched);
    return { progress, enrollment: touched, events: [] };
  }
  const change = written ?? recordLessonCompletion(enrollment, { countable, at });
  const events: DomainEvent[] = [];
  if (created) events.push(lessonStarted(enrollment, lessonId, at));
  events.push(lessonCompleted(enrollment, lessonId, at), ...change.events);
  return { progress, enrollment: change.enrollment, events };
}

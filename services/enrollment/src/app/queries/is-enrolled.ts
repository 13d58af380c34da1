import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, type Enrollment, type EnrollmentStatus } from '../../domain/enrollment';
import { dripUnlockAt, evaluateLock } from '../../domain/progress';
import { Checker } from '../../domain/validation';
import type { LessonAccessFacts } from '../../infra/enrollment.repository';
import type { EnrollmentDeps } from '../deps';
import { ownsCourse, throwIfInvalid, type Caller } from '../shared';
import { refreshFromCatalogThrottled } from '../commands/course-model';

/** "May this student open this lesson now?" — the one answer catalog (content) and quiz (attempts) ask for. */
export interface LessonAccess {
  locked: boolean;
  /** When the drip rules open it for this enrolment (null = no drip rule). */
  unlockAt: Date | null;
  reason: '' | 'drip' | 'prerequisite' | 'unknown_lesson';
  missingLessonIds: string[];
  completed: boolean;
}

export interface IsEnrolledResult {
  enrolled: boolean;
  enrollmentId: string;
  status: EnrollmentStatus | '';
  expiresAt: Date | null;
  /** Only when a lesson was asked about and the student is enrolled. */
  lesson: LessonAccess | null;
}

/**
 * For other services, with the end user's token: is this student enrolled (active or completed, and
 * access not ended)? An expired enrolment — or one whose end of access has passed a moment before the
 * timer marked it — is not enrolled, so quiz attempts and lesson content are refused.
 * With `lessonId`, also whether the lesson is locked for this enrolment (see `lessonAccess`).
 * A student may only ask about themself; the course's instructor and admins about anyone.
 */
export async function isEnrolled(
  deps: EnrollmentDeps,
  caller: Caller,
  q: { courseId: string; studentId: string; lessonId?: string },
): Promise<IsEnrolledResult> {
  const check = new Checker();
  const courseId = check.uuid('course_id', q.courseId);
  const studentId = q.studentId ? check.uuid('student_id', q.studentId) : caller.userId;
  const lessonId = q.lessonId ? check.uuid('lesson_id', q.lessonId) : '';
  throwIfInvalid(check);
  if (studentId !== caller.userId && !(await ownsCourse(deps, caller, courseId))) throw EnrollmentErrors.courseOwnerOnly();
  // One statement: the enrolment and, with a lesson, everything its lock rules need.
  const found = await deps.units.read.enrollments.findWithLessonAccess(studentId, courseId, lessonId || null);
  if (!found) return { enrolled: false, enrollmentId: '', status: '', expiresAt: null, lesson: null };
  const e = found.enrollment;
  const ended = accessEnded(e, deps.clock());
  const status = ended && e.status === 'active' ? 'expired' : e.status;
  const enrolled = isLearning(e.status) && !ended;
  let lesson = enrolled && lessonId ? lessonAccess(found.lesson, e, deps.clock()) : null;
  if (lesson?.reason === 'unknown_lesson' && (await refreshForUnknownLesson(deps, e.courseId, lessonId))) {
    const again = await deps.units.read.enrollments.findWithLessonAccess(studentId, courseId, lessonId);
    lesson = again ? lessonAccess(again.lesson, again.enrollment, deps.clock()) : null;
  }
  return { enrolled, enrollmentId: e.id, status, expiresAt: e.expiresAt, lesson };
}

/**
 * A lesson the course model does not know yet (the catalog event may simply be late) makes it re-read
 * catalog's outline, throttled per course by OUTLINE_REFRESH_MIN_INTERVAL_MS like the progress writes, and
 * store it in its own unit of work (the read model is filled; nothing of the enrolment changes). A deleted
 * lesson, a throttled or failed refresh → false.
 */
async function refreshForUnknownLesson(deps: EnrollmentDeps, courseId: string, lessonId: string): Promise<boolean> {
  if (await deps.units.read.courses.isLessonDeleted(lessonId)) return false;
  return refreshFromCatalogThrottled(deps, courseId).catch((err: Error) => {
    deps.logger.warn({ err: err.message, course_id: courseId }, 'could not refresh the course outline for a lesson lock');
    return false;
  });
}

/**
 * The same rules as the progress writes (`assertUnlocked` in commands/lesson-progress.ts) and GetProgress:
 * drip (`unlock_at`, `enrolled_at + unlock_after_days`) first, then the prerequisite (previous lesson in
 * course order, or every lesson of the previous section), evaluated against the course's current version
 * (the one a progress write would bring the enrolment to; `findWithLessonAccess` reads the lesson there). A
 * lesson the student already completed is open (as in GetProgress). A lesson the course model does not know
 * (or a deleted one: `facts` null) is reported locked with reason `unknown_lesson`: callers fail closed
 * (`isEnrolled` refreshes the model once and asks again).
 */
export function lessonAccess(facts: LessonAccessFacts | null, e: Enrollment, now: Date): LessonAccess {
  if (!facts) return { locked: true, unlockAt: null, reason: 'unknown_lesson', missingLessonIds: [], completed: false };
  const { lesson, prerequisites } = facts;
  const unlockAt = dripUnlockAt(lesson, e.enrolledAt);
  if (facts.completed) return { locked: false, unlockAt, reason: '', missingLessonIds: [], completed: true };
  const lock = evaluateLock(lesson, { enrolledAt: e.enrolledAt, now, prerequisiteLessons: prerequisites });
  if (lock.kind === 'drip') return { locked: true, unlockAt: lock.unlockAt, reason: 'drip', missingLessonIds: [], completed: false };
  if (lock.kind === 'prerequisite') {
    return { locked: true, unlockAt, reason: 'prerequisite', missingLessonIds: lock.missingLessonIds, completed: false };
  }
  return { locked: false, unlockAt, reason: '', missingLessonIds: [], completed: false };
}

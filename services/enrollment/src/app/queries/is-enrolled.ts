import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, type Enrollment, type EnrollmentStatus } from '../../domain/enrollment';
import type { CourseLesson } from '../../domain/course';
import { dripUnlockAt, evaluateLock } from '../../domain/progress';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps, EnrollmentRepositories } from '../deps';
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
  const e = await deps.units.read.enrollments.findByStudentCourse(studentId, courseId);
  if (!e) return { enrolled: false, enrollmentId: '', status: '', expiresAt: null, lesson: null };
  const ended = accessEnded(e, deps.clock());
  const status = ended && e.status === 'active' ? 'expired' : e.status;
  const enrolled = isLearning(e.status) && !ended;
  let lesson = enrolled && lessonId ? await lessonAccess(deps.units.read, deps.clock(), e, lessonId) : null;
  if (lesson?.reason === 'unknown_lesson' && (await refreshForUnknownLesson(deps, e.courseId, lessonId))) {
    lesson = await lessonAccess(deps.units.read, deps.clock(), e, lessonId);
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
 * (the one a progress write would bring the enrolment to). A lesson the student already completed is open
 * (as in GetProgress). A lesson the course model does not know (or a deleted one) is reported locked with
 * reason `unknown_lesson`: callers fail closed (`isEnrolled` refreshes the model once and asks again). Reads only.
 */
export async function lessonAccess(read: EnrollmentRepositories, now: Date, e: Enrollment, lessonId: string): Promise<LessonAccess> {
  const course = await read.courses.get(e.courseId);
  const version = Math.max(course?.currentVersion ?? 0, e.courseVersion);
  const lesson = await read.courses.getLesson(e.courseId, version, lessonId);
  if (!lesson) return { locked: true, unlockAt: null, reason: 'unknown_lesson', missingLessonIds: [], completed: false };
  let prerequisiteLessons: CourseLesson[] = [];
  if (lesson.prerequisite === 'previous_lesson' && lesson.position > 0) {
    const previous = await read.courses.getLessonAt(e.courseId, version, lesson.position - 1);
    prerequisiteLessons = previous ? [previous] : [];
  } else if (lesson.prerequisite === 'previous_section') {
    prerequisiteLessons = await read.courses.previousSectionLessons(e.courseId, version, lesson.sectionPosition);
  }
  const ids = prerequisiteLessons.map((l) => l.lessonId);
  const completed = await read.progress.completedAmong(e.id, [lessonId, ...ids]);
  const unlockAt = dripUnlockAt(lesson, e.enrolledAt);
  if (completed.has(lessonId)) return { locked: false, unlockAt, reason: '', missingLessonIds: [], completed: true };
  const lock = evaluateLock(lesson, {
    enrolledAt: e.enrolledAt,
    now,
    prerequisiteLessons: ids.map((id) => ({ lessonId: id, completed: completed.has(id) })),
  });
  if (lock.kind === 'drip') return { locked: true, unlockAt: lock.unlockAt, reason: 'drip', missingLessonIds: [], completed: false };
  if (lock.kind === 'prerequisite') {
    return { locked: true, unlockAt, reason: 'prerequisite', missingLessonIds: lock.missingLessonIds, completed: false };
  }
  return { locked: false, unlockAt, reason: '', missingLessonIds: [], completed: false };
}

import { AppError, UnavailableError } from '@lms/kit/errors';
import { CatalogErrors } from '../../domain/catalog.errors';
import { canManage, type Course } from '../../domain/course';
import type { Lesson } from '../../domain/lesson';
import type { CatalogDeps } from '../deps';
import { publicOutlineEntry } from './get-course-outline';
import { assertCanRead, canRead, requireUuid, type Caller } from '../shared';

/** A drip date or prerequisite rule: the enrollment service decides whether this student may open it now. */
export function hasAccessRule(lesson: Pick<Lesson, 'unlockAt' | 'unlockAfterDays' | 'prerequisite'>): boolean {
  return lesson.unlockAt !== null || lesson.unlockAfterDays > 0 || lesson.prerequisite !== '';
}

/**
 * FAILED_PRECONDITION `CATALOG.LESSON_LOCKED`: the student is enrolled but the lesson is locked for them.
 * The meta says when it opens (`unlock_at`, null when no drip rule), why (`lock_reason`: drip |
 * prerequisite | unknown_lesson), the lessons still to complete and the lesson's course (so a caller can
 * show its outline entry — the gateway does: `is_locked: true`, no content, video or resources).
 */
export function lessonLocked(lesson: Lesson, answer: { unlockAt: string; reason: string; missingLessonIds: string[] }): AppError {
  const message =
    answer.reason === 'drip' && answer.unlockAt
      ? `This lesson is locked until ${answer.unlockAt}`
      : answer.reason === 'prerequisite'
        ? 'This lesson is locked: complete its prerequisite first'
        : 'This lesson is locked for now';
  return new AppError('failed_precondition', message, {
    code: 'CATALOG.LESSON_LOCKED',
    meta: {
      lesson_id: lesson.id,
      course_id: lesson.courseId,
      unlock_at: answer.unlockAt || null,
      lock_reason: answer.reason || 'unknown_lesson',
      lesson_ids: answer.missingLessonIds,
    },
  });
}

/**
 * A lesson with its content: for the owner and admins always; for others published preview lessons of a
 * course they may see; for students enrolled in the course its other published lessons **once open for
 * them** — also once the course is unpublished or archived (`canRead`). Drafts (and lessons of courses the
 * caller may not read) are NOT_FOUND; other published lessons are PERMISSION_DENIED
 * `CATALOG.ENROLLMENT_REQUIRED`.
 *
 * Enrolment: a lesson without drip/prerequisite rules needs only the catalog's read model of enrolments
 * (fed by the enrollment service's events), or — for an enrolment not seen yet — the enrollment service.
 * A lesson with a rule (`unlock_at`, `unlock_after_days`, `prerequisite`) is always decided by the
 * enrollment service (`IsEnrolled` with the lesson id, the student's token forwarded: the one authority on
 * drip and prerequisites, the same rules as its progress writes): locked → FAILED_PRECONDITION
 * `CATALOG.LESSON_LOCKED` (see `lessonLocked`), never the content; enrollment unreachable → UNAVAILABLE
 * `CATALOG.LESSON_ACCESS_UNAVAILABLE` (fail closed).
 */
export async function getLesson(deps: CatalogDeps, caller: Caller | undefined, query: { lessonId: string }): Promise<Lesson> {
  const lessonId = requireUuid('lesson_id', query.lessonId);
  const lesson = await deps.units.read.lessons.findById(lessonId, { withContent: true });
  if (!lesson) throw CatalogErrors.lessonNotFound();
  await assertCanReadContent(deps, caller, lesson, await deps.units.read.courses.findById(lesson.courseId));
  return lesson;
}

/**
 * GetLesson's rule (above) for one lesson of `course`: returns when the caller may read the lesson's content
 * (and so its video and attachments: CanReadLessonFile asks the same), throws the refusal otherwise.
 */
export async function assertCanReadContent(
  deps: CatalogDeps,
  caller: Caller | undefined,
  lesson: Lesson,
  course: Course | undefined,
): Promise<void> {
  if (!course || !(await canRead(deps, course, caller))) throw CatalogErrors.lessonNotFound();
  if (canManage(course, caller)) return;
  if (!lesson.isPublished) throw CatalogErrors.lessonNotFound();
  if (lesson.isPreview) return;
  if (caller?.role === 'student') {
    if (hasAccessRule(lesson)) {
      const answer = await deps.enrollmentService.callerLessonAccess(course.id, lesson.id);
      if (!answer) {
        throw new UnavailableError('Cannot check whether this lesson is open for you now; try again shortly', 'CATALOG.LESSON_ACCESS_UNAVAILABLE');
      }
      if (!answer.enrolled) throw CatalogErrors.enrollmentRequired();
      if (answer.locked) throw lessonLocked(lesson, answer);
      return;
    }
    // The event-fed read model first; the enrollment service only for an enrolment it has not seen yet.
    if (await deps.units.read.enrollments.isActiveStudent(course.id, caller.userId)) return;
    if (await deps.enrollmentService.callerIsEnrolled(course.id)) return;
  }
  throw CatalogErrors.enrollmentRequired();
}

/**
 * The lessons of a course in order, without content: all for the owner/admins; published ones for others,
 * as outline entries (no `video_url`/`resources` except on preview lessons: see `publicOutlineEntry`).
 */
export async function listLessons(deps: CatalogDeps, caller: Caller | undefined, query: { courseId: string }): Promise<Lesson[]> {
  const courseId = requireUuid('course_id', query.courseId);
  const course = await assertCanRead(deps, await deps.units.read.courses.findById(courseId), caller);
  const lessons = await deps.units.read.lessons.listByCourse(courseId);
  return canManage(course, caller) ? lessons : lessons.filter((l) => l.isPublished).map(publicOutlineEntry);
}

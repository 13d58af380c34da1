import { CatalogErrors } from '../../domain/catalog.errors';
import { assertCanView, canManage, canView } from '../../domain/course';
import type { Lesson } from '../../domain/lesson';
import type { CatalogDeps } from '../deps';
import { requireUuid, type Caller } from '../shared';

/**
 * A lesson with its content: for the owner and admins always; for students enrolled in the course
 * (per the catalog's read model of enrolments, fed by the enrollment service's events, or — for an
 * enrolment not seen yet — the enrollment service itself) its published lessons; for others only published preview lessons of a course they may see. Drafts (and lessons of
 * invisible courses) are NOT_FOUND; other published lessons are PERMISSION_DENIED
 * `CATALOG.ENROLLMENT_REQUIRED`.
 */
export async function getLesson(deps: CatalogDeps, caller: Caller | undefined, query: { lessonId: string }): Promise<Lesson> {
  const lessonId = requireUuid('lesson_id', query.lessonId);
  const lesson = await deps.lessons.findById(lessonId, { withContent: true });
  if (!lesson) throw CatalogErrors.lessonNotFound();
  const course = await deps.courses.findById(lesson.courseId);
  if (!course || !canView(course, caller)) throw CatalogErrors.lessonNotFound();
  if (canManage(course, caller)) return lesson;
  if (!lesson.isPublished) throw CatalogErrors.lessonNotFound();
  if (lesson.isPreview) return lesson;
  if (caller?.role === 'student') {
    // The event-fed read model first; the enrollment service only for an enrolment it has not seen yet.
    if (await deps.enrollments.isActiveStudent(course.id, caller.userId)) return lesson;
    if (await deps.enrollmentService.callerIsEnrolled(course.id)) return lesson;
  }
  throw CatalogErrors.enrollmentRequired();
}

/** The lessons of a course in order, without content: all for the owner/admins, published ones for others. */
export async function listLessons(deps: CatalogDeps, caller: Caller | undefined, query: { courseId: string }): Promise<Lesson[]> {
  const courseId = requireUuid('course_id', query.courseId);
  const course = assertCanView(await deps.courses.findById(courseId), caller);
  const lessons = await deps.lessons.listByCourse(courseId);
  return canManage(course, caller) ? lessons : lessons.filter((l) => l.isPublished);
}

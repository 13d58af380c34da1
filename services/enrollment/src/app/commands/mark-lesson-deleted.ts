import type { EnrollmentUnitOfWork } from '../deps';

/** lesson.deleted: the lesson can no longer be opened (the lesson list itself follows from catalog's outline). */
export async function markLessonDeleted(uow: EnrollmentUnitOfWork, lessonId: string, courseId: string, at: Date) {
  await uow.courses.markLessonDeleted(lessonId, courseId, at);
}

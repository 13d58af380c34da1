import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonDeleted } from '../../domain/catalog.events';
import type { CatalogPorts, CatalogUnitOfWork } from '../deps';
import { lockManagedLesson, requireUuid, syncContent, type Caller } from '../shared';

/**
 * Deletes a lesson (owner/admin); the following lessons of its section move up. Emits `lesson.deleted`
 * and, when it was a countable lesson of a published course, a new version. The last published lesson
 * of a published course cannot be deleted (unpublish the course first).
 */
export async function deleteLesson(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: { lessonId: string }): Promise<void> {
  const lessonId = requireUuid('lesson_id', cmd.lessonId);
  const { course, lesson } = await lockManagedLesson(uow, lessonId, caller);
  if (lesson.isPublished && course.isPublished && course.totalLessons <= 1) throw CatalogErrors.lastPublishedLesson();
  await uow.lessons.delete(lesson);
  const now = ports.clock();
  await uow.emit(lessonDeleted(lesson, now));
  await syncContent(uow, course, now);
}

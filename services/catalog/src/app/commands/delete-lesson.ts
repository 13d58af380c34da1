import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonDeleted } from '../../domain/catalog.events';
import type { CatalogDeps } from '../deps';
import { emit, lockManagedLesson, requireUuid, syncContent, write, type Caller } from '../shared';

/**
 * Deletes a lesson (owner/admin); the following lessons of its section move up. Emits `lesson.deleted`
 * and, when it was a countable lesson of a published course, a new version. The last published lesson
 * of a published course cannot be deleted (unpublish the course first).
 */
export async function deleteLesson(deps: CatalogDeps, caller: Caller, cmd: { lessonId: string }): Promise<void> {
  const lessonId = requireUuid('lesson_id', cmd.lessonId);
  await write(deps, async (transaction) => {
    const { course, lesson } = await lockManagedLesson(deps, transaction, lessonId, caller);
    if (lesson.isPublished && course.isPublished && course.totalLessons <= 1) throw CatalogErrors.lastPublishedLesson();
    await deps.lessons.delete(lesson, transaction);
    const now = deps.clock();
    await emit(deps, transaction, lessonDeleted(lesson, now));
    await syncContent(deps, transaction, course, now);
  });
}

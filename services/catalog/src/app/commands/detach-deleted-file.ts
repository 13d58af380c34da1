import { lessonUpdated } from '../../domain/catalog.events';
import type { LessonContent, LessonField } from '../../domain/lesson';
import type { CatalogUnitOfWork } from '../deps';

/**
 * A media file was deleted: it is recorded as deleted (a lesson write checked just before cannot attach it
 * afterwards: see DeletedFileRepository) and detached from every lesson — as the video (a video lesson may be
 * left without one, like one whose URL was never set) and from the attachments, the others keeping their
 * order. Each changed lesson emits `lesson.updated` (changed_fields `video_file_id` / `attachment_file_ids`).
 * Idempotent: a second delivery finds nothing to detach. Returns the changed lessons' ids.
 */
export async function detachDeletedFile(uow: CatalogUnitOfWork, cmd: { fileId: string; deletedAt: Date }): Promise<string[]> {
  const fileId = cmd.fileId.toLowerCase();
  await uow.deletedFiles.lockExclusive(fileId); // before any course lock, as lesson writes
  await uow.deletedFiles.record(fileId, cmd.deletedAt);
  const seen = await uow.lessons.listReferencingFile(fileId);
  // Lesson writes hold their course's row lock: take them (in id order), then read the references again.
  for (const courseId of [...new Set(seen.map((l) => l.courseId))].sort()) await uow.courses.lockById(courseId);
  const lessons = seen.length ? await uow.lessons.listReferencingFile(fileId) : [];
  for (const lesson of lessons) {
    const changed: LessonField[] = [];
    const content: Partial<LessonContent> = {};
    if (lesson.videoFileId === fileId) {
      content.videoFileId = null;
      changed.push('video_file_id');
    }
    const kept = lesson.attachments.filter((a) => a.fileId !== fileId);
    if (kept.length !== lesson.attachments.length) {
      await uow.lessons.replaceAttachments(lesson.id, kept);
      changed.push('attachment_file_ids');
    }
    const updated = await uow.lessons.update(lesson.id, { content });
    await uow.emit(lessonUpdated(updated, changed, updated.updatedAt));
  }
  return lessons.map((l) => l.id);
}

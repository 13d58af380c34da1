import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonUpdated } from '../../domain/catalog.events';
import {
  assertVideoUrlKept,
  validateLessonPatch,
  type ContentField,
  type Lesson,
  type LessonContent,
  type LessonField,
  type LessonInput,
} from '../../domain/lesson';
import { checkLessonFiles, referencedFileIds, sameAttachments, type FileFacts } from '../../domain/lesson-files';
import type { CatalogDeps, CatalogPorts, CatalogUnitOfWork } from '../deps';
import { allocateSlug, inSlugFamily, lessonBaseSlug } from '../slugs';
import { lockManagedLesson, requireUuid, syncContent, type Caller } from '../shared';

export interface UpdateLessonCommand extends LessonInput {
  lessonId: string;
  fields: string[];
}

/** A validated partial update, with the media service's facts about the files it references. */
export interface LessonUpdate {
  lessonId: string;
  patch: Partial<LessonContent>;
  attachmentFileIds: string[] | undefined;
  sectionId: string | undefined;
  slug: string | undefined;
  files: ReadonlyMap<string, FileFacts>;
}

/** Validates the request and asks media about the files it attaches (a remote call: before the transaction). */
export async function prepareUpdateLesson(deps: Pick<CatalogDeps, 'media'>, cmd: UpdateLessonCommand): Promise<LessonUpdate> {
  const lessonId = requireUuid('lesson_id', cmd.lessonId);
  const { patch, attachmentFileIds, sectionId, slug } = validateLessonPatch(cmd, cmd.fields);
  const files = await deps.media.fileFacts(referencedFileIds({ videoFileId: patch.videoFileId, attachmentFileIds }));
  return { lessonId, patch, attachmentFileIds, sectionId, slug, files };
}

const CONTENT_KEYS: Record<ContentField, keyof LessonContent> = {
  title: 'title',
  description: 'description',
  content: 'content',
  lesson_type: 'lessonType',
  duration_minutes: 'durationMinutes',
  video_url: 'videoUrl',
  resources: 'resources',
  is_preview: 'isPreview',
  counts_toward_completion: 'countsTowardCompletion',
  unlock_at: 'unlockAt',
  unlock_after_days: 'unlockAfterDays',
  prerequisite: 'prerequisite',
  video_file_id: 'videoFileId',
};

/**
 * Partial update of a lesson (owner/admin); `section_id` moves it to the end of another section of
 * the same course; `video_file_id` ("" detaches) and `attachment_file_ids` (the complete new list) follow
 * the rules of `checkLessonFiles`. Emits `lesson.updated` with the fields that really changed, and — when
 * the course is published and its countable lessons changed (e.g. counts_toward_completion) — a new version.
 */
export async function updateLesson(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, input: LessonUpdate): Promise<Lesson> {
  const { lessonId, patch, attachmentFileIds, sectionId, slug } = input;
  const fileIds = referencedFileIds({ videoFileId: patch.videoFileId, attachmentFileIds });
  await uow.deletedFiles.lockShared(fileIds); // before the course lock, as the deletion consumer
  const { course, lesson } = await lockManagedLesson(uow, lessonId, caller);
  assertVideoUrlKept(lesson, patch); // a video lesson keeps a video_url or a video file
  const attachments =
    fileIds.length || attachmentFileIds
      ? checkLessonFiles(course, { videoFileId: patch.videoFileId, attachmentFileIds }, input.files, await uow.deletedFiles.among(fileIds))
      : undefined;
  const changed: LessonField[] = [];
  if (sectionId && sectionId !== lesson.sectionId) {
    const section = await uow.sections.findById(sectionId);
    if (!section || section.courseId !== course.id) {
      throw CatalogErrors.validation([{ loc: ['section_id'], msg: 'is not a section of this course' }]);
    }
    await uow.lessons.moveToSection(lesson, sectionId);
    changed.push('section_id');
  }
  if (slug !== undefined && (await changeSlug(uow, ports, lesson, slug, patch.title ?? lesson.title))) changed.push('slug');
  const content: Partial<LessonContent> = {};
  for (const [field, key] of Object.entries(CONTENT_KEYS) as [ContentField, keyof LessonContent][]) {
    if (patch[key] === undefined || same(patch[key], lesson[key])) continue;
    (content as Record<string, unknown>)[key] = patch[key];
    changed.push(field);
  }
  if (attachmentFileIds && attachments && !sameAttachments(attachments, lesson.attachments)) {
    await uow.lessons.replaceAttachments(lessonId, attachments);
    changed.push('attachment_file_ids');
  }
  if (!changed.length) return lesson;
  const updated = await uow.lessons.update(lessonId, { content });
  await uow.emit(lessonUpdated(updated, changed, updated.updatedAt));
  await syncContent(uow, course, updated.updatedAt);
  return updated;
}

/** Publishes a lesson (owner/admin); a no-op when it already is. May bump a published course's version. */
export function publishLesson(uow: CatalogUnitOfWork, caller: Caller, cmd: { lessonId: string }): Promise<Lesson> {
  return setPublished(uow, caller, cmd.lessonId, true);
}

/**
 * Takes a lesson back to draft (owner/admin). The last published lesson of a published course cannot
 * be unpublished (FAILED_PRECONDITION: unpublish the course first).
 */
export function unpublishLesson(uow: CatalogUnitOfWork, caller: Caller, cmd: { lessonId: string }): Promise<Lesson> {
  return setPublished(uow, caller, cmd.lessonId, false);
}

async function setPublished(uow: CatalogUnitOfWork, caller: Caller, rawId: string, publish: boolean): Promise<Lesson> {
  const lessonId = requireUuid('lesson_id', rawId);
  const { course, lesson } = await lockManagedLesson(uow, lessonId, caller);
  if (lesson.isPublished === publish) return lesson;
  if (!publish && course.isPublished && course.totalLessons <= 1) throw CatalogErrors.lastPublishedLesson();
  const updated = await uow.lessons.update(lessonId, { isPublished: publish });
  await uow.emit(lessonUpdated(updated, ['is_published'], updated.updatedAt));
  await syncContent(uow, course, updated.updatedAt);
  return updated;
}

async function changeSlug(uow: CatalogUnitOfWork, ports: CatalogPorts, lesson: Lesson, requested: string, title: string): Promise<boolean> {
  if (requested) {
    if (requested === lesson.slug) return false;
    if (!(await uow.lessons.trySetSlug(lesson.id, requested))) throw CatalogErrors.lessonSlugTaken();
    return true;
  }
  const base = lessonBaseSlug(ports, title);
  if (inSlugFamily(lesson.slug, base)) return false;
  await allocateSlug(
    ports,
    base,
    () => uow.lessons.takenSlugs(lesson.courseId, base),
    async (candidate) => ((await uow.lessons.trySetSlug(lesson.id, candidate)) ? candidate : undefined),
  );
  return true;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() === (b as Date | null)?.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

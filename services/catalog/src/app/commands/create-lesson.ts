import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonCreated } from '../../domain/catalog.events';
import { validateNewLesson, type Lesson, type LessonContent, type LessonInput, type Section } from '../../domain/lesson';
import { checkLessonFiles, referencedFileIds, type FileFacts } from '../../domain/lesson-files';
import type { CatalogDeps, CatalogPorts, CatalogRepositories, CatalogUnitOfWork } from '../deps';
import { allocateSlug, lessonBaseSlug } from '../slugs';
import { lockManagedCourse, requireUuid, syncContent, type Caller } from '../shared';

export interface CreateLessonCommand extends LessonInput {
  courseId: string;
  /** Which optional fields were sent (only `counts_toward_completion` matters: default true). */
  fields: string[];
}

/** A validated new lesson, with the media service's facts about the files it references. */
export interface NewLesson {
  courseId: string;
  content: LessonContent;
  attachmentFileIds: string[];
  sectionId: string | undefined;
  slug: string | undefined;
  files: ReadonlyMap<string, FileFacts>;
}

/** Validates the request and asks media about its files (a remote call: before the transaction). */
export async function prepareCreateLesson(deps: Pick<CatalogDeps, 'media'>, cmd: CreateLessonCommand): Promise<NewLesson> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const valid = validateNewLesson(cmd, cmd.fields);
  const files = await deps.media.fileFacts(referencedFileIds({ videoFileId: valid.content.videoFileId, attachmentFileIds: valid.attachmentFileIds }));
  return { courseId, ...valid, files };
}

/**
 * Adds a draft lesson at the end of a section (owner/admin): the given one, or the course's last
 * section, created as "Section 1" when the course has none. The slug is unique within the course.
 * Its video and attachments must be files of the course owner (or an admin): `checkLessonFiles`.
 * Emits `lesson.created`.
 */
export async function createLesson(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, input: NewLesson): Promise<Lesson> {
  const { courseId, content, sectionId, slug } = input;
  const fileIds = referencedFileIds({ videoFileId: content.videoFileId, attachmentFileIds: input.attachmentFileIds });
  await uow.deletedFiles.lockShared(fileIds); // before the course lock, as the deletion consumer
  const course = await lockManagedCourse(uow, courseId, caller);
  const attachments = checkLessonFiles(
    course,
    { videoFileId: content.videoFileId, attachmentFileIds: input.attachmentFileIds },
    input.files,
    await uow.deletedFiles.among(fileIds),
  );
  const section = await targetSection(uow, courseId, sectionId);
  const insert = (candidate: string) => uow.lessons.insertIfSlugFree({ courseId, sectionId: section.id, slug: candidate, content });
  let lesson: Lesson | undefined;
  if (slug) {
    lesson = await insert(slug);
    if (!lesson) throw CatalogErrors.lessonSlugTaken();
  } else {
    const base = lessonBaseSlug(ports, content.title);
    lesson = await allocateSlug(ports, base, () => uow.lessons.takenSlugs(courseId, base), insert);
  }
  if (attachments.length) {
    await uow.lessons.replaceAttachments(lesson.id, attachments);
    lesson = { ...lesson, attachments };
  }
  await uow.emit(lessonCreated(lesson));
  await syncContent(uow, course, lesson.createdAt);
  return lesson;
}

async function targetSection(uow: CatalogRepositories, courseId: string, sectionId: string | undefined): Promise<Section> {
  if (sectionId) {
    const section = await uow.sections.findById(sectionId);
    if (!section || section.courseId !== courseId) {
      throw CatalogErrors.validation([{ loc: ['section_id'], msg: 'is not a section of this course' }]);
    }
    return section;
  }
  const sections = await uow.sections.listByCourse(courseId);
  return sections.at(-1) ?? (await uow.sections.append(courseId, { title: 'Section 1', description: '' }));
}

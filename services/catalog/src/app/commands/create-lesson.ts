import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonCreated } from '../../domain/catalog.events';
import { validateNewLesson, type Lesson, type LessonInput, type Section } from '../../domain/lesson';
import type { CatalogPorts, CatalogRepositories, CatalogUnitOfWork } from '../deps';
import { allocateSlug, lessonBaseSlug } from '../slugs';
import { lockManagedCourse, requireUuid, syncContent, type Caller } from '../shared';

export interface CreateLessonCommand extends LessonInput {
  courseId: string;
  /** Which optional fields were sent (only `counts_toward_completion` matters: default true). */
  fields: string[];
}

/**
 * Adds a draft lesson at the end of a section (owner/admin): the given one, or the course's last
 * section, created as "Section 1" when the course has none. The slug is unique within the course.
 * Emits `lesson.created`.
 */
export async function createLesson(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: CreateLessonCommand): Promise<Lesson> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const { content, sectionId, slug } = validateNewLesson(cmd, cmd.fields);
  const course = await lockManagedCourse(uow, courseId, caller);
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

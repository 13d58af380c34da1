import type { Transaction } from 'sequelize';
import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonCreated } from '../../domain/catalog.events';
import { validateNewLesson, type Lesson, type LessonInput, type Section } from '../../domain/lesson';
import type { CatalogDeps } from '../deps';
import { allocateSlug, lessonBaseSlug } from '../slugs';
import { emit, lockManagedCourse, requireUuid, syncContent, write, type Caller } from '../shared';

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
export async function createLesson(deps: CatalogDeps, caller: Caller, cmd: CreateLessonCommand): Promise<Lesson> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const { content, sectionId, slug } = validateNewLesson(cmd, cmd.fields);
  return write(deps, async (transaction) => {
    const course = await lockManagedCourse(deps, transaction, courseId, caller);
    const section = await targetSection(deps, transaction, courseId, sectionId);
    const insert = (candidate: string) =>
      deps.lessons.insertIfSlugFree({ courseId, sectionId: section.id, slug: candidate, content }, transaction);
    let lesson: Lesson | undefined;
    if (slug) {
      lesson = await insert(slug);
      if (!lesson) throw CatalogErrors.lessonSlugTaken();
    } else {
      const base = lessonBaseSlug(deps, content.title);
      lesson = await allocateSlug(deps, base, () => deps.lessons.takenSlugs(courseId, base, transaction), insert);
    }
    await emit(deps, transaction, lessonCreated(lesson));
    await syncContent(deps, transaction, course, lesson.createdAt);
    return lesson;
  });
}

async function targetSection(
  deps: CatalogDeps,
  transaction: Transaction,
  courseId: string,
  sectionId: string | undefined,
): Promise<Section> {
  if (sectionId) {
    const section = await deps.sections.findById(sectionId, transaction);
    if (!section || section.courseId !== courseId) {
      throw CatalogErrors.validation([{ loc: ['section_id'], msg: 'is not a section of this course' }]);
    }
    return section;
  }
  const sections = await deps.sections.listByCourse(courseId, transaction);
  return sections.at(-1) ?? (await deps.sections.append(courseId, { title: 'Section 1', description: '' }, transaction));
}

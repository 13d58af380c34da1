import { CatalogErrors } from '../../domain/catalog.errors';
import { lessonUpdated } from '../../domain/catalog.events';
import {
  validateLessonPatch,
  type Lesson,
  type LessonContent,
  type LessonField,
  type LessonInput,
} from '../../domain/lesson';
import type { CatalogDeps } from '../deps';
import { allocateSlug, inSlugFamily, lessonBaseSlug } from '../slugs';
import { emit, lockManagedLesson, requireUuid, syncContent, write, type Caller } from '../shared';

export interface UpdateLessonCommand extends LessonInput {
  lessonId: string;
  fields: string[];
}

const CONTENT_KEYS: Record<Exclude<LessonField, 'slug' | 'section_id'>, keyof LessonContent> = {
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
};

/**
 * Partial update of a lesson (owner/admin); `section_id` moves it to the end of another section of
 * the same course. Emits `lesson.updated` with the fields that really changed, and — when the course
 * is published and its countable lessons changed (e.g. counts_toward_completion) — a new version.
 */
export async function updateLesson(deps: CatalogDeps, caller: Caller, cmd: UpdateLessonCommand): Promise<Lesson> {
  const lessonId = requireUuid('lesson_id', cmd.lessonId);
  const { patch, sectionId, slug } = validateLessonPatch(cmd, cmd.fields);
  return write(deps, async (transaction) => {
    const { course, lesson } = await lockManagedLesson(deps, transaction, lessonId, caller);
    const changed: LessonField[] = [];
    if (sectionId && sectionId !== lesson.sectionId) {
      const section = await deps.sections.findById(sectionId, transaction);
      if (!section || section.courseId !== course.id) {
        throw CatalogErrors.validation([{ loc: ['section_id'], msg: 'is not a section of this course' }]);
      }
      await deps.lessons.moveToSection(lesson, sectionId, transaction);
      changed.push('section_id');
    }
    if (slug !== undefined && (await changeSlug(deps, lesson, slug, patch.title ?? lesson.title, transaction))) changed.push('slug');
    const content: Partial<LessonContent> = {};
    for (const [field, key] of Object.entries(CONTENT_KEYS) as [Exclude<LessonField, 'slug' | 'section_id'>, keyof LessonContent][]) {
      if (patch[key] === undefined || same(patch[key], lesson[key])) continue;
      (content as Record<string, unknown>)[key] = patch[key];
      changed.push(field);
    }
    if (!changed.length) return lesson;
    const updated = await deps.lessons.update(lessonId, { content }, transaction);
    await emit(deps, transaction, lessonUpdated(updated, changed, updated.updatedAt));
    await syncContent(deps, transaction, course, updated.updatedAt);
    return updated;
  });
}

/** Publishes a lesson (owner/admin); a no-op when it already is. May bump a published course's version. */
export function publishLesson(deps: CatalogDeps, caller: Caller, cmd: { lessonId: string }): Promise<Lesson> {
  return setPublished(deps, caller, cmd.lessonId, true);
}

/**
 * Takes a lesson back to draft (owner/admin). The last published lesson of a published course cannot
 * be unpublished (FAILED_PRECONDITION: unpublish the course first).
 */
export function unpublishLesson(deps: CatalogDeps, caller: Caller, cmd: { lessonId: string }): Promise<Lesson> {
  return setPublished(deps, caller, cmd.lessonId, false);
}

async function setPublished(deps: CatalogDeps, caller: Caller, rawId: string, publish: boolean): Promise<Lesson> {
  const lessonId = requireUuid('lesson_id', rawId);
  return write(deps, async (transaction) => {
    const { course, lesson } = await lockManagedLesson(deps, transaction, lessonId, caller);
    if (lesson.isPublished === publish) return lesson;
    if (!publish && course.isPublished && course.totalLessons <= 1) throw CatalogErrors.lastPublishedLesson();
    const updated = await deps.lessons.update(lessonId, { isPublished: publish }, transaction);
    await emit(deps, transaction, lessonUpdated(updated, ['is_published'], updated.updatedAt));
    await syncContent(deps, transaction, course, updated.updatedAt);
    return updated;
  });
}

async function changeSlug(
  deps: CatalogDeps,
  lesson: Lesson,
  requested: string,
  title: string,
  transaction: Parameters<typeof deps.lessons.trySetSlug>[2],
): Promise<boolean> {
  if (requested) {
    if (requested === lesson.slug) return false;
    if (!(await deps.lessons.trySetSlug(lesson.id, requested, transaction))) throw CatalogErrors.lessonSlugTaken();
    return true;
  }
  const base = lessonBaseSlug(deps, title);
  if (inSlugFamily(lesson.slug, base)) return false;
  await allocateSlug(
    deps,
    base,
    () => deps.lessons.takenSlugs(lesson.courseId, base, transaction),
    async (candidate) => ((await deps.lessons.trySetSlug(lesson.id, candidate, transaction)) ? candidate : undefined),
  );
  return true;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() === (b as Date | null)?.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

import { CatalogErrors } from '../../domain/catalog.errors';
import { courseUpdated } from '../../domain/catalog.events';
import { validateCoursePatch, type Course, type CourseContent, type CourseField, type CourseInput } from '../../domain/course';
import type { CatalogDeps } from '../deps';
import { allocateSlug, courseBaseSlug, inSlugFamily } from '../slugs';
import { emit, lockManagedCourse, requireUuid, withInstructor, write, type Caller, type CourseView } from '../shared';

export interface UpdateCourseCommand extends CourseInput {
  courseId: string;
  /** Proto names of the fields to change; anything else in the request is ignored. */
  fields: string[];
}

const CONTENT_KEYS: Record<Exclude<CourseField, 'slug'>, keyof CourseContent> = {
  title: 'title',
  description: 'description',
  long_description: 'longDescription',
  category: 'category',
  difficulty_level: 'difficultyLevel',
  price_cents: 'priceCents',
  currency: 'currency',
  thumbnail_url: 'thumbnailUrl',
  preview_video_url: 'previewVideoUrl',
  requirements: 'requirements',
  learning_objectives: 'learningObjectives',
  tags: 'tags',
  access_days: 'accessDays',
  video_completion_threshold: 'videoCompletionThreshold',
};

/**
 * Partial update by the owner or an admin. Only fields whose value really changes are written and
 * listed in `course.updated`; a request that changes nothing emits nothing. `slug: ""` regenerates
 * the slug from the (new) title.
 */
export async function updateCourse(deps: CatalogDeps, caller: Caller, cmd: UpdateCourseCommand): Promise<CourseView> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const { patch, slug } = validateCoursePatch(cmd, cmd.fields, { currency: deps.config.DEFAULT_CURRENCY });

  const course = await write(deps, async (transaction) => {
    const current = await lockManagedCourse(deps, transaction, courseId, caller);
    const changed: CourseField[] = [];
    const content: Partial<CourseContent> = {};
    for (const [field, key] of Object.entries(CONTENT_KEYS) as [Exclude<CourseField, 'slug'>, keyof CourseContent][]) {
      if (patch[key] === undefined || same(patch[key], current[key])) continue;
      (content as Record<string, unknown>)[key] = patch[key];
      changed.push(field);
    }
    if (slug !== undefined) {
      const newSlug = await changeSlug(deps, current, slug, patch.title ?? current.title, transaction);
      if (newSlug !== current.slug) changed.push('slug');
    }
    if (!changed.length) return current;
    const updated = await deps.courses.update(courseId, { content }, transaction);
    await emit(deps, transaction, courseUpdated(updated, changed, updated.updatedAt));
    return updated;
  });
  return withInstructor(deps, course);
}

async function changeSlug(
  deps: CatalogDeps,
  course: Course,
  requested: string,
  title: string,
  transaction: Parameters<typeof deps.courses.trySetSlug>[2],
): Promise<string> {
  if (requested) {
    if (requested === course.slug) return course.slug;
    if (!(await deps.courses.trySetSlug(course.id, requested, transaction))) throw CatalogErrors.slugTaken();
    return requested;
  }
  const base = courseBaseSlug(deps, title);
  if (inSlugFamily(course.slug, base)) return course.slug;
  return allocateSlug(
    deps,
    base,
    () => deps.courses.takenSlugs(base, transaction),
    async (candidate) => ((await deps.courses.trySetSlug(course.id, candidate, transaction)) ? candidate : undefined),
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

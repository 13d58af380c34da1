import { CatalogErrors } from '../../domain/catalog.errors';
import { courseUpdated } from '../../domain/catalog.events';
import { validateCoursePatch, type Course, type CourseContent, type CourseField, type CourseInput } from '../../domain/course';
import type { CatalogPorts, CatalogUnitOfWork } from '../deps';
import { allocateSlug, courseBaseSlug, inSlugFamily } from '../slugs';
import { lockManagedCourse, requireUuid, type Caller } from '../shared';

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
  language: 'language',
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
export async function updateCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: UpdateCourseCommand): Promise<Course> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const { patch, slug } = validateCoursePatch(cmd, cmd.fields, { currency: ports.config.DEFAULT_CURRENCY });
  const current = await lockManagedCourse(uow, courseId, caller);
  const changed: CourseField[] = [];
  const content: Partial<CourseContent> = {};
  for (const [field, key] of Object.entries(CONTENT_KEYS) as [Exclude<CourseField, 'slug'>, keyof CourseContent][]) {
    if (patch[key] === undefined || same(patch[key], current[key])) continue;
    (content as Record<string, unknown>)[key] = patch[key];
    changed.push(field);
  }
  if (slug !== undefined) {
    const newSlug = await changeSlug(uow, ports, current, slug, patch.title ?? current.title);
    if (newSlug !== current.slug) changed.push('slug');
  }
  if (!changed.length) return current;
  const updated = await uow.courses.update(courseId, { content });
  await uow.emit(courseUpdated(updated, changed, updated.updatedAt));
  return updated;
}

async function changeSlug(uow: CatalogUnitOfWork, ports: CatalogPorts, course: Course, requested: string, title: string): Promise<string> {
  if (requested) {
    if (requested === course.slug) return course.slug;
    if (!(await uow.courses.trySetSlug(course.id, requested))) throw CatalogErrors.slugTaken();
    return requested;
  }
  const base = courseBaseSlug(ports, title);
  if (inSlugFamily(course.slug, base)) return course.slug;
  return allocateSlug(
    ports,
    base,
    () => uow.courses.takenSlugs(base),
    async (candidate) => ((await uow.courses.trySetSlug(course.id, candidate)) ? candidate : undefined),
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import { isPubliclyVisible, type Course } from '../../domain/course';
import { CatalogErrors } from '../../domain/catalog.errors';
import { Checker, length } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { assertCanRead, requireUuid, throwIfInvalid, withInstructor, withInstructors, type Caller, type CourseView, type EncodeReply } from '../shared';

/**
 * A course by id: published ones for anyone (cached), drafts and archived ones for the owner, admins and
 * enrolled students. Answers the course encoded by `encode` (kept so in the cache).
 */
export async function getCourse(deps: CatalogDeps, caller: Caller | undefined, query: { courseId: string }, encode: EncodeReply<CourseView>): Promise<Buffer> {
  const courseId = requireUuid('course_id', query.courseId);
  return readCourse(deps, caller, `course:${courseId}`, () => deps.units.read.courses.findById(courseId), encode);
}

/** A course by slug, with the same visibility as by id. */
export async function getCourseBySlug(deps: CatalogDeps, caller: Caller | undefined, query: { slug: string }, encode: EncodeReply<CourseView>): Promise<Buffer> {
  const check = new Checker();
  if (!query.slug) check.add('slug', 'is required');
  else if (length(query.slug) > 200) check.add('slug', 'must be at most 200 characters');
  throwIfInvalid(check);
  return readCourse(deps, caller, `slug:${query.slug}`, () => deps.units.read.courses.findBySlug(query.slug), encode);
}

/**
 * The public answer comes from the cache when it is there; otherwise the database decides: a publicly
 * visible course is answered (and cached unless auth was unavailable), anything else only to those
 * who may see it (`canRead`: owner, admins, enrolled students) — never cached, so a cached read can never show a draft.
 */
async function readCourse(
  deps: CatalogDeps,
  caller: Caller | undefined,
  key: string,
  load: () => Promise<Course | undefined>,
  encode: EncodeReply<CourseView>,
): Promise<Buffer> {
  let loaded: { course: Course | undefined } | undefined;
  const cached = await deps.cache.getOrCompute<Buffer | null>(key, async () => {
    loaded = { course: await load() };
    if (!loaded.course || !isPubliclyVisible(loaded.course)) return { value: null, store: false };
    const { items, degraded } = await withInstructors(deps, [loaded.course]);
    return { value: encode(items[0]), store: !degraded };
  }, { hint: true }); // only a stored or cached value is hinted: the public course, the same for everyone
  if (cached) return cached;
  const course = loaded ? loaded.course : await load();
  if (!course) throw CatalogErrors.courseNotFound();
  return encode(await withInstructor(deps, await assertCanRead(deps, course, caller)));
}

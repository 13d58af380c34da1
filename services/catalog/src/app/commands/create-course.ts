import { UnavailableError } from '@lms/kit/errors';
import { CatalogErrors } from '../../domain/catalog.errors';
import { courseCreated } from '../../domain/catalog.events';
import { canAuthor, validateNewCourse, type Course, type CourseInput } from '../../domain/course';
import { Checker } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { allocateSlug, courseBaseSlug } from '../slugs';
import { emit, throwIfInvalid, withInstructor, write, type Caller, type CourseView } from '../shared';

export interface CreateCourseCommand extends CourseInput {
  /** Admins only: create the course for this instructor; "" = the caller. */
  instructorId: string;
}

/**
 * Instructors create their own courses, administrators any instructor's. The course starts as a draft;
 * the slug is the client's (ALREADY_EXISTS when taken) or generated from the title with a suffix on
 * collision. Emits `course.created` in the same transaction.
 */
export async function createCourse(deps: CatalogDeps, caller: Caller, cmd: CreateCourseCommand): Promise<CourseView> {
  if (!canAuthor(caller)) throw CatalogErrors.instructorRequired();
  const { content, slug } = validateNewCourse(cmd, { currency: deps.config.DEFAULT_CURRENCY });
  const instructorId = await resolveInstructor(deps, caller, cmd.instructorId);

  const course = await write(deps, async (transaction) => {
    const insert = (candidate: string) => deps.courses.insertIfSlugFree({ content, slug: candidate, instructorId }, transaction);
    let created: Course | undefined;
    if (slug) {
      created = await insert(slug);
      if (!created) throw CatalogErrors.slugTaken();
    } else {
      const base = courseBaseSlug(deps, content.title);
      created = await allocateSlug(deps, base, () => deps.courses.takenSlugs(base, transaction), insert);
    }
    await emit(deps, transaction, courseCreated(created, caller.userId));
    return created;
  });
  return withInstructor(deps, course);
}

/** The caller, or (admins only) the instructor named, who must be an instructor or admin in auth. */
async function resolveInstructor(deps: CatalogDeps, caller: Caller, requested: string): Promise<string> {
  if (!requested || requested.toLowerCase() === caller.userId) return caller.userId;
  if (caller.role !== 'admin') throw CatalogErrors.instructorIdAdminOnly();
  const check = new Checker();
  const id = check.uuid('instructor_id', requested);
  throwIfInvalid(check);
  let profiles;
  try {
    profiles = await deps.instructors.lookup([id]);
  } catch (err) {
    throw new UnavailableError('Cannot check the instructor right now, try again', 'CATALOG.AUTH_UNAVAILABLE', err);
  }
  const role = profiles.get(id)?.role;
  if (role !== 'instructor' && role !== 'admin') {
    check.add('instructor_id', 'is not an active instructor');
    throwIfInvalid(check);
  }
  return id;
}

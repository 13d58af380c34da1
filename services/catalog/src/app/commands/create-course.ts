import { UnavailableError } from '@lms/kit/errors';
import { CatalogErrors } from '../../domain/catalog.errors';
import { courseCreated } from '../../domain/catalog.events';
import { canAuthor, validateNewCourse, type Course, type CourseContent, type CourseInput } from '../../domain/course';
import { Checker } from '../../domain/validation';
import type { CatalogDeps, CatalogPorts, CatalogUnitOfWork } from '../deps';
import { allocateSlug, courseBaseSlug } from '../slugs';
import { throwIfInvalid, type Caller } from '../shared';

export interface CreateCourseCommand extends CourseInput {
  /** Admins only: create the course for this instructor; "" = the caller. */
  instructorId: string;
}

/** A validated new course and the instructor it belongs to (checked with auth): the input of `createCourse`. */
export interface NewCourse {
  content: CourseContent;
  /** The client's slug, or undefined: generated from the title. */
  slug: string | undefined;
  instructorId: string;
}

/**
 * Before the transaction: only instructors and admins author courses; validates the fields and, when an
 * admin names another instructor, asks auth whether they are one (a remote call, never inside a transaction).
 */
export async function prepareCreateCourse(deps: CatalogDeps, caller: Caller, cmd: CreateCourseCommand): Promise<NewCourse> {
  if (!canAuthor(caller)) throw CatalogErrors.instructorRequired();
  const { content, slug } = validateNewCourse(cmd, { currency: deps.config.DEFAULT_CURRENCY });
  const instructorId = await resolveInstructor(deps, caller, cmd.instructorId);
  return { content, slug, instructorId };
}

/**
 * Instructors create their own courses, administrators any instructor's. The course starts as a draft;
 * the slug is the client's (ALREADY_EXISTS when taken) or generated from the title with a suffix on
 * collision. Emits `course.created` in the same transaction.
 */
export async function createCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, input: NewCourse): Promise<Course> {
  const { content, slug, instructorId } = input;
  const insert = (candidate: string) => uow.courses.insertIfSlugFree({ content, slug: candidate, instructorId });
  let created: Course | undefined;
  if (slug) {
    created = await insert(slug);
    if (!created) throw CatalogErrors.slugTaken();
  } else {
    const base = courseBaseSlug(ports, content.title);
    created = await allocateSlug(ports, base, () => uow.courses.takenSlugs(base), insert);
  }
  await uow.emit(courseCreated(created, caller.userId));
  return created;
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

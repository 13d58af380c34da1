import { optionalCaller, type Caller } from '@lms/kit/auth';
import type { AppError } from '@lms/kit/errors';
import { CatalogErrors } from '../domain/catalog.errors';
import { coursePublished } from '../domain/catalog.events';
import { assertCanManage, canView, type Course } from '../domain/course';
import { contentTotals, countableIds, sameIds, type Lesson } from '../domain/lesson';
import { Checker } from '../domain/validation';
import type { CatalogDeps, CatalogRepositories, CatalogUnitOfWork } from './deps';

export type { Caller };

/** The verified caller behind a bearer token; UNAUTHENTICATED without one. */
export function authenticate(deps: CatalogDeps, authorization: string | undefined): Promise<Caller> {
  return deps.verifier.verify(authorization);
}

/** For reads open to anonymous callers: no token → undefined; a bad token is still refused. */
export function viewer(deps: CatalogDeps, authorization: string | undefined): Promise<Caller | undefined> {
  return optionalCaller(deps.verifier, authorization);
}

export function throwIfInvalid(check: Checker): void {
  if (!check.ok) throw CatalogErrors.validation(check.errors);
}

/** A validated id from a request, or INVALID_ARGUMENT naming the field. */
export function requireUuid(loc: string, raw: string): string {
  const check = new Checker();
  const id = check.uuid(loc, raw);
  throwIfInvalid(check);
  return id;
}

/**
 * Loads and locks (`courses.lockById`, FOR UPDATE) a course the caller manages. Every write to a course's
 * content takes this lock first, so writes to one course are serialised (positions, version, totals stay
 * consistent). `notFound` replaces the error for a course the caller may not see (e.g. LESSON_NOT_FOUND).
 */
export async function lockManagedCourse(
  uow: CatalogRepositories,
  courseId: string,
  caller: Caller,
  notFound?: () => AppError,
): Promise<Course> {
  const course = await uow.courses.lockById(courseId);
  try {
    return assertCanManage(course, caller);
  } catch (err) {
    if (notFound && (err as AppError).code === 'CATALOG.COURSE_NOT_FOUND') throw notFound();
    throw err;
  }
}

/** A lesson (with content) and its course, locked as a course the caller manages (LESSON_NOT_FOUND otherwise). */
export async function lockManagedLesson(uow: CatalogRepositories, lessonId: string, caller: Caller): Promise<{ course: Course; lesson: Lesson }> {
  const found = await uow.lessons.findById(lessonId);
  if (!found) throw CatalogErrors.lessonNotFound();
  const course = await lockManagedCourse(uow, found.courseId, caller, CatalogErrors.lessonNotFound);
  const lesson = await uow.lessons.findById(lessonId, { withContent: true }); // re-read under the lock
  if (!lesson) throw CatalogErrors.lessonNotFound();
  return { course, lesson };
}

/**
 * After any change to a course's lessons (inside the same transaction, course row locked): refreshes
 * the totals derived from the published lessons and, when the course is published and its ordered set
 * of countable lessons changed, bumps the version, keeps the new set as the snapshot and emits
 * `course.published` with it.
 */
export async function syncContent(uow: CatalogUnitOfWork, course: Course, at: Date): Promise<Course> {
  const lessons = await uow.lessons.listByCourse(course.id);
  const totals = contentTotals(lessons);
  const countable = countableIds(lessons);
  const bump = course.isPublished && !sameIds(course.publishedCountableIds, countable);
  const totalsChanged =
    totals.totalLessons !== course.totalLessons ||
    totals.totalQuizzes !== course.totalQuizzes ||
    totals.estimatedDurationMinutes !== course.estimatedDurationMinutes;
  if (!bump && !totalsChanged) return course;
  const updated = await uow.courses.update(course.id, {
    state: { ...totals, ...(bump ? { version: course.version + 1, publishedCountableIds: countable } : {}) },
  });
  if (bump) await uow.emit(coursePublished(updated, lessons.filter((l) => l.isPublished), countable, at));
  return updated;
}

/**
 * How a cacheable query's answer leaves the service, given by the entry point (its reply message's encoder):
 * such queries answer the encoded reply, and the public read cache keeps it encoded, so a cached answer is sent
 * as it was stored — no decoding, mapping or encoding per read.
 */
export type EncodeReply<V> = (view: V) => Buffer;

export interface InstructorSummary {
  id: string;
  fullName: string;
  bio: string;
  /** "" when the profile has none (absent in cache entries written before the field existed). */
  avatarUrl?: string;
}

/** A course as it is answered: with its instructor's public name, bio and avatar. */
export interface CourseView extends Course {
  instructor: InstructorSummary;
}

/**
 * Adds the instructors to a page of courses with ONE call to auth. When auth is unavailable the
 * courses are still returned, with empty names (`degraded`: such answers are not cached).
 */
export async function withInstructors(deps: CatalogDeps, courses: Course[]): Promise<{ items: CourseView[]; degraded: boolean }> {
  if (!courses.length) return { items: [], degraded: false };
  const { profiles, degraded } = await deps.instructors.lookupOrDegrade(courses.map((c) => c.instructorId));
  return {
    items: courses.map((c) => {
      const profile = profiles.get(c.instructorId);
      return {
        ...c,
        instructor: { id: c.instructorId, fullName: profile?.fullName ?? '', bio: profile?.bio ?? '', avatarUrl: profile?.avatarUrl ?? '' },
      };
    }),
    degraded,
  };
}

export async function withInstructor(deps: CatalogDeps, course: Course): Promise<CourseView> {
  return (await withInstructors(deps, [course])).items[0];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/**
 * Catalog's view rule for reading one course (details, outline, lessons): published courses for everyone;
 * drafts and archived courses for the owner and admins — and for the students enrolled in it (active or
 * completed, not dropped or expired), so unpublishing or archiving a course stops new enrolments only.
 * Enrolment comes from the event-fed read model, or — for an enrolment it has not seen yet — from the
 * enrollment service (the caller's token forwarded; a failure reads as "not enrolled").
 */
export async function canRead(deps: CatalogDeps, course: Course, caller: Caller | undefined): Promise<boolean> {
  if (canView(course, caller)) return true;
  if (caller?.role !== 'student') return false;
  if (await deps.units.read.enrollments.isActiveStudent(course.id, caller.userId)) return true;
  return deps.enrollmentService.callerIsEnrolled(course.id);
}

/** Reads: a course the caller may not read (see `canRead`) does not exist for them (NOT_FOUND). */
export async function assertCanRead(deps: CatalogDeps, course: Course | undefined, caller: Caller | undefined): Promise<Course> {
  if (!course || !(await canRead(deps, course, caller))) throw CatalogErrors.courseNotFound();
  return course;
}

import { CatalogErrors } from '../../domain/catalog.errors';
import { courseArchived, coursePublished, courseUnarchived, courseUnpublished } from '../../domain/catalog.events';
import type { Course } from '../../domain/course';
import { contentTotals, countableIds, sameIds } from '../../domain/lesson';
import type { CatalogPorts, CatalogUnitOfWork } from '../deps';
import { lockManagedCourse, requireUuid, type Caller } from '../shared';

/**
 * Publishes a course (owner/admin). Refused while archived or without a published lesson. The ordered
 * set of published lessons that count toward completion becomes the published snapshot; when it differs
 * from the previous one the version is bumped. Publishing a published course whose set is unchanged is
 * a no-op (no version bump, no event); otherwise `course.published` carries the version and the set.
 */
export async function publishCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: { courseId: string }): Promise<Course> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const current = await lockManagedCourse(uow, courseId, caller);
  if (current.archivedAt) throw CatalogErrors.courseArchived();
  const lessons = await uow.lessons.listByCourse(courseId);
  const published = lessons.filter((l) => l.isPublished);
  if (!published.length) throw CatalogErrors.noPublishedLesson();
  const countable = countableIds(lessons);
  const unchanged = sameIds(current.publishedCountableIds, countable);
  if (current.isPublished && unchanged) return current;
  const now = ports.clock();
  const updated = await uow.courses.update(courseId, {
    state: {
      isPublished: true,
      publishedAt: current.isPublished ? current.publishedAt : now,
      version: unchanged ? current.version : current.version + 1,
      publishedCountableIds: countable,
      ...contentTotals(lessons),
    },
  });
  await uow.emit(coursePublished(updated, published, countable, now));
  return updated;
}

/** Takes a course off the catalogue (owner/admin); a draft stays as it is (no event). */
export async function unpublishCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: { courseId: string }): Promise<Course> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const current = await lockManagedCourse(uow, courseId, caller);
  if (!current.isPublished) return current;
  const now = ports.clock();
  const updated = await uow.courses.update(courseId, { state: { isPublished: false, publishedAt: null } });
  await uow.emit(courseUnpublished(updated, now));
  return updated;
}

/**
 * Archives a course (owner/admin): it leaves the catalogue (unpublished, hidden from public lists, cannot
 * be published until unarchived) but keeps its content for the students enrolled in it (see `canRead`).
 * Archiving an archived course changes nothing.
 */
export async function archiveCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: { courseId: string }): Promise<Course> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const current = await lockManagedCourse(uow, courseId, caller);
  if (current.archivedAt) return current;
  const now = ports.clock();
  const updated = await uow.courses.update(courseId, { state: { archivedAt: now, isPublished: false, publishedAt: null } });
  await uow.emit(courseArchived(updated, current.isPublished, now));
  return updated;
}

/**
 * Restores an archived course (owner/admin) as a draft: not archived, not published (publish it again
 * to reopen enrolment). Unarchiving a course that is not archived changes nothing.
 */
export async function unarchiveCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: { courseId: string }): Promise<Course> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const current = await lockManagedCourse(uow, courseId, caller);
  if (!current.archivedAt) return current;
  const now = ports.clock();
  const updated = await uow.courses.update(courseId, { state: { archivedAt: null, isPublished: false, publishedAt: null } });
  await uow.emit(courseUnarchived(updated, now));
  return updated;
}

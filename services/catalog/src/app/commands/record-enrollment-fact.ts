import { applyEnrollmentFact, type EnrollmentFact } from '../../domain/enrollment-stats';
import type { CourseCache } from '../../infra/course.cache';
import type { CatalogUnitOfWork } from '../deps';

/**
 * Applies one enrolment fact from the enrollment service (inside the consumer's transaction, with the
 * inbox row): updates the enrolment's record and applies the difference between its old and new record
 * to that one course's numbers (`enrollment_count ± 1`; the rating aggregates when the rating changed).
 * Facts of one enrolment are serialised by a lock (status facts of one course run concurrently), so
 * concurrent deliveries cannot lose or double an update; an older fact than the one recorded changes nothing. After the commit only that course's cached
 * detail entries are invalidated; cached lists and top lists may show its old counters until they expire
 * (CACHE_TTL_SECONDS).
 */
export async function recordEnrollmentFact(
  uow: CatalogUnitOfWork,
  cache: Pick<CourseCache, 'invalidateCourse'>,
  ids: { enrollmentId: string; courseId: string; studentId: string },
  fact: EnrollmentFact,
): Promise<void> {
  // Status facts of one course run concurrently (their delta is one atomic `± 1`) and a course deletion waits
  // for them; a review re-derives the course's rating aggregates, so reviews of one course take turns.
  if (fact.kind === 'reviewed') await uow.enrollments.lockCourse(ids.courseId);
  else await uow.enrollments.lockCourseShared(ids.courseId);
  await uow.enrollments.lockEnrollment(ids.enrollmentId);
  const previous = await uow.enrollments.findForUpdate(ids.enrollmentId);
  const next = applyEnrollmentFact(previous, ids, fact);
  if (!next) return;
  await uow.enrollments.save(next);
  const delta = {
    active: (next.active ? 1 : 0) - (previous?.active ? 1 : 0),
    ratingChanged: (next.rating ?? null) !== (previous?.rating ?? null),
  };
  const course = await uow.courses.applyEnrollmentDelta(next.courseId, delta);
  if (course) uow.afterCommit(() => cache.invalidateCourse(next.courseId, course.slug));
}

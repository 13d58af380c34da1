import type { Transaction } from 'sequelize';
import { applyEnrollmentFact, type EnrollmentFact } from '../../domain/enrollment-stats';
import type { CatalogDeps } from '../deps';

/**
 * Applies one enrolment fact from the enrollment service (inside the consumer's transaction, with the
 * inbox row): updates the enrolment's record and applies the difference between its old and new record
 * to that one course's numbers (`enrollment_count ± 1`; the rating aggregates when the rating changed).
 * Facts of one enrolment are serialised by a lock (status facts of one course run concurrently), so concurrent deliveries cannot lose or double an
 * update; an older fact than the one recorded changes nothing. After the commit only that course's cached
 * detail entries are invalidated; cached lists and top lists may show its old counters until they expire
 * (CACHE_TTL_SECONDS).
 */
export async function recordEnrollmentFact(
  deps: CatalogDeps,
  transaction: Transaction,
  ids: { enrollmentId: string; courseId: string; studentId: string },
  fact: EnrollmentFact,
): Promise<void> {
  // Status facts of one course run concurrently (their delta is one atomic `± 1`) and a course deletion waits
  // for them; a review re-derives the course's rating aggregates, so reviews of one course take turns.
  if (fact.kind === 'reviewed') await deps.enrollments.lockCourse(ids.courseId, transaction);
  else await deps.enrollments.lockCourseShared(ids.courseId, transaction);
  await deps.enrollments.lockEnrollment(ids.enrollmentId, transaction);
  const previous = await deps.enrollments.findForUpdate(ids.enrollmentId, transaction);
  const next = applyEnrollmentFact(previous, ids, fact);
  if (!next) return;
  await deps.enrollments.save(next, transaction);
  const delta = {
    active: (next.active ? 1 : 0) - (previous?.active ? 1 : 0),
    ratingChanged: (next.rating ?? null) !== (previous?.rating ?? null),
  };
  const course = await deps.courses.applyEnrollmentDelta(next.courseId, delta, transaction);
  if (course) transaction.afterCommit(() => deps.cache.invalidateCourse(next.courseId, course.slug));
}

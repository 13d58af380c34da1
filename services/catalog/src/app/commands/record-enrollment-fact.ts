import type { Transaction } from 'sequelize';
import { applyEnrollmentFact, type EnrollmentFact } from '../../domain/enrollment-stats';
import type { CatalogDeps } from '../deps';

/**
 * Applies one enrolment fact from the enrollment service (inside the consumer's transaction, with the
 * inbox row): updates the enrolment's record and recomputes that one course's enrollment_count,
 * average_rating and rating_count from its records. Facts of one course are serialised by a lock, so
 * concurrent deliveries cannot lose an update; an older fact than the one recorded changes nothing.
 */
export async function recordEnrollmentFact(
  deps: CatalogDeps,
  transaction: Transaction,
  ids: { enrollmentId: string; courseId: string; studentId: string },
  fact: EnrollmentFact,
): Promise<void> {
  await deps.enrollments.lockCourse(ids.courseId, transaction);
  const previous = await deps.enrollments.findForUpdate(ids.enrollmentId, transaction);
  const next = applyEnrollmentFact(previous, ids, fact);
  if (!next) return;
  await deps.enrollments.save(next, transaction);
  await deps.courses.refreshEnrollmentStats(next.courseId, transaction);
  transaction.afterCommit(() => deps.cache.invalidate());
}

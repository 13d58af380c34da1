import { withTransaction } from '@lms/kit/db';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { canReview, type Enrollment } from '../../domain/enrollment';
import { enrollmentReviewed } from '../../domain/enrollment.events';
import { Checker, LIMITS } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { emit, loadOwned, throwIfInvalid, type Caller } from '../shared';

export interface ReviewCommand {
  enrollmentId: string;
  rating: number;
  review: string;
}

/**
 * Rating 1–5 and an optional review by the enrolled student, once they completed
 * REVIEW_MIN_PROGRESS_PERCENT of the course (or all of it). A new review replaces the previous one;
 * `enrollment.reviewed` carries the current rating (consumers key it by enrollment_id).
 */
export async function reviewEnrollment(deps: EnrollmentDeps, caller: Caller, cmd: ReviewCommand): Promise<Enrollment> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', cmd.enrollmentId);
  if (!Number.isInteger(cmd.rating) || cmd.rating < 1 || cmd.rating > 5) check.add('rating', 'must be an integer from 1 to 5');
  const review = cmd.review.trim() === '' ? '' : check.text('review', cmd.review.trim(), LIMITS.reviewMax, LIMITS.reviewMin);
  throwIfInvalid(check);
  await loadOwned(deps, caller, enrollmentId);
  return withTransaction(deps.sequelize, async (transaction) => {
    const e = await deps.enrollments.findById(enrollmentId, transaction, true);
    if (!e) throw EnrollmentErrors.notFound();
    if (!canReview(e, deps.config.REVIEW_MIN_PROGRESS_PERCENT)) {
      if (e.status === 'dropped' || e.status === 'expired') throw EnrollmentErrors.notActive(e.status);
      throw EnrollmentErrors.reviewNotAllowed(deps.config.REVIEW_MIN_PROGRESS_PERCENT);
    }
    const at = deps.clock();
    const reviewed: Enrollment = { ...e, rating: cmd.rating, review, reviewedAt: at };
    await deps.enrollments.save(transaction, reviewed);
    await emit(deps, transaction, [enrollmentReviewed(reviewed, at)]);
    return reviewed;
  });
}

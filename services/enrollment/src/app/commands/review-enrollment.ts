import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { canReview, type Enrollment } from '../../domain/enrollment';
import { enrollmentReviewed } from '../../domain/enrollment.events';
import { Checker, LIMITS } from '../../domain/validation';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { loadOwned, throwIfInvalid, type Caller } from '../shared';

export interface ReviewCommand {
  enrollmentId: string;
  rating: number;
  review: string;
  /** The reviewer's full name from auth, shown with the public review (null: auth unreachable, keep the stored one). */
  reviewerName?: string | null;
}

/**
 * Before the unit of work: the fields are valid, the caller is the enrolment's student, and their display
 * name is read from auth (one call, with their token; the public review list then needs no call to auth).
 */
export async function prepareReview(deps: EnrollmentDeps, caller: Caller, cmd: ReviewCommand): Promise<ReviewCommand> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', cmd.enrollmentId);
  if (!Number.isInteger(cmd.rating) || cmd.rating < 1 || cmd.rating > 5) check.add('rating', 'must be an integer from 1 to 5');
  const review = cmd.review.trim() === '' ? '' : check.text('review', cmd.review.trim(), LIMITS.reviewMax, LIMITS.reviewMin);
  throwIfInvalid(check);
  await loadOwned(deps, caller, enrollmentId);
  let reviewerName: string | null = null;
  try {
    const reply = await deps.auth.BatchGetUsers({ ids: [caller.userId] });
    reviewerName = reply.items[0]?.full_name ?? null;
  } catch (err) {
    deps.logger.warn({ err, enrollment_id: enrollmentId }, 'auth unreachable: the review keeps the name stored earlier');
  }
  return { enrollmentId, rating: cmd.rating, review, reviewerName };
}

/**
 * Rating 1–5 and an optional review by the enrolled student, once they completed
 * REVIEW_MIN_PROGRESS_PERCENT of the course (or all of it). One review per enrolment: a new one EDITS it
 * (replaces rating and text); `enrollment.reviewed` carries the current rating and consumers key it by
 * enrollment_id, so catalog's average and count never count an edit twice.
 */
export async function reviewEnrollment(uow: EnrollmentUnitOfWork, env: CommandEnv, cmd: ReviewCommand): Promise<Enrollment> {
  const e = await uow.enrollments.lockById(cmd.enrollmentId);
  if (!e) throw EnrollmentErrors.notFound();
  if (!canReview(e, env.config.REVIEW_MIN_PROGRESS_PERCENT)) {
    if (e.status === 'dropped' || e.status === 'expired') throw EnrollmentErrors.notActive(e.status);
    throw EnrollmentErrors.reviewNotAllowed(env.config.REVIEW_MIN_PROGRESS_PERCENT);
  }
  const at = env.clock();
  const reviewed: Enrollment = { ...e, rating: cmd.rating, review: cmd.review, reviewedAt: at };
  await uow.enrollments.save(reviewed);
  await uow.enrollments.setReviewerName(reviewed.id, cmd.reviewerName ?? null);
  await uow.emit(enrollmentReviewed(reviewed, at));
  return reviewed;
}

import type { FactPayload } from '../../events/analytics.events.schema';
import type { AnalyticsUnitOfWork } from '../deps';
import { changeEnrollment, earliest, latest } from './enrolment-row';

type Ref = { enrollment_id: string; student_id: string; course_id: string };
const ref = (p: Ref) => ({ enrollmentId: p.enrollment_id, studentId: p.student_id, courseId: p.course_id });

/** enrollment.created: enrolled_at (the first), the list price at enrolment. */
export async function enrollmentCreated(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.created'>): Promise<void> {
  const at = new Date(p.enrolled_at);
  await changeEnrollment(uow, ref(p), (row) => ({
    ...row,
    enrolledAt: earliest(row.enrolledAt, at),
    priceCents: p.price_cents ?? row.priceCents,
    currency: p.currency ?? row.currency,
  }));
}

/** enrollment.dropped: the newest drop. */
export async function enrollmentDropped(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.dropped'>): Promise<void> {
  await changeEnrollment(uow, ref(p), (row) => ({ ...row, droppedAt: latest(row.droppedAt, new Date(p.dropped_at)) }));
}

/** enrollment.expired: the newest expiry. */
export async function enrollmentExpired(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.expired'>): Promise<void> {
  await changeEnrollment(uow, ref(p), (row) => ({ ...row, expiredAt: latest(row.expiredAt, new Date(p.expired_at)) }));
}

/** enrollment.reactivated: the newest reactivation. */
export async function enrollmentReactivated(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.reactivated'>): Promise<void> {
  await changeEnrollment(uow, ref(p), (row) => ({ ...row, reactivatedAt: latest(row.reactivatedAt, new Date(p.at)) }));
}

/** enrollment.completed: the first completion (sticky). */
export async function enrollmentCompleted(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.completed'>): Promise<void> {
  await changeEnrollment(uow, ref(p), (row) => ({ ...row, completedAt: earliest(row.completedAt, new Date(p.completed_at)) }));
}

/** enrollment.progressed: applied when (course_version, completed_lessons_count) ≥ the stored pair. */
export async function enrollmentProgressed(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.progressed'>): Promise<void> {
  await changeEnrollment(uow, ref(p), (row) => {
    const newer =
      p.course_version > row.progressVersion || (p.course_version === row.progressVersion && p.completed_lessons_count >= row.completedLessons);
    if (!newer) return row;
    return {
      ...row,
      progressVersion: p.course_version,
      completedLessons: p.completed_lessons_count,
      totalLessons: p.total_lessons_count,
      progressPercentage: p.progress_percentage,
    };
  });
}

/** enrollment.reviewed: the newest review wins (rating and text). */
export async function enrollmentReviewed(uow: AnalyticsUnitOfWork, p: FactPayload<'enrollment.reviewed'>): Promise<void> {
  const at = new Date(p.reviewed_at);
  await changeEnrollment(uow, ref(p), (row) =>
    row.reviewedAt && row.reviewedAt >= at ? row : { ...row, rating: p.rating, review: p.review ?? null, reviewedAt: at },
  );
}

import type { DomainEvent } from '@lms/kit/events';
import { enrollmentCompleted, enrollmentProgressed } from './enrollment.events';

/**
 * An enrolment and its aggregate: `completedLessonsCount` is |completed lessons ∩ countable lessons of
 * `courseVersion`| and `totalLessonsCount` is |countable lessons of `courseVersion`|, so the percentage is
 * exact. The counter moves only when a completion row transitions (once per lesson), under the row lock.
 * Completion is sticky: `completedAt` is set once, and `enrollment.completed` is emitted exactly then.
 */
export const ENROLLMENT_STATUSES = ['active', 'completed', 'dropped', 'expired'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export interface Enrollment {
  id: string;
  studentId: string;
  courseId: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  droppedAt: Date | null;
  reactivatedAt: Date | null;
  lastAccessedAt: Date;
  progressPercentage: number;
  completedLessonsCount: number;
  totalLessonsCount: number;
  totalTimeSpentSeconds: number;
  rating: number | null;
  review: string;
  reviewedAt: Date | null;
  hasNewContent: boolean;
  courseVersion: number;
  /** End of access (null = lifetime): enrolled_at + the course's access_days, or as extended. */
  expiresAt: Date | null;
  /** The certificate's download URL and issue time (certificate service's facts); null before issue or once revoked. */
  certificateUrl: string | null;
  certificateIssuedAt: Date | null;
}

export const DAY_MS = 24 * 3600 * 1000;
/** The longest access an extension may grant (days, or an absolute end at most this far ahead). */
export const MAX_ACCESS_DAYS = 3650;

/** Access has ended: the end of access is set and has passed (the status may not say `expired` yet). */
export function accessEnded(e: Pick<Enrollment, 'expiresAt'>, now: Date): boolean {
  return e.expiresAt !== null && e.expiresAt.getTime() <= now.getTime();
}

/** The end of access a new enrolment gets from its course's `access_days` (null = lifetime). */
export function expiryFor(enrolledAt: Date, accessDays: number | null): Date | null {
  return accessDays && accessDays > 0 ? new Date(enrolledAt.getTime() + accessDays * DAY_MS) : null;
}

/**
 * The timer's decision at the due time: an active enrolment whose end of access has passed becomes
 * `expired`. Anything else — extended meanwhile, dropped, completed (completion is sticky) — is left alone.
 */
export function expireIfDue(e: Enrollment, now: Date): Enrollment | null {
  if (e.status !== 'active' || !accessEnded(e, now)) return null;
  return { ...e, status: 'expired' };
}

/**
 * Extends access (the course's instructor or an admin): `days` are added to the current end of access, or
 * to now when it has passed; `expiresAt` sets the end directly. An expired enrolment becomes active again
 * (completed if it had been completed).
 */
export function extendAccess(e: Enrollment, input: { days?: number; expiresAt?: Date }, now: Date): Enrollment {
  let expiresAt: Date;
  if (input.expiresAt) expiresAt = input.expiresAt;
  else {
    const from = e.expiresAt && e.expiresAt.getTime() > now.getTime() ? e.expiresAt.getTime() : now.getTime();
    expiresAt = new Date(from + (input.days ?? 0) * DAY_MS);
  }
  const status = e.status === 'expired' ? (e.completedAt ? 'completed' : 'active') : e.status;
  return { ...e, expiresAt, status };
}

/** Completed / total in percent with two decimals; a course without countable lessons is at 0%. */
export function progressPercentage(completed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((Math.min(completed, total) * 10_000) / total) / 100;
}

/** Progress can be recorded while the enrolment is active or completed (a completed course stays open). */
export function isLearning(status: EnrollmentStatus): boolean {
  return status === 'active' || status === 'completed';
}

export interface AggregateChange {
  enrollment: Enrollment;
  events: DomainEvent<unknown>[];
}

/** Reaching 100%: status completed and the first (only) `enrollment.completed`; new content is caught up. */
function settle(before: Enrollment, next: Enrollment, at: Date): AggregateChange {
  const events: DomainEvent<unknown>[] = [];
  const full = next.totalLessonsCount > 0 && next.completedLessonsCount === next.totalLessonsCount;
  if (full) {
    next.hasNewContent = false;
    if (next.status === 'active') next.status = 'completed';
    if (next.status === 'completed' && before.completedAt === null) {
      next.completedAt = at;
      events.push(enrollmentCompleted(next, at));
    }
  } else if (next.status === 'completed' && next.completedLessonsCount < next.totalLessonsCount) {
    // Sticky completion: the course grew after the student finished it.
    next.hasNewContent = true;
  }
  if (next.completedLessonsCount !== before.completedLessonsCount || next.totalLessonsCount !== before.totalLessonsCount) {
    events.unshift(enrollmentProgressed(next, at));
  }
  return { enrollment: next, events };
}

/**
 * A lesson's completion row has just transitioned (inserted or completed_at set for the first time).
 * If the lesson counts in this enrolment's course version the counter moves by exactly one.
 */
export function recordLessonCompletion(before: Enrollment, input: { countable: boolean; at: Date }): AggregateChange {
  const next: Enrollment = { ...before, startedAt: before.startedAt ?? input.at, lastAccessedAt: input.at };
  if (!input.countable) return { enrollment: next, events: [] };
  if (before.completedLessonsCount >= before.totalLessonsCount) {
    // Impossible while the invariant holds; refusing beats reporting 101%.
    throw new Error(`enrolment ${before.id}: completion counter would exceed the countable total`);
  }
  next.completedLessonsCount = before.completedLessonsCount + 1;
  next.progressPercentage = progressPercentage(next.completedLessonsCount, next.totalLessonsCount);
  return settle(before, next, input.at);
}

/**
 * A new course version: counters re-derived from the set of completed lessons (`completedCountable` =
 * |completed ∩ countable of the new version|). Completed stays completed; a dropped enrolment keeps
 * its status but its counters follow the course.
 */
export function recomputeForVersion(
  before: Enrollment,
  input: { version: number; completedCountable: number; totalCountable: number; at: Date },
): AggregateChange {
  const next: Enrollment = {
    ...before,
    courseVersion: input.version,
    completedLessonsCount: Math.min(input.completedCountable, input.totalCountable),
    totalLessonsCount: input.totalCountable,
  };
  next.progressPercentage = progressPercentage(next.completedLessonsCount, next.totalLessonsCount);
  if (!isLearning(before.status)) {
    const events = next.progressPercentage !== before.progressPercentage ? [enrollmentProgressed(next, input.at)] : [];
    return { enrollment: next, events };
  }
  return settle(before, next, input.at);
}

/** Re-activation after a drop keeps the history: a course completed once is completed again. */
export function reactivate(before: Enrollment, at: Date): Enrollment {
  return {
    ...before,
    status: before.completedAt ? 'completed' : 'active',
    droppedAt: null,
    reactivatedAt: at,
    lastAccessedAt: at,
  };
}

export function newEnrollment(input: {
  id: string;
  studentId: string;
  courseId: string;
  courseVersion: number;
  totalLessonsCount: number;
  at: Date;
  accessDays?: number | null;
}): Enrollment {
  return {
    id: input.id,
    studentId: input.studentId,
    courseId: input.courseId,
    status: 'active',
    enrolledAt: input.at,
    startedAt: null,
    completedAt: null,
    droppedAt: null,
    reactivatedAt: null,
    lastAccessedAt: input.at,
    progressPercentage: 0,
    completedLessonsCount: 0,
    totalLessonsCount: input.totalLessonsCount,
    totalTimeSpentSeconds: 0,
    rating: null,
    review: '',
    reviewedAt: null,
    hasNewContent: false,
    courseVersion: input.courseVersion,
    expiresAt: expiryFor(input.at, input.accessDays ?? null),
    certificateUrl: null,
    certificateIssuedAt: null,
  };
}

/** Whether a student may review: enrolled (not dropped) and far enough into the course. */
export function canReview(e: Enrollment, minPercent: number): boolean {
  return isLearning(e.status) && (e.status === 'completed' || e.progressPercentage >= minPercent);
}

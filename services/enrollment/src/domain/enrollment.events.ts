/**
 * The facts the enrollment service publishes (documented in protos/events/README.md, section
 * "enrollment"). Builders are pure: the app wraps them in a CloudEvents envelope (source lms/enrollment,
 * subject = enrolment id) and writes them to the outbox in the same transaction as the change.
 */
export const EVENT_SOURCE = 'lms/enrollment';

/** What the builders read from an enrolment (structural, so this file depends on nothing). */
export interface EnrollmentFacts {
  id: string;
  studentId: string;
  courseId: string;
  enrolledAt: Date;
  rating: number | null;
  /** The review text ('' = a rating without text). */
  review?: string;
  progressPercentage: number;
  completedLessonsCount: number;
  totalLessonsCount: number;
  courseVersion: number;
  expiresAt?: Date | null;
}
type Enrollment = EnrollmentFacts;

const iso = (d: Date) => d.toISOString();

/** A course's list price (catalog's `price_cents` in minor units, ISO 4217 `currency`), as read at enrolment time. */
export interface ListPrice {
  priceCents: number;
  currency: string;
}

/**
 * `price_cents`/`currency` (issue 13, additive): the course's list price when the student enrolled; both absent
 * when it was not known (catalog unreachable: the enrolment went ahead from the local course model).
 */
export function enrollmentCreated(e: Enrollment, price: ListPrice | null = null) {
  return {
    type: 'enrollment.created',
    subject: e.id,
    time: e.enrolledAt,
    data: {
      enrollment_id: e.id,
      student_id: e.studentId,
      course_id: e.courseId,
      enrolled_at: iso(e.enrolledAt),
      ...(price ? { price_cents: price.priceCents, currency: price.currency } : {}),
    },
  };
}

export function enrollmentDropped(e: Enrollment, at: Date) {
  return {
    type: 'enrollment.dropped',
    subject: e.id,
    time: at,
    data: { enrollment_id: e.id, student_id: e.studentId, course_id: e.courseId, dropped_at: iso(at) },
  };
}

export function enrollmentReactivated(e: Enrollment, at: Date) {
  return {
    type: 'enrollment.reactivated',
    subject: e.id,
    time: at,
    data: { enrollment_id: e.id, student_id: e.studentId, course_id: e.courseId, at: iso(at) },
  };
}

export function enrollmentReviewed(e: Enrollment, at: Date) {
  return {
    type: 'enrollment.reviewed',
    subject: e.id,
    time: at,
    data: {
      enrollment_id: e.id,
      student_id: e.studentId,
      course_id: e.courseId,
      rating: e.rating,
      review: e.review ? e.review : null,
      reviewed_at: iso(at),
    },
  };
}

export function lessonStarted(e: Enrollment, lessonId: string, at: Date) {
  return {
    type: 'lesson.started',
    subject: e.id,
    time: at,
    data: { enrollment_id: e.id, student_id: e.studentId, course_id: e.courseId, lesson_id: lessonId, at: iso(at) },
  };
}

export function lessonCompleted(e: Enrollment, lessonId: string, at: Date) {
  return {
    type: 'lesson.completed',
    subject: e.id,
    time: at,
    data: { enrollment_id: e.id, student_id: e.studentId, course_id: e.courseId, lesson_id: lessonId, completed_at: iso(at) },
  };
}

/**
 * Time was added to a lesson's stored total (issue 13): `seconds` is the increment actually added (> 0: a
 * retried heartbeat or an older, smaller total adds nothing and emits nothing), `total_seconds` the lesson's
 * stored total after it. The sum of `seconds` of an (enrolment, lesson) equals its stored total.
 */
export function lessonTimeRecorded(e: Enrollment, lessonId: string, time: { seconds: number; totalSeconds: number }, at: Date) {
  return {
    type: 'lesson.time_recorded',
    subject: e.id,
    time: at,
    data: {
      enrollment_id: e.id,
      student_id: e.studentId,
      course_id: e.courseId,
      lesson_id: lessonId,
      seconds: time.seconds,
      total_seconds: time.totalSeconds,
      recorded_at: iso(at),
    },
  };
}

export function enrollmentProgressed(e: Enrollment, at: Date) {
  return {
    type: 'enrollment.progressed',
    subject: e.id,
    time: at,
    data: {
      enrollment_id: e.id,
      student_id: e.studentId,
      course_id: e.courseId,
      progress_percentage: e.progressPercentage,
      completed_lessons_count: e.completedLessonsCount,
      total_lessons_count: e.totalLessonsCount,
      course_version: e.courseVersion,
      at: iso(at),
    },
  };
}

export function enrollmentCompleted(e: Enrollment, at: Date) {
  return {
    type: 'enrollment.completed',
    subject: e.id,
    time: at,
    data: { enrollment_id: e.id, student_id: e.studentId, course_id: e.courseId, completed_at: iso(at), course_version: e.courseVersion },
  };
}

/**
 * The end of access of an enrolment was set or changed (enrolment in a course with `access_days`, an
 * extension, a re-activation). The service consumes it itself as a timer: at `expires_at` it expires the
 * enrolment if it is still active and its end of access has not moved since.
 */
export function enrollmentAccessScheduled(e: Enrollment, reason: 'enrolled' | 'extended' | 'reactivated', at: Date) {
  return {
    type: 'enrollment.access_scheduled',
    subject: e.id,
    time: at,
    data: {
      enrollment_id: e.id,
      student_id: e.studentId,
      course_id: e.courseId,
      expires_at: e.expiresAt ? iso(e.expiresAt) : null,
      reason,
    },
  };
}

export function enrollmentExpired(e: Enrollment, at: Date) {
  return {
    type: 'enrollment.expired',
    subject: e.id,
    time: at,
    data: { enrollment_id: e.id, student_id: e.studentId, course_id: e.courseId, expires_at: e.expiresAt ? iso(e.expiresAt) : null, expired_at: iso(at) },
  };
}


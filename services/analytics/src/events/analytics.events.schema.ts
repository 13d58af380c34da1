import { z } from 'zod';

/**
 * Schemas of every payload analytics consumes (queue `analytics.facts`), keyed by event type. Only the fields
 * ingestion uses are declared; `.passthrough()` keeps every other field, so an additive change by a producer
 * never parks an event. Fields added by issue 13 (P1/P2) are optional: older events lack them. The catalogue
 * for humans is protos/events/README.md ("Consumed by analytics" / each producer's section).
 */
const uuid = z.string().uuid();
const at = z.string().datetime({ offset: true });
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);

const enrolmentRef = { enrollment_id: uuid, student_id: uuid, course_id: uuid };
const lessonRef = { ...enrolmentRef, lesson_id: uuid };
const attemptRef = { attempt_id: uuid, quiz_id: uuid, course_id: uuid, student_id: uuid };

const answer = z
  .object({
    question_id: uuid,
    selected_option_ids: z.array(uuid).default([]),
    is_correct: z.boolean().nullable(),
    points_earned: z.number(),
    max_points: z.number(),
  })
  .passthrough();

const question = z
  .object({
    question_id: uuid,
    position: z.number().int().optional(),
    question_type: z.string(),
    text: z.string(),
    points: z.number(),
    options: z.array(z.object({ option_id: uuid, text: z.string(), is_correct: z.boolean() }).passthrough()).default([]),
  })
  .passthrough();

const publishedLesson = z
  .object({
    lesson_id: uuid,
    title: z.string().optional(),
    section_id: uuid.optional(),
    order_index: z.number().int().optional(),
    lesson_type: z.string().optional(),
    counts_toward_completion: z.boolean().optional(),
  })
  .passthrough();

export const ANALYTICS_EVENT_SCHEMAS = {
  // auth
  'user.registered': z.object({ user_id: uuid, full_name: z.string(), role: z.string(), registered_at: at }).passthrough(),
  'user.profile_changed': z.object({ user_id: uuid, full_name: z.string().optional(), changed_at: at }).passthrough(),
  'user.role_changed': z.object({ user_id: uuid, new_role: z.string(), at }).passthrough(),
  'user.deleted': z.object({ user_id: uuid, at }).passthrough(),
  // catalog
  'course.created': z
    .object({ course_id: uuid, instructor_id: uuid, title: z.string(), price_cents: count, currency: z.string(), created_at: at })
    .passthrough(),
  'course.updated': z
    .object({ course_id: uuid, updated_at: at, title: z.string().optional(), price_cents: count.optional(), currency: z.string().optional() })
    .passthrough(),
  'course.published': z
    .object({
      course_id: uuid,
      version: z.number().int(),
      instructor_id: uuid,
      title: z.string(),
      published_at: at,
      countable_lesson_ids: z.array(uuid).optional(),
      lessons: z.array(publishedLesson),
    })
    .passthrough(),
  'course.unpublished': z.object({ course_id: uuid, unpublished_at: at }).passthrough(),
  'course.archived': z.object({ course_id: uuid, archived_at: at }).passthrough(),
  'course.unarchived': z.object({ course_id: uuid, unarchived_at: at }).passthrough(),
  'course.deleted': z.object({ course_id: uuid, deleted_at: at }).passthrough(),
  'lesson.created': z.object({ lesson_id: uuid, course_id: uuid, title: z.string(), lesson_type: z.string(), created_at: at }).passthrough(),
  'lesson.updated': z
    .object({ lesson_id: uuid, course_id: uuid, is_published: z.boolean(), updated_at: at, title: z.string().optional() })
    .passthrough(),
  'lesson.deleted': z.object({ lesson_id: uuid, course_id: uuid, deleted_at: at }).passthrough(),
  // enrollment
  'enrollment.created': z
    .object({ ...enrolmentRef, enrolled_at: at, price_cents: count.optional(), currency: z.string().optional() })
    .passthrough(),
  'enrollment.dropped': z.object({ ...enrolmentRef, dropped_at: at }).passthrough(),
  'enrollment.reactivated': z.object({ ...enrolmentRef, at }).passthrough(),
  'enrollment.expired': z.object({ ...enrolmentRef, expired_at: at }).passthrough(),
  'enrollment.completed': z.object({ ...enrolmentRef, completed_at: at }).passthrough(),
  'enrollment.progressed': z
    .object({
      ...enrolmentRef,
      progress_percentage: percent,
      completed_lessons_count: count,
      total_lessons_count: count,
      course_version: z.number().int(),
      at: at.optional(),
    })
    .passthrough(),
  'enrollment.reviewed': z
    .object({ ...enrolmentRef, rating: z.number().int().min(1).max(5), reviewed_at: at, review: z.string().nullable().optional() })
    .passthrough(),
  'lesson.started': z.object({ ...lessonRef, at }).passthrough(),
  'lesson.completed': z.object({ ...lessonRef, completed_at: at }).passthrough(),
  'lesson.time_recorded': z
    .object({ ...lessonRef, seconds: z.number().int().positive(), total_seconds: count.optional(), recorded_at: at })
    .passthrough(),
  // quiz
  'attempt.started': z
    .object({ ...attemptRef, lesson_id: uuid.nullable().optional(), attempt_number: count, started_at: at })
    .passthrough(),
  'quiz.submitted': z
    .object({ ...attemptRef, lesson_id: uuid.nullable().optional(), attempt_number: count.optional(), submitted_at: at })
    .passthrough(),
  'quiz.graded': z
    .object({
      ...attemptRef,
      lesson_id: uuid.nullable().optional(),
      attempt_number: count.optional(),
      percentage: percent,
      passed: z.boolean(),
      graded_at: at,
      answers: z.array(answer).optional(),
    })
    .passthrough(),
  'quiz.regraded': z
    .object({ ...attemptRef, new_percentage: percent, passed: z.boolean(), regraded_at: at, answers: z.array(answer).optional() })
    .passthrough(),
  'quiz.published': z
    .object({
      quiz_id: uuid,
      course_id: uuid,
      lesson_id: uuid.nullable().optional(),
      title: z.string(),
      passing_score: percent,
      questions: z.array(question),
      published_at: at,
      defined_at: at.optional(),
    })
    .passthrough(),
  'quiz.unpublished': z.object({ quiz_id: uuid, course_id: uuid, unpublished_at: at }).passthrough(),
  // certificate (contract for issue 15)
  'certificate.issued': z
    .object({ certificate_id: uuid, certificate_number: z.string(), enrollment_id: uuid.nullable().optional(), student_id: uuid, course_id: uuid, issued_at: at })
    .passthrough(),
  'certificate.revoked': z
    .object({ certificate_id: uuid, certificate_number: z.string().optional(), enrollment_id: uuid.nullable().optional(), student_id: uuid, course_id: uuid, revoked_at: at })
    .passthrough(),
} as const;

export type FactType = keyof typeof ANALYTICS_EVENT_SCHEMAS;
export type FactPayload<T extends FactType> = z.infer<(typeof ANALYTICS_EVENT_SCHEMAS)[T]>;

/** Every type the consumer is bound to (not the deprecated `quiz.attempt_started`: `attempt.started` carries the same). */
export const FACT_TYPES = Object.keys(ANALYTICS_EVENT_SCHEMAS) as FactType[];

export function isFactType(type: string): type is FactType {
  return Object.prototype.hasOwnProperty.call(ANALYTICS_EVENT_SCHEMAS, type);
}

/**
 * The consumer-level check: a JSON object (the kit parks anything else at once). The shape of each type is
 * checked by `ingestFact` (the kit's schema sees only `data`, not the type); a payload failing it throws a
 * `PayloadRejected`, nothing is applied (the transaction rolls back) and the kit parks it after its retries.
 */
export const FACT_ENVELOPE_DATA = z.record(z.unknown());

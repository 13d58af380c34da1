import { z } from 'zod';
import { LIMITS } from '../domain/validation';

/**
 * Machine-readable schemas of the events this service publishes and consumes (v1 payloads, the `data`
 * of the CloudEvents envelope). The catalogue for humans is protos/events/README.md ("enrollment", and
 * the publishers' sections for what we consume).
 */
const uuid = z.string().uuid();
const at = z.string().datetime({ offset: true });
const percent = z.number().min(0).max(100);

export const ENROLLMENT_EVENT_SCHEMAS = {
  // price_cents/currency (issue 13, additive): the list price at enrolment time; absent when unknown
  'enrollment.created': z.object({
    enrollment_id: uuid,
    student_id: uuid,
    course_id: uuid,
    enrolled_at: at,
    price_cents: z.number().int().min(0).optional(),
    currency: z.string().length(3).optional(),
  }),
  'enrollment.dropped': z.object({ enrollment_id: uuid, student_id: uuid, course_id: uuid, dropped_at: at }),
  'enrollment.reactivated': z.object({ enrollment_id: uuid, student_id: uuid, course_id: uuid, at }),
  // review (issue 13, additive): the text, null for a rating without text
  'enrollment.reviewed': z.object({
    enrollment_id: uuid,
    student_id: uuid,
    course_id: uuid,
    rating: z.number().int().min(1).max(5),
    review: z.string().max(LIMITS.reviewMax).nullable().optional(),
    reviewed_at: at,
  }),
  'lesson.started': z.object({ enrollment_id: uuid, student_id: uuid, course_id: uuid, lesson_id: uuid, at }),
  'lesson.completed': z.object({ enrollment_id: uuid, student_id: uuid, course_id: uuid, lesson_id: uuid, completed_at: at }),
  // issue 13: time added to a lesson's stored total (the increment actually added, > 0)
  'lesson.time_recorded': z.object({
    enrollment_id: uuid,
    student_id: uuid,
    course_id: uuid,
    lesson_id: uuid,
    seconds: z.number().int().positive(),
    total_seconds: z.number().int().positive(),
    recorded_at: at,
  }),
  'enrollment.progressed': z.object({
    enrollment_id: uuid,
    student_id: uuid,
    course_id: uuid,
    progress_percentage: percent,
    completed_lessons_count: z.number().int().min(0),
    total_lessons_count: z.number().int().min(0),
    course_version: z.number().int(),
    at: at.optional(), // issue 13, additive: when the change was made
  }),
  'enrollment.completed': z.object({ enrollment_id: uuid, student_id: uuid, course_id: uuid, completed_at: at, course_version: z.number().int() }),
  'enrollment.access_scheduled': z.object({
    enrollment_id: uuid,
    student_id: uuid,
    course_id: uuid,
    expires_at: at.nullable(),
    reason: z.enum(['enrolled', 'extended', 'reactivated']),
  }),
  'enrollment.expired': z.object({ enrollment_id: uuid, student_id: uuid, course_id: uuid, expires_at: at.nullable(), expired_at: at }),
} as const;

/** Optional timestamp: "" / null / absent mean "not set". */
const optionalTime = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not a timestamp' });
      return z.NEVER;
    }
    return d;
  });

/** What we consume from catalog (its section of the event catalogue). */
export const CoursePublishedV1 = z.object({
  course_id: uuid,
  version: z.number().int().min(0),
  instructor_id: uuid.nullable().optional(),
  title: z.string().optional().default(''),
  published_at: optionalTime,
  countable_lesson_ids: z.array(uuid),
  lessons: z
    .array(
      z.object({
        lesson_id: uuid,
        section_id: uuid.nullable().optional(),
        order_index: z.number().int().optional().default(0),
        lesson_type: z.string().optional().default(''),
        unlock_at: optionalTime,
        unlock_after_days: z.number().int().min(0).nullable().optional(),
        prerequisite: z.string().nullable().optional(),
        title: z.string().optional(),
      }),
    )
    .optional()
    .default([]),
});
export const CourseStatusChangedV1 = z.object({ course_id: uuid });
export const LessonDeletedV1 = z.object({ lesson_id: uuid, course_id: uuid });
/** `lesson.updated` and `course.updated`: only which fields changed (the values come from the outline). */
export const ContentChangedV1 = z.object({ course_id: uuid, changed_fields: z.array(z.string()).default([]) });

/** What we consume from quiz. */
export const QuizPassedV1 = z.object({
  attempt_id: uuid,
  quiz_id: uuid,
  lesson_id: uuid,
  course_id: uuid,
  student_id: uuid,
  score_percent: z.number().min(0).max(100),
  passed_at: at,
});

/** Our queues (`<service>.<purpose>`), each with its retry and parking-lot queues (kit EventConsumer). */
export const COURSE_PUBLISHED_QUEUE = 'enrollment.course-published';
export const COURSE_STATUS_QUEUE = 'enrollment.course-status';
export const LESSON_DELETED_QUEUE = 'enrollment.lesson-deleted';
export const CONTENT_CHANGED_QUEUE = 'enrollment.course-content-changed';
export const QUIZ_PASSED_QUEUE = 'enrollment.quiz-passed';
/** A timer queue (kit `dueAt`): our own `enrollment.access_scheduled`, handled at its `expires_at`. */
export const ACCESS_EXPIRY_QUEUE = 'enrollment.access-expiry';
export const AccessScheduledV1 = ENROLLMENT_EVENT_SCHEMAS['enrollment.access_scheduled'];

/** What we consume from auth: activation facts (`user.deactivated`, `user.activated`, `user.deleted`). */
export const USER_STATUS_QUEUE = 'enrollment.user-status';
export const UserStatusV1 = z.object({ user_id: uuid, at });

/** auth's `user.registered` and `user.profile_changed`: the email and name a course's instructor sees in its enrolment list. */
export const USER_DIRECTORY_QUEUE = 'enrollment.user-directory';
export const UserRegisteredV1 = z.object({ user_id: uuid, email: z.string().max(320), full_name: z.string().max(255), registered_at: at });
/** auth's `user.profile_changed` (same queue): the new email and/or name, absent when unchanged. */
export const UserProfileChangedV1 = z.object({ user_id: uuid, email: z.string().max(320).optional(), full_name: z.string().max(255).optional(), changed_at: at });
/** What the user-directory queue receives: either fact (told apart by the event type). */
export const UserDirectoryV1 = z.union([UserRegisteredV1, UserProfileChangedV1]);

/**
 * What we consume from the certificate service (its section of the catalogue): the certificate of an enrolment
 * issued (its download URL and time) or revoked. Only the fields used; the rest is kept (an additive change
 * never parks an event).
 */
export const CERTIFICATES_QUEUE = 'enrollment.certificates';
export const CertificateIssuedV1 = z.object({ certificate_id: uuid, enrollment_id: uuid, pdf_url: z.string().min(1).max(2048), issued_at: at }).passthrough();
export const CertificateRevokedV1 = z.object({ certificate_id: uuid, enrollment_id: uuid, revoked_at: at }).passthrough();
/** What the certificates queue receives: either fact (told apart by the event type). */
export const CertificateFactV1 = z.union([CertificateIssuedV1, CertificateRevokedV1]);

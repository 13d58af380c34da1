import { z } from './zod';
import { Pagination } from './schemas';
import { nullable, NullableId, NullableText, NullableTimestamp } from '../presentation/public-shape';
import { pageSchema } from '../presentation/lists';

/**
 * Requests and responses of the enrolment routes (seed rows 13-18). Responses carry the enrollment proto
 * messages' fields in snake_case; every absent-able timestamp, id, text or "none" number is declared
 * nullable here, so `toPublic` answers `null` for it (never `""`, never `0` for "not rated").
 */
const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2026-02-17T18:00:00.000Z' });
const pathUuid = (name: string) => z.string().uuid().openapi({ param: { name, in: 'path' } });

export const EnrollmentStatusSchema = z.enum(['active', 'completed', 'dropped', 'expired']).openapi('EnrollmentStatus');

export const EnrollmentIdParams = z.object({ enrollment_id: pathUuid('enrollment_id') }).strict();
export const EnrollmentLessonParams = z.object({ enrollment_id: pathUuid('enrollment_id'), lesson_id: pathUuid('lesson_id') }).strict();
export const CourseEnrollmentParams = z.object({ course_id: pathUuid('course_id') }).strict();

export const EnrollBody = z.object({ course_id: z.string().uuid() }).strict().openapi('EnrollRequest');

export const MyEnrollmentsQuery = z.object({ ...Pagination, status: EnrollmentStatusSchema.optional() }).strict();

export const COURSE_ENROLLMENT_SORTS = ['progress_desc', 'progress_asc', 'last_accessed_desc', 'last_accessed_asc', 'enrolled_desc'] as const;
export const CourseEnrollmentsQuery = z
  .object({
    ...Pagination,
    status: EnrollmentStatusSchema.optional(),
    sort: z.enum(COURSE_ENROLLMENT_SORTS).default('progress_desc'),
    cursor: z
      .string()
      .max(500)
      .optional()
      .openapi({ description: 'Keyset pagination: `next_cursor` of the previous page (same sort); `page` is then ignored' }),
  })
  .strict();

/** The CSV export of a course's enrolments: every row (not one page), same filter and order as the list. */
export const CourseEnrollmentsExportQuery = z
  .object({
    status: EnrollmentStatusSchema.optional(),
    sort: z.enum(COURSE_ENROLLMENT_SORTS).default('progress_desc'),
  })
  .strict();

export const CsvSchema = z.string().openapi({
  description:
    'text/csv; charset=utf-8 (RFC 4180, header row first): student_name, student_email, student_id, enrollment_id, status, ' +
    'progress_percentage, completed_lessons_count, total_lessons_count, enrolled_at, last_accessed_at, completed_at, expires_at, rating. ' +
    'Cells starting with = + - @ (or tab/CR) are prefixed with a single quote (spreadsheet formula injection).',
});

export const UpdateProgressBody = z
  .object({
    status: z.enum(['in_progress', 'completed']).optional().openapi({ description: '`completed` completes the lesson (same as POST .../complete)' }),
    time_spent_seconds: z
      .number()
      .int()
      .min(0)
      .max(86_400)
      .optional()
      .openapi({ description: 'The running total of seconds spent on this lesson: the stored total only grows, by at most 300 s per update (the service bound), so a retried update counts once' }),
    last_position_seconds: z.number().int().min(0).max(7 * 24 * 3600).optional(),
    completion_percentage: z.number().min(0).max(100).optional(),
    notes: z.string().max(10_000).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdateLessonProgressRequest', { description: 'Partial update: only the fields present are applied' });

export const ReviewBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    review: z
      .string()
      .trim()
      .min(10)
      .max(5000)
      .nullable()
      .optional()
      .openapi({ description: '10 to 5000 characters (the seed\'s minimum); omitted or null = a rating without text' }),
  })
  .strict()
  .openapi('ReviewRequest');

/** Exactly one of `days` (added to the current end of access, or to now when it has passed) and `expires_at`. */
export const ExtendBody = z
  .object({
    days: z.number().int().min(1).max(3650).optional(),
    expires_at: z
      .string()
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'An absolute end of access (RFC 3339, in the future, at most 3650 days ahead)' }),
  })
  .strict()
  .refine((b) => (b.days === undefined) !== (b.expires_at === undefined), 'Give either days or expires_at')
  .openapi('ExtendEnrollmentRequest');

export const BulkEnrollBody = z
  .object({
    user_ids: z.array(z.string().max(100)).max(1000).optional().openapi({ description: 'User ids; malformed ones are reported per row' }),
    emails: z.array(z.string().max(320)).max(1000).optional().openapi({ description: 'Emails, resolved by the auth service' }),
  })
  .strict()
  .refine((b) => (b.user_ids?.length ?? 0) + (b.emails?.length ?? 0) > 0, 'Give at least one user id or email')
  .refine((b) => (b.user_ids?.length ?? 0) + (b.emails?.length ?? 0) <= 1000, 'At most 1000 rows')
  .openapi('BulkEnrollRequest');

export const EnrollmentSchema = z
  .object({
    id: z.string().uuid(),
    student_id: z.string().uuid(),
    course_id: z.string().uuid(),
    status: EnrollmentStatusSchema,
    enrolled_at: Timestamp,
    started_at: NullableTimestamp().openapi({ description: 'First lesson activity; null before' }),
    completed_at: NullableTimestamp().openapi({ description: 'First time the course reached 100% (sticky); null when not completed' }),
    dropped_at: NullableTimestamp(),
    last_accessed_at: NullableTimestamp(),
    expires_at: NullableTimestamp().openapi({ description: "End of access (enrolled_at + the course's access_days, or as extended); null = lifetime" }),
    progress_percentage: z.number().openapi({ description: 'Completed countable lessons / countable lessons of the course version, 0-100', example: 66.67 }),
    completed_lessons_count: z.number().int(),
    total_lessons_count: z.number().int(),
    total_time_spent_seconds: z.number().int(),
    certificate_url: NullableText().openapi({
      description: "The certificate's download URL (GET /certificates/{id}/download) once issued; null before, and again once it is revoked",
    }),
    certificate_issued_at: NullableTimestamp().openapi({ description: 'When the certificate was issued; null while there is none (or it was revoked)' }),
    rating: nullable(z.number().int(), 0).openapi({ description: '1-5; null when not rated' }),
    review: NullableText().openapi({ description: 'null when none' }),
    reviewed_at: NullableTimestamp(),
    has_new_content: z.boolean().openapi({ description: 'Completed, then the course gained lessons (completion stays)' }),
    course_version: z.number().int(),
  })
  .openapi('Enrollment');

export const LessonProgressSchema = z
  .object({
    id: NullableId().openapi({ description: 'The progress record; null for a lesson never opened' }),
    enrollment_id: z.string().uuid(),
    lesson_id: z.string().uuid(),
    status: z.enum(['not_started', 'in_progress', 'completed']),
    completion_percentage: z.number(),
    time_spent_seconds: z.number().int().openapi({ description: 'Total time on this lesson' }),
    last_position_seconds: z.number().int(),
    notes: NullableText().openapi({ description: "The student's own notes (null when none, and for anyone else)" }),
    started_at: NullableTimestamp(),
    completed_at: NullableTimestamp(),
    last_accessed_at: NullableTimestamp(),
  })
  .openapi('LessonProgress');

export const EnrollmentProgressSchema = z
  .object({
    enrollment: EnrollmentSchema,
    lessons: z.array(
      z.object({
        lesson_id: z.string().uuid(),
        section_id: NullableId(),
        position: z.number().int(),
        lesson_type: z.string(),
        is_countable: z.boolean(),
        is_locked: z.boolean(),
        unlock_at: NullableTimestamp().openapi({ description: 'When a drip lock lifts; null when not drip-locked' }),
        progress: LessonProgressSchema,
        lesson_title: NullableText().openapi({
          description: "The lesson's title from the enrollment service's course model (no call per lesson); null when not known yet",
        }),
      }),
    ),
  })
  .openapi('EnrollmentProgress');

export const MyEnrollmentSchema = EnrollmentSchema.extend({
  course: z.object({ id: z.string().uuid(), title: z.string(), thumbnail_url: NullableText() }),
  time_spent_hours: z.number().openapi({ description: 'total_time_spent_seconds in hours, two decimals' }),
}).openapi('MyEnrollment');

export const MyEnrollmentPageSchema = pageSchema('MyEnrollmentList', 'enrollments', MyEnrollmentSchema)
  .extend({
    course_details_degraded: z.boolean().openapi({ description: 'Catalog was unreachable: titles from the local copy, no thumbnails' }),
  })
  .openapi('MyEnrollmentPage');

export const CourseEnrollmentSchema = EnrollmentSchema.extend({
  student_name: NullableText().openapi({ description: "The student's full name (auth, one batched call per page); null for a deleted account" }),
  student_email: NullableText().openapi({ description: "The student's email (as registered); null when not known or the account was deleted" }),
}).openapi('CourseEnrollment');

export const CourseEnrollmentPageSchema = pageSchema('CourseEnrollmentList', 'enrollments', CourseEnrollmentSchema)
  .extend({
    next_cursor: NullableText().openapi({ description: 'Keyset position of the next page; null on the last page' }),
    student_details_degraded: z.boolean().openapi({ description: 'auth was unreachable: names as registered' }),
  })
  .openapi('CourseEnrollmentPage', { description: '`page` is 0 for a cursor page' });

export const CourseEnrollmentStatsSchema = z
  .object({
    course_id: z.string().uuid(),
    total_enrollments: z.number().int(),
    active_enrollments: z.number().int(),
    completed_enrollments: z.number().int(),
    dropped_enrollments: z.number().int(),
    expired_enrollments: z.number().int(),
    completion_rate: z.number().openapi({ description: 'completed / (all but dropped), percent' }),
    average_progress: z.number().openapi({ description: 'over enrolments not dropped, percent' }),
    average_rating: nullable(z.number(), 0).openapi({ description: 'null when nobody rated' }),
    rating_count: z.number().int(),
    course_version: z.number().int(),
    total_lessons_count: z.number().int(),
  })
  .openapi('CourseEnrollmentStats');

export const BulkEnrollmentJobSchema = z
  .object({
    id: z.string().uuid(),
    course_id: z.string().uuid(),
    requested_by: z.string().uuid(),
    status: z.enum(['running', 'completed']),
    total: z.number().int(),
    enrolled: z.number().int(),
    already_enrolled: z.number().int(),
    unknown_user: z.number().int(),
    invalid: z.number().int(),
    results: z.array(
      z.object({
        row: z.number().int(),
        input: z.string(),
        user_id: NullableId().openapi({ description: 'null when unknown or invalid' }),
        result: z.enum(['enrolled', 'already_enrolled', 'unknown_user', 'invalid', 'accepted']),
        enrollment_id: NullableId(),
        detail: NullableText(),
      }),
    ),
    created_at: Timestamp,
    completed_at: NullableTimestamp(),
  })
  .openapi('BulkEnrollmentJob');

/** Seed code `GET /enrollments/{id}/stats` (EnrollmentStatsResponse), derived from the per-lesson progress. */
export const EnrollmentStatsSchema = z
  .object({
    enrollment_id: z.string().uuid(),
    course_id: z.string().uuid(),
    student_id: z.string().uuid(),
    progress_percentage: z.number(),
    completed_lessons: z.number().int(),
    total_lessons: z.number().int(),
    time_spent_hours: z.number(),
    lessons_by_status: z.object({ completed: z.number().int(), in_progress: z.number().int(), not_started: z.number().int() }),
    average_completion_time_minutes: nullable(z.number()).openapi({ description: 'Mean of completed_at - started_at over completed lessons; null when none' }),
    recent_lessons: z.array(
      z.object({
        lesson_id: z.string().uuid(),
        lesson_title: NullableText().openapi({ description: "The lesson's title (enrollment's course model); null when not known yet" }),
        status: z.string(),
        last_accessed: NullableTimestamp(),
        completion_percentage: z.number(),
      }),
    ),
    last_accessed_at: NullableTimestamp(),
  })
  .openapi('EnrollmentStats');

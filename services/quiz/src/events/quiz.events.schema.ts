import { z } from 'zod';
import { QUESTION_TYPES } from '../domain/types';

/**
 * Machine-readable schemas of the events this service publishes (v1 payloads, the `data` of the CloudEvents
 * envelope). The catalogue for humans is protos/events/README.md, section "quiz".
 */
const uuid = z.string().uuid();
const at = z.string().datetime({ offset: true });
const percent = z.number().min(0).max(100);
const ids = { attempt_id: uuid, quiz_id: uuid, lesson_id: uuid, course_id: uuid, student_id: uuid };

/**
 * Per question of a graded attempt (issue 13, additive: absent in events published before it). Option ids are
 * always UUIDs (domain/quiz.events.ts choiceUuid: the option's own id, or a name-based UUID for an
 * instructor-chosen id and for the true/false choices). is_correct: full points only; null = essay awaiting a person.
 */
const optionId = uuid;
const answers = z
  .array(
    z.object({
      question_id: uuid,
      selected_option_ids: z.array(optionId),
      is_correct: z.boolean().nullable(),
      points_earned: z.number().min(0),
      max_points: z.number().min(0),
    }),
  )
  .optional();

const attemptStarted = z.object({ ...ids, attempt_number: z.number().int().min(1), started_at: at, deadline_at: at.nullable() });

export const QUIZ_EVENT_SCHEMAS = {
  'attempt.started': attemptStarted,
  'quiz.submitted': z.object({
    ...ids,
    attempt_number: z.number().int().min(1),
    submitted_at: at,
    auto_submitted: z.boolean(),
    status: z.enum(['pending_review', 'graded']),
  }),
  'quiz.graded': z.object({
    ...ids,
    attempt_number: z.number().int().min(1),
    score: z.number().min(0),
    max_score: z.number().min(0),
    percentage: percent,
    passed: z.boolean(),
    graded_at: at,
    graded_by: z.string().min(1),
    answers,
  }),
  'quiz.passed': z.object({ ...ids, score_percent: percent, passed_at: at }),
  'quiz.failed': z.object({ ...ids, score_percent: percent, failed_at: at, attempts_remaining: z.number().int().min(-1) }),
  'quiz.regraded': z.object({
    regrade_id: uuid,
    attempt_id: uuid,
    quiz_id: uuid,
    course_id: uuid,
    student_id: uuid,
    old_score: z.number(),
    new_score: z.number(),
    old_percentage: percent,
    new_percentage: percent,
    passed: z.boolean(),
    regraded_at: at,
    answers,
  }),
  // Issue 13 (analytics): the current definition of a published quiz; subject = the quiz id.
  'quiz.published': z.object({
    quiz_id: uuid,
    course_id: uuid,
    lesson_id: uuid,
    instructor_id: uuid,
    title: z.string().min(1),
    passing_score: percent,
    questions: z.array(
      z.object({
        question_id: uuid,
        position: z.number().int().min(1),
        question_type: z.enum(QUESTION_TYPES),
        text: z.string().min(1),
        points: z.number().positive(),
        version: z.number().int().min(1),
        pool_id: uuid.nullable(),
        options: z.array(z.object({ option_id: optionId, text: z.string().min(1), is_correct: z.boolean() })),
      }),
    ),
    published_at: at,
    defined_at: at,
  }),
  // Issue 13: a published quiz unpublished (retired = its lesson or course was deleted, for good); subject = the quiz id.
  'quiz.unpublished': z.object({ quiz_id: uuid, course_id: uuid, lesson_id: uuid, unpublished_at: at, retired: z.boolean() }),
  // Internal: the next batch of a real regrade run (consumed by this service, queue quiz.regrades).
  'quiz.regrade_requested': z.object({ regrade_id: uuid, quiz_id: uuid, after_id: uuid.nullable(), not_before: at.nullable() }),
} as const;

export type QuizEventType = keyof typeof QUIZ_EVENT_SCHEMAS;

/**
 * The queue of our own `attempt.started`, delivered again at each attempt's deadline (+ grace); also bound, until
 * the next minor release, to its deprecated name `quiz.attempt_started` (same payload), no longer published.
 */
export const ATTEMPT_DEADLINES_QUEUE = 'quiz.attempt-deadlines';
export const AttemptStartedV1 = QUIZ_EVENT_SCHEMAS['attempt.started'];

/** Catalog facts that retire a quiz: its lesson, or its whole course, was deleted. */
export const CATALOG_DELETIONS_QUEUE = 'quiz.catalog-deletions';
export const CatalogDeletionV1 = z.object({ course_id: uuid, lesson_id: uuid.optional() }).passthrough();

/** Our own `quiz.regrade_requested`: one batch of a real regrade run per event, each batch asking for the next. */
export const REGRADES_QUEUE = 'quiz.regrades';
export const RegradeRequestedV1 = QUIZ_EVENT_SCHEMAS['quiz.regrade_requested'];

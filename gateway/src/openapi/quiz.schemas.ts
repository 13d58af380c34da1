import { listSchema } from '../presentation/lists';
import { NullableText, NullableTimestamp, nullable } from '../presentation/public-shape';
import { PoolSchema } from './pool.schemas';
import { QUIZ_LIMITS, Timestamp, pathUuid } from './quiz-common';
import { Uuid } from './schemas';
import { z } from './zod';

/** Requests and responses of the quizzes of a course (conventions: quiz-common.ts). */
const L = QUIZ_LIMITS;

const QUIZ_TYPES = ['graded', 'practice', 'final'] as const;
const SCORING_POLICIES = ['highest', 'latest', 'average', 'first'] as const;
const SHOW_CORRECT_ANSWERS = ['never', 'after_submit', 'after_pass', 'after_last_attempt'] as const;

const QuizTypeSchema = z.enum(QUIZ_TYPES).openapi('QuizType');
const ScoringPolicySchema = z.enum(SCORING_POLICIES).openapi('ScoringPolicy', { description: 'Which graded attempt counts' });
const ShowCorrectAnswersSchema = z
  .enum(SHOW_CORRECT_ANSWERS)
  .openapi('ShowCorrectAnswers', { description: 'When a student may see the answer keys and explanations of an attempt' });

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
/** An RFC 3339 timestamp with a zone; "" or null for none. */
const AvailabilityTime = z
  .string()
  .trim()
  .refine((v) => v === '' || (RFC3339.test(v) && !Number.isNaN(Date.parse(v))), 'An RFC 3339 timestamp such as 2030-01-31T09:00:00Z, or ""')
  .nullable()
  .transform((v) => v ?? '')
  .openapi({ example: '2030-01-31T09:00:00Z' });
/** A limit where null (like 0) means "none": the seed's clients send null for "no limit". */
const limit = (max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .nullable()
    .transform((v) => v ?? 0);

export const CourseQuizzesParams = z.object({ course_id: pathUuid('course_id') }).strict();
export const CourseQuizParams = z.object({ course_id: pathUuid('course_id'), quiz_id: pathUuid('quiz_id') }).strict();
export const QuizIdParams = z.object({ quiz_id: pathUuid('quiz_id') }).strict();

export const ListQuizzesQuery = z
  .object({ lesson_id: Uuid.optional().openapi({ description: "Only this lesson's quizzes" }) })
  .strict();

/** The enum, or the seed's boolean: true → after_submit, false → never. */
const ShowCorrectAnswersInput = z
  .union([ShowCorrectAnswersSchema, z.boolean()])
  .transform((v) => (v === true ? 'after_submit' : v === false ? 'never' : v))
  .openapi({ description: 'Default after_submit. The seed\'s boolean is accepted: true = after_submit, false = never' });

const quizFields = {
  title: z.string().trim().min(1).max(L.title).openapi({ example: 'Chapter 1 check' }),
  description: z
    .string()
    .max(L.description)
    .nullable()
    .transform((v) => v ?? '')
    .optional(),
  quiz_type: QuizTypeSchema.optional().openapi({ description: 'Default graded' }),
  passing_score: z.number().min(0).max(100).optional().openapi({ description: 'Percentage 0-100; default 70' }),
  time_limit_minutes: limit(L.timeLimitMinutes).optional().openapi({ description: 'null or 0 = no time limit (the default)' }),
  max_attempts: limit(L.maxAttempts).optional().openapi({ description: 'null or 0 = unlimited (the default)' }),
  scoring_policy: ScoringPolicySchema.optional().openapi({ description: 'Default highest' }),
  shuffle_questions: z.boolean().optional(),
  shuffle_options: z.boolean().optional(),
  show_correct_answers: ShowCorrectAnswersInput.optional(),
  available_from: AvailabilityTime.optional().openapi({ description: 'null or "" = always' }),
  available_until: AvailabilityTime.optional().openapi({ description: 'null or "" = always; an attempt deadline never passes it' }),
};

export const CreateQuizBody = z
  .object({
    lesson_id: Uuid.openapi({ description: 'A lesson of this course with lesson_type quiz' }),
    ...quizFields,
  })
  .strict()
  .openapi('CreateQuizRequest', {
    description:
      'Settings left out take their defaults. `lesson_id` is required (a deviation from the seed, where it is optional): ' +
      'a quiz is what a `quiz` lesson of the course asks, and passing it completes that lesson.',
  });

export const UpdateQuizBody = z
  .object({ ...quizFields, title: quizFields.title.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdateQuizRequest', { description: 'Partial update: only the fields present are changed (null or "" clears a date or limit)' });

export const QuizSchema = z
  .object({
    id: z.string().uuid(),
    course_id: z.string().uuid(),
    lesson_id: z.string().uuid().openapi({ description: 'The quiz lesson of the course this quiz belongs to' }),
    instructor_id: z.string().uuid(),
    title: z.string(),
    description: NullableText(),
    quiz_type: z.string().openapi({ description: 'graded | practice | final (a label: every type is graded alike)' }),
    passing_score: z.number().openapi({ description: 'Percentage 0-100' }),
    time_limit_minutes: nullable(z.number().int(), 0).openapi({ description: 'null = no time limit' }),
    max_attempts: nullable(z.number().int(), 0).openapi({ description: 'null = unlimited' }),
    scoring_policy: z.string().openapi({ description: 'highest | latest | average | first' }),
    shuffle_questions: z.boolean(),
    shuffle_options: z.boolean(),
    show_correct_answers: z
      .string()
      .openapi({ description: 'never | after_submit | after_pass | after_last_attempt (the seed\'s boolean: true = after_submit, false = never)' }),
    available_from: NullableTimestamp().openapi({ description: 'null = always' }),
    available_until: NullableTimestamp().openapi({ description: 'null = always' }),
    is_published: z.boolean(),
    published_at: NullableTimestamp(),
    total_questions: z.number().int().openapi({ description: "Questions each attempt gets: fixed questions + every pool's draw" }),
    total_points: z.number(),
    question_count: z.number().int().openapi({ description: 'Questions defined (owner, admin; 0 for students)' }),
    pools: z.array(PoolSchema).openapi({ description: 'Owner, admin; empty for students' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    is_open: z.boolean().openapi({ description: 'Published and inside its availability window now' }),
  })
  .openapi('Quiz', { description: 'A quiz. Never contains questions or answers; students see published quizzes only.' });

export const QuizListSchema = listSchema('QuizList', 'quizzes', QuizSchema);

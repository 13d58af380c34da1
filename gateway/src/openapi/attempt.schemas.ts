import { pageSchema } from '../presentation/lists';
import { NullableText, NullableTimestamp, nullable } from '../presentation/public-shape';
import { ChoiceSchema, NumericKeySchema } from './question.schemas';
import { ChildId, QUIZ_LIMITS, Timestamp, finite, pathUuid } from './quiz-common';
import { QuizSchema } from './quiz.schemas';
import { Pagination, Uuid } from './schemas';
import { z } from './zod';

/** Requests and responses of quiz attempts: taking a quiz, results, grading (conventions: quiz-common.ts). */
const L = QUIZ_LIMITS;

/**
 * The statuses an attempt is stored with: what a `status` filter takes. Responses show the effective status,
 * which adds `closing` (past its deadline until the server has closed and graded it; a read never writes).
 */
const ATTEMPT_STATUSES = ['in_progress', 'pending_review', 'graded'] as const;
const CORRECTNESS = ['correct', 'partial', 'incorrect', 'unanswered', 'pending_review'] as const;

const AttemptStatusSchema = z.enum(ATTEMPT_STATUSES).openapi('AttemptStatus', {
  description: 'A stored status (the `status` filter); an attempt shown as `closing` is stored as in_progress',
});
/** An attempt's status in a response: the effective one. */
const EFFECTIVE_STATUS =
  'in_progress | closing | pending_review | graded (closing: past its deadline, being closed and graded by the server; no score yet)';

export const AttemptParams = z.object({ quiz_id: pathUuid('quiz_id'), attempt_id: pathUuid('attempt_id') }).strict();

export const ListAttemptsQuery = z
  .object({
    ...Pagination,
    status: AttemptStatusSchema.optional(),
    student_id: Uuid.optional().openapi({ description: "Only this student's attempts" }),
  })
  .strict();

/**
 * One answer, in a friendlier shape than the proto's: `selected_option_id` → `selected_option_ids` [one],
 * `answer_number` → `answer_text` (the number as text), `answer_boolean` → `answer_text` "true"/"false".
 */
const AnswerInput = z
  .object({
    question_id: Uuid,
    selected_option_id: ChildId.optional().openapi({ description: 'multiple_choice: the chosen option' }),
    selected_option_ids: z.array(ChildId).max(L.choices).optional().openapi({ description: 'multiple_answer (multiple_choice: one)' }),
    answer_text: z.string().max(L.answerText).optional().openapi({ description: 'short_answer, essay, numeric (a decimal), true_false ("true"/"false")' }),
    answer_number: finite().optional().openapi({ description: 'numeric: sent as its decimal text' }),
    answer_boolean: z.boolean().optional().openapi({ description: 'true_false' }),
    matches: z
      .array(z.object({ prompt_id: ChildId, match_id: ChildId }).strict())
      .max(L.choices)
      .optional()
      .openapi({ description: 'matching: the match chosen for each prompt' }),
    order: z.array(ChildId).max(L.choices).optional().openapi({ description: 'ordering: the item ids in the chosen order' }),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.selected_option_id !== undefined && a.selected_option_ids !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['selected_option_id'], message: 'Send selected_option_id or selected_option_ids, not both' });
    }
    const texts = (['answer_text', 'answer_number', 'answer_boolean'] as const).filter((k) => a[k] !== undefined);
    if (texts.length > 1) ctx.addIssue({ code: 'custom', path: [texts[1]], message: `Send only one of ${texts.join(', ')}` });
  })
  .transform((a) => ({
    question_id: a.question_id,
    selected_option_ids: a.selected_option_id !== undefined ? [a.selected_option_id] : (a.selected_option_ids ?? []),
    answer_text:
      a.answer_number !== undefined ? String(a.answer_number) : a.answer_boolean !== undefined ? String(a.answer_boolean) : (a.answer_text ?? ''),
    matches: a.matches ?? [],
    order: a.order ?? [],
  }))
  .openapi('AnswerInput', { description: 'Only the fields of the question type count; nothing set = unanswered' });

const Answers = z
  .array(AnswerInput)
  .max(L.answers)
  .refine((list) => new Set(list.map((a) => a.question_id)).size === list.length, 'Each question at most once');

export const SaveAnswersBody = z
  .object({ answers: Answers.openapi({ description: `Merged by question_id into the saved answers; at most ${L.answers}` }) })
  .strict()
  .openapi('SaveAnswersRequest');

export const SubmitAttemptBody = z
  .object({ answers: Answers.optional().openapi({ description: 'Saved (merged) before grading, in the same transaction' }) })
  .strict()
  .openapi('SubmitAttemptRequest');

export const GradeAttemptBody = z
  .object({
    grades: z
      .array(
        z
          .object({
            question_id: Uuid,
            points: finite().min(0).max(L.points).openapi({ description: "0 to the question's points" }),
            feedback: z.string().max(L.feedback).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(L.grades)
      .refine((list) => new Set(list.map((g) => g.question_id)).size === list.length, 'Each question at most once'),
  })
  .strict()
  .openapi('GradeAttemptRequest', { description: 'Manual grades of the essay questions; the attempt is final once all are graded' });

// -------------------------------------------------------------------------------------------- responses

/** A choice of a multiple_choice/multiple_answer question, with the seed's `option_text` as an alias of `text`. */
const PaperOptionSchema = z
  .object({ id: z.string(), text: z.string(), option_text: z.string().openapi({ description: 'Alias of `text` (the seed API name)' }) })
  .openapi('PaperOption');

const AnswerSchema = z
  .object({
    question_id: z.string(),
    selected_option_ids: z.array(z.string()),
    answer_text: NullableText().openapi({ description: 'null when the question type takes no text or none was given' }),
    matches: z.array(z.object({ prompt_id: z.string(), match_id: z.string() })),
    order: z.array(z.string()),
  })
  .openapi('Answer');

export const AttemptSchema = z
  .object({
    id: z.string().uuid(),
    quiz_id: z.string().uuid(),
    course_id: z.string().uuid(),
    student_id: z.string().uuid(),
    attempt_number: z.number().int(),
    status: z.string().openapi({ description: EFFECTIVE_STATUS }),
    started_at: Timestamp,
    deadline_at: NullableTimestamp().openapi({ description: 'null = no deadline (no time limit, no availability end)' }),
    time_remaining_seconds: nullable(z.number().int(), -1).openapi({ description: 'null = no deadline' }),
    max_score: z.number(),
    total_questions: z.number().int(),
    resumed: z.boolean().openapi({ description: 'Start returned the attempt already in progress' }),
    answers: z.array(AnswerSchema).openapi({ description: 'The answers saved so far' }),
    submitted_at: NullableTimestamp().openapi({ description: 'null while in progress' }),
    auto_submitted: z.boolean().openapi({ description: 'Closed by its deadline, not by the student' }),
    last_saved_at: NullableTimestamp(),
  })
  .openapi('Attempt');

const PaperQuestionSchema = z
  .object({
    id: z.string().uuid(),
    question_type: z.string(),
    question_text: z.string(),
    points: z.number(),
    position: z.number().int().openapi({ description: '1-based position in the attempt' }),
    options: z.array(PaperOptionSchema).openapi({ description: "multiple_choice, multiple_answer: in the attempt's order" }),
    prompts: z.array(ChoiceSchema).openapi({ description: 'matching' }),
    matches: z.array(ChoiceSchema).openapi({ description: "matching: the pairs' matches and the distractors, shuffled" }),
    items: z.array(ChoiceSchema).openapi({ description: 'ordering: shuffled' }),
    max_length: nullable(z.number().int(), 0).openapi({ description: 'essay; null for other types' }),
  })
  .openapi('PaperQuestion', { description: 'A question as a student sees it during an attempt: the pinned version, no answer key, no explanation' });

export const AttemptPaperSchema = z
  .object({ attempt: AttemptSchema, quiz: QuizSchema, questions: z.array(PaperQuestionSchema) })
  .openapi('AttemptPaper', { description: "The in-progress attempt's questions in the attempt's order, without answers" });

const QuestionResultSchema = z
  .object({
    question_id: z.string(),
    question_type: z.string(),
    question_text: z.string(),
    position: z.number().int(),
    points: z.number(),
    points_earned: z.number(),
    correctness: z.enum(CORRECTNESS),
    is_correct: z.boolean().openapi({ description: "Whether the student's answer earned full credit (not a key)" }),
    answer: AnswerSchema.nullable().openapi({ description: 'What the student answered' }),
    feedback: NullableText().openapi({ description: "The grader's comment (manual grading); null when none" }),
    answers_revealed: z.boolean().openapi({ description: 'Whether the key fields below are present' }),
    correct_answer: AnswerSchema.nullable().optional().openapi({ description: 'Only when revealed; short_answer: the first accepted answer' }),
    accepted_answers: z.array(z.string()).optional().openapi({ description: 'Only when revealed' }),
    numeric: NumericKeySchema.nullable().optional().openapi({ description: 'Only when revealed' }),
    explanation: NullableText().optional().openapi({ description: 'Only when revealed' }),
    options: z.array(ChoiceSchema).openapi({ description: "The choices/items shown, in the attempt's order" }),
    prompts: z.array(ChoiceSchema),
    matches: z.array(ChoiceSchema),
    version: z.number().int().openapi({ description: 'The question version graded' }),
  })
  .openapi('QuestionResult', {
    description:
      'One graded question. The key fields (correct_answer, accepted_answers, numeric, explanation) are omitted unless ' +
      "`answers_revealed` (the quiz's show_correct_answers allows it; always for the course owner and admins).",
  });

/** The seed's per-question line of a result. */
const AnswerResultSchema = z
  .object({
    question_id: z.string(),
    is_correct: z.boolean().openapi({ description: 'Full credit earned' }),
    points_earned: z.number(),
    points: z.number(),
    correctness: z.enum(CORRECTNESS),
  })
  .openapi('AnswerResult', { description: 'One line per question of the attempt (the seed API shape); the details are in `questions`' });

export const AttemptResultSchema = z
  .object({
    id: z.string().uuid().openapi({ description: "The attempt's id (= attempt.id)" }),
    quiz_id: z.string().uuid(),
    attempt_number: z.number().int(),
    status: z.string().openapi({ description: 'in_progress | closing | pending_review | graded (= attempt.status)' }),
    attempt: AttemptSchema,
    score: z.number(),
    max_score: z.number(),
    percentage: z.number(),
    passed: z.boolean().openapi({ description: 'Final grade known and percentage >= passing_score' }),
    is_passed: z.boolean().openapi({ description: 'Alias of `passed` (the seed API name)' }),
    started_at: Timestamp,
    submitted_at: NullableTimestamp().openapi({ description: 'null while in progress (= attempt.submitted_at)' }),
    graded_at: NullableTimestamp().openapi({ description: 'null until the grade is final' }),
    time_spent_seconds: z.number().int(),
    answers_revealed: z.boolean(),
    answers: z.array(AnswerResultSchema).openapi({ description: 'Per question: is_correct, points_earned (the seed API shape)' }),
    questions: z.array(QuestionResultSchema),
    passing_score: z.number(),
  })
  .openapi('AttemptResult');

const AttemptSummarySchema = z
  .object({
    id: z.string().uuid(),
    quiz_id: z.string().uuid(),
    student_id: z.string().uuid(),
    attempt_number: z.number().int(),
    status: z.string().openapi({ description: EFFECTIVE_STATUS }),
    score: z.number(),
    max_score: z.number(),
    percentage: z.number(),
    passed: z.boolean(),
    is_passed: z.boolean().openapi({ description: 'Alias of `passed` (the seed API name)' }),
    started_at: Timestamp,
    deadline_at: NullableTimestamp().openapi({ description: 'null = no deadline' }),
    submitted_at: NullableTimestamp().openapi({ description: 'null while in progress' }),
    graded_at: NullableTimestamp().openapi({ description: 'null until the grade is final' }),
    auto_submitted: z.boolean(),
    time_spent_seconds: z.number().int(),
  })
  .openapi('AttemptSummary');

export const MyAttemptsSchema = z
  .object({
    attempts: z.array(AttemptSummarySchema),
    total: z.number().int(),
    scoring_policy: z.string(),
    kept_percentage: nullable(z.number()).openapi({ description: 'By the scoring policy over graded attempts; null when none is graded' }),
    kept_score: nullable(z.number()).openapi({ description: 'null when no attempt is graded' }),
    passed: z.boolean().openapi({ description: 'kept_percentage >= passing_score' }),
    attempts_used: z.number().int(),
    attempts_remaining: nullable(z.number().int(), -1).openapi({ description: 'null = unlimited' }),
  })
  .openapi('MyAttempts', {
    description:
      "The caller's attempts (`attempts`, `total`) with the scoring policy's result — an object, not the seed's bare array, so the policy result fits",
  });

export const AttemptPageSchema = pageSchema('AttemptPage', 'attempts', AttemptSummarySchema);

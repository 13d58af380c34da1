import type { z as Z } from 'zod';
import { listSchema, pageSchema } from '../presentation/lists';
import { NullableId, NullableText, NullableTimestamp, nullable } from '../presentation/public-shape';
import { Pagination, Uuid } from './schemas';
import { z } from './zod';

/**
 * Requests and responses of the quiz routes. Responses mirror the quiz proto messages field by field
 * (snake_case; timestamps RFC 3339 UTC; scores and points with two decimals; percentages 0-100), with the
 * public contract's nulls: every absent-able field is declared `nullable()` below and `toPublic` turns the
 * proto's "" / 0 / -1 for "none" into null (no time limit, unlimited attempts, no deadline, not submitted…).
 * Lists are named after what they hold (`quizzes`, `questions`, `attempts`, `regrades`) with `total`.
 * The seed's names are accepted or answered next to ours where they differ (`option_text`, `is_passed`,
 * a boolean `show_correct_answers`, `correct_answer` for short answers). The caps below stop abuse early; the quiz service applies its own, finer rules (type-specific
 * question checks, ownership, enrolment, availability) and answers 422/403/404/409 itself.
 *
 * Answer keys: a `Question` (with `is_correct`, `correct_answer`, `accepted_answers`, `numeric`, `pairs`,
 * `explanation`) is only ever returned to the course's owner and admins. Students get `PaperQuestion`s
 * during an attempt (no key) and `QuestionResult`s afterwards, whose key fields are present only when the
 * quiz's `show_correct_answers` allows it (`answers_revealed: true`).
 */
export const QUIZ_LIMITS = {
  title: 200,
  description: 5_000,
  timeLimitMinutes: 1_440,
  maxAttempts: 100,
  questionText: 5_000,
  explanation: 5_000,
  points: 1_000,
  /** Options, ordering items, matching pairs. */
  choices: 20,
  distractors: 10,
  choiceText: 2_000,
  acceptedAnswers: 50,
  maxLength: 100_000,
  poolTitle: 200,
  drawCount: 1_000,
  questions: 1_000,
  answers: 200,
  answerText: 100_000,
  feedback: 5_000,
  grades: 200,
} as const;
const L = QUIZ_LIMITS;

export const QUIZ_TYPES = ['graded', 'practice', 'final'] as const;
export const SCORING_POLICIES = ['highest', 'latest', 'average', 'first'] as const;
export const SHOW_CORRECT_ANSWERS = ['never', 'after_submit', 'after_pass', 'after_last_attempt'] as const;
export const QUESTION_TYPES = ['multiple_choice', 'multiple_answer', 'true_false', 'short_answer', 'numeric', 'matching', 'ordering', 'essay'] as const;
export const ATTEMPT_STATUSES = ['in_progress', 'pending_review', 'graded'] as const;
export const NUMERIC_MODES = ['exact', 'tolerance', 'range'] as const;
export const CORRECTNESS = ['correct', 'partial', 'incorrect', 'unanswered', 'pending_review'] as const;

export const QuizTypeSchema = z.enum(QUIZ_TYPES).openapi('QuizType');
export const ScoringPolicySchema = z.enum(SCORING_POLICIES).openapi('ScoringPolicy', { description: 'Which graded attempt counts' });
export const ShowCorrectAnswersSchema = z
  .enum(SHOW_CORRECT_ANSWERS)
  .openapi('ShowCorrectAnswers', { description: 'When a student may see the answer keys and explanations of an attempt' });
export const QuestionTypeSchema = z.enum(QUESTION_TYPES).openapi('QuestionType');
export const AttemptStatusSchema = z.enum(ATTEMPT_STATUSES).openapi('AttemptStatus');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2025-01-31T12:00:00.000Z' });
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
const pathUuid = (name: string) => Uuid.openapi({ param: { name, in: 'path' } });
/** Ids assigned by the service inside a question (options, prompts, matches): plain tokens. */
const ChildId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1-64 letters, digits, "-" or "_"');
const finite = () => z.number().finite();

// ---------------------------------------------------------------------------------------------- params

export const CourseQuizzesParams = z.object({ course_id: pathUuid('course_id') }).strict();
export const CourseQuizParams = z.object({ course_id: pathUuid('course_id'), quiz_id: pathUuid('quiz_id') }).strict();
export const QuestionParams = z
  .object({ course_id: pathUuid('course_id'), quiz_id: pathUuid('quiz_id'), question_id: pathUuid('question_id') })
  .strict();
export const PoolParams = z.object({ course_id: pathUuid('course_id'), quiz_id: pathUuid('quiz_id'), pool_id: pathUuid('pool_id') }).strict();
export const QuizIdParams = z.object({ quiz_id: pathUuid('quiz_id') }).strict();
export const AttemptParams = z.object({ quiz_id: pathUuid('quiz_id'), attempt_id: pathUuid('attempt_id') }).strict();

// --------------------------------------------------------------------------------------------- queries

export const ListQuizzesQuery = z
  .object({ lesson_id: Uuid.optional().openapi({ description: "Only this lesson's quizzes" }) })
  .strict();

export const ListAttemptsQuery = z
  .object({
    ...Pagination,
    status: AttemptStatusSchema.optional(),
    student_id: Uuid.optional().openapi({ description: "Only this student's attempts" }),
  })
  .strict();

export const RegradeQuery = z
  .object({
    dry_run: z
      .enum(['true', 'false'])
      .default('false')
      .openapi({ description: '`true`: compute and list the changes (audited) without applying them' }),
  })
  .strict();

// ---------------------------------------------------------------------------------------------- quizzes

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

/** The optional quiz settings: the ones present in a request become the proto's `fields`. */
export const QUIZ_SETTING_FIELDS = [
  'title',
  'description',
  'quiz_type',
  'passing_score',
  'time_limit_minutes',
  'max_attempts',
  'scoring_policy',
  'shuffle_questions',
  'shuffle_options',
  'show_correct_answers',
  'available_from',
  'available_until',
] as const;

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

// -------------------------------------------------------------------------------------------- questions

/** `option_text` (the seed's name) or `text` (the proto's); the same value if both are sent. */
const OptionInput = z
  .object({
    id: ChildId.optional().openapi({ description: "The option's id from a previous answer: keeps its identity on update" }),
    text: z.string().trim().min(1).max(L.choiceText).optional(),
    option_text: z.string().trim().min(1).max(L.choiceText).optional().openapi({ description: 'Alias of `text`' }),
    is_correct: z.boolean().optional().openapi({ description: 'Unused for ordering items (listed in the correct order)' }),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.text === undefined && o.option_text === undefined) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Field required (text or option_text)' });
    if (o.text !== undefined && o.option_text !== undefined && o.text !== o.option_text) {
      ctx.addIssue({ code: 'custom', path: ['option_text'], message: 'text and option_text differ: send one' });
    }
  })
  .transform((o) => ({ id: o.id ?? '', text: (o.text ?? o.option_text)!, is_correct: o.is_correct ?? false }))
  .openapi('QuestionOptionInput');

const MatchPairInput = z
  .object({
    id: ChildId.optional().openapi({ description: "The prompt's id (keep it on update)" }),
    prompt: z.string().trim().min(1).max(L.choiceText),
    match_id: ChildId.optional().openapi({ description: "The match's id (keep it on update)" }),
    match: z.string().trim().min(1).max(L.choiceText),
  })
  .strict()
  .transform((p) => ({ id: p.id ?? '', prompt: p.prompt, match_id: p.match_id ?? '', match: p.match }))
  .openapi('MatchPairInput');

const DistractorInput = z
  .object({ id: ChildId.optional(), text: z.string().trim().min(1).max(L.choiceText) })
  .strict()
  .transform((d) => ({ id: d.id ?? '', text: d.text, is_correct: false }))
  .openapi('DistractorInput');

const NumericKeyInput = z
  .object({
    mode: z.enum(NUMERIC_MODES),
    value: finite().optional().openapi({ description: 'exact, tolerance' }),
    tolerance: finite().min(0).optional().openapi({ description: 'tolerance: |answer - value| <= tolerance' }),
    min: finite().optional().openapi({ description: 'range: min <= answer <= max' }),
    max: finite().optional(),
  })
  .strict()
  .refine((n) => n.mode !== 'range' || n.min === undefined || n.max === undefined || n.min <= n.max, { path: ['max'], message: 'max must be >= min' })
  .transform((n) => ({ mode: n.mode, value: n.value ?? 0, tolerance: n.tolerance ?? 0, min: n.min ?? 0, max: n.max ?? 0 }))
  .openapi('NumericKeyInput');

/** true_false: "true"/"false" or a JSON boolean; short_answer: one accepted answer (the seed's form). */
const CorrectAnswer = z
  .union([z.boolean(), z.string().max(L.choiceText)])
  .transform((v) => String(v))
  .openapi({
    description:
      'true_false: "true" | "false" (a JSON boolean is accepted too). short_answer: one accepted answer, as the seed writes it ' +
      '(`"Cairo"`); with `accepted_answers` too, both are accepted (merged, repeats kept once)',
  });

const TRUE_FALSE = ['true', 'false'];
/** The one type-specific check the gateway can make without the stored question: a true/false key. */
const trueFalseKey = (b: { question_type?: string; correct_answer?: string }, ctx: Z.RefinementCtx) => {
  if (b.question_type === 'true_false' && b.correct_answer !== undefined && !TRUE_FALSE.includes(b.correct_answer.trim().toLowerCase())) {
    ctx.addIssue({ code: 'custom', path: ['correct_answer'], message: 'A true_false key is "true" or "false" (or a JSON boolean)' });
  }
};

const questionFields = {
  question_type: QuestionTypeSchema,
  question_text: z.string().trim().min(1).max(L.questionText),
  points: finite().positive().max(L.points).openapi({ description: '> 0, two decimals' }),
  explanation: z.string().max(L.explanation).optional().openapi({ description: 'Shown to students only as show_correct_answers allows' }),
  pool_id: z
    .union([Uuid, z.literal('')])
    .optional()
    .openapi({ description: 'A pool of this quiz; "" (default) = asked in every attempt' }),
  options: z
    .array(OptionInput)
    .max(L.choices)
    .optional()
    .openapi({ description: 'multiple_choice (exactly one correct), multiple_answer (at least one), ordering items in the correct order' }),
  negative_marking: z.boolean().optional().openapi({ description: 'multiple_answer: wrong choices cost credit (floored at 0)' }),
  correct_answer: CorrectAnswer.optional(),
  accepted_answers: z
    .array(z.string().min(1).max(L.choiceText))
    .max(L.acceptedAnswers)
    .optional()
    .openapi({ description: 'short_answer (kept as sent: with exact_whitespace the spacing is part of the key); or `correct_answer`' }),
  case_sensitive: z.boolean().optional().openapi({ description: 'short_answer; default false' }),
  exact_whitespace: z.boolean().optional().openapi({ description: 'short_answer; default false (trimmed, inner whitespace collapsed)' }),
  numeric: NumericKeyInput.optional().openapi({ description: 'numeric' }),
  pairs: z.array(MatchPairInput).max(L.choices).optional().openapi({ description: 'matching: each prompt with its match' }),
  distractors: z.array(DistractorInput).max(L.distractors).optional().openapi({ description: 'matching: extra matches that pair with no prompt' }),
  max_length: z.number().int().min(1).max(L.maxLength).optional().openapi({ description: 'essay: characters; default 20000' }),
};

/** Question's writable fields: the ones present in an update become the proto's `fields`. */
export const QUESTION_WRITABLE_FIELDS = Object.keys(questionFields) as (keyof typeof questionFields)[];

export const CreateQuestionBody = z
  .object(questionFields)
  .strict()
  .superRefine(trueFalseKey)
  .openapi('CreateQuestionRequest', { description: 'Only the fields of the question type are used; the service checks them per type' });

export const UpdateQuestionBody = z
  .object({
    ...questionFields,
    question_type: questionFields.question_type.optional().openapi({ description: 'Cannot change; when sent it must be the current type' }),
    question_text: questionFields.question_text.optional(),
    points: questionFields.points.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .superRefine(trueFalseKey)
  .openapi('UpdateQuestionRequest', {
    description:
      'Partial update: only the fields present change (lists are replaced whole). A change makes a new version; attempts keep theirs. ' +
      'short_answer: `correct_answer` alone replaces the accepted answers; with `accepted_answers` both are kept.',
  });

export const ReorderQuestionsBody = z
  .object({
    question_ids: z
      .array(Uuid)
      .min(1)
      .max(L.questions)
      .refine((ids) => new Set(ids).size === ids.length, 'Each question at most once'),
  })
  .strict()
  .openapi('ReorderQuestionsRequest', { description: 'Every question of the quiz exactly once, in the new order (atomic)' });

// ------------------------------------------------------------------------------------------------ pools

const PoolTitle = z.string().trim().min(1).max(L.poolTitle);
const DrawCount = z.number().int().min(1).max(L.drawCount).openapi({ description: 'Questions drawn at random from the pool for each attempt' });

export const CreatePoolBody = z.object({ title: PoolTitle, draw_count: DrawCount }).strict().openapi('CreatePoolRequest');
export const UpdatePoolBody = z
  .object({ title: PoolTitle.optional(), draw_count: DrawCount.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdatePoolRequest', { description: 'Partial update: only the fields present are changed' });

// ---------------------------------------------------------------------------------------------- answers

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

export const RegradeBody = z
  .object({
    question_ids: z
      .array(Uuid)
      .max(L.questions)
      .optional()
      .openapi({ description: 'Default: every question whose current version differs from the one graded' }),
  })
  .strict()
  .openapi('RegradeRequest');

// -------------------------------------------------------------------------------------------- responses

export const PoolSchema = z
  .object({
    id: z.string().uuid(),
    quiz_id: z.string().uuid(),
    title: z.string(),
    draw_count: z.number().int(),
    question_count: z.number().int(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('QuestionPool');

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

const ChoiceSchema = z.object({ id: z.string(), text: z.string() }).openapi('Choice');
/** A choice of a multiple_choice/multiple_answer question, with the seed's `option_text` as an alias of `text`. */
const PaperOptionSchema = z
  .object({ id: z.string(), text: z.string(), option_text: z.string().openapi({ description: 'Alias of `text` (the seed API name)' }) })
  .openapi('PaperOption');

const NumericKeySchema = z
  .object({ mode: z.string().openapi({ description: 'exact | tolerance | range' }), value: z.number(), tolerance: z.number(), min: z.number(), max: z.number() })
  .openapi('NumericKey');

export const QuestionSchema = z
  .object({
    id: z.string().uuid(),
    quiz_id: z.string().uuid(),
    pool_id: NullableId().openapi({ description: 'null = asked in every attempt' }),
    question_type: z.string(),
    question_text: z.string(),
    points: z.number(),
    explanation: NullableText(),
    order_index: z.number().int(),
    version: z.number().int().openapi({ description: 'Increases on every change; attempts pin the version they drew' }),
    options: z.array(
      z
        .object({ id: z.string(), text: z.string(), option_text: z.string().openapi({ description: 'Alias of `text`' }), is_correct: z.boolean() })
        .openapi('QuestionOption'),
    ),
    negative_marking: z.boolean(),
    correct_answer: nullable(z.string()).openapi({ description: 'true_false: "true" | "false"; null for other types (short_answer: see accepted_answers)' }),
    accepted_answers: z.array(z.string()),
    case_sensitive: z.boolean(),
    exact_whitespace: z.boolean(),
    numeric: NumericKeySchema.nullable().openapi({ description: 'numeric questions; null otherwise' }),
    pairs: z.array(z.object({ id: z.string(), prompt: z.string(), match_id: z.string(), match: z.string() }).openapi('MatchPair')),
    distractors: z.array(ChoiceSchema),
    max_length: nullable(z.number().int(), 0).openapi({ description: 'essay: characters; null for other types' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Question', {
    description:
      'A question WITH its answer key — only ever returned to the course owner and admins (management routes). ' +
      'Students never receive this shape: during an attempt they get `PaperQuestion` (no key), afterwards `QuestionResult`.',
  });

export const QuestionListSchema = listSchema('QuestionList', 'questions', QuestionSchema);

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
    status: z.string().openapi({ description: 'in_progress | pending_review | graded' }),
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

export const PaperQuestionSchema = z
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

export const QuestionResultSchema = z
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
    status: z.string().openapi({ description: 'in_progress | pending_review | graded (= attempt.status)' }),
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

export const AttemptSummarySchema = z
  .object({
    id: z.string().uuid(),
    quiz_id: z.string().uuid(),
    student_id: z.string().uuid(),
    attempt_number: z.number().int(),
    status: z.string(),
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

export const RegradeParams = z.object({ quiz_id: pathUuid('quiz_id'), regrade_id: pathUuid('regrade_id') }).strict();

export const RegradeReportSchema = z
  .object({
    id: z.string().openapi({ description: 'The regrade run (its record in the audit trail)' }),
    quiz_id: z.string().uuid(),
    dry_run: z.boolean(),
    status: z.enum(['pending', 'running', 'done', 'failed']).openapi({
      description: 'A real regrade is a job: `pending` when accepted, `running` while batches are done, then `done` or `failed`. A dry run is `done` at once',
    }),
    requested_by: z.string(),
    created_at: Timestamp,
    updated_at: Timestamp,
    finished_at: NullableTimestamp(),
    attempts_total: z.number().int().openapi({ description: 'Submitted attempts when the regrade was requested (progress: attempts_examined of attempts_total)' }),
    attempts_examined: z.number().int(),
    batches_done: z.number().int(),
    truncated: z.boolean().openapi({ description: 'A dry run stopped at its cap before examining every attempt' }),
    error: NullableText().openapi({ description: 'Why a run failed; null otherwise' }),
    requested_question_ids: z.array(z.string()).openapi({ description: 'The question_ids asked for (empty: every question whose key changed)' }),
    changes: z
      .array(
        z
          .object({
            attempt_id: z.string(),
            student_id: z.string(),
            attempt_number: z.number().int(),
            old_score: z.number(),
            new_score: z.number(),
            old_percentage: z.number(),
            new_percentage: z.number(),
            old_passed: z.boolean(),
            new_passed: z.boolean(),
            question_ids: z.array(z.string()).openapi({ description: 'The questions whose points changed' }),
          })
          .openapi('ScoreChange'),
      )
      .openapi({ description: 'Only attempts whose score changed (so far, while running)' }),
    question_ids: z.array(z.string()).openapi({ description: 'The questions regraded (so far)' }),
  })
  .openapi('RegradeReport');

export const RegradeListSchema = listSchema('RegradeList', 'regrades', RegradeReportSchema);

export type AnswerInputValue = Z.infer<typeof AnswerInput>;

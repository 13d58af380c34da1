import type { z as Z } from 'zod';
import { listSchema } from '../presentation/lists';
import { NullableId, NullableText, nullable } from '../presentation/public-shape';
import { ChildId, QUIZ_LIMITS, Timestamp, finite, pathUuid } from './quiz-common';
import { Uuid } from './schemas';
import { z } from './zod';

/** Requests and responses of a quiz's questions, the only shapes with answer keys (conventions: quiz-common.ts). */
const L = QUIZ_LIMITS;

const QUESTION_TYPES = ['multiple_choice', 'multiple_answer', 'true_false', 'short_answer', 'numeric', 'matching', 'ordering', 'essay'] as const;
const NUMERIC_MODES = ['exact', 'tolerance', 'range'] as const;

const QuestionTypeSchema = z.enum(QUESTION_TYPES).openapi('QuestionType');

export const QuestionParams = z
  .object({ course_id: pathUuid('course_id'), quiz_id: pathUuid('quiz_id'), question_id: pathUuid('question_id') })
  .strict();

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

export const ChoiceSchema = z.object({ id: z.string(), text: z.string() }).openapi('Choice');

export const NumericKeySchema = z
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

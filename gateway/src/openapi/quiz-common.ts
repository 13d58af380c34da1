import { Uuid } from './schemas';
import { z } from './zod';

/**
 * What the schemas of the quiz routes share (quizzes, questions, pools, attempts, regrades: one
 * `<resource>.schemas.ts` each). Responses mirror the quiz proto messages field by field
 * (snake_case; timestamps RFC 3339 UTC; scores and points with two decimals; percentages 0-100), with the
 * public contract's nulls: every absent-able field is declared `nullable()` and `toPublic` turns the
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

export const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2025-01-31T12:00:00.000Z' });
export const pathUuid = (name: string) => Uuid.openapi({ param: { name, in: 'path' } });
/** Ids assigned by the service inside a question (options, prompts, matches): plain tokens. */
export const ChildId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1-64 letters, digits, "-" or "_"');
export const finite = () => z.number().finite();

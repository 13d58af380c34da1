/**
 * The quiz domain's vocabulary. Pure data: no I/O. The gRPC messages (protos/lms/quiz/v1/quiz.proto) are
 * mapped to and from these in src/grpc; the database rows in src/infra.
 */

export const QUESTION_TYPES = [
  'multiple_choice',
  'multiple_answer',
  'true_false',
  'short_answer',
  'numeric',
  'matching',
  'ordering',
  'essay',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SCORING_POLICIES = ['highest', 'latest', 'average', 'first'] as const;
export type ScoringPolicy = (typeof SCORING_POLICIES)[number];

export const SHOW_CORRECT_ANSWERS = ['never', 'after_submit', 'after_pass', 'after_last_attempt'] as const;
export type ShowCorrectAnswers = (typeof SHOW_CORRECT_ANSWERS)[number];

export const QUIZ_TYPES = ['graded', 'practice', 'final'] as const;
export type QuizType = (typeof QUIZ_TYPES)[number];

export const ATTEMPT_STATUSES = ['in_progress', 'pending_review', 'graded'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export type Correctness = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'pending_review';

export interface OptionDef {
  id: string;
  text: string;
  isCorrect: boolean;
}

export interface MatchPairDef {
  /** The prompt's id. */
  id: string;
  prompt: string;
  matchId: string;
  match: string;
}

export interface NumericKey {
  mode: 'exact' | 'tolerance' | 'range';
  value: number;
  tolerance: number;
  min: number;
  max: number;
}

/**
 * The type-specific part of a question version (stored as JSONB). Only the fields of the question's type are
 * set: options (multiple_choice, multiple_answer; ordering items in the correct order), negativeMarking
 * (multiple_answer), correctAnswer (true_false), acceptedAnswers/caseSensitive/exactWhitespace (short_answer),
 * numeric, pairs/distractors (matching), maxLength (essay).
 */
export interface QuestionBody {
  options?: OptionDef[];
  negativeMarking?: boolean;
  correctAnswer?: boolean;
  acceptedAnswers?: string[];
  caseSensitive?: boolean;
  exactWhitespace?: boolean;
  numeric?: NumericKey;
  pairs?: MatchPairDef[];
  distractors?: Omit<OptionDef, 'isCorrect'>[];
  maxLength?: number;
}

/** One immutable version of a question: what an attempt pins and is graded against. */
export interface QuestionVersion {
  questionId: string;
  version: number;
  type: QuestionType;
  text: string;
  points: number;
  explanation: string;
  body: QuestionBody;
}

/** A question as the quiz currently defines it (its latest version plus its place in the quiz). */
export interface QuizQuestion extends QuestionVersion {
  poolId: string | null;
  orderIndex: number;
}

/** A student's answer to one question; nothing set (or everything empty) means unanswered. */
export interface StudentAnswer {
  selectedOptionIds?: string[];
  text?: string;
  matches?: { promptId: string; matchId: string }[];
  order?: string[];
}

export interface QuestionGrade {
  pointsEarned: number;
  correctness: Correctness;
}

/**
 * One question of an attempt, fixed at start: the version drawn and the order in which its choices are shown.
 * optionOrder: multiple_choice/multiple_answer option ids; itemOrder: ordering item ids (always shuffled);
 * matchOrder: matching match ids incl. distractors (always shuffled); prompts keep their defined order.
 */
export interface PaperSlot {
  questionId: string;
  version: number;
  optionOrder?: string[];
  matchOrder?: string[];
  itemOrder?: string[];
}

export interface PoolDef {
  id: string;
  drawCount: number;
}

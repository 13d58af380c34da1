import type { Loc } from '@lms/kit/errors';
import { Checker, textKey } from './validation';
import { round2, shortAnswerForm } from './grading';
import {
  QUESTION_TYPES,
  type MatchPairDef,
  type NumericKey,
  type OptionDef,
  type QuestionBody,
  type QuestionType,
  type QuestionVersion,
} from './types';

/**
 * A question as an instructor defines it: validated and normalised into the type-specific body that versions
 * store. Every problem is reported at once, each under its proto field path (`['options', 1, 'text']`).
 */

export const QUESTION_LIMITS = {
  textMax: 5000,
  explanationMax: 5000,
  pointsMax: 1000,
  choicesMin: 2,
  choicesMax: 20,
  choiceTextMax: 2000,
  acceptedAnswersMax: 50,
  distractorsMax: 10,
  essayDefaultLength: 20_000,
  essayMaxLength: 100_000,
} as const;

export const NUMERIC_MODES = ['exact', 'tolerance', 'range'] as const;

export interface QuestionInput {
  type: string;
  text: string;
  points: number;
  explanation: string;
  poolId: string | null;
  options: { id?: string; text: string; isCorrect: boolean }[];
  negativeMarking: boolean;
  correctAnswer: string;
  acceptedAnswers: string[];
  caseSensitive: boolean;
  exactWhitespace: boolean;
  numeric: { mode: string; value: number; tolerance: number; min: number; max: number } | null;
  pairs: { id?: string; prompt: string; matchId?: string; match: string }[];
  distractors: { id?: string; text: string }[];
  maxLength: number;
}

export interface NormalizedQuestion {
  type: QuestionType;
  text: string;
  points: number;
  explanation: string;
  body: QuestionBody;
}

export function normalizeQuestion(input: QuestionInput, newId: () => string): NormalizedQuestion {
  const check = new Checker();
  const type = check.oneOf('question_type', input.type, QUESTION_TYPES);
  const text = check.text('question_text', input.text ?? '', QUESTION_LIMITS.textMax, 1);
  const points = checkPoints(check, input.points);
  const explanation = check.text('explanation', input.explanation ?? '', QUESTION_LIMITS.explanationMax);
  const ids = new IdAssigner(check, newId);
  const body = type ? BODY_RULES[type](input, check, ids) : {};
  check.throwIfAny('The question is invalid');
  return { type: type as QuestionType, text, points, explanation, body };
}

function checkPoints(check: Checker, raw: number): number {
  const points = round2(raw);
  if (typeof raw !== 'number' || !Number.isFinite(raw)) check.add('points', 'must be a finite number');
  else if (points <= 0 || raw > QUESTION_LIMITS.pointsMax) check.add('points', `must be greater than 0 and at most ${QUESTION_LIMITS.pointsMax}`);
  return points;
}

// Ids travel back to the service on update and end up in answers, JSONB and URLs: keep them plain.
const ID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;

/** Keeps the ids the caller sent (unique within the question) and assigns fresh ones to the rest. */
class IdAssigner {
  private readonly seen = new Set<string>();

  constructor(
    private readonly check: Checker,
    private readonly newId: () => string,
  ) {}

  take(loc: Loc, given: string | undefined): string {
    const id = (given ?? '').trim();
    if (id === '') return this.remember(this.newId());
    if (!ID_FORMAT.test(id)) this.check.add(loc, 'must be 1..64 letters, digits, "-" or "_"');
    else if (this.seen.has(id)) this.check.add(loc, 'is used more than once in this question');
    return this.remember(id);
  }

  private remember(id: string): string {
    this.seen.add(id);
    return id;
  }
}

type BodyRule = (input: QuestionInput, check: Checker, ids: IdAssigner) => QuestionBody;

const BODY_RULES: Record<QuestionType, BodyRule> = {
  multiple_choice: (input, check, ids) => {
    const options = checkChoices(check, ids, 'options', input.options, 'options');
    const correct = options.filter((o) => o.isCorrect).length;
    if (options.length > 0 && correct !== 1) check.add('options', 'exactly one option must be correct');
    return { options };
  },
  multiple_answer: (input, check, ids) => {
    const options = checkChoices(check, ids, 'options', input.options, 'options');
    if (options.length > 0 && !options.some((o) => o.isCorrect)) check.add('options', 'at least one option must be correct');
    return { options, negativeMarking: input.negativeMarking === true };
  },
  true_false: (input, check) => {
    const answer = (input.correctAnswer ?? '').trim().toLowerCase();
    if (answer !== 'true' && answer !== 'false') check.add('correct_answer', 'must be "true" or "false"');
    return { correctAnswer: answer === 'true' };
  },
  short_answer: checkShortAnswer,
  numeric: (input, check) => ({ numeric: checkNumeric(check, input.numeric) }),
  matching: checkMatching,
  // The items are listed in the correct order; a correctness flag would mean nothing.
  ordering: (input, check, ids) => ({
    options: checkChoices(check, ids, 'options', input.options, 'items').map((o) => ({ ...o, isCorrect: false })),
  }),
  essay: (input, check) => {
    const raw = input.maxLength ?? 0;
    if (raw === 0) return { maxLength: QUESTION_LIMITS.essayDefaultLength };
    check.numberIn('max_length', raw, 1, QUESTION_LIMITS.essayMaxLength, true);
    return { maxLength: raw };
  },
};

function countIn(check: Checker, loc: string, list: readonly unknown[], min: number, max: number, noun: string): void {
  if (list.length < min || list.length > max) {
    check.add(loc, min === max ? `must have ${min} ${noun}` : min === 0 ? `must have at most ${max} ${noun}` : `must have between ${min} and ${max} ${noun}`);
  }
}

/** Reports texts that repeat an earlier one (same after trim, NFC and case folding). */
function checkDistinct(check: Checker, texts: { loc: Loc; text: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { loc, text } of texts) {
    if (text === '') continue; // already reported as required
    const key = textKey(text);
    if (seen.has(key)) check.add(loc, `repeats another ${what}`);
    seen.add(key);
  }
}

function checkChoices(
  check: Checker,
  ids: IdAssigner,
  loc: 'options',
  raw: QuestionInput['options'],
  noun: string,
): OptionDef[] {
  const list = Array.isArray(raw) ? raw : [];
  countIn(check, loc, list, QUESTION_LIMITS.choicesMin, QUESTION_LIMITS.choicesMax, noun);
  const options = list.map((o, i) => ({
    id: ids.take([loc, i, 'id'], o?.id),
    text: check.text([loc, i, 'text'], o?.text ?? '', QUESTION_LIMITS.choiceTextMax, 1),
    isCorrect: o?.isCorrect === true,
  }));
  checkDistinct(check, options.map((o, i) => ({ loc: [loc, i, 'text'], text: o.text })), noun === 'items' ? 'item' : 'option');
  return options;
}

/**
 * short_answer: `accepted_answers`, and/or `correct_answer` — one accepted answer, as the seed's API writes it
 * (`"correct_answer": "Cairo"`). Both sent: merged, `correct_answer` first; answers the grader cannot tell
 * apart (same form after its case and whitespace rules) are kept once. They never conflict: any of them is right.
 */
function checkShortAnswer(input: QuestionInput, check: Checker): QuestionBody {
  const list = Array.isArray(input.acceptedAnswers) ? input.acceptedAnswers : [];
  const single = typeof input.correctAnswer === 'string' ? input.correctAnswer : '';
  const exactWhitespace = input.exactWhitespace === true;
  const caseSensitive = input.caseSensitive === true;
  const max = QUESTION_LIMITS.acceptedAnswersMax;
  if (list.length === 0 && single === '') check.add('accepted_answers', `must have between 1 and ${max} accepted answers (or a correct_answer)`);
  else countIn(check, 'accepted_answers', list, 0, max, 'accepted answers');
  const keep = (loc: Loc, raw: string | undefined) => {
    const trimmed = check.text(loc, raw ?? '', QUESTION_LIMITS.choiceTextMax, 1);
    // With exact whitespace the instructor's spacing is part of the key.
    return exactWhitespace ? (raw ?? '') : trimmed;
  };
  const sent = [...(single !== '' ? [keep('correct_answer', single)] : []), ...list.map((raw, i) => keep(['accepted_answers', i], raw))];
  const forms = new Set<string>();
  const acceptedAnswers = sent.filter((answer) => {
    const form = shortAnswerForm(answer, caseSensitive, exactWhitespace);
    if (forms.has(form)) return false;
    forms.add(form);
    return true;
  });
  if (list.length <= max && acceptedAnswers.length > max) check.add('accepted_answers', `must have at most ${max} accepted answers, correct_answer included`);
  return { acceptedAnswers, caseSensitive, exactWhitespace };
}

function checkNumeric(check: Checker, raw: QuestionInput['numeric']): NumericKey {
  const key: NumericKey = { mode: 'exact', value: 0, tolerance: 0, min: 0, max: 0 };
  if (!raw) {
    check.add('numeric', 'is required');
    return key;
  }
  const mode = check.oneOf(['numeric', 'mode'], raw.mode, NUMERIC_MODES);
  if (!mode) return key;
  key.mode = mode;
  // Only the fields of the mode are kept, so that two keys that grade alike also compare equal.
  if (mode === 'exact' || mode === 'tolerance') key.value = check.finite(['numeric', 'value'], raw.value);
  if (mode === 'tolerance') {
    key.tolerance = check.finite(['numeric', 'tolerance'], raw.tolerance);
    if (key.tolerance < 0) check.add(['numeric', 'tolerance'], 'must not be negative');
  }
  if (mode === 'range') {
    key.min = check.finite(['numeric', 'min'], raw.min);
    key.max = check.finite(['numeric', 'max'], raw.max);
    if (key.min > key.max) check.add(['numeric', 'max'], 'must be greater than or equal to numeric.min');
  }
  return key;
}

function checkMatching(input: QuestionInput, check: Checker, ids: IdAssigner): QuestionBody {
  const rawPairs = Array.isArray(input.pairs) ? input.pairs : [];
  const rawDistractors = Array.isArray(input.distractors) ? input.distractors : [];
  const max = QUESTION_LIMITS.choiceTextMax;
  countIn(check, 'pairs', rawPairs, QUESTION_LIMITS.choicesMin, QUESTION_LIMITS.choicesMax, 'pairs');
  countIn(check, 'distractors', rawDistractors, 0, QUESTION_LIMITS.distractorsMax, 'distractors');
  const pairs: MatchPairDef[] = rawPairs.map((p, i) => ({
    id: ids.take(['pairs', i, 'id'], p?.id),
    prompt: check.text(['pairs', i, 'prompt'], p?.prompt ?? '', max, 1),
    matchId: ids.take(['pairs', i, 'match_id'], p?.matchId),
    match: check.text(['pairs', i, 'match'], p?.match ?? '', max, 1),
  }));
  const distractors = rawDistractors.map((d, i) => ({
    id: ids.take(['distractors', i, 'id'], d?.id),
    text: check.text(['distractors', i, 'text'], d?.text ?? '', max, 1),
  }));
  checkDistinct(check, pairs.map((p, i) => ({ loc: ['pairs', i, 'prompt'], text: p.prompt })), 'prompt');
  // Matches and distractors are shown together: two equal texts could not be told apart.
  checkDistinct(
    check,
    [
      ...pairs.map((p, i) => ({ loc: ['pairs', i, 'match'] as Loc, text: p.match })),
      ...distractors.map((d, i) => ({ loc: ['distractors', i, 'text'] as Loc, text: d.text })),
    ],
    'match or distractor',
  );
  return { pairs, distractors };
}

// ---------------------------------------------------------------- comparing versions

/**
 * Whether grading any answer against a and b gives the same result. Only the answer key counts (not the
 * wording, explanation or distractors), so fixing a typo does not trigger a regrade.
 */
export function sameKey(a: QuestionVersion, b: QuestionVersion): boolean {
  return a.type === b.type && round2(a.points) === round2(b.points) && gradingKey(a) === gradingKey(b);
}

/** A canonical string of everything grading reads for the question's type. */
function gradingKey(q: QuestionVersion): string {
  const { body } = q;
  const options = body.options ?? [];
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  switch (q.type) {
    case 'multiple_choice':
      return JSON.stringify(options.filter((o) => o.isCorrect).map((o) => o.id).sort());
    case 'multiple_answer':
      // Every option counts in per-option credit, so adding or removing a wrong option changes grades too.
      return JSON.stringify([byId(options).map((o) => [o.id, o.isCorrect]), body.negativeMarking === true]);
    case 'true_false':
      return String(body.correctAnswer === true);
    case 'short_answer': {
      const caseSensitive = body.caseSensitive === true;
      const exactWhitespace = body.exactWhitespace === true;
      // Compared as the grader sees them: recapitalising "paris" to "Paris" changes no grade when case-insensitive.
      const forms = new Set((body.acceptedAnswers ?? []).map((a) => shortAnswerForm(a, caseSensitive, exactWhitespace)));
      return JSON.stringify([[...forms].sort(), caseSensitive, exactWhitespace]);
    }
    case 'numeric': {
      const k = body.numeric;
      if (!k) return 'null';
      if (k.mode === 'range') return JSON.stringify([k.mode, k.min, k.max]);
      return JSON.stringify([k.mode, k.value, k.mode === 'tolerance' ? k.tolerance : 0]);
    }
    case 'matching':
      return JSON.stringify(byId(body.pairs ?? []).map((p) => [p.id, p.matchId]));
    case 'ordering':
      return JSON.stringify(options.map((o) => o.id));
    case 'essay':
      return '';
    default:
      return JSON.stringify(body);
  }
}

/** Whether an update changes anything at all (if not, no new version is made). */
export function contentChanged(
  a: QuestionVersion,
  b: { type: QuestionType; text: string; points: number; explanation: string; body: QuestionBody },
): boolean {
  return a.type !== b.type || a.text !== b.text || a.points !== b.points || a.explanation !== b.explanation || !deepEqual(a.body, b.body);
}

/**
 * Structural equality that ignores key order and undefined-valued keys: a body read back from JSONB has its
 * keys reordered and its undefined fields gone.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const ea = defined(a);
  const mb = new Map(defined(b));
  return ea.length === mb.size && ea.every(([k, v]) => mb.has(k) && deepEqual(v, mb.get(k)));
}

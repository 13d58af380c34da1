import type { Correctness, NumericKey, QuestionGrade, QuestionVersion, StudentAnswer } from './types';

/**
 * Grading one answer against the question version the attempt pinned. Pure and defensive: answers are
 * validated when saved (answer.ts), but a regrade runs old answers against a newer version, so anything
 * unexpected (unknown ids, a partial order) grades as wrong instead of throwing.
 */

/**
 * Two-decimal rounding that survives binary noise: 1.005 is stored as 1.00499999…, so a plain
 * Math.round(n * 100) would give 1.00. Re-reading the scaled value at 15 significant digits removes the noise.
 */
export function round2(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const scaled = Number((Math.abs(n) * 100).toPrecision(15));
  const rounded = Math.round(scaled) / 100;
  return n < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Correctness from points, for automatic and manual grades alike. */
export function correctnessOf(pointsEarned: number, points: number, answered: boolean): Correctness {
  if (!answered) return 'unanswered';
  if (pointsEarned >= points) return 'correct';
  if (pointsEarned <= 0) return 'incorrect';
  return 'partial';
}

const UNANSWERED: QuestionGrade = { pointsEarned: 0, correctness: 'unanswered' };

function graded(points: number, fraction: number): QuestionGrade {
  const pointsEarned = round2(points * Math.min(1, Math.max(0, fraction)));
  return { pointsEarned, correctness: correctnessOf(pointsEarned, points, true) };
}

export function gradeAnswer(question: QuestionVersion, answer: StudentAnswer | null | undefined): QuestionGrade {
  if (!answer) return UNANSWERED;
  const fraction = FRACTION_BY_TYPE[question.type](question, answer);
  if (fraction === 'unanswered') return UNANSWERED;
  if (fraction === 'pending_review') return { pointsEarned: 0, correctness: 'pending_review' };
  return graded(question.points, fraction);
}

/** The share of the points earned (0..1), or why there is none to compute. */
type Fraction = number | 'unanswered' | 'pending_review';

const FRACTION_BY_TYPE: Record<QuestionVersion['type'], (q: QuestionVersion, a: StudentAnswer) => Fraction> = {
  multiple_choice: multipleChoice,
  multiple_answer: multipleAnswer,
  true_false: trueFalse,
  short_answer: shortAnswer,
  numeric,
  matching,
  ordering,
  essay: (_q, a) => (isBlank(a.text) ? 'unanswered' : 'pending_review'),
};

function isBlank(text: string | undefined): boolean {
  return !text || text.trim() === '';
}

/** Set semantics: a repeated id is one selection; empty strings are no selection. */
function selectedIds(answer: StudentAnswer): Set<string> {
  return new Set((answer.selectedOptionIds ?? []).filter((id) => id !== ''));
}

function multipleChoice(question: QuestionVersion, answer: StudentAnswer): Fraction {
  const selected = selectedIds(answer);
  if (selected.size === 0) return 'unanswered';
  // Picking several in a single-answer question is never right, even when one of them is.
  if (selected.size > 1) return 0;
  const [id] = selected;
  return (question.body.options ?? []).some((o) => o.id === id && o.isCorrect) ? 1 : 0;
}

/**
 * Per-option credit: each option is judged right when its selection matches its key. Without negative marking
 * the share is r / N; with it each wrong judgement cancels a right one, (r − w) / N floored at 0, so that
 * ticking everything cannot earn credit.
 */
function multipleAnswer(question: QuestionVersion, answer: StudentAnswer): Fraction {
  const options = question.body.options ?? [];
  const chosen = selectedIds(answer);
  if (chosen.size === 0) return 'unanswered';
  // Only ids this version does not know (a regrade after options changed): no real choice was made.
  if (!options.some((o) => chosen.has(o.id))) return 0;
  const right = options.filter((o) => chosen.has(o.id) === o.isCorrect).length;
  const wrong = options.length - right;
  return question.body.negativeMarking ? Math.max(0, (right - wrong) / options.length) : right / options.length;
}

function trueFalse(question: QuestionVersion, answer: StudentAnswer): Fraction {
  if (isBlank(answer.text)) return 'unanswered';
  const given = answer.text!.trim().toLowerCase();
  const key = question.body.correctAnswer ? 'true' : 'false';
  return given === key ? 1 : 0;
}

/** Accepted-answer comparison form. NFC first so composed and decomposed accents compare equal. */
export function shortAnswerForm(text: string, caseSensitive: boolean, exactWhitespace: boolean): string {
  let value = text.normalize('NFC');
  if (!exactWhitespace) value = value.trim().replace(/\s+/g, ' ');
  // A fixed locale: the same answer must grade the same on every host (a Turkish default locale maps I to ı).
  if (!caseSensitive) value = value.toLocaleLowerCase('und');
  return value;
}

function shortAnswer(question: QuestionVersion, answer: StudentAnswer): Fraction {
  if (isBlank(answer.text)) return 'unanswered';
  const { acceptedAnswers = [], caseSensitive = false, exactWhitespace = false } = question.body;
  const given = shortAnswerForm(answer.text!, caseSensitive, exactWhitespace);
  return acceptedAnswers.some((a) => shortAnswerForm(a, caseSensitive, exactWhitespace) === given) ? 1 : 0;
}

// A plain decimal with optional sign and exponent. Deliberately strict: Number() alone would accept "0x2A",
// "Infinity" and "" (as 0), and a comma is not a decimal separator here.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a student typed, or null when it is not a plain decimal number. */
export function parseNumericAnswer(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Whether x satisfies the key. The epsilon absorbs float noise such as |3.15 − 3.14| = 0.010000000000000231. */
export function numericMatches(key: NumericKey, x: number): boolean {
  const epsilon = 1e-9 * Math.max(1, Math.abs(key.value));
  switch (key.mode) {
    case 'exact':
      return Math.abs(x - key.value) <= epsilon;
    case 'tolerance':
      return Math.abs(x - key.value) <= key.tolerance + epsilon;
    case 'range':
      return key.min <= x && x <= key.max;
    default:
      return false;
  }
}

function numeric(question: QuestionVersion, answer: StudentAnswer): Fraction {
  if (isBlank(answer.text)) return 'unanswered';
  const key = question.body.numeric;
  const x = parseNumericAnswer(answer.text!);
  return key && x !== null && numericMatches(key, x) ? 1 : 0;
}

function matching(question: QuestionVersion, answer: StudentAnswer): Fraction {
  const pairs = question.body.pairs ?? [];
  // The first pairing of a prompt counts; validation refuses a prompt paired twice anyway.
  const given = new Map<string, string>();
  for (const m of answer.matches ?? []) {
    if (m.promptId && m.matchId && !given.has(m.promptId)) given.set(m.promptId, m.matchId);
  }
  if (given.size === 0) return 'unanswered';
  if (pairs.length === 0) return 0;
  return pairs.filter((p) => given.get(p.id) === p.matchId).length / pairs.length;
}

function ordering(question: QuestionVersion, answer: StudentAnswer): Fraction {
  const items = question.body.options ?? [];
  const order = answer.order ?? [];
  if (order.length === 0) return 'unanswered';
  if (items.length === 0) return 0;
  return items.filter((item, i) => order[i] === item.id).length / items.length;
}

export interface AttemptGrade {
  score: number;
  maxScore: number;
  percentage: number;
  pendingReview: boolean;
  grades: Record<string, QuestionGrade>;
}

/**
 * Grades a whole attempt. Only essays take a manual grade (clamped to 0..points); an answered essay without
 * one keeps the attempt pending review.
 */
export function gradeAttempt(
  slots: { version: QuestionVersion }[],
  answers: Record<string, StudentAnswer | undefined>,
  manual: Record<string, { points: number }> = {},
): AttemptGrade {
  const grades: Record<string, QuestionGrade> = {};
  let score = 0;
  let maxScore = 0;
  let pendingReview = false;
  for (const { version } of slots) {
    const id = version.questionId;
    let grade = gradeAnswer(version, answers[id]);
    const given = Object.prototype.hasOwnProperty.call(manual, id) ? manual[id] : undefined;
    if (version.type === 'essay' && given) grade = manualGrade(version.points, given.points, grade.correctness !== 'unanswered');
    if (grade.correctness === 'pending_review') pendingReview = true;
    grades[id] = grade;
    score += grade.pointsEarned;
    maxScore += version.points;
  }
  score = round2(score);
  maxScore = round2(maxScore);
  const percentage = maxScore > 0 ? round2((score / maxScore) * 100) : 0;
  return { score, maxScore, percentage, pendingReview, grades };
}

function manualGrade(points: number, given: number, answered: boolean): QuestionGrade {
  const pointsEarned = round2(Math.min(points, Math.max(0, Number.isFinite(given) ? given : 0)));
  // A grader may still give credit to a blank essay; a blank one graded 0 simply stays unanswered.
  return { pointsEarned, correctness: correctnessOf(pointsEarned, points, answered || pointsEarned > 0) };
}

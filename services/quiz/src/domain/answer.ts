import { ValidationError } from '@lms/kit/errors';
import { charLength, hasControlChars } from './validation';
import { QUESTION_LIMITS } from './question-definition';
import type { QuestionType, QuestionVersion, StudentAnswer } from './types';

/**
 * A student's answer checked against the question version pinned in the attempt, when it is saved. What is
 * stored is the normalised answer: only the fields of the question's type, ids as sets where order means
 * nothing. Whether the answer is right is grading's business; here only its shape is refused.
 */

export const ANSWER_TEXT_MAX = 10_000;

/** The answer to store, or null when the student left the question unanswered. */
export function normalizeAnswer(question: QuestionVersion, raw: StudentAnswer): StudentAnswer | null {
  return NORMALIZERS[question.type](question, raw ?? {});
}

function invalid(question: QuestionVersion, problem: string): ValidationError {
  return new ValidationError('The answer is invalid', [{ loc: ['answers'], msg: `question ${question.questionId}: ${problem}` }]);
}

type Normalizer = (question: QuestionVersion, raw: StudentAnswer) => StudentAnswer | null;

const NORMALIZERS: Record<QuestionType, Normalizer> = {
  multiple_choice: (q, raw) => {
    const ids = knownSelection(q, raw);
    if (ids.length > 1) throw invalid(q, 'select one option only');
    return ids.length === 0 ? null : { selectedOptionIds: ids };
  },
  multiple_answer: (q, raw) => {
    const ids = knownSelection(q, raw);
    return ids.length === 0 ? null : { selectedOptionIds: ids };
  },
  true_false: (q, raw) => {
    const text = (raw.text ?? '').trim().toLowerCase();
    if (text === '') return null;
    if (text !== 'true' && text !== 'false') throw invalid(q, 'the answer must be "true" or "false"');
    return { text };
  },
  short_answer: (q, raw) => freeText(q, raw, ANSWER_TEXT_MAX),
  // Not parsed here: a non-number is a wrong answer, not a malformed one.
  numeric: (q, raw) => freeText(q, raw, ANSWER_TEXT_MAX),
  essay: (q, raw) => freeText(q, raw, q.body.maxLength ?? QUESTION_LIMITS.essayDefaultLength),
  matching: normalizeMatches,
  ordering: normalizeOrder,
};

/**
 * The selected option ids as a set, in the question's option order (so equal selections are stored alike).
 * Empty strings are no selection; an id the question does not have is refused.
 */
function knownSelection(q: QuestionVersion, raw: StudentAnswer): string[] {
  const selected = new Set((raw.selectedOptionIds ?? []).filter((id) => id !== ''));
  const options = q.body.options ?? [];
  const known = new Set(options.map((o) => o.id));
  const unknown = [...selected].filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalid(q, `unknown option id(s): ${quoteList(unknown)}`);
  return options.filter((o) => selected.has(o.id)).map((o) => o.id);
}

function freeText(q: QuestionVersion, raw: StudentAnswer, max: number): StudentAnswer | null {
  const text = raw.text ?? '';
  if (text.trim() === '') return null;
  if (charLength(text) > max) throw invalid(q, `the answer must be at most ${max} characters`);
  if (hasControlChars(text)) throw invalid(q, 'the answer must not contain control characters');
  // Kept as typed: exact-whitespace and case-sensitive keys compare against the original text.
  return { text };
}

/** Pairings of known prompts with known matches or distractors; a prompt at most once. Unpaired prompts are fine. */
function normalizeMatches(q: QuestionVersion, raw: StudentAnswer): StudentAnswer | null {
  const pairs = q.body.pairs ?? [];
  const prompts = new Set(pairs.map((p) => p.id));
  const matches = new Set([...pairs.map((p) => p.matchId), ...(q.body.distractors ?? []).map((d) => d.id)]);
  const given = new Map<string, string>();
  for (const m of raw.matches ?? []) {
    const promptId = m?.promptId ?? '';
    const matchId = m?.matchId ?? '';
    if (promptId === '' && matchId === '') continue;
    if (!prompts.has(promptId)) throw invalid(q, `unknown prompt id ${quote(promptId)}`);
    if (matchId === '') continue; // a prompt explicitly left unpaired
    if (!matches.has(matchId)) throw invalid(q, `unknown match id ${quote(matchId)}`);
    if (given.has(promptId)) throw invalid(q, `prompt ${quote(promptId)} is paired more than once`);
    given.set(promptId, matchId);
  }
  if (given.size === 0) return null;
  return { matches: pairs.filter((p) => given.has(p.id)).map((p) => ({ promptId: p.id, matchId: given.get(p.id)! })) };
}

/** An order, when given, must place every item exactly once: a partial order cannot be graded by position. */
function normalizeOrder(q: QuestionVersion, raw: StudentAnswer): StudentAnswer | null {
  const order = raw.order ?? [];
  if (order.length === 0) return null;
  const items = new Set((q.body.options ?? []).map((o) => o.id));
  const unknown = order.filter((id) => !items.has(id));
  if (unknown.length > 0) throw invalid(q, `unknown item id(s): ${quoteList(unknown)}`);
  if (new Set(order).size !== order.length) throw invalid(q, 'an item is listed more than once');
  if (order.length !== items.size) throw invalid(q, `the order must list all ${items.size} items exactly once`);
  return { order: [...order] };
}

// Ids echoed in a message are the caller's own input: cut them short so a huge id does not bloat the error.
function quote(id: string): string {
  return JSON.stringify(id.length > 64 ? `${id.slice(0, 64)}…` : id);
}

function quoteList(ids: string[]): string {
  const shown = ids.slice(0, 5).map(quote).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

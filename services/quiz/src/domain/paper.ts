import { round2 } from './grading';
import { QUESTION_LIMITS } from './question-definition';
import { createRandom, shuffle } from './random';
import type { NumericKey, PaperSlot, PoolDef, QuestionType, QuestionVersion, QuizQuestion, StudentAnswer } from './types';

/**
 * An attempt's paper: which questions it gets, in which order, and how their choices are arranged. Everything
 * random comes from the attempt's seed, so the paper can be rebuilt and audited.
 */

export interface PaperInput {
  questions: readonly QuizQuestion[];
  pools: readonly PoolDef[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  seed: number;
}

export function buildPaper(input: PaperInput): PaperSlot[] {
  const random = createRandom(input.seed);
  const chosen = drawQuestions(input.questions, input.pools, random);
  const ordered = input.shuffleQuestions ? shuffle(chosen, random) : chosen;
  return ordered.map((q) => slotFor(q, input.shuffleOptions, random));
}

// Ties on orderIndex are broken by id so the paper never depends on the order rows came back in.
function byPlace(a: QuizQuestion, b: QuizQuestion): number {
  return a.orderIndex - b.orderIndex || compareIds(a.questionId, b.questionId);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Pools know their questions by poolId. A question pointing at a pool that is not listed counts as fixed: the
 * pool is gone and its questions are asked in every attempt (as DeletePool does), never silently dropped.
 */
function splitByPool(questions: readonly QuizQuestion[], pools: readonly PoolDef[]): { fixed: QuizQuestion[]; pooled: Map<PoolDef, QuizQuestion[]> } {
  const poolIds = new Set(pools.map((p) => p.id));
  const fixed = questions.filter((q) => q.poolId === null || !poolIds.has(q.poolId));
  const pooled = new Map<PoolDef, QuizQuestion[]>();
  for (const pool of [...pools].sort((a, b) => compareIds(a.id, b.id))) {
    pooled.set(pool, questions.filter((q) => q.poolId === pool.id).sort(byPlace));
  }
  return { fixed, pooled };
}

function drawQuestions(questions: readonly QuizQuestion[], pools: readonly PoolDef[], random: () => number): QuizQuestion[] {
  const { fixed, pooled } = splitByPool(questions, pools);
  const drawn: QuizQuestion[] = [];
  for (const [pool, candidates] of pooled) {
    drawn.push(...shuffle(candidates, random).slice(0, Math.max(0, pool.drawCount)));
  }
  return [...fixed, ...drawn].sort(byPlace);
}

function slotFor(q: QuizQuestion, shuffleOptions: boolean, random: () => number): PaperSlot {
  const slot: PaperSlot = { questionId: q.questionId, version: q.version };
  const options = q.body.options ?? [];
  if (q.type === 'multiple_choice' || q.type === 'multiple_answer') {
    const ids = options.map((o) => o.id);
    slot.optionOrder = shuffleOptions ? shuffle(ids, random) : ids;
  } else if (q.type === 'ordering') {
    slot.itemOrder = shuffleAwayFrom(options.map((o) => o.id), random);
  } else if (q.type === 'matching') {
    const matchIds = [...(q.body.pairs ?? []).map((p) => p.matchId), ...(q.body.distractors ?? []).map((d) => d.id)];
    slot.matchOrder = shuffle(matchIds, random);
  }
  return slot;
}

/**
 * An ordering question served in its correct order would give the answer away. A few reshuffles make that
 * unlikely (1/N! each time); rotating by one is the deterministic last resort that always differs.
 */
function shuffleAwayFrom(correct: string[], random: () => number): string[] {
  if (correct.length < 2) return [...correct];
  for (let tries = 0; tries < 8; tries++) {
    const candidate = shuffle(correct, random);
    if (!sameOrder(candidate, correct)) return candidate;
  }
  return [...correct.slice(1), correct[0]];
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

// ---------------------------------------------------------------- what a student sees

export interface Choice {
  id: string;
  text: string;
}

export interface PaperQuestionView {
  id: string;
  questionType: QuestionType;
  questionText: string;
  points: number;
  position: number;
  options: Choice[];
  prompts: Choice[];
  matches: Choice[];
  items: Choice[];
  maxLength: number;
}

/**
 * A question as shown during an attempt. Built field by field from what a student may see, never by copying
 * the body, so no key (isCorrect, accepted answers, numeric key, pairings, explanation) can slip through.
 */
export function renderPaperQuestion(version: QuestionVersion, slot: PaperSlot, position: number): PaperQuestionView {
  const { body } = version;
  const choices = (body.options ?? []).map(({ id, text }) => ({ id, text }));
  const view: PaperQuestionView = {
    id: version.questionId,
    questionType: version.type,
    questionText: version.text,
    points: version.points,
    position,
    options: [],
    prompts: [],
    matches: [],
    items: [],
    maxLength: 0,
  };
  if (version.type === 'multiple_choice' || version.type === 'multiple_answer') {
    view.options = arrange(choices, slot.optionOrder, false);
  } else if (version.type === 'ordering') {
    view.items = arrange(choices, slot.itemOrder, true);
  } else if (version.type === 'matching') {
    const pairs = body.pairs ?? [];
    view.prompts = pairs.map((p) => ({ id: p.id, text: p.prompt }));
    const matches = [...pairs.map((p) => ({ id: p.matchId, text: p.match })), ...(body.distractors ?? []).map(({ id, text }) => ({ id, text }))];
    view.matches = arrange(matches, slot.matchOrder, true);
  } else if (version.type === 'essay') {
    view.maxLength = body.maxLength ?? QUESTION_LIMITS.essayDefaultLength;
  }
  return view;
}

/**
 * Choices in the slot's order; ids the version lacks are skipped and choices the slot lacks are appended.
 * `hideDefinedOrder`: for items and matches the defined order is (or hints at) the answer, so choices without
 * a slot position are appended by id rather than as defined.
 */
function arrange(choices: Choice[], order: string[] | undefined, hideDefinedOrder: boolean): Choice[] {
  const byId = new Map(choices.map((c) => [c.id, c]));
  const placed = (order ?? []).filter((id, i, all) => byId.has(id) && all.indexOf(id) === i).map((id) => byId.get(id)!);
  const placedIds = new Set(placed.map((c) => c.id));
  const rest = choices.filter((c) => !placedIds.has(c.id));
  if (hideDefinedOrder) rest.sort((a, b) => compareIds(a.id, b.id));
  return [...placed, ...rest];
}

// ---------------------------------------------------------------- the key, for results

export interface CorrectAnswer {
  answer: StudentAnswer;
  acceptedAnswers: string[];
  numeric: NumericKey | null;
}

/** The answer key in the shape of a student's answer (shown in results only when the quiz allows it). */
export function correctAnswerOf(version: QuestionVersion): CorrectAnswer {
  const { body } = version;
  const none: CorrectAnswer = { answer: {}, acceptedAnswers: [], numeric: null };
  switch (version.type) {
    case 'multiple_choice':
    case 'multiple_answer':
      return { ...none, answer: { selectedOptionIds: (body.options ?? []).filter((o) => o.isCorrect).map((o) => o.id) } };
    case 'true_false':
      return { ...none, answer: { text: body.correctAnswer ? 'true' : 'false' } };
    case 'short_answer': {
      const accepted = body.acceptedAnswers ?? [];
      return { ...none, answer: accepted.length > 0 ? { text: accepted[0] } : {}, acceptedAnswers: [...accepted] };
    }
    case 'numeric':
      return body.numeric ? { ...none, answer: { text: describeNumeric(body.numeric) }, numeric: { ...body.numeric } } : none;
    case 'matching':
      return { ...none, answer: { matches: (body.pairs ?? []).map((p) => ({ promptId: p.id, matchId: p.matchId })) } };
    case 'ordering':
      return { ...none, answer: { order: (body.options ?? []).map((o) => o.id) } };
    default:
      return none; // essay: graded by a person, there is no key
  }
}

/** "42", "3.14 ± 0.01" or "1 to 2". */
export function describeNumeric(key: NumericKey): string {
  if (key.mode === 'range') return `${key.min} to ${key.max}`;
  if (key.mode === 'tolerance' && key.tolerance > 0) return `${key.value} ± ${key.tolerance}`;
  return String(key.value);
}

// ---------------------------------------------------------------- time and totals

/** The earlier of start + time limit (when there is one) and the end of availability (when set). */
export function computeDeadline(startedAt: Date, timeLimitMinutes: number, availableUntil: Date | null): Date | null {
  const candidates: number[] = [];
  if (timeLimitMinutes > 0) candidates.push(startedAt.getTime() + timeLimitMinutes * 60_000);
  if (availableUntil) candidates.push(availableUntil.getTime());
  return candidates.length === 0 ? null : new Date(Math.min(...candidates));
}

/**
 * Questions and points of one attempt. A pool contributes min(drawCount, size) questions worth that many
 * times its mean question points (exact when the pool's questions are worth the same). The contract's
 * "drawCount × mean" is the same number whenever the pool can draw, the only publishable state; counting
 * what is actually drawn keeps the total honest for an under-filled pool too.
 */
export function totalsOf(questions: QuizQuestion[], pools: PoolDef[]): { totalQuestions: number; totalPoints: number } {
  const { fixed, pooled } = splitByPool(questions, pools);
  let totalQuestions = fixed.length;
  let totalPoints = fixed.reduce((sum, q) => sum + q.points, 0);
  for (const [pool, candidates] of pooled) {
    const drawn = Math.min(Math.max(0, pool.drawCount), candidates.length);
    if (drawn === 0) continue;
    const mean = candidates.reduce((sum, q) => sum + q.points, 0) / candidates.length;
    totalQuestions += drawn;
    totalPoints += drawn * mean;
  }
  return { totalQuestions, totalPoints: round2(totalPoints) };
}

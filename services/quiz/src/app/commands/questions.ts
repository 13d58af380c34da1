import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { withTransaction } from '@lms/kit/db';
import { FieldChecker, isUuid } from '@lms/kit/errors';
import { QuizErrors } from '../../domain/quiz.errors';
import { contentChanged, normalizeQuestion, type QuestionInput } from '../../domain/question-definition';
import type { QuestionRecord, QuizRecord } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

/** Writable Question fields by proto name, and where each lands in a QuestionInput. */
export const QUESTION_FIELDS: Record<string, keyof QuestionInput> = {
  question_type: 'type',
  question_text: 'text',
  points: 'points',
  explanation: 'explanation',
  pool_id: 'poolId',
  options: 'options',
  negative_marking: 'negativeMarking',
  correct_answer: 'correctAnswer',
  accepted_answers: 'acceptedAnswers',
  case_sensitive: 'caseSensitive',
  exact_whitespace: 'exactWhitespace',
  numeric: 'numeric',
  pairs: 'pairs',
  distractors: 'distractors',
  max_length: 'maxLength',
};

/** The stored question as an input again, so an update can merge the sent fields onto it. */
export function inputFromQuestion(q: QuestionRecord): QuestionInput {
  const { body } = q;
  return {
    type: q.type,
    text: q.text,
    points: q.points,
    explanation: q.explanation,
    poolId: q.poolId,
    options: (body.options ?? []).map((o) => ({ id: o.id, text: o.text, isCorrect: o.isCorrect })),
    negativeMarking: body.negativeMarking === true,
    correctAnswer: body.correctAnswer === undefined ? '' : body.correctAnswer ? 'true' : 'false',
    acceptedAnswers: [...(body.acceptedAnswers ?? [])],
    caseSensitive: body.caseSensitive === true,
    exactWhitespace: body.exactWhitespace === true,
    numeric: body.numeric ? { ...body.numeric } : null,
    pairs: (body.pairs ?? []).map((p) => ({ id: p.id, prompt: p.prompt, matchId: p.matchId, match: p.match })),
    distractors: (body.distractors ?? []).map((d) => ({ id: d.id, text: d.text })),
    maxLength: body.maxLength ?? 0,
  };
}

/** pool_id: "" / null = fixed question; otherwise a pool of the same quiz (else INVALID_ARGUMENT). */
async function checkPool(deps: QuizDeps, transaction: Transaction, quiz: QuizRecord, poolId: string | null): Promise<string | null> {
  if (!poolId) return null;
  if (!isUuid(poolId) || !(await deps.quizzes.findPool(quiz.id, poolId.toLowerCase(), transaction))) {
    throw QuizErrors.validation([{ loc: ['pool_id'], msg: 'is not a pool of this quiz' }]);
  }
  return poolId.toLowerCase();
}

async function reload(deps: QuizDeps, quizId: string, questionId: string): Promise<QuestionRecord> {
  return (await deps.questions.findCurrent(quizId, questionId))!;
}

/** Appends a question (order_index = last + 1) as version 1. */
export async function createQuestion(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; quizId: string; input: QuestionInput },
): Promise<QuestionRecord> {
  const id = randomUUID();
  const quizId = await withTransaction(deps.sequelize, async (transaction) => {
    // The quiz row lock orders concurrent appends and reorders.
    const quiz = await loadManagedQuiz(deps, caller, cmd, transaction, 'update');
    const content = normalizeQuestion(cmd.input, randomUUID);
    const poolId = await checkPool(deps, transaction, quiz, cmd.input.poolId);
    const orderIndex = await deps.questions.nextOrderIndex(transaction, quiz.id);
    const at = deps.clock();
    await deps.questions.insert(transaction, { id, quizId: quiz.id, poolId, orderIndex, content, at });
    await deps.quizzes.touch(transaction, quiz.id, at);
    return quiz.id;
  });
  return reload(deps, quizId, id);
}

/**
 * Merges the sent `fields` onto the current version and validates the result. A change of content makes a new
 * version (attempts keep the one they pinned); moving between pools changes no version; the type is fixed.
 */
export async function updateQuestion(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; quizId: string; questionId: string; fields: string[]; input: QuestionInput },
): Promise<QuestionRecord> {
  const { question_id: questionId } = checkIds({ question_id: cmd.questionId });
  const check = new FieldChecker();
  cmd.fields.forEach((f, i) => {
    // Own keys only: `in` would accept inherited names (constructor, __proto__, toString) and use them as keys.
    if (!Object.hasOwn(QUESTION_FIELDS, f)) check.add(['fields', i], `unknown field "${f}"`);
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);
  const quizId = await withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, cmd, transaction, 'update');
    const current = await deps.questions.findCurrent(quiz.id, questionId, transaction, true);
    if (!current) throw QuizErrors.questionNotFound();
    const merged = inputFromQuestion(current) as unknown as Record<string, unknown>;
    for (const field of cmd.fields) merged[QUESTION_FIELDS[field]] = (cmd.input as unknown as Record<string, unknown>)[QUESTION_FIELDS[field]];
    const input = merged as unknown as QuestionInput;
    // short_answer: a correct_answer sent alone is the one accepted answer now (with accepted_answers: merged).
    if (current.type === 'short_answer' && cmd.fields.includes('correct_answer') && !cmd.fields.includes('accepted_answers')) input.acceptedAnswers = [];
    if (input.type !== current.type) throw QuizErrors.typeCannotChange();
    const content = normalizeQuestion(input, randomUUID);
    const poolId = cmd.fields.includes('pool_id') ? await checkPool(deps, transaction, quiz, input.poolId) : current.poolId;
    const changed = contentChanged(current, content);
    const at = deps.clock();
    if (changed) await deps.questions.insertVersion(transaction, current.questionId, current.version + 1, content, at);
    if (changed || poolId !== current.poolId) {
      await deps.questions.update(transaction, { id: current.questionId, poolId, currentVersion: changed ? current.version + 1 : current.version, at });
      await deps.quizzes.touch(transaction, quiz.id, at);
    }
    return quiz.id;
  });
  return reload(deps, quizId, questionId);
}

/** Soft delete: attempts that drew the question keep their pinned version. */
export async function deleteQuestion(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string; questionId: string }): Promise<void> {
  const { question_id: questionId } = checkIds({ question_id: ref.questionId });
  await withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, ref, transaction, 'update');
    const current = await deps.questions.findCurrent(quiz.id, questionId, transaction, true);
    if (!current) throw QuizErrors.questionNotFound();
    const at = deps.clock();
    await deps.questions.softDelete(transaction, questionId, at);
    await deps.quizzes.touch(transaction, quiz.id, at);
  });
}

/** The full new order (every question of the quiz exactly once), applied atomically under the quiz row lock. */
export async function reorderQuestions(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; quizId: string; questionIds: string[] },
): Promise<QuestionRecord[]> {
  const quizId = await withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, cmd, transaction, 'update');
    const existing = new Set((await deps.questions.listCurrent(quiz.id, transaction)).map((q) => q.questionId));
    const check = new FieldChecker();
    const seen = new Set<string>();
    cmd.questionIds.forEach((raw, i) => {
      const id = (raw ?? '').toLowerCase();
      if (!existing.has(id)) check.add(['question_ids', i], 'is not a question of this quiz');
      else if (seen.has(id)) check.add(['question_ids', i], 'is listed twice');
      seen.add(id);
    });
    if (check.ok && seen.size !== existing.size) check.add('question_ids', `must list every question of the quiz (${existing.size})`);
    if (!check.ok) throw QuizErrors.validation(check.errors);
    const at = deps.clock();
    await deps.questions.setOrder(transaction, quiz.id, [...seen], at);
    await deps.quizzes.touch(transaction, quiz.id, at);
    return quiz.id;
  });
  return deps.questions.listCurrent(quizId);
}

export async function listQuestions(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string }): Promise<QuestionRecord[]> {
  const quiz = await loadManagedQuiz(deps, caller, ref);
  return deps.questions.listCurrent(quiz.id);
}

import { randomUUID } from 'node:crypto';
import { withTransaction } from '@lms/kit/db';
import { FieldChecker } from '@lms/kit/errors';
import { Checker } from '../../domain/checks';
import { QuizErrors } from '../../domain/quiz.errors';
import type { PoolRecord } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

const POOL_FIELDS = ['title', 'draw_count'];
const MAX_DRAW = 1000;

function checkPool(raw: { title: string; drawCount: number }): { title: string; drawCount: number } {
  const check = new Checker();
  const title = check.text('title', raw.title, 200, 1);
  const drawCount = check.numberIn('draw_count', raw.drawCount, 1, MAX_DRAW, true);
  check.throwIfAny('The pool is invalid');
  return { title, drawCount };
}

export async function createPool(deps: QuizDeps, caller: Caller, cmd: { courseId: string; quizId: string; title: string; drawCount: number }): Promise<PoolRecord> {
  const id = randomUUID();
  return withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, cmd, transaction, 'update');
    const pool = checkPool(cmd);
    const at = deps.clock();
    await deps.quizzes.insertPool(transaction, { id, quizId: quiz.id, ...pool, at });
    await deps.quizzes.touch(transaction, quiz.id, at);
    return (await deps.quizzes.findPool(quiz.id, id, transaction))!;
  });
}

export async function updatePool(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; quizId: string; poolId: string; fields: string[]; title: string; drawCount: number },
): Promise<PoolRecord> {
  const { pool_id: poolId } = checkIds({ pool_id: cmd.poolId });
  const fieldCheck = new FieldChecker();
  cmd.fields.forEach((f, i) => {
    if (!POOL_FIELDS.includes(f)) fieldCheck.add(['fields', i], `unknown field "${f}"`);
  });
  if (!fieldCheck.ok) throw QuizErrors.validation(fieldCheck.errors);
  return withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, cmd, transaction, 'update');
    const current = await deps.quizzes.findPool(quiz.id, poolId, transaction);
    if (!current) throw QuizErrors.poolNotFound();
    const pool = checkPool({
      title: cmd.fields.includes('title') ? cmd.title : current.title,
      drawCount: cmd.fields.includes('draw_count') ? cmd.drawCount : current.drawCount,
    });
    const at = deps.clock();
    await deps.quizzes.updatePool(transaction, { id: poolId, ...pool, at });
    await deps.quizzes.touch(transaction, quiz.id, at);
    return (await deps.quizzes.findPool(quiz.id, poolId, transaction))!;
  });
}

/** Its questions become fixed questions, asked in every attempt. */
export async function deletePool(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string; poolId: string }): Promise<void> {
  const { pool_id: poolId } = checkIds({ pool_id: ref.poolId });
  await withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, ref, transaction, 'update');
    if (!(await deps.quizzes.findPool(quiz.id, poolId, transaction))) throw QuizErrors.poolNotFound();
    const at = deps.clock();
    await deps.quizzes.deletePool(transaction, poolId);
    await deps.quizzes.touch(transaction, quiz.id, at);
  });
}

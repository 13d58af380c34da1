import type { PoolRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { checkFieldNames, checkPoolSettings, POOL_SETTING_FIELDS } from '../../domain/validation';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

/** Partial update through `fields` (title, draw_count), validated as a whole. */
export async function updatePool(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { courseId: string; quizId: string; poolId: string; fields: string[]; title: string; drawCount: number },
): Promise<PoolRecord> {
  const { pool_id: poolId } = checkIds({ pool_id: cmd.poolId });
  checkFieldNames(cmd.fields, POOL_SETTING_FIELDS);
  const quiz = await loadManagedQuiz(uow, caller, cmd, 'update');
  const current = await uow.quizzes.findPool(quiz.id, poolId);
  if (!current) throw QuizErrors.poolNotFound();
  const pool = checkPoolSettings({
    title: cmd.fields.includes('title') ? cmd.title : current.title,
    drawCount: cmd.fields.includes('draw_count') ? cmd.drawCount : current.drawCount,
  });
  const at = ctx.clock();
  await uow.quizzes.updatePool({ id: poolId, ...pool, at });
  await uow.quizzes.touch(quiz.id, at);
  return (await uow.quizzes.findPool(quiz.id, poolId))!;
}

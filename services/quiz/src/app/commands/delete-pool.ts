import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

/** Its questions become fixed questions, asked in every attempt. */
export async function deletePool(uow: QuizUnitOfWork, ctx: QuizPorts, caller: Caller, ref: { courseId: string; quizId: string; poolId: string }): Promise<void> {
  const { pool_id: poolId } = checkIds({ pool_id: ref.poolId });
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  if (!(await uow.quizzes.findPool(quiz.id, poolId))) throw QuizErrors.poolNotFound();
  const at = ctx.clock();
  await uow.quizzes.deletePool(poolId);
  await uow.quizzes.touch(quiz.id, at);
}

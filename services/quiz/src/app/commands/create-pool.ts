import { randomUUID } from 'node:crypto';
import type { PoolRecord } from '../../domain/quiz.entities';
import { checkPoolSettings } from '../../domain/validation';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { loadManagedQuiz, type Caller } from '../shared';

export async function createPool(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { courseId: string; quizId: string; title: string; drawCount: number },
): Promise<PoolRecord> {
  const id = randomUUID();
  const quiz = await loadManagedQuiz(uow, caller, cmd, 'update');
  const pool = checkPoolSettings(cmd);
  const at = ctx.clock();
  await uow.quizzes.insertPool({ id, quizId: quiz.id, ...pool, at });
  await uow.quizzes.touch(quiz.id, at);
  return (await uow.quizzes.findPool(quiz.id, id))!;
}

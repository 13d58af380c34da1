import { QuizErrors } from '../../domain/quiz.errors';
import type { RegradeRun } from '../../infra/regrade.repository';
import type { QuizRepositories } from '../deps';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

/** One regrade run of the quiz (its progress while it runs); another quiz's run is NOT_FOUND. */
export async function getRegrade(read: QuizRepositories, caller: Caller, q: { quizId: string; regradeId: string }): Promise<RegradeRun> {
  const { regrade_id: regradeId } = checkIds({ regrade_id: q.regradeId });
  const quiz = await loadManagedQuiz(read, caller, { quizId: q.quizId });
  const run = await read.regrades.find(regradeId);
  if (!run || run.quizId !== quiz.id) throw QuizErrors.regradeNotFound();
  return run;
}

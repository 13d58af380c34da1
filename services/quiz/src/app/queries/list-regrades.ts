import type { RegradeRun } from '../../infra/regrade.repository';
import type { QuizRepositories } from '../deps';
import { loadManagedQuiz, type Caller } from '../shared';

/** Every regrade run of the quiz, dry or real, newest first (owner, admin). */
export async function listRegrades(read: QuizRepositories, caller: Caller, q: { quizId: string }): Promise<RegradeRun[]> {
  const quiz = await loadManagedQuiz(read, caller, { quizId: q.quizId });
  return read.regrades.list(quiz.id);
}

import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { loadManagedQuiz, type Caller } from '../shared';

/** Students no longer see it (NOT_FOUND); attempts and results are kept. */
export async function unpublishQuiz(uow: QuizUnitOfWork, ctx: QuizPorts, caller: Caller, ref: { courseId: string; quizId: string }): Promise<string> {
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  if (quiz.isPublished) await uow.quizzes.setPublished(quiz.id, false, ctx.clock());
  return quiz.id;
}

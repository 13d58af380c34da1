import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { quizUnpublished } from '../../domain/quiz.events';
import { loadManagedQuiz, type Caller } from '../shared';

/** Students no longer see it (NOT_FOUND); attempts and results are kept. Emits `quiz.unpublished` when it was published. */
export async function unpublishQuiz(uow: QuizUnitOfWork, ctx: QuizPorts, caller: Caller, ref: { courseId: string; quizId: string }): Promise<string> {
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  if (!quiz.isPublished) return quiz.id;
  const at = ctx.clock();
  await uow.quizzes.setPublished(quiz.id, false, at);
  await uow.emit(quizUnpublished(quiz, at, false));
  return quiz.id;
}

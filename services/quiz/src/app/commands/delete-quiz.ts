import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizUnitOfWork } from '../deps';
import { loadManagedQuiz, type Caller } from '../shared';

/** Refused once any attempt exists (FAILED_PRECONDITION QUIZ.HAS_ATTEMPTS): unpublish instead. */
export async function deleteQuiz(uow: QuizUnitOfWork, caller: Caller, ref: { courseId: string; quizId: string }): Promise<void> {
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  if (await uow.attempts.hasAny(quiz.id)) throw QuizErrors.quizHasAttempts();
  await uow.quizzes.delete(quiz.id);
}

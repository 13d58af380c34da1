import { quizPublished } from '../domain/quiz.events';
import type { QuizUnitOfWork } from './deps';

/**
 * The quiz's definition for readers of `quiz.published` (analytics): written to the outbox in the unit of work
 * of every change a reader must see — the quiz published, and, while it is published, its title or passing
 * score changed (UpdateQuiz), a question added, changed (a new version: text, points, options, correctness),
 * deleted or reordered. Pool settings and pool membership do not change which questions an attempt can contain,
 * so they emit nothing. The quiz row is locked by the caller (loadManagedQuiz 'update'), so definitions of one
 * quiz are written in order; `defined_at` is the change's time.
 */
export async function emitDefinitionIfPublished(uow: QuizUnitOfWork, quizId: string, at: Date): Promise<void> {
  const quiz = await uow.quizzes.findById(quizId);
  if (!quiz || !quiz.isPublished || quiz.lessonDeletedAt) return;
  const questions = await uow.questions.listCurrent(quiz.id);
  await uow.emit(quizPublished(quiz, questions, at));
}

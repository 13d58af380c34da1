import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { emitDefinitionIfPublished } from '../published-definition';
import { loadManagedQuiz, type Caller } from '../shared';

/**
 * Needs at least one question, and every pool able to draw its count. Publishing a published quiz is a no-op.
 * Emits `quiz.published` with the quiz's definition (analytics).
 */
export async function publishQuiz(uow: QuizUnitOfWork, ctx: QuizPorts, caller: Caller, ref: { courseId: string; quizId: string }): Promise<string> {
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  if (quiz.isPublished) return quiz.id;
  if (quiz.lessonDeletedAt) throw QuizErrors.lessonDeleted();
  const questions = await uow.questions.listCurrent(quiz.id);
  if (questions.length === 0) throw QuizErrors.quizHasNoQuestions();
  for (const pool of await uow.quizzes.listPools(quiz.id)) {
    if (pool.questionCount < pool.drawCount) throw QuizErrors.poolTooSmall(pool.id, pool.title, pool.questionCount, pool.drawCount);
  }
  const at = ctx.clock();
  await uow.quizzes.setPublished(quiz.id, true, at);
  await emitDefinitionIfPublished(uow, quiz.id, at);
  return quiz.id;
}

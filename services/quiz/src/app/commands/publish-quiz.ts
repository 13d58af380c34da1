import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { loadManagedQuiz, type Caller } from '../shared';

/** Needs at least one question, and every pool able to draw its count. Publishing a published quiz is a no-op. */
export async function publishQuiz(uow: QuizUnitOfWork, ctx: QuizPorts, caller: Caller, ref: { courseId: string; quizId: string }): Promise<string> {
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  if (quiz.isPublished) return quiz.id;
  if (quiz.lessonDeletedAt) throw QuizErrors.lessonDeleted();
  const questions = await uow.questions.listCurrent(quiz.id);
  if (questions.length === 0) throw QuizErrors.quizHasNoQuestions();
  for (const pool of await uow.quizzes.listPools(quiz.id)) {
    if (pool.questionCount < pool.drawCount) throw QuizErrors.poolTooSmall(pool.id, pool.title, pool.questionCount, pool.drawCount);
  }
  await uow.quizzes.setPublished(quiz.id, true, ctx.clock());
  return quiz.id;
}

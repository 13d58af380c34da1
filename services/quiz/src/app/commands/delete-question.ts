import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { emitDefinitionIfPublished } from '../published-definition';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

/** Soft delete: attempts that drew the question keep their pinned version. */
export async function deleteQuestion(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  ref: { courseId: string; quizId: string; questionId: string },
): Promise<void> {
  const { question_id: questionId } = checkIds({ question_id: ref.questionId });
  const quiz = await loadManagedQuiz(uow, caller, ref, 'update');
  const current = await uow.questions.findCurrent(quiz.id, questionId, true);
  if (!current) throw QuizErrors.questionNotFound();
  const at = ctx.clock();
  await uow.questions.softDelete(questionId, at);
  await uow.quizzes.touch(quiz.id, at);
  await emitDefinitionIfPublished(uow, quiz.id, at);
}

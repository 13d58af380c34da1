import { randomUUID } from 'node:crypto';
import { normalizeQuestion, type QuestionInput } from '../../domain/question-definition';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { emitDefinitionIfPublished } from '../published-definition';
import { loadManagedQuiz, poolOfQuiz, type Caller } from '../shared';

/** Appends a question (order_index = last + 1) as version 1. Returns its quiz and question ids. */
export async function createQuestion(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { courseId: string; quizId: string; input: QuestionInput },
): Promise<{ quizId: string; questionId: string }> {
  const id = randomUUID();
  // The quiz row lock orders concurrent appends and reorders.
  const quiz = await loadManagedQuiz(uow, caller, cmd, 'update');
  const content = normalizeQuestion(cmd.input, randomUUID);
  const poolId = await poolOfQuiz(uow, quiz, cmd.input.poolId);
  const orderIndex = await uow.questions.nextOrderIndex(quiz.id);
  const at = ctx.clock();
  await uow.questions.insert({ id, quizId: quiz.id, poolId, orderIndex, content, at });
  await uow.quizzes.touch(quiz.id, at);
  await emitDefinitionIfPublished(uow, quiz.id, at);
  return { quizId: quiz.id, questionId: id };
}

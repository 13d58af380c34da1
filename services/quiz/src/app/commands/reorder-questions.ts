import { FieldChecker } from '@lms/kit/errors';
import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { emitDefinitionIfPublished } from '../published-definition';
import { loadManagedQuiz, type Caller } from '../shared';

/** The full new order (every question of the quiz exactly once), applied atomically under the quiz row lock. Returns the quiz id. */
export async function reorderQuestions(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { courseId: string; quizId: string; questionIds: string[] },
): Promise<string> {
  const quiz = await loadManagedQuiz(uow, caller, cmd, 'update');
  const existing = new Set((await uow.questions.listCurrent(quiz.id)).map((q) => q.questionId));
  const check = new FieldChecker();
  const seen = new Set<string>();
  cmd.questionIds.forEach((raw, i) => {
    const id = (raw ?? '').toLowerCase();
    if (!existing.has(id)) check.add(['question_ids', i], 'is not a question of this quiz');
    else if (seen.has(id)) check.add(['question_ids', i], 'is listed twice');
    seen.add(id);
  });
  if (check.ok && seen.size !== existing.size) check.add('question_ids', `must list every question of the quiz (${existing.size})`);
  if (!check.ok) throw QuizErrors.validation(check.errors);
  const at = ctx.clock();
  await uow.questions.setOrder(quiz.id, [...seen], at);
  await uow.quizzes.touch(quiz.id, at);
  await emitDefinitionIfPublished(uow, quiz.id, at);
  return quiz.id;
}

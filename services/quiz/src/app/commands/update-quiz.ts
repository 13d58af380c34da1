import { checkQuizSettings, sentSettings, type QuizSettingsRequest } from '../../domain/quiz-definition';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { emitDefinitionIfPublished } from '../published-definition';
import { loadManagedQuiz, type Caller } from '../shared';

/** Partial update through `fields`; the merged settings are validated as a whole (from < until…). Returns the id. */
export async function updateQuiz(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { courseId: string; quizId: string; settings: QuizSettingsRequest; fields: string[] },
): Promise<string> {
  const current = await loadManagedQuiz(uow, caller, cmd, 'update');
  const settings = checkQuizSettings(sentSettings(cmd.settings, cmd.fields, false), current);
  const at = ctx.clock();
  await uow.quizzes.updateSettings(current.id, settings, at);
  // Readers of quiz.published keep the title and passing score: a new definition when either changed.
  if (settings.title !== current.title || settings.passingScore !== current.passingScore) await emitDefinitionIfPublished(uow, current.id, at);
  return current.id;
}

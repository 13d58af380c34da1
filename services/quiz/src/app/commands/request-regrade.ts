import { FieldChecker } from '@lms/kit/errors';
import { QuizErrors } from '../../domain/quiz.errors';
import { regradeRequested } from '../../domain/quiz.events';
import type { RegradeRun } from '../../infra/regrade.repository';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { newRegradeRun } from '../regrade-batch';
import { loadManagedQuiz, type Caller } from '../shared';

/** The questions a regrade is limited to (`question_ids`, UUIDs; empty = every question whose key changed). */
export function regradeScope(questionIds: string[]): Set<string> {
  const check = new FieldChecker();
  const only = new Set<string>();
  questionIds.forEach((raw, i) => {
    const id = check.uuid(['question_ids', i], raw);
    if (id) only.add(id);
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);
  return only;
}

/**
 * A real regrade run is a job: this records it `pending` with its own `quiz.regrade_requested` event in the
 * outbox and returns at once; `runRegradeBatch` (the consumer of that event) does the work in keyset batches of
 * REGRADE_BATCH_SIZE attempts, one short unit of work each, and each batch asks for the next. At most one
 * unfinished real run per quiz (QUIZ.REGRADE_IN_PROGRESS). Dry runs: see dryRunRegrade.
 */
export async function requestRegrade(uow: QuizUnitOfWork, ctx: QuizPorts, caller: Caller, cmd: { quizId: string; only: Set<string> }): Promise<RegradeRun> {
  // The quiz row lock orders concurrent requests: the second one sees the first one's run.
  const quiz = await loadManagedQuiz(uow, caller, { quizId: cmd.quizId }, 'update');
  const active = await uow.regrades.findActive(quiz.id);
  if (active) throw QuizErrors.regradeInProgress(active.id);
  const now = ctx.clock();
  const run: RegradeRun = {
    ...newRegradeRun(quiz, caller, false, cmd.only, now),
    status: 'pending',
    attemptsTotal: await uow.attempts.countSubmitted(quiz.id),
    finishedAt: null,
  };
  await uow.regrades.insert(run);
  await uow.emit(regradeRequested({ regradeId: run.id, quizId: quiz.id, afterId: null, notBefore: null, at: now }));
  return run;
}

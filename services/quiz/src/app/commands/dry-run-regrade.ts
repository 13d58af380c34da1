import type { AttemptRecord } from '../../domain/quiz.entities';
import type { RegradeRun } from '../../infra/regrade.repository';
import type { QuizDeps } from '../deps';
import { loadBatch, newRegradeRun, regradeBatch } from '../regrade-batch';
import { loadManagedQuiz, type Caller } from '../shared';

/**
 * A dry run only reports, synchronously, and is bounded: read-only batches without locks and without a
 * transaction held between them, at most REGRADE_DRY_RUN_MAX_ATTEMPTS attempts (`truncated` beyond); then
 * one short unit of work records it in regrade_runs (the audit of every regrade, dry or real).
 */
export async function dryRunRegrade(deps: QuizDeps, caller: Caller, cmd: { quizId: string; only: Set<string> }): Promise<RegradeRun> {
  const read = deps.units.read;
  const quiz = await loadManagedQuiz(read, caller, { quizId: cmd.quizId });
  const now = deps.clock();
  const max = deps.config.REGRADE_DRY_RUN_MAX_ATTEMPTS;
  const run = newRegradeRun(quiz, caller, true, cmd.only, now);
  const regraded = new Set<string>();
  let afterId: string | null = null;
  for (;;) {
    const limit = Math.min(deps.config.REGRADE_BATCH_SIZE, max - run.attemptsExamined);
    const attempts: AttemptRecord[] = await read.attempts.submittedBatch(quiz.id, { afterId, limit, lock: false });
    if (attempts.length) {
      const batch = regradeBatch(await loadBatch(read, attempts), { quiz, only: cmd.only, runId: run.id, now });
      run.changes.push(...batch.changes);
      batch.regraded.forEach((id) => regraded.add(id));
      run.attemptsExamined += attempts.length;
      run.batchesDone += 1;
      afterId = attempts[attempts.length - 1].id;
    }
    if (attempts.length < limit) break;
    if (run.attemptsExamined >= max) {
      run.truncated = (await read.attempts.submittedBatch(quiz.id, { afterId, limit: 1, lock: false })).length > 0;
      break;
    }
  }
  run.questionIds = [...regraded].sort();
  run.cursor = afterId;
  run.attemptsTotal = run.truncated ? await read.attempts.countSubmitted(quiz.id) : run.attemptsExamined;
  await deps.units.run((uow) => uow.regrades.insert(run));
  return run;
}

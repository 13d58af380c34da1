import { regradeRequested } from '../../domain/quiz.events';
import type { QuizDeps } from '../deps';

/**
 * Start-up job: every real run left `pending` or `running` (a crash, a parked event) gets its next batch's
 * event again, from its stored cursor, one short unit of work per run. Harmless when the original event is
 * still on its way: whichever comes second no longer matches the cursor and does nothing.
 */
export async function resumeRegrades(deps: QuizDeps): Promise<number> {
  const runs = (await deps.units.read.regrades.listUnfinished()).filter((r) => !r.dryRun);
  for (const run of runs) {
    await deps.units.run((uow) =>
      uow.emit(regradeRequested({ regradeId: run.id, quizId: run.quizId, afterId: run.cursor, notBefore: null, at: deps.clock() })),
    );
  }
  if (runs.length) deps.logger.info({ regrade_ids: runs.map((r) => r.id) }, 'unfinished regrades resumed');
  return runs.length;
}

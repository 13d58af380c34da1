import { regradeRequested } from '../../domain/quiz.events';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { loadBatch, regradeBatch, type RegradedBatch } from '../regrade-batch';

/**
 * The consumer side of a real run: the batch after `after_id`, in the consumer's (inbox) unit of work. The run
 * row is locked first, so batches of one run never overlap; an event whose `after_id` is not the run's cursor
 * is a duplicate (a redelivery, or the start-up resume racing the pending event) and changes nothing, so every
 * attempt is regraded once. The batch's attempts are locked in id order and regraded, the run's progress and
 * cursor stored, the per-attempt events and — unless this was the last batch — the next batch's event written
 * to the outbox, all in this one short unit of work. A failure that is not the database's (a bug, a missing
 * question version) happens in the pure step, before anything of the batch is written, and marks the run
 * `failed`; database errors are rethrown and retried by the kit (and, if the event is parked, the run resumes at the next start-up).
 */
export async function runRegradeBatch(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  data: { regrade_id: string; quiz_id: string; after_id: string | null },
): Promise<void> {
  const run = await uow.regrades.find(data.regrade_id, true);
  if (!run || run.dryRun || run.status === 'done' || run.status === 'failed') return;
  if ((run.cursor ?? null) !== (data.after_id ?? null)) return;
  const quiz = await uow.quizzes.findById(run.quizId);
  if (!quiz) return;
  const now = ctx.clock();
  const size = ctx.config.REGRADE_BATCH_SIZE;
  const attempts = await uow.attempts.submittedBatch(quiz.id, { afterId: run.cursor, limit: size, lock: true });
  const loaded = await loadBatch(uow, attempts);
  let batch: RegradedBatch;
  try {
    batch = regradeBatch(loaded, { quiz, only: new Set(run.requestedQuestionIds), runId: run.id, now });
  } catch (err) {
    ctx.logger.error({ err, regrade_id: run.id, quiz_id: quiz.id }, 'regrade failed');
    await uow.regrades.markFailed(run.id, (err as Error).message ?? String(err), now);
    return;
  }
  for (const write of batch.writes) await uow.attempts.writeGrade(write.attemptId, write.grade, now);
  const done = attempts.length < size;
  const cursor = attempts.length ? attempts[attempts.length - 1].id : run.cursor;
  const questionIds = [...new Set([...run.questionIds, ...batch.regraded])].sort();
  await uow.regrades.recordBatch(run.id, { cursor, examined: attempts.length, changes: batch.changes, questionIds, done, at: now });
  const events = [...batch.events];
  if (!done) {
    const pause = ctx.config.REGRADE_BATCH_PAUSE_MS;
    events.push(regradeRequested({ regradeId: run.id, quizId: quiz.id, afterId: cursor, notBefore: pause ? new Date(now.getTime() + pause) : null, at: now }));
  }
  await uow.emit(...events);
  if (done) {
    ctx.logger.info(
      { regrade_id: run.id, quiz_id: quiz.id, attempts_examined: run.attemptsExamined + attempts.length, batches: run.batchesDone + (attempts.length ? 1 : 0) },
      'regrade done',
    );
  }
}

import { randomUUID } from 'node:crypto';
import { BaseError as SequelizeError, type Transaction } from 'sequelize';
import { withTransaction } from '@lms/kit/db';
import { FieldChecker } from '@lms/kit/errors';
import { sameKey } from '../../domain/question-definition';
import type { AttemptRecord, QuizRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { attemptRegraded, quizPassed, regradeRequested, type DomainEvent } from '../../domain/quiz.events';
import type { QuestionVersion } from '../../domain/types';
import type { RegradeRun, ScoreChangeRecord } from '../../infra/regrade.repository';
import type { QuizDeps } from '../deps';
import { emit, loadManagedQuiz, type Caller } from '../shared';
import { gradeWith, isPassed, questionsFrom, versionPairs } from './grading';

/**
 * Regrades the submitted attempts of a quiz: every non-essay question of an attempt (only `question_ids` when
 * given) whose current version grades differently from the version it was graded with (`sameKey` false) is
 * graded again against the current version.
 *
 * A real run is a job: this records it `pending` with its own `quiz.regrade_requested` event in the outbox
 * and returns at once; `regradeNextBatch` (the consumer of that event) does the work in keyset batches of
 * REGRADE_BATCH_SIZE attempts, one short transaction each, and each batch asks for the next. At most one
 * unfinished real run per quiz (QUIZ.REGRADE_IN_PROGRESS). A dry run only reports, synchronously, read-only
 * and bounded: batches without locks, at most REGRADE_DRY_RUN_MAX_ATTEMPTS attempts (`truncated` beyond).
 * Both are recorded in regrade_runs.
 */
export async function regrade(
  deps: QuizDeps,
  caller: Caller,
  cmd: { quizId: string; dryRun: boolean; questionIds: string[] },
): Promise<RegradeRun> {
  const check = new FieldChecker();
  const only = new Set<string>();
  cmd.questionIds.forEach((raw, i) => {
    const id = check.uuid(['question_ids', i], raw);
    if (id) only.add(id);
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);
  if (cmd.dryRun) return dryRun(deps, caller, await loadManagedQuiz(deps, caller, { quizId: cmd.quizId }), only);

  return withTransaction(deps.sequelize, async (transaction) => {
    // The quiz row lock orders concurrent requests: the second one sees the first one's run.
    const quiz = await loadManagedQuiz(deps, caller, { quizId: cmd.quizId }, transaction, 'update');
    const active = await deps.regrades.findActive(quiz.id, transaction);
    if (active) throw QuizErrors.regradeInProgress(active.id);
    const now = deps.clock();
    const run: RegradeRun = {
      ...newRun(quiz, caller, false, only, now),
      status: 'pending',
      attemptsTotal: await deps.attempts.countSubmitted(quiz.id, transaction),
      finishedAt: null,
    };
    await deps.regrades.insert(transaction, run);
    await emit(deps, transaction, [regradeRequested({ regradeId: run.id, quizId: quiz.id, afterId: null, notBefore: null, at: now })]);
    return run;
  });
}

function newRun(quiz: QuizRecord, caller: Caller, dry: boolean, only: Set<string>, now: Date): RegradeRun {
  return {
    id: randomUUID(),
    quizId: quiz.id,
    requestedBy: caller.userId,
    dryRun: dry,
    status: 'done',
    requestedQuestionIds: [...only].sort(),
    questionIds: [],
    attemptsTotal: 0,
    attemptsExamined: 0,
    cursor: null,
    batchesDone: 0,
    truncated: false,
    error: null,
    changes: [],
    createdAt: now,
    updatedAt: now,
    finishedAt: now,
  };
}

/** The dry run: read-only batches (no locks, no transaction held between them), capped; then its audit row. */
async function dryRun(deps: QuizDeps, caller: Caller, quiz: QuizRecord, only: Set<string>): Promise<RegradeRun> {
  const now = deps.clock();
  const max = deps.config.REGRADE_DRY_RUN_MAX_ATTEMPTS;
  const run = newRun(quiz, caller, true, only, now);
  const regraded = new Set<string>();
  let afterId: string | null = null;
  for (;;) {
    const limit = Math.min(deps.config.REGRADE_BATCH_SIZE, max - run.attemptsExamined);
    const attempts: AttemptRecord[] = await deps.attempts.submittedBatch(quiz.id, { afterId, limit, lock: false });
    if (attempts.length) {
      const batch = await regradeBatch(deps, { quiz, attempts, only, runId: run.id, now, apply: false });
      run.changes.push(...batch.changes);
      batch.regraded.forEach((id) => regraded.add(id));
      run.attemptsExamined += attempts.length;
      run.batchesDone += 1;
      afterId = attempts[attempts.length - 1].id;
    }
    if (attempts.length < limit) break;
    if (run.attemptsExamined >= max) {
      run.truncated = (await deps.attempts.submittedBatch(quiz.id, { afterId, limit: 1, lock: false })).length > 0;
      break;
    }
  }
  run.questionIds = [...regraded].sort();
  run.cursor = afterId;
  run.attemptsTotal = run.truncated ? await deps.attempts.countSubmitted(quiz.id) : run.attemptsExamined;
  await withTransaction(deps.sequelize, (transaction) => deps.regrades.insert(transaction, run));
  return run;
}

/**
 * One batch of attempts against the current versions of their questions: the versions of the whole batch
 * are loaded at once (two queries, whatever the batch size). `apply`: the attempts are locked by the caller;
 * their new grades are written and quiz.regraded (+ quiz.passed when newly passed) returned as events.
 */
async function regradeBatch(
  deps: QuizDeps,
  b: { quiz: QuizRecord; attempts: AttemptRecord[]; only: Set<string>; runId: string; now: Date; apply: boolean },
  transaction?: Transaction,
): Promise<{ changes: ScoreChangeRecord[]; regraded: Set<string>; events: DomainEvent<unknown>[] }> {
  const { quiz, only, now } = b;
  const versions = await deps.questions.versions(b.attempts.flatMap(versionPairs), transaction);
  const current = await deps.questions.currentVersionsOf([...new Set(b.attempts.flatMap((a) => a.paper.map((s) => s.questionId)))], transaction);
  const regraded = new Set<string>();
  const changes: ScoreChangeRecord[] = [];
  const events: DomainEvent<unknown>[] = [];

  for (const attempt of b.attempts) {
    let touched = false;
    const gradeAgainst: QuestionVersion[] = questionsFrom(attempt, versions).map((q) => {
      const latest = current.get(q.slot.questionId);
      const eligible = q.graded.type !== 'essay' && latest && latest.type === q.graded.type && (only.size === 0 || only.has(q.slot.questionId));
      if (!eligible || latest.version === q.graded.version || sameKey(q.graded, latest)) return q.graded;
      touched = true;
      regraded.add(q.slot.questionId);
      return latest;
    });
    if (!touched) continue;
    const { grade, results } = gradeWith(gradeAgainst, attempt.answers, attempt.results, now);
    const status = grade.pendingReview ? 'pending_review' : 'graded';
    const passed = isPassed(status, grade.percentage, quiz);
    const changedQuestions = gradeAgainst.map((v) => v.questionId).filter((id) => results[id].pointsEarned !== attempt.results[id]?.pointsEarned);
    const scoreChanged = grade.score !== attempt.score || grade.percentage !== attempt.percentage || passed !== attempt.passed;
    if (scoreChanged) {
      changes.push({
        attempt_id: attempt.id,
        student_id: attempt.studentId,
        attempt_number: attempt.attemptNumber,
        old_score: attempt.score,
        new_score: grade.score,
        old_percentage: attempt.percentage,
        new_percentage: grade.percentage,
        old_passed: attempt.passed,
        new_passed: passed,
        question_ids: changedQuestions,
      });
    }
    if (!b.apply || !transaction) continue;
    await deps.attempts.writeGrade(
      transaction,
      attempt.id,
      { status, results, score: grade.score, maxScore: grade.maxScore, percentage: grade.percentage, passed, gradedAt: attempt.gradedAt, gradedBy: attempt.gradedBy },
      now,
    );
    if (scoreChanged) {
      events.push(
        attemptRegraded(attempt, {
          regradeId: b.runId,
          oldScore: attempt.score,
          newScore: grade.score,
          oldPercentage: attempt.percentage,
          newPercentage: grade.percentage,
          passed,
          at: now,
        }),
      );
      // A pass that becomes a fail emits quiz.regraded only: the lesson enrollment completed stays completed.
      if (passed && !attempt.passed) events.push(quizPassed(attempt, grade.percentage, now));
    }
  }
  return { changes, regraded, events };
}

/**
 * The consumer side of a real run: the batch after `afterId`, in the caller's (inbox) transaction. The run
 * row is locked first, so batches of one run never overlap; an event whose `afterId` is not the run's cursor
 * is a duplicate (a redelivery, or the start-up resume racing the pending event) and changes nothing, so every
 * attempt is regraded once. The batch's attempts are locked in id order, regraded, the run's progress and
 * cursor stored, the per-attempt events and — unless this was the last batch — the next batch's event written
 * to the outbox, all in this one short transaction. A failure that is not the database's (a bug, a missing
 * question version) marks the run `failed` with nothing of the batch applied; database errors are retried by
 * the kit (and, if the event is parked, the run resumes at the next start-up).
 */
export async function regradeNextBatch(
  deps: QuizDeps,
  data: { regrade_id: string; quiz_id: string; after_id: string | null },
  transaction: Transaction,
): Promise<void> {
  const run = await deps.regrades.find(data.regrade_id, transaction, true);
  if (!run || run.dryRun || run.status === 'done' || run.status === 'failed') return;
  if ((run.cursor ?? null) !== (data.after_id ?? null)) return;
  const quiz = await deps.quizzes.findById(run.quizId, transaction);
  if (!quiz) return;
  const now = deps.clock();
  const size = deps.config.REGRADE_BATCH_SIZE;
  try {
    // A savepoint: a failed batch leaves nothing behind but the run's `failed` mark.
    await deps.sequelize.transaction({ transaction }, async (batchTx) => {
      const attempts = await deps.attempts.submittedBatch(quiz.id, { afterId: run.cursor, limit: size, lock: true }, batchTx);
      const batch = attempts.length
        ? await regradeBatch(deps, { quiz, attempts, only: new Set(run.requestedQuestionIds), runId: run.id, now, apply: true }, batchTx)
        : { changes: [], regraded: new Set<string>(), events: [] };
      const done = attempts.length < size;
      const cursor = attempts.length ? attempts[attempts.length - 1].id : run.cursor;
      const questionIds = [...new Set([...run.questionIds, ...batch.regraded])].sort();
      await deps.regrades.recordBatch(batchTx, run.id, { cursor, examined: attempts.length, changes: batch.changes, questionIds, done, at: now });
      const events = [...batch.events];
      if (!done) {
        const pause = deps.config.REGRADE_BATCH_PAUSE_MS;
        events.push(regradeRequested({ regradeId: run.id, quizId: quiz.id, afterId: cursor, notBefore: pause ? new Date(now.getTime() + pause) : null, at: now }));
      }
      await emit(deps, batchTx, events);
      if (done) {
        deps.logger.info(
          { regrade_id: run.id, quiz_id: quiz.id, attempts_examined: run.attemptsExamined + attempts.length, batches: run.batchesDone + (attempts.length ? 1 : 0) },
          'regrade done',
        );
      }
    });
  } catch (err) {
    if (err instanceof SequelizeError) throw err;
    deps.logger.error({ err, regrade_id: run.id, quiz_id: quiz.id }, 'regrade failed');
    await deps.regrades.markFailed(transaction, run.id, (err as Error).message ?? String(err), now);
  }
}

/**
 * Start-up: every real run left `pending` or `running` (a crash, a parked event) gets its next batch's event
 * again, from its stored cursor. Harmless when the original event is still on its way: whichever comes second
 * no longer matches the cursor and does nothing.
 */
export async function resumeRegrades(deps: QuizDeps): Promise<number> {
  const runs = (await deps.regrades.listUnfinished()).filter((r) => !r.dryRun);
  for (const run of runs) {
    await withTransaction(deps.sequelize, (transaction) =>
      emit(deps, transaction, [regradeRequested({ regradeId: run.id, quizId: run.quizId, afterId: run.cursor, notBefore: null, at: deps.clock() })]),
    );
  }
  if (runs.length) deps.logger.info({ regrade_ids: runs.map((r) => r.id) }, 'unfinished regrades resumed');
  return runs.length;
}

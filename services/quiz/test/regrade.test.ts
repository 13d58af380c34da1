import { QueryTypes } from 'sequelize';
import type { Question__Output } from '@lms/kit/generated/lms/quiz/v1/Question';
import {
  attemptRow,
  captureEvents,
  correctAnswerFor,
  courseWithQuizLesson,
  createQuiz,
  enrol,
  eventually,
  expectGrpcError,
  GrpcStatus,
  mc,
  quizLesson,
  regradeFinished,
  startFleet,
  wrongAnswerFor,
  type Fleet,
} from './support';
import { emitted } from './outbox';

/**
 * Regrades as jobs (issue 10 B3): a real run answers at once and works through the attempts in keyset batches
 * (REGRADE_BATCH_SIZE = 3 here, 10 attempts), one transaction per batch, each batch's event asking for the
 * next; it resumes after the service stops mid-run, and from a cursor left in the database with no event
 * anywhere; every attempt is regraded once. A dry run is synchronous and capped.
 */
let f: Fleet;
let courseId: string;
let captured: Awaited<ReturnType<typeof captureEvents>>;

beforeAll(async () => {
  f = await startFleet('regrade', { REGRADE_BATCH_SIZE: '3' });
  captured = await captureEvents(f.vhost.url, ['quiz.*']);
  courseId = (await courseWithQuizLesson(f, f.instructor)).courseId;
  await enrol(f, f.student, courseId);
  await enrol(f, f.otherStudent, courseId);
});

afterAll(async () => {
  await captured?.close();
  await f?.close();
});

/**
 * A quiz of one multiple-choice question with 10 submitted attempts, all wrong by today's key (0 %, failed);
 * then the key is fixed (a new version), so each attempt regrades to 100 % and passes. Ids sorted = batch order.
 */
async function tenWrongAttempts(): Promise<{ quizId: string; question: Question__Output; attemptIds: string[] }> {
  const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Which?', ['a', 'b'], 0)], {
    passing_score: 100,
    max_attempts: 0,
  });
  const [question] = questions;
  const attemptIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const who = i % 2 ? f.otherStudent : f.student;
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, who.auth);
    const result = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [wrongAnswerFor(question)] }, who.auth);
    expect(result).toMatchObject({ score: 0, passed: false });
    attemptIds.push(attempt.id);
  }
  const fixed = await f.quiz.UpdateQuestion(
    {
      course_id: courseId,
      quiz_id: quiz.id,
      question_id: question.id,
      fields: ['options'],
      question: { options: question.options.map((o) => ({ id: o.id, text: o.text, is_correct: !o.is_correct })) },
    },
    f.instructor.auth,
  );
  expect(fixed.version).toBe(2);
  return { quizId: quiz.id, question: fixed, attemptIds: attemptIds.sort() };
}

async function regradedScores(attemptIds: string[]): Promise<number[]> {
  return Promise.all(attemptIds.map(async (id) => Number((await attemptRow(f.db, id)).score)));
}

/** Delivery is at least once (a relay stopped mid-publish sends a row again, same event id): one per id. */
const distinct = <T extends { id: string }>(events: T[]): T[] => [...new Map(events.map((e) => [e.id, e])).values()];
const regradedEvents = (regradeId: string) => distinct(captured.matching('quiz.regraded', (d) => d.regrade_id === regradeId));
const passedEvents = (attemptIds: string[]) => distinct(captured.matching('quiz.passed', (d) => attemptIds.includes(d.attempt_id)));

/** The attempts of the quiz.regraded events the run wrote to the outbox (one row per event), sorted. */
const regradedInOutbox = async (regradeId: string) =>
  (await emitted(f.db, 'quiz.regraded')).filter((e) => e.data.regrade_id === regradeId).map((e) => e.data.attempt_id as string).sort();

const passedInOutbox = async (attemptIds: string[]) =>
  (await emitted(f.db, 'quiz.passed')).map((e) => e.data.attempt_id as string).filter((id) => attemptIds.includes(id)).sort();

/** Every regrade_requested event of the run handled (inbox rows of the quiz.regrades consumer). */
async function handledRequests(): Promise<number> {
  const [row] = await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'quiz.regrades'`, { type: QueryTypes.SELECT });
  return row.n;
}

it('a real run of 10 attempts in batches of 3: answered at once, done with its counts, every attempt regraded once', async () => {
  const { quizId, question, attemptIds } = await tenWrongAttempts();

  const dry = await f.quiz.Regrade({ quiz_id: quizId, dry_run: true, question_ids: [] }, f.instructor.auth);
  expect(dry).toMatchObject({ status: 'done', attempts_examined: 10, attempts_total: 10, batches_done: 4, truncated: false, question_ids: [question.id] });
  expect(dry.changes).toHaveLength(10);
  expect(await regradedScores(attemptIds)).toEqual(Array(10).fill(0));

  const requested = await f.quiz.Regrade({ quiz_id: quizId, dry_run: false, question_ids: [] }, f.instructor.auth);
  expect(requested).toMatchObject({ status: 'pending', attempts_total: 10, attempts_examined: 0, changes: [] });
  const run = await regradeFinished(f, quizId, requested.id, f.instructor);
  expect(run).toMatchObject({ status: 'done', attempts_total: 10, attempts_examined: 10, batches_done: 4, question_ids: [question.id], error: '' });
  expect(run.changes.map((c) => c.attempt_id).sort()).toEqual(attemptIds);
  expect(run.changes.every((c) => c.old_score === 0 && c.new_score === 1 && c.new_passed)).toBe(true);
  expect(await regradedScores(attemptIds)).toEqual(Array(10).fill(1));

  // Events per attempt from each batch's transaction: one quiz.regraded and one quiz.passed each.
  await eventually(async () => expect(regradedEvents(run.id)).toHaveLength(10), 15_000);
  await eventually(async () => expect(passedEvents(attemptIds)).toHaveLength(10), 15_000);
  // The run is done: the outbox holds every event its batches wrote, one quiz.regraded per attempt.
  expect(await regradedInOutbox(run.id)).toEqual(attemptIds);
  expect(await passedInOutbox(attemptIds)).toEqual(attemptIds);
  expect((await f.quiz.ListRegrades({ quiz_id: quizId }, f.instructor.auth)).items.find((r) => r.id === run.id)).toMatchObject({ status: 'done', attempts_examined: 10 });
});

it('a run interrupted by a stop resumes after the restart and finishes without double effects', async () => {
  // 3 s between batches: the stop lands between the first and the second batch.
  await f.restartQuiz({ REGRADE_BATCH_PAUSE_MS: '3000' });
  const { quizId, attemptIds } = await tenWrongAttempts();
  const requested = await f.quiz.Regrade({ quiz_id: quizId, dry_run: false, question_ids: [] }, f.instructor.auth);
  // One unfinished run per quiz.
  const busy = await expectGrpcError(f.quiz.Regrade({ quiz_id: quizId, dry_run: false, question_ids: [] }, f.admin.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.REGRADE_IN_PROGRESS');
  expect(busy.meta).toMatchObject({ regrade_id: requested.id });

  await eventually(async () => expect((await f.quiz.GetRegrade({ quiz_id: quizId, regrade_id: requested.id }, f.instructor.auth)).attempts_examined).toBe(3), 10_000);
  await f.stopQuiz();
  const [left] = await f.db.query<{ status: string; cursor: string; attempts_examined: number }>(`SELECT status, cursor, attempts_examined FROM regrade_runs WHERE id = :id`, {
    type: QueryTypes.SELECT,
    replacements: { id: requested.id },
  });
  expect(left).toEqual({ status: 'running', cursor: attemptIds[2], attempts_examined: 3 });
  expect(await regradedScores(attemptIds)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);

  // Back without the pause: the start-up resume and the delayed event of the first process both ask for the
  // batch after the cursor; one of them does it, the other finds the cursor moved and does nothing.
  await f.restartQuiz();
  const run = await regradeFinished(f, quizId, requested.id, f.instructor);
  expect(run).toMatchObject({ status: 'done', attempts_examined: 10, batches_done: 4 });
  expect(run.changes.map((c) => c.attempt_id).sort()).toEqual(attemptIds);
  expect(await regradedScores(attemptIds)).toEqual(Array(10).fill(1));
  // initial, after batch 1 (delayed, stale by then), the resume, after batches 2 and 3: five handled events.
  await eventually(async () => expect(await handledRequests()).toBeGreaterThanOrEqual(4 + 5), 15_000);
  await eventually(async () => expect(regradedEvents(run.id)).toHaveLength(10), 15_000);
  await eventually(async () => expect(passedEvents(attemptIds)).toHaveLength(10), 15_000);
  // The run is done: the outbox holds every event its batches wrote, one quiz.regraded per attempt.
  expect(await regradedInOutbox(run.id)).toEqual(attemptIds);
  expect(await passedInOutbox(attemptIds)).toEqual(attemptIds);
});

it('a run left running with a cursor and no event anywhere is picked up at start-up from its cursor', async () => {
  const { quizId, attemptIds } = await tenWrongAttempts();
  await f.stopQuiz();
  // What a crash after two committed batches leaves when the next batch's event is lost (e.g. parked).
  const [run] = await f.db.query<{ id: string }>(
    `INSERT INTO regrade_runs (id, quiz_id, requested_by, dry_run, status, attempts_total, attempts_examined, cursor, batches_done, created_at, updated_at)
     VALUES (gen_random_uuid(), :quizId, :by, false, 'running', 10, 6, :cursor, 2, now(), now()) RETURNING id`,
    { type: QueryTypes.SELECT, replacements: { quizId, by: f.instructor.userId, cursor: attemptIds[5] } },
  );
  await f.restartQuiz();
  const done = await regradeFinished(f, quizId, run.id, f.instructor);
  expect(done).toMatchObject({ status: 'done', attempts_total: 10, attempts_examined: 10, batches_done: 4 });
  // It went on from the cursor: the six attempts before it are left to the run that "did" them.
  expect(await regradedScores(attemptIds)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  expect(done.changes.map((c) => c.attempt_id).sort()).toEqual(attemptIds.slice(6));
  await eventually(async () => expect(regradedEvents(run.id)).toHaveLength(4), 15_000);
});

it('a dry run is synchronous and capped: beyond REGRADE_DRY_RUN_MAX_ATTEMPTS it says truncated', async () => {
  await f.restartQuiz({ REGRADE_DRY_RUN_MAX_ATTEMPTS: '4' });
  const { quizId, attemptIds } = await tenWrongAttempts();
  const dry = await f.quiz.Regrade({ quiz_id: quizId, dry_run: true, question_ids: [] }, f.instructor.auth);
  expect(dry).toMatchObject({ status: 'done', dry_run: true, attempts_examined: 4, attempts_total: 10, truncated: true, batches_done: 2 });
  expect(dry.changes.map((c) => c.attempt_id).sort()).toEqual(attemptIds.slice(0, 4));
  expect(await regradedScores(attemptIds)).toEqual(Array(10).fill(0));
});

it('a batch that fails for a reason other than the database marks the run failed, with nothing of that batch applied', async () => {
  await f.restartQuiz();
  const { quizId, attemptIds } = await tenWrongAttempts();
  // Corrupt data the grader cannot work around, in the second attempt of the first batch: its paper pins a
  // version that does not exist. The first attempt is regraded before it fails — and rolled back with it.
  await f.db.query(`UPDATE attempts SET paper = jsonb_set(paper, '{0,version}', '99') WHERE id = :id`, { replacements: { id: attemptIds[1] } });
  const requested = await f.quiz.Regrade({ quiz_id: quizId, dry_run: false, question_ids: [] }, f.instructor.auth);
  const run = await regradeFinished(f, quizId, requested.id, f.instructor);
  expect(run).toMatchObject({ status: 'failed', attempts_examined: 0, batches_done: 0, changes: [] });
  expect(run.error).toMatch(/question version .* is missing/);
  expect(run.finished_at).not.toBe('');
  expect(await regradedScores(attemptIds)).toEqual(Array(10).fill(0));
  // A failed run is finished: the quiz can be regraded again.
  const next = await f.quiz.Regrade({ quiz_id: quizId, dry_run: false, question_ids: [] }, f.instructor.auth);
  expect(next.status).toBe('pending');
  expect((await regradeFinished(f, quizId, next.id, f.instructor)).status).toBe('failed');
});

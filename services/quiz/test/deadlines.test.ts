import { QueryTypes } from 'sequelize';
import { eventPublisher } from '@lms/testing-fleet';
import {
  attemptRow,
  captureEvents,
  correctAnswerFor,
  createQuiz,
  enrol,
  enrolledClassroom,
  eventually,
  expectGrpcError,
  type Fleet,
  GrpcStatus,
  inSeconds,
  mc,
  quizLesson,
  sleep,
  type User,
} from './support';
import { deadlineEventsHandled as handled, emittedFor } from './outbox';

/**
 * Deadlines without cron: the attempt's own attempt.started comes back through RabbitMQ delay queues at
 * deadline + grace (SUBMIT_GRACE_SECONDS = 1 here) and closes the attempt once (so does a message under the
 * deprecated name quiz.attempt_started that an older process wrote) — also across a restart of the quiz service, and when a submit races it. Reads never close an
 * attempt: past its deadline it is shown `closing` until then. Deadlines come from `available_until` a few
 * seconds ahead.
 */
let f: Fleet;
let courseId: string;
let captured: Awaited<ReturnType<typeof captureEvents>>;

let classroom: Awaited<ReturnType<typeof enrolledClassroom>> | undefined;

beforeAll(async () => {
  classroom = await enrolledClassroom('deadlines');
  ({ f, captured, courseId } = classroom);
});

afterAll(() => classroom?.close());

const emitted = (type: string, attemptId: string) => emittedFor(f.db, type, attemptId);
const deadlineEventsHandled = (attemptId: string) => handled(f.db, attemptId);

async function closesIn(seconds: number, extra = {}) {
  return createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q1', ['a', 'b'], 0), mc('Q2', ['a', 'b'], 0)], {
    available_until: inSeconds(seconds),
    ...extra,
  });
}

describe('an attempt whose deadline passes', () => {
  it('is closed and graded without any client call, exactly once', async () => {
    const { quiz, questions } = await closesIn(3);
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect(attempt.deadline_at).toBe(quiz.available_until);
    await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: questions.map(correctAnswerFor) }, f.student.auth);

    const row = await eventually(async () => {
      const r = await attemptRow(f.db, attempt.id);
      if (r.status === 'in_progress') throw new Error('still in progress');
      return r;
    }, 15_000);
    expect(row).toMatchObject({ status: 'graded', auto_submitted: true, passed: true });
    expect(Number(row.score)).toBe(2);
    const deadline = new Date(attempt.deadline_at).getTime();
    expect((row.submitted_at as Date).getTime()).toBeGreaterThanOrEqual(deadline + 1000);
    // time taken stops at the deadline
    expect(row.time_spent_seconds).toBeLessThanOrEqual(Math.ceil((deadline - new Date(attempt.started_at).getTime()) / 1000));

    await captured.waitFor('quiz.passed', (d) => d.attempt_id === attempt.id);
    await deadlineEventsHandled(attempt.id);
    expect(await emitted('quiz.submitted', attempt.id)).toBe(1);
    expect(await emitted('quiz.graded', attempt.id)).toBe(1);
    const submitted = await captured.waitFor('quiz.submitted', (d) => d.attempt_id === attempt.id);
    expect(submitted.data).toMatchObject({ auto_submitted: true, status: 'graded' });

    const result = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: attempt.id }, f.student.auth);
    expect(result.attempt).toMatchObject({ status: 'graded', auto_submitted: true });
    await expectGrpcError(f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [] }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.ATTEMPT_CLOSED');
  });

  it('is closed exactly once when the quiz service is stopped before the deadline and restarted after it', async () => {
    const { quiz } = await closesIn(3);
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth);
    await f.stopQuiz();
    await sleep(Math.max(0, new Date(attempt.deadline_at).getTime() + 2500 - Date.now()));
    expect((await attemptRow(f.db, attempt.id)).status).toBe('in_progress');
    await f.restartQuiz();
    await eventually(async () => {
      const r = await attemptRow(f.db, attempt.id);
      expect(r).toMatchObject({ status: 'graded', auto_submitted: true });
    }, 15_000);
    await captured.waitFor('quiz.failed', (d) => d.attempt_id === attempt.id);
    await deadlineEventsHandled(attempt.id);
    expect(await emitted('quiz.submitted', attempt.id)).toBe(1);
    expect(await emitted('quiz.graded', attempt.id)).toBe(1);
  });
});

describe('a deadline message under the deprecated name quiz.attempt_started', () => {
  it('already queued by an older process, still closes the attempt at its deadline', async () => {
    const { quiz } = await closesIn(3);
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    // Only the old name's message may close this attempt: the new name's is recorded as handled in the
    // consumer's inbox long before it is due (deadline + 1 s of grace), as if consumed already.
    const [ours] = await f.db.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT id::text AS id, payload->'data' AS data FROM outbox WHERE type = 'attempt.started' AND payload->>'subject' = :attemptId`,
      { type: QueryTypes.SELECT, replacements: { attemptId: attempt.id } },
    );
    await f.db.query(`INSERT INTO inbox (consumer, event_id, event_type) VALUES ('quiz.attempt-deadlines', :id, 'attempt.started')`, {
      replacements: { id: ours.id },
    });
    // What a process of the compatibility period published alongside it: same payload and subject, its own id.
    const older = await eventPublisher(f.vhost.url);
    const legacy = older.event('quiz.attempt_started', attempt.id, ours.data);
    try {
      await older.publish(legacy);
    } finally {
      await older.close();
    }

    const row = await eventually(async () => {
      const r = await attemptRow(f.db, attempt.id);
      if (r.status === 'in_progress') throw new Error('still in progress');
      return r;
    }, 15_000);
    expect(row).toMatchObject({ status: 'graded', auto_submitted: true });
    expect((row.submitted_at as Date).getTime()).toBeGreaterThanOrEqual(new Date(attempt.deadline_at).getTime() + 1000);
    const handled = await f.db.query(`SELECT 1 FROM inbox WHERE consumer = 'quiz.attempt-deadlines' AND event_id = :id`, {
      type: QueryTypes.SELECT,
      replacements: { id: legacy.id },
    });
    expect(handled).toHaveLength(1);
    expect(await emitted('quiz.submitted', attempt.id)).toBe(1);
  });
});

describe('a submit racing the deadline', () => {
  it('exactly one of {the student, the deadline} closes each attempt', async () => {
    const students: User[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await f.newUser('student', `racer${i}`);
      await enrol(f, s, courseId);
      students.push(s);
    }
    const { quiz, questions } = await closesIn(3);
    const attempts = await Promise.all(students.map((s) => f.quiz.StartAttempt({ quiz_id: quiz.id }, s.auth)));
    const due = new Date(attempts[0].deadline_at).getTime() + f.config.SUBMIT_GRACE_SECONDS * 1000;
    const offsets = [-120, -40, 0, 40];
    const outcomes = await Promise.all(
      students.map(async (s, i) => {
        await sleep(Math.max(0, due + offsets[i] - Date.now()));
        try {
          await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempts[i].id, answers: [correctAnswerFor(questions[0])] }, s.auth);
          return 'student';
        } catch (err) {
          await expectGrpcError(Promise.reject(err), GrpcStatus.FAILED_PRECONDITION);
          return 'deadline';
        }
      }),
    );
    for (const [i, attempt] of attempts.entries()) {
      const row = await eventually(async () => {
        const r = await attemptRow(f.db, attempt.id);
        if (r.status === 'in_progress') throw new Error('still in progress');
        return r;
      });
      expect({ i, auto: row.auto_submitted }).toEqual({ i, auto: outcomes[i] === 'deadline' });
    }
    for (const attempt of attempts) {
      await deadlineEventsHandled(attempt.id);
      expect(await emitted('quiz.submitted', attempt.id)).toBe(1);
    }
  });
});

describe('after the deadline and its grace', () => {
  it('save, submit and start are refused or start anew, the attempt closed by the command that found it late', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)], { time_limit_minutes: 10 });
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect(attempt.time_remaining_seconds).toBeGreaterThan(590);
    await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth);
    const realClock = f.service.deps.clock;
    const late = () => new Date(Date.now() + 11 * 60_000); // the deadline message is still 10 minutes away
    f.service.deps.clock = late;
    try {
      await expectGrpcError(
        f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [] }, f.student.auth),
        GrpcStatus.FAILED_PRECONDITION,
        'QUIZ.ATTEMPT_DEADLINE_PASSED',
      );
      const row = await attemptRow(f.db, attempt.id);
      expect(row).toMatchObject({ status: 'graded', auto_submitted: true, passed: true, time_spent_seconds: 600 });
      await expectGrpcError(f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [] }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.ATTEMPT_CLOSED');

      // A second attempt found late by submit.
      f.service.deps.clock = realClock;
      const second = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      f.service.deps.clock = late;
      await expectGrpcError(
        f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: second.id, answers: [] }, f.student.auth),
        GrpcStatus.FAILED_PRECONDITION,
        'QUIZ.ATTEMPT_DEADLINE_PASSED',
      );
      expect(await attemptRow(f.db, second.id)).toMatchObject({ status: 'graded', auto_submitted: true });

      // A third one: GetAttemptPaper finds it late and only reads; StartAttempt closes it and starts the fourth.
      f.service.deps.clock = realClock;
      const third = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      f.service.deps.clock = late;
      await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NO_ATTEMPT_IN_PROGRESS');
      expect(await attemptRow(f.db, third.id)).toMatchObject({ status: 'in_progress' });
      const fourth = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      expect(fourth).toMatchObject({ resumed: false, attempt_number: 4 });
      expect(await attemptRow(f.db, third.id)).toMatchObject({ status: 'graded', auto_submitted: true });
    } finally {
      f.service.deps.clock = realClock;
    }
    expect(await emitted('quiz.submitted', attempt.id)).toBe(1);
  });
});

describe('reads past the deadline', () => {
  it('show the attempt closing and write nothing; the deadline consumer closes it', async () => {
    // The deadline is 8 s away in real time: the reads below run long before the deadline consumer can.
    const { quiz, questions } = await closesIn(8);
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth);
    await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: questions.map(correctAnswerFor) }, f.otherStudent.auth);
    const realClock = f.service.deps.clock;
    f.service.deps.clock = () => new Date(Date.now() + 60_000);
    try {
      await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.otherStudent.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NO_ATTEMPT_IN_PROGRESS');
      const result = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: attempt.id }, f.otherStudent.auth);
      expect(result).toMatchObject({ score: 0, percentage: 0, passed: false, answers_revealed: false, questions: [] });
      expect(result.attempt).toMatchObject({ status: 'closing', time_remaining_seconds: 0, submitted_at: '' });
      const mine = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, f.otherStudent.auth);
      expect(mine.items.map((a) => [a.id, a.status, a.score])).toEqual([[attempt.id, 'closing', 0]]);
      expect(mine).toMatchObject({ attempts_used: 1, passed: false });
      const listed = await f.quiz.ListAttempts({ quiz_id: quiz.id, page: 0, page_size: 0, status: '', student_id: f.otherStudent.userId }, f.instructor.auth);
      expect(listed.items.map((a) => a.status)).toEqual(['closing']);

      // Nothing was written by the reads: the row is still in progress, no quiz.submitted exists.
      expect(await attemptRow(f.db, attempt.id)).toMatchObject({ status: 'in_progress', submitted_at: null });
      expect(await emitted('quiz.submitted', attempt.id)).toBe(0);
    } finally {
      f.service.deps.clock = realClock;
    }

    // The deadline consumer closes and grades it, once.
    await eventually(async () => expect(await attemptRow(f.db, attempt.id)).toMatchObject({ status: 'graded', auto_submitted: true, passed: true }), 20_000);
    await deadlineEventsHandled(attempt.id);
    expect(await emitted('quiz.submitted', attempt.id)).toBe(1);
    const after = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, f.otherStudent.auth);
    expect(after).toMatchObject({ passed: true, kept_score: 2 });
    expect(after.items[0].status).toBe('graded');
  });
});

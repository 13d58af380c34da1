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

/**
 * Deadlines without cron: the attempt's own quiz.attempt_started comes back through RabbitMQ delay queues at
 * deadline + grace (SUBMIT_GRACE_SECONDS = 1 here) and closes the attempt once — also across a restart of the
 * quiz service, and when a submit races it. Deadlines come from `available_until` a few seconds ahead.
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
    await sleep(1500);
    const submitted = captured.matching('quiz.submitted', (d) => d.attempt_id === attempt.id);
    expect(submitted).toHaveLength(1);
    expect(submitted[0].data).toMatchObject({ auto_submitted: true, status: 'graded' });
    expect(captured.matching('quiz.graded', (d) => d.attempt_id === attempt.id)).toHaveLength(1);

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
    await sleep(1500);
    expect(captured.matching('quiz.submitted', (d) => d.attempt_id === attempt.id)).toHaveLength(1);
    expect(captured.matching('quiz.graded', (d) => d.attempt_id === attempt.id)).toHaveLength(1);
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
    await sleep(2000);
    for (const attempt of attempts) expect(captured.matching('quiz.submitted', (d) => d.attempt_id === attempt.id)).toHaveLength(1);
  });
});

describe('after the deadline and its grace', () => {
  it('save and submit are refused, the attempt is closed by the call that found it late', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)], { time_limit_minutes: 10 });
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect(attempt.time_remaining_seconds).toBeGreaterThan(590);
    await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth);
    const realClock = f.service.deps.clock;
    f.service.deps.clock = () => new Date(Date.now() + 11 * 60_000); // the deadline message is still 10 minutes away
    try {
      await expectGrpcError(
        f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [] }, f.student.auth),
        GrpcStatus.FAILED_PRECONDITION,
        'QUIZ.ATTEMPT_DEADLINE_PASSED',
      );
      const row = await attemptRow(f.db, attempt.id);
      expect(row).toMatchObject({ status: 'graded', auto_submitted: true, passed: true, time_spent_seconds: 600 });
      await expectGrpcError(f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [] }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.ATTEMPT_CLOSED');

      // A second attempt found late by submit, then one found late by GetAttemptPaper and by StartAttempt.
      f.service.deps.clock = realClock;
      const second = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      f.service.deps.clock = () => new Date(Date.now() + 11 * 60_000);
      await expectGrpcError(
        f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: second.id, answers: [] }, f.student.auth),
        GrpcStatus.FAILED_PRECONDITION,
        'QUIZ.ATTEMPT_DEADLINE_PASSED',
      );
      expect(await attemptRow(f.db, second.id)).toMatchObject({ status: 'graded', auto_submitted: true });

      f.service.deps.clock = realClock;
      const third = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      f.service.deps.clock = () => new Date(Date.now() + 11 * 60_000);
      await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND);
      expect(await attemptRow(f.db, third.id)).toMatchObject({ status: 'graded', auto_submitted: true });

      f.service.deps.clock = realClock;
      const fourth = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      f.service.deps.clock = () => new Date(Date.now() + 11 * 60_000);
      const fifth = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      expect(fifth).toMatchObject({ resumed: false, attempt_number: 5 });
      expect(await attemptRow(f.db, fourth.id)).toMatchObject({ status: 'graded', auto_submitted: true });
    } finally {
      f.service.deps.clock = realClock;
    }
    await sleep(500);
    for (const id of [attempt.id]) expect(captured.matching('quiz.submitted', (d) => d.attempt_id === id)).toHaveLength(1);
  });
});

import { lockWaiters } from '@lms/kit/testing';
import { QueryTypes } from 'sequelize';
import {
  captureEvents,
  correctAnswerFor,
  createQuiz,
  enrolledClassroom,
  essay,
  eventually,
  expectGrpcError,
  type Fleet,
  GrpcStatus,
  inSeconds,
  ma,
  matching,
  mc,
  numeric,
  ordering,
  quizLesson,
  short,
  tf,
  wrongAnswerFor,
} from './support';
import { emittedFor } from './outbox';
import { submitAttempt } from '../src/app/commands/submit-attempt';

/**
 * The attempt lifecycle over gRPC against the real fleet: start → paper → save → submit → results, resume,
 * single-effect submits, max attempts, scoring policies, availability, show_correct_answers, enrolment and
 * attempt ownership, pools and shuffles — and no answer key in any student-facing response before it is allowed.
 */
let f: Fleet;
let courseId: string;
let captured: Awaited<ReturnType<typeof captureEvents>>;

const EXPLAIN = 'EXPLANATION-SECRET';
const ACCEPTED = 'Accepted-Secret-Answer';
const NUMERIC_KEY = 1234.5678;

let classroom: Awaited<ReturnType<typeof enrolledClassroom>> | undefined;

beforeAll(async () => {
  classroom = await enrolledClassroom('attempts');
  ({ f, captured, courseId } = classroom);
});

afterAll(() => classroom?.close());

/** Serialised responses that must not carry the key: no correct flag, explanation, accepted answer or numeric key. */
function expectNoKey(label: string, response: unknown, opts: { results?: boolean } = {}) {
  const json = JSON.stringify(response);
  if (!opts.results) expect({ label, leak: /"is_correct":true/.test(json) }).toEqual({ label, leak: false });
  for (const secret of [EXPLAIN, ACCEPTED, String(NUMERIC_KEY)]) expect({ label, leak: json.includes(secret) }).toEqual({ label, leak: false });
  if (opts.results) {
    for (const q of (response as { questions: { correct_answer: unknown; explanation: string; answers_revealed: boolean; accepted_answers: string[] }[] }).questions) {
      expect(q.answers_revealed).toBe(false);
      expect(q.correct_answer).toBeNull();
      expect(q.explanation).toBe('');
      expect(q.accepted_answers).toEqual([]);
    }
  }
}

const everyType = () => [
  mc('Capital of France?', ['Paris', 'Lyon', 'Nice'], 0, { explanation: `${EXPLAIN} mc` }),
  ma('Primes?', [['2', true], ['3', true], ['4', false], ['6', false]], { explanation: `${EXPLAIN} ma` }),
  tf('The sky is blue', true, { explanation: `${EXPLAIN} tf` }),
  short('Largest planet?', [ACCEPTED, 'jupiter'], { explanation: `${EXPLAIN} short` }),
  numeric('The key number?', NUMERIC_KEY, 0.001, { explanation: `${EXPLAIN} numeric` }),
  matching('Match', [['H', 'Hydrogen'], ['O', 'Oxygen'], ['C', 'Carbon']], { explanation: `${EXPLAIN} matching` }),
  ordering('Order', ['one', 'two', 'three', 'four'], { explanation: `${EXPLAIN} ordering` }),
];

describe('the lifecycle', () => {
  it('start → paper (no key) → resume → save many times → submit → results; every student response is checked', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, everyType(), { show_correct_answers: 'never', time_limit_minutes: 30 });
    const s = f.student.auth;

    const quizForStudent = await f.quiz.GetQuiz({ course_id: courseId, quiz_id: quiz.id }, s);
    expectNoKey('GetQuiz', quizForStudent);
    expect(quizForStudent.pools).toEqual([]);
    expect(quizForStudent.question_count).toBe(0);
    expect(quizForStudent.total_questions).toBe(7);
    expect(quizForStudent.is_open).toBe(true);
    const list = await f.quiz.ListQuizzes({ course_id: courseId, lesson_id: '' }, s);
    expect(list.items.map((q) => q.id)).toContain(quiz.id);
    expectNoKey('ListQuizzes', list);

    const started = await f.quiz.StartAttempt({ quiz_id: quiz.id }, s);
    expectNoKey('StartAttempt', started);
    expect(started).toMatchObject({ status: 'in_progress', attempt_number: 1, resumed: false, total_questions: 7, max_score: 10 });
    expect(started.deadline_at).not.toBe('');
    expect(started.time_remaining_seconds).toBeGreaterThan(29 * 60);

    const resumed = await f.quiz.StartAttempt({ quiz_id: quiz.id }, s);
    expectNoKey('StartAttempt (resumed)', resumed);
    expect(resumed).toMatchObject({ id: started.id, resumed: true });

    const paper = await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, s);
    expectNoKey('GetAttemptPaper', paper);
    expect(paper.attempt!.id).toBe(started.id);
    expect(paper.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const ordering = paper.questions.find((q) => q.question_type === 'ordering')!;
    expect(ordering.items.map((i) => i.text)).not.toEqual(['one', 'two', 'three', 'four']);
    const matchingQ = paper.questions.find((q) => q.question_type === 'matching')!;
    expect(matchingQ.prompts.map((p) => p.text)).toEqual(['H', 'O', 'C']);
    expect(matchingQ.matches).toHaveLength(3);

    // Save many times: wrong first, then right; an empty answer clears a saved one.
    const right = questions.map(correctAnswerFor);
    // Right, but not spelled like the key, so an echo of the student's own answers cannot look like a leak.
    right[3] = { question_id: questions[3].id, answer_text: '  JUPITER ' };
    right[4] = { question_id: questions[4].id, answer_text: '1234.5679' };
    const wrong = questions.map(wrongAnswerFor);
    let saved = await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: started.id, answers: wrong }, s);
    expectNoKey('SaveAnswers', saved);
    expect(saved.answers).toHaveLength(7);
    saved = await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: started.id, answers: right.slice(0, 4) }, s);
    saved = await f.quiz.SaveAnswers({ quiz_id: '', attempt_id: started.id, answers: [{ question_id: questions[6].id }] }, s);
    expectNoKey('SaveAnswers', saved);
    expect(saved.answers).toHaveLength(6);
    expect(saved.last_saved_at).not.toBe('');
    const paperAgain = await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, s);
    expectNoKey('GetAttemptPaper', paperAgain);
    expect(paperAgain.attempt!.answers.find((a) => a.question_id === questions[0].id)!.selected_option_ids).toEqual(right[0].selected_option_ids);
    expect(paperAgain.questions.map((q) => q.id)).toEqual(paper.questions.map((q) => q.id));

    const inProgress = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: started.id }, s);
    expectNoKey('GetAttempt (in progress)', inProgress, { results: true });
    expect(inProgress.questions).toEqual([]);
    const mine = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, s);
    expectNoKey('ListMyAttempts', mine);

    // Submit with the last answers merged: mc, ma, tf, short (5 points) + numeric, matching (3) right; ordering unanswered.
    const result = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: started.id, answers: [right[4], right[5]] }, s);
    expectNoKey('SubmitAttempt', result, { results: true });
    expect(result.attempt!.status).toBe('graded');
    expect(result.score).toBe(8);
    expect(result.max_score).toBe(10);
    expect(result.percentage).toBe(80);
    expect(result.passed).toBe(true);
    expect(result.passing_score).toBe(70);
    expect(result.time_spent_seconds).toBeGreaterThanOrEqual(0);
    expect(result.answers_revealed).toBe(false);
    expect(result.questions).toHaveLength(7);
    const byType = Object.fromEntries(result.questions.map((q) => [q.question_type, q]));
    expect(byType.multiple_choice).toMatchObject({ correctness: 'correct', points_earned: 1, is_correct: true });
    expect(byType.ordering).toMatchObject({ correctness: 'unanswered', points_earned: 0 });
    expect(byType.multiple_choice.options.map((o) => o.text).sort()).toEqual(['Lyon', 'Nice', 'Paris']);
    expect(byType.multiple_choice.answer!.selected_option_ids).toEqual(right[0].selected_option_ids);

    const after = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: started.id }, s);
    expectNoKey('GetAttempt', after, { results: true });
    const myAfter = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, s);
    expectNoKey('ListMyAttempts', myAfter);
    expect(myAfter).toMatchObject({ attempts_used: 1, attempts_remaining: -1, passed: true, kept_score: 8, scoring_policy: 'highest' });

    // The owner sees the key.
    const ownerView = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: started.id }, f.instructor.auth);
    expect(ownerView.answers_revealed).toBe(true);
    const ownerShort = ownerView.questions.find((q) => q.question_type === 'short_answer')!;
    expect(ownerShort.accepted_answers).toEqual([ACCEPTED, 'jupiter']);
    expect(ownerShort.explanation).toContain(EXPLAIN);

    await captured.waitFor('quiz.passed', (d) => d.attempt_id === started.id);
    expect(await emittedFor(f.db, 'attempt.started', started.id)).toBe(1);
    expect(await emittedFor(f.db, 'quiz.attempt_started', started.id)).toBe(0); // the deprecated twin: no longer published
    expect(captured.matching('quiz.submitted', (d) => d.attempt_id === started.id)[0].data).toMatchObject({
      auto_submitted: false,
      status: 'graded',
      attempt_number: 1,
      lesson_id: lesson.lessonId,
      course_id: courseId,
      student_id: f.student.userId,
    });
    expect((await captured.waitFor('quiz.graded', (d) => d.attempt_id === started.id)).data).toMatchObject({ score: 8, max_score: 10, percentage: 80, passed: true, graded_by: 'auto' });
  });

  it('answers are checked against the attempt: unknown question, unknown option, two options on a single choice', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [mc('Q', ['a', 'b'], 0)]);
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const save = (answers: object[]) => f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers }, f.student.auth);
    await expectGrpcError(save([{ question_id: '00000000-0000-4000-8000-000000000000', selected_option_ids: [questions[0].options[0].id] }]), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(save([{ question_id: questions[0].id, selected_option_ids: ['nope'] }]), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(save([{ question_id: questions[0].id, selected_option_ids: questions[0].options.map((o) => o.id) }]), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(
      save([
        { question_id: questions[0].id, selected_option_ids: [questions[0].options[0].id] },
        { question_id: questions[0].id, selected_option_ids: [questions[0].options[1].id] },
      ]),
      GrpcStatus.INVALID_ARGUMENT,
    );
  });
});

describe('submitting once', () => {
  it('a second submit and two concurrent submits have one effect', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [mc('Q', ['a', 'b'], 0)], { max_attempts: 3 });
    const s = f.student.auth;

    const first = await f.quiz.StartAttempt({ quiz_id: quiz.id }, s);
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.id, answers: [correctAnswerFor(questions[0])] }, s);
    await expectGrpcError(f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.id, answers: [] }, s), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.ATTEMPT_CLOSED');
    await expectGrpcError(
      f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: first.id, answers: [correctAnswerFor(questions[0])] }, s),
      GrpcStatus.FAILED_PRECONDITION,
      'QUIZ.ATTEMPT_CLOSED',
    );

    const second = await f.quiz.StartAttempt({ quiz_id: quiz.id }, s);
    expect(second.attempt_number).toBe(2);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 2 }, () => f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: second.id, answers: [wrongAnswerFor(questions[0])] }, s)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    await expectGrpcError(Promise.reject(failed[0].reason), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.ATTEMPT_CLOSED');

    // Every close above has committed (no deadline on this quiz): the outbox holds all that was emitted.
    expect(await emittedFor(f.db, 'quiz.submitted', first.id)).toBe(1);
    expect(await emittedFor(f.db, 'quiz.submitted', second.id)).toBe(1);
    expect(await emittedFor(f.db, 'quiz.graded', second.id)).toBe(1);
    expect((await captured.waitFor('quiz.failed', (d) => d.attempt_id === second.id)).data).toMatchObject({ attempts_remaining: 1, score_percent: 0 });
  });

  it('concurrent starts of one student make one attempt; the others resume it', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [mc('Q', ['a', 'b'], 0)]);
    const starts = await Promise.all(Array.from({ length: 6 }, () => f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth)));
    expect(new Set(starts.map((a) => a.id)).size).toBe(1);
    expect(starts.filter((a) => !a.resumed)).toHaveLength(1);
    expect(starts.map((a) => a.attempt_number)).toEqual(Array(6).fill(1));
    expect(await emittedFor(f.db, 'attempt.started', starts[0].id)).toBe(1);
  });

  it('a submit whose attempt changed after it was read (unlocked) grades the attempt as it is at the write', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [mc('Q1', ['a', 'b'], 0), mc('Q2', ['a', 'b'], 0)]);
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth);
    // The submit's read before its unit of work (as SubmitAttempt makes it), answering Q1 only…
    const seen = (await f.service.deps.units.read.attempts.findWithQuiz(attempt.id))!;
    const sent = new Map([[questions[0].id, { selectedOptionIds: [questions[0].options[0].id] }]]);
    // …then a save of Q2 commits before the submit's write.
    await f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [correctAnswerFor(questions[1])] }, f.otherStudent.auth);
    const input = { studentId: f.otherStudent.userId, quiz: seen.quiz, attemptId: attempt.id, sent, seen: { attempt: seen.attempt, version: seen.version } };
    const outcome = await f.service.deps.units.run((uow) => submitAttempt(uow, f.service.deps, input));
    // The stale read is not written over the save: both answers count.
    expect(outcome).toMatchObject({ ok: { attempt: { status: 'graded', score: 2 } } });
    expect(await emittedFor(f.db, 'quiz.submitted', attempt.id)).toBe(1);
  });

  it('max_attempts: the next start is refused once they are used up', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [mc('Q', ['a', 'b'], 0)], { max_attempts: 2 });
    for (let i = 0; i < 2; i++) {
      const a = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
      await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a.id, answers: [] }, f.student.auth);
    }
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.MAX_ATTEMPTS_REACHED');
    const mine = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, f.student.auth);
    expect(mine).toMatchObject({ attempts_used: 2, attempts_remaining: 0 });
    // Another student has their own attempts.
    await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth);
  });
});

describe('scoring policies', () => {
  it('highest, latest, first and average over graded attempts', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [mc('Q1', ['a', 'b'], 0), mc('Q2', ['a', 'b'], 0), mc('Q3', ['a', 'b'], 0)]);
    const s = f.student.auth;
    // attempt 1: 1/3, attempt 2: 3/3, attempt 3: 2/3
    for (const rightCount of [1, 3, 2]) {
      const a = await f.quiz.StartAttempt({ quiz_id: quiz.id }, s);
      const answers = questions.map((q, i) => (i < rightCount ? correctAnswerFor(q) : wrongAnswerFor(q)));
      await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a.id, answers }, s);
    }
    const expected: Record<string, [number, number, boolean]> = {
      highest: [3, 100, true],
      latest: [2, 66.67, false],
      first: [1, 33.33, false],
      average: [2, 66.67, false],
    };
    for (const [policy, [score, percentage, passed]] of Object.entries(expected)) {
      await f.quiz.UpdateQuiz({ course_id: courseId, quiz_id: quiz.id, fields: ['scoring_policy'], scoring_policy: policy }, f.instructor.auth);
      const mine = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, s);
      expect({ policy, score: mine.kept_score, percentage: mine.kept_percentage, passed: mine.passed }).toEqual({ policy, score, percentage, passed });
      expect(mine.scoring_policy).toBe(policy);
      expect(mine.items.map((i) => i.attempt_number)).toEqual([1, 2, 3]);
    }
  });
});

describe('availability window', () => {
  it('not yet open, and closed', async () => {
    const early = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)], { available_from: inSeconds(3600) });
    expect(early.quiz.is_open).toBe(false);
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: early.quiz.id }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.NOT_OPEN');
    const late = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)], {
      available_from: inSeconds(-7200),
      available_until: inSeconds(-3600),
    });
    expect(late.quiz.is_open).toBe(false);
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: late.quiz.id }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.NOT_OPEN');
    // An unpublished quiz does not exist for students.
    const draft = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)], {}, false);
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: draft.quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.GetQuiz({ course_id: courseId, quiz_id: draft.quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND);
  });
});

describe('show_correct_answers', () => {
  const revealedOf = async (quizId: string, attemptId: string) =>
    (await f.quiz.GetAttempt({ quiz_id: quizId, attempt_id: attemptId }, f.student.auth)).answers_revealed;

  it('after_submit reveals the key and explanation once submitted', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [short('Q', [ACCEPTED], { explanation: EXPLAIN })], {
      show_correct_answers: 'after_submit',
    });
    const a = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const result = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a.id, answers: [wrongAnswerFor(questions[0])] }, f.student.auth);
    expect(result.answers_revealed).toBe(true);
    expect(result.questions[0]).toMatchObject({ explanation: EXPLAIN, accepted_answers: [ACCEPTED], correctness: 'incorrect' });
    expect(result.questions[0].correct_answer!.answer_text).toBe(ACCEPTED);
  });

  it('after_pass: not after a fail, then on every attempt once passed', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0, { explanation: EXPLAIN })], {
      show_correct_answers: 'after_pass',
    });
    const first = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const failed = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.id, answers: [wrongAnswerFor(questions[0])] }, f.student.auth);
    expectNoKey('after_pass failed', failed, { results: true });
    const second = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const passed = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: second.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth);
    expect(passed.answers_revealed).toBe(true);
    expect(await revealedOf(quiz.id, first.id)).toBe(true);
  });

  it('after_last_attempt: only when none is left', async () => {
    const { quiz } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0, { explanation: EXPLAIN })], {
      show_correct_answers: 'after_last_attempt',
      max_attempts: 2,
    });
    const first = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expectNoKey('after_last_attempt 1', await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.id, answers: [] }, f.student.auth), { results: true });
    const second = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect(await revealedOf(quiz.id, first.id)).toBe(false);
    const last = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: second.id, answers: [] }, f.student.auth);
    expect(last.answers_revealed).toBe(true);
    expect(await revealedOf(quiz.id, first.id)).toBe(true);
  });

  it('never: not even after the last attempt', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0, { explanation: EXPLAIN })], {
      show_correct_answers: 'never',
      max_attempts: 1,
    });
    const a = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expectNoKey('never', await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth), { results: true });
    expectNoKey('never', await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: a.id }, f.student.auth), { results: true });
  });
});

describe('who may take and read attempts', () => {
  it('no enrolment, no attempt; other roles do not take quizzes', async () => {
    const { quiz } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)]);
    const outsider = await f.newUser('student', 'outsider');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    await expectGrpcError(f.quiz.GetQuiz({ course_id: courseId, quiz_id: quiz.id }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    await expectGrpcError(f.quiz.ListQuizzes({ course_id: courseId, lesson_id: '' }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.instructor.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.STUDENTS_ONLY');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, { authorization: '' }), GrpcStatus.UNAUTHENTICATED);
  });

  it('a quiz unpublished after this process cached it published: NOT_FOUND for a student who is not enrolled, as for one who is', async () => {
    const { quiz } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)]);
    await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth); // the placement is cached from here on
    await f.quiz.UnpublishQuiz({ course_id: courseId, quiz_id: quiz.id }, f.instructor.auth);
    const outsider = await f.newUser('student', 'unpublished-outsider');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, outsider.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NOT_FOUND');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NOT_FOUND');
  });

  it('paper and submit ask IsEnrolled while their first read runs, not after it (start asks before its transaction)', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)]);
    const first = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth); // the quiz's course is cached from here on
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.id, answers: [] }, f.student.auth);
    // Both databases locked: the quiz's statement and enrollment's IsEnrolled statement can only be seen waiting at
    // the same time if the call left before the statement's answer (sequentially, enrollment is never reached).
    const overlapped = async <T>(call: () => Promise<T>): Promise<T> => {
      const quizTx = await f.db.transaction();
      const enrolTx = await f.enrollmentDb.transaction();
      let pending!: Promise<T>;
      try {
        await f.db.query('LOCK TABLE quizzes IN ACCESS EXCLUSIVE MODE', { transaction: quizTx });
        await f.enrollmentDb.query('LOCK TABLE enrollments IN ACCESS EXCLUSIVE MODE', { transaction: enrolTx });
        pending = call();
        pending.catch(() => undefined); // awaited below
        // IsEnrolled's read in enrollment, not a consumer's write.
        await eventually(
          async () => expect({ quiz: (await lockWaiters(f.db, '%quizzes q%')) > 0, enrollment: (await lockWaiters(f.enrollmentDb, 'SELECT e.%')) > 0 }).toEqual({ quiz: true, enrollment: true }),
          15_000,
        );
      } finally {
        await enrolTx.commit();
        await quizTx.commit();
      }
      return pending;
    };
    const started = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect(started.attempt_number).toBe(2);
    expect((await overlapped(() => f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth))).attempt!.id).toBe(started.id);
    const result = await overlapped(() => f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: started.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth));
    expect(result.attempt).toMatchObject({ id: started.id, status: 'graded' });
    // The answer still decides: a student who is not enrolled is refused, the quiz's statement having run or not.
    const outsider = await f.newUser('student', 'ahead-outsider');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    await expectGrpcError(f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: started.id, answers: [] }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    expect(await f.db.query("SELECT count(*)::int AS n FROM attempts WHERE student_id = :id", { type: QueryTypes.SELECT, replacements: { id: outsider.userId } })).toEqual([{ n: 0 }]);
  });

  it('the paper (quiz and attempt in one read): each refusal as before, in the same order', async () => {
    const { quiz } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)]);
    const ref = { course_id: courseId, quiz_id: quiz.id };
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: 'not-a-uuid' }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.instructor.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.STUDENTS_ONLY');
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: '00000000-0000-4000-8000-000000000000' }, f.student.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NO_ATTEMPT_IN_PROGRESS');
    const started = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect((await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth)).attempt!.id).toBe(started.id);
    // Not enrolled: refused before anything about attempts (even with another student's attempt in progress).
    const outsider = await f.newUser('student', 'paper-outsider');
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, outsider.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');
    // Unpublished with an attempt in progress: the quiz does not exist for students.
    await f.quiz.UnpublishQuiz(ref, f.instructor.auth);
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NOT_FOUND');
  });

  it("another student's attempt cannot be read, saved or submitted", async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0)]);
    const mine = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const other = f.otherStudent.auth;
    await expectGrpcError(f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: mine.id }, other), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.SaveAnswers({ quiz_id: quiz.id, attempt_id: mine.id, answers: [correctAnswerFor(questions[0])] }, other), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.SaveAnswers({ quiz_id: '', attempt_id: mine.id, answers: [] }, other), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: mine.id, answers: [] }, other), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, other), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: mine.id }, f.otherInstructor.auth), GrpcStatus.NOT_FOUND);
    // The attempt is untouched; the owner instructor and an admin can read it.
    expect((await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: mine.id }, f.instructor.auth)).attempt!.status).toBe('in_progress');
    expect((await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: mine.id }, f.admin.auth)).attempt!.answers).toEqual([]);
    const page = await f.quiz.ListAttempts({ quiz_id: quiz.id, page: 1, page_size: 10, status: 'in_progress', student_id: '' }, f.instructor.auth);
    expect(page.items.map((i) => i.id)).toEqual([mine.id]);
    await expectGrpcError(f.quiz.ListAttempts({ quiz_id: quiz.id, page: 1, page_size: 10, status: '', student_id: '' }, f.student.auth), GrpcStatus.PERMISSION_DENIED);
  });
});

describe('pools and shuffles', () => {
  it('the pool draw and the order are fixed per attempt; shuffles are applied', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(
      f,
      f.instructor,
      lesson,
      [mc('Fixed 1', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 0), tf('Fixed 2', true)],
      { shuffle_questions: true, shuffle_options: true },
      false,
    );
    const pool = await f.quiz.CreatePool({ course_id: courseId, quiz_id: quiz.id, title: 'Pool', draw_count: 2 }, f.instructor.auth);
    const pooled: string[] = [];
    for (let i = 0; i < 5; i++) {
      pooled.push((await f.quiz.CreateQuestion({ course_id: courseId, quiz_id: quiz.id, question: tf(`Pooled ${i}`, true, { pool_id: pool.id }) }, f.instructor.auth)).id);
    }
    const published = await f.quiz.PublishQuiz({ course_id: courseId, quiz_id: quiz.id }, f.instructor.auth);
    expect(published.total_questions).toBe(4);
    expect(published.total_points).toBe(4);
    expect(published.pools[0]).toMatchObject({ draw_count: 2, question_count: 5 });

    const papers = [];
    for (const student of [f.student, f.otherStudent]) {
      await f.quiz.StartAttempt({ quiz_id: quiz.id }, student.auth);
      const paper = await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, student.auth);
      expect(paper.questions).toHaveLength(4);
      expect(paper.questions.filter((q) => pooled.includes(q.id))).toHaveLength(2);
      expect(paper.questions.filter((q) => q.id === questions[0].id || q.id === questions[1].id)).toHaveLength(2);
      expect(await f.quiz.StartAttempt({ quiz_id: quiz.id }, student.auth)).toMatchObject({ resumed: true });
      const again = await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, student.auth);
      expect(again.questions).toEqual(paper.questions);
      papers.push(paper);
    }
    const defined = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const shown = papers.map((p) => p.questions.find((q) => q.id === questions[0].id)!.options.map((o) => o.text));
    expect(shown.some((order) => order.join() !== defined.join())).toBe(true);
    for (const order of shown) expect([...order].sort()).toEqual(defined);
  });
});

describe('essays wait for review', () => {
  it('an answered essay makes the attempt pending_review; unanswered essays do not', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Q', ['a', 'b'], 0), essay('Write')]);
    const a = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const r = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a.id, answers: questions.map(correctAnswerFor) }, f.student.auth);
    expect(r.attempt!.status).toBe('pending_review');
    expect(r.passed).toBe(false);
    expect(r.score).toBe(1);
    expect(r.questions.find((q) => q.question_type === 'essay')!.correctness).toBe('pending_review');
    const b = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const r2 = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: b.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth);
    expect(r2.attempt!.status).toBe('graded');
  });
});

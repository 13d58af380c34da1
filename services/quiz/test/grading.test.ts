import {
  attemptRow,
  captureEvents,
  correctAnswerFor,
  createQuiz,
  enrolledClassroom,
  essay,
  expectGrpcError,
  type Fleet,
  GrpcStatus,
  mc,
  quizLesson,
  regradeFinished,
  wrongAnswerFor,
} from './support';
import { emitted, emittedFor } from './outbox';

/** Manual grading of essays (pending_review → graded, final) and regrading after an answer key changes. */
let f: Fleet;
let courseId: string;
let captured: Awaited<ReturnType<typeof captureEvents>>;

let classroom: Awaited<ReturnType<typeof enrolledClassroom>> | undefined;

beforeAll(async () => {
  classroom = await enrolledClassroom('grading');
  ({ f, captured, courseId } = classroom);
});

afterAll(() => classroom?.close());

describe('manual grading of essays', () => {
  it('pending_review until every answered essay is graded, then final', async () => {
    const { quiz, questions } = await createQuiz(
      f,
      f.instructor,
      await quizLesson(f, f.instructor, courseId),
      [mc('MC', ['a', 'b'], 0), essay('Essay one'), essay('Essay two')],
      { passing_score: 50 },
    );
    const [q1, e1, e2] = questions;
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    await expectGrpcError(
      f.quiz.GradeAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, grades: [{ question_id: e1.id, points: 1 }] }, f.instructor.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'QUIZ.ATTEMPT_IN_PROGRESS',
    );
    const submitted = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: questions.map(correctAnswerFor) }, f.student.auth);
    expect(submitted).toMatchObject({ score: 1, max_score: 11, passed: false });
    expect(submitted.attempt!.status).toBe('pending_review');
    const pending = await f.quiz.ListAttempts({ quiz_id: quiz.id, page: 1, page_size: 20, status: 'pending_review', student_id: '' }, f.instructor.auth);
    expect(pending.items.map((i) => i.id)).toEqual([attempt.id]);

    const grade = (grades: { question_id: string; points: number; feedback?: string }[], who = f.instructor) =>
      f.quiz.GradeAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, grades }, who.auth);
    await expectGrpcError(grade([{ question_id: q1.id, points: 1 }]), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(grade([{ question_id: e1.id, points: 6 }]), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(grade([{ question_id: e1.id, points: -1 }]), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(grade([{ question_id: e1.id, points: 3 }], f.otherInstructor), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(grade([{ question_id: e1.id, points: 3 }], f.student), GrpcStatus.PERMISSION_DENIED);

    const partial = await grade([{ question_id: e1.id, points: 4, feedback: 'Good argument' }]);
    expect(partial.attempt!.status).toBe('pending_review');
    expect(partial.score).toBe(5);
    expect(captured.matching('quiz.graded', (d) => d.attempt_id === attempt.id)).toHaveLength(0);

    const final = await grade([{ question_id: e2.id, points: 2.5, feedback: 'Too short' }], f.admin);
    expect(final.attempt!.status).toBe('graded');
    expect(final).toMatchObject({ score: 7.5, max_score: 11, passed: true });
    expect(final.percentage).toBeCloseTo(68.18, 2);
    const graded = await captured.waitFor('quiz.graded', (d) => d.attempt_id === attempt.id);
    expect(graded.data).toMatchObject({ graded_by: f.admin.userId, score: 7.5, passed: true });
    await captured.waitFor('quiz.passed', (d) => d.attempt_id === attempt.id);

    await expectGrpcError(grade([{ question_id: e2.id, points: 5 }]), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.ATTEMPT_FINAL');
    const seen = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: attempt.id }, f.student.auth);
    const e1Result = seen.questions.find((q) => q.question_id === e1.id)!;
    expect(e1Result).toMatchObject({ points_earned: 4, feedback: 'Good argument', correctness: 'partial' });
    expect(seen.questions.find((q) => q.question_id === e2.id)).toMatchObject({ points_earned: 2.5, feedback: 'Too short' });
    const mine = await f.quiz.ListMyAttempts({ quiz_id: quiz.id }, f.student.auth);
    expect(mine).toMatchObject({ passed: true, kept_score: 7.5 });
    expect((await captured.waitFor('quiz.submitted', (d) => d.attempt_id === attempt.id)).data).toMatchObject({ status: 'pending_review' });
  });
});

describe('regrading after a key change', () => {
  it('a dry run lists the changes and writes nothing but its audit; a real run applies them', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Which?', ['a', 'b'], 0), mc('Other', ['x', 'y'], 0)], {
      passing_score: 100,
    });
    const [q1, q2] = questions;
    const ref = { course_id: courseId, quiz_id: quiz.id };
    // student picks b (wrong today) → 50%, failed; otherStudent picks a (right today) → 100%, passed.
    const a1 = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a1.id, answers: [wrongAnswerFor(q1), correctAnswerFor(q2)] }, f.student.auth);
    const a2 = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth);
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: a2.id, answers: [correctAnswerFor(q1), correctAnswerFor(q2)] }, f.otherStudent.auth);

    // Nothing changed yet: nothing to regrade.
    const nothing = await f.quiz.Regrade({ quiz_id: quiz.id, dry_run: true, question_ids: [] }, f.instructor.auth);
    expect(nothing).toMatchObject({ attempts_examined: 2, changes: [], question_ids: [] });

    // The key was wrong: b is the right answer (option ids kept).
    const fixed = await f.quiz.UpdateQuestion(
      { ...ref, question_id: q1.id, fields: ['options'], question: { options: q1.options.map((o) => ({ id: o.id, text: o.text, is_correct: !o.is_correct })) } },
      f.instructor.auth,
    );
    expect(fixed.version).toBe(2);
    await expectGrpcError(f.quiz.Regrade({ quiz_id: quiz.id, dry_run: true, question_ids: [] }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.Regrade({ quiz_id: quiz.id, dry_run: true, question_ids: ['x'] }, f.instructor.auth), GrpcStatus.INVALID_ARGUMENT);
    expect((await f.quiz.Regrade({ quiz_id: quiz.id, dry_run: true, question_ids: [q2.id] }, f.instructor.auth)).changes).toEqual([]);

    const dry = await f.quiz.Regrade({ quiz_id: quiz.id, dry_run: true, question_ids: [] }, f.instructor.auth);
    expect(dry).toMatchObject({ dry_run: true, status: 'done', attempts_examined: 2, attempts_total: 2, truncated: false, question_ids: [q1.id], requested_by: f.instructor.userId });
    const byAttempt = Object.fromEntries(dry.changes.map((c) => [c.attempt_id, c]));
    expect(byAttempt[a1.id]).toMatchObject({ old_score: 1, new_score: 2, old_percentage: 50, new_percentage: 100, old_passed: false, new_passed: true, question_ids: [q1.id] });
    expect(byAttempt[a2.id]).toMatchObject({ old_score: 2, new_score: 1, old_passed: true, new_passed: false, student_id: f.otherStudent.userId });
    expect(await attemptRow(f.db, a1.id)).toMatchObject({ passed: false });
    expect(Number((await attemptRow(f.db, a1.id)).score)).toBe(1);
    // The dry run is synchronous: had it emitted anything, it would be in the outbox by now.
    expect((await emitted(f.db, 'quiz.regraded')).filter((e) => e.data.quiz_id === quiz.id)).toHaveLength(0);

    // A real run is a job: answered at once (pending), then done in the background.
    const requested = await f.quiz.Regrade({ quiz_id: quiz.id, dry_run: false, question_ids: [] }, f.admin.auth);
    expect(requested).toMatchObject({ dry_run: false, status: 'pending', attempts_total: 2, attempts_examined: 0, requested_by: f.admin.userId, finished_at: '' });
    const real = await regradeFinished(f, quiz.id, requested.id, f.instructor);
    expect(real).toMatchObject({ id: requested.id, dry_run: false, status: 'done', attempts_total: 2, attempts_examined: 2, batches_done: 1, question_ids: [q1.id], error: '' });
    expect(real.finished_at).not.toBe('');
    expect(real.changes).toHaveLength(2);
    expect(await attemptRow(f.db, a1.id)).toMatchObject({ passed: true, status: 'graded' });
    expect(Number((await attemptRow(f.db, a2.id)).percentage)).toBe(50);
    const student = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: a1.id }, f.student.auth);
    expect(student).toMatchObject({ score: 2, percentage: 100, passed: true });
    expect(student.questions.find((q) => q.question_id === q1.id)).toMatchObject({ version: 2, correctness: 'correct' });

    const regraded = await captured.waitFor('quiz.regraded', (d) => d.attempt_id === a1.id);
    expect(regraded.data).toMatchObject({ regrade_id: real.id, old_score: 1, new_score: 2, old_percentage: 50, new_percentage: 100, passed: true });
    expect((await captured.waitFor('quiz.regraded', (d) => d.attempt_id === a2.id)).data).toMatchObject({ passed: false, new_percentage: 50 });
    await captured.waitFor('quiz.passed', (d) => d.attempt_id === a1.id && d.score_percent === 100);
    // The run is done: every event of its batches is in the outbox.
    expect(await emittedFor(f.db, 'quiz.failed', a2.id)).toBe(0);
    expect(await emittedFor(f.db, 'quiz.passed', a2.id)).toBe(1); // the original pass only

    // Regraded attempts now carry the current version: a second run finds nothing.
    const again = await f.quiz.Regrade({ quiz_id: quiz.id, dry_run: false, question_ids: [] }, f.instructor.auth);
    expect((await regradeFinished(f, quiz.id, again.id, f.instructor)).changes).toEqual([]);
    const audit = await f.quiz.ListRegrades({ quiz_id: quiz.id }, f.instructor.auth);
    expect(audit.total).toBe(5);
    expect(audit.items.find((r) => r.id === dry.id)).toMatchObject({ dry_run: true, changes: expect.any(Array) });
    expect(audit.items.find((r) => r.id === real.id)!.changes).toHaveLength(2);
    await expectGrpcError(f.quiz.ListRegrades({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.GetRegrade({ quiz_id: quiz.id, regrade_id: real.id }, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.GetRegrade({ quiz_id: quiz.id, regrade_id: real.id }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.GetRegrade({ quiz_id: quiz.id, regrade_id: 'x' }, f.instructor.auth), GrpcStatus.INVALID_ARGUMENT);
  });
});

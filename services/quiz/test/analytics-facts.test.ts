import type { Question__Output } from '@lms/kit/generated/lms/quiz/v1/Question';
import { choiceUuid } from '../src/domain/quiz.events';
import { QUIZ_EVENT_SCHEMAS, type QuizEventType } from '../src/events/quiz.events.schema';
import {
  captureEvents,
  correctAnswerFor,
  createQuiz,
  enrolledClassroom,
  essay,
  eventually,
  type Fleet,
  ma,
  mc,
  quizLesson,
  regradeFinished,
  short,
  tf,
  wrongAnswerFor,
} from './support';

/**
 * The facts analytics reads from the quiz service (issue 13): `quiz.published` (the definition of a published quiz,
 * again after every change readers must see), `quiz.unpublished`, and the per-question `answers` of `quiz.graded`
 * and `quiz.regraded`. Checked on the wire (RabbitMQ capture) against the schemas and against what the service
 * itself shows (ListQuestions, GetAttempt).
 */
let f: Fleet;
let courseId: string;
let captured: Awaited<ReturnType<typeof captureEvents>>;
let classroom: Awaited<ReturnType<typeof enrolledClassroom>> | undefined;

beforeAll(async () => {
  classroom = await enrolledClassroom('analytics_facts');
  ({ f, captured, courseId } = classroom);
});

afterAll(() => classroom?.close());

/** Every captured event of a type valid against its schema. */
function expectValid(type: QuizEventType, data: unknown): void {
  const parsed = QUIZ_EVENT_SCHEMAS[type].safeParse(data);
  if (!parsed.success) throw new Error(`${type}: ${parsed.error.message}`);
}

/** The definition ListQuestions shows, as quiz.published carries it. */
function definitionOf(questions: Question__Output[]) {
  return questions.map((q, i) => ({
    question_id: q.id,
    position: i + 1,
    question_type: q.question_type,
    text: q.question_text,
    points: q.points,
    version: q.version,
    pool_id: q.pool_id || null,
    options:
      q.question_type === 'true_false'
        ? [
            { option_id: choiceUuid(q.id, 'true'), text: 'True', is_correct: q.correct_answer === 'true' },
            { option_id: choiceUuid(q.id, 'false'), text: 'False', is_correct: q.correct_answer === 'false' },
          ]
        : q.question_type === 'multiple_choice' || q.question_type === 'multiple_answer'
          ? q.options.map((o) => ({ option_id: choiceUuid(q.id, o.id), text: o.text, is_correct: o.is_correct }))
          : [],
  }));
}

describe('quiz.published / quiz.unpublished', () => {
  it('publishing emits the definition (questions, options, correct flags, pool questions); each change readers need emits a newer one', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [mc('Capital of France?', ['Paris', 'Lyon'], 0), ma('Primes?', [['2', true], ['3', true], ['4', false]]), short('Say hi', ['hi'])], { passing_score: 60 }, false);
    const ref = { course_id: courseId, quiz_id: quiz.id };
    const pool = await f.quiz.CreatePool({ ...ref, title: 'Pool', draw_count: 1 }, f.instructor.auth);
    for (const text of ['Sky is blue', 'Grass is red']) await f.quiz.CreateQuestion({ ...ref, question: tf(text, text === 'Sky is blue', { pool_id: pool.id }) }, f.instructor.auth);
    await f.quiz.CreateQuestion({ ...ref, question: essay('Discuss') }, f.instructor.auth);
    const published = () => captured.matching('quiz.published', (d) => d.quiz_id === quiz.id);
    // A draft quiz publishes no definition (positive barrier: the publication below is the first one).
    await f.quiz.PublishQuiz(ref, f.instructor.auth);
    const first = await captured.waitFor('quiz.published', (d) => d.quiz_id === quiz.id);
    expect(published()).toHaveLength(1);
    const questions = (await f.quiz.ListQuestions(ref, f.instructor.auth)).items;
    expect(questions).toHaveLength(6);
    const current = await f.quiz.GetQuiz(ref, f.instructor.auth);
    expect(first).toMatchObject({ source: 'lms/quiz', subject: quiz.id, dataschema: 'urn:lms:events:quiz.published:v1' });
    expect(first.data).toEqual({
      quiz_id: quiz.id,
      course_id: courseId,
      lesson_id: lesson.lessonId,
      instructor_id: f.instructor.userId,
      title: current.title,
      passing_score: 60,
      questions: definitionOf(questions),
      published_at: current.published_at,
      defined_at: first.data.defined_at,
    });
    expect(first.data.questions.filter((q: { pool_id: string | null }) => q.pool_id === pool.id)).toHaveLength(2);
    expect(first.data.questions[0].options).toEqual([
      { option_id: questions[0].options[0].id, text: 'Paris', is_correct: true },
      { option_id: questions[0].options[1].id, text: 'Lyon', is_correct: false },
    ]);
    expectValid('quiz.published', first.data);

    // A question edited (a new version): a newer definition with the new text and correct flags.
    const [q1] = questions;
    await f.quiz.UpdateQuestion(
      { ...ref, question_id: q1.id, fields: ['question_text', 'options'], question: { question_text: 'Capital of Italy?', options: [{ id: q1.options[0].id, text: 'Paris', is_correct: false }, { id: q1.options[1].id, text: 'Rome', is_correct: true }] } },
      f.instructor.auth,
    );
    await eventually(() => expect(published()).toHaveLength(2));
    const edited = published()[1];
    expect(edited.data.questions[0]).toEqual({
      ...first.data.questions[0],
      text: 'Capital of Italy?',
      version: 2,
      options: [
        { option_id: q1.options[0].id, text: 'Paris', is_correct: false },
        { option_id: q1.options[1].id, text: 'Rome', is_correct: true },
      ],
    });
    expect(edited.data.questions.slice(1)).toEqual(first.data.questions.slice(1));
    expect(Date.parse(edited.data.defined_at)).toBeGreaterThanOrEqual(Date.parse(first.data.defined_at));
    expect(edited.data.published_at).toBe(first.data.published_at);

    // Changes readers do not need emit nothing: a setting other than title/passing score, a pool's draw count.
    await f.quiz.UpdateQuiz({ ...ref, fields: ['description'], description: 'New words' }, f.instructor.auth);
    await f.quiz.UpdatePool({ ...ref, pool_id: pool.id, fields: ['draw_count'], draw_count: 2 }, f.instructor.auth);
    // Title and passing score: a new definition (and the positive barrier for the two above).
    await f.quiz.UpdateQuiz({ ...ref, fields: ['title', 'passing_score'], title: 'Renamed quiz', passing_score: 75 }, f.instructor.auth);
    await eventually(() => expect(published().length).toBeGreaterThanOrEqual(3));
    expect(published()).toHaveLength(3);
    expect(published()[2].data).toMatchObject({ title: 'Renamed quiz', passing_score: 75 });

    // Reorder and delete: positions follow, the deleted question is gone.
    const reversed = [...questions].reverse().map((q) => q.id);
    await f.quiz.ReorderQuestions({ ...ref, question_ids: reversed }, f.instructor.auth);
    await f.quiz.DeleteQuestion({ ...ref, question_id: questions[2].id }, f.instructor.auth);
    await eventually(() => expect(published()).toHaveLength(5));
    expect(published()[3].data.questions.map((q: { question_id: string; position: number }) => [q.question_id, q.position])).toEqual(reversed.map((id, i) => [id, i + 1]));
    expect(published()[4].data.questions.map((q: { question_id: string }) => q.question_id)).toEqual(reversed.filter((id) => id !== questions[2].id));
    for (const e of published()) expectValid('quiz.published', e.data);

    // Unpublished: quiz.unpublished (once: unpublishing again is a no-op); published again: a new definition.
    await f.quiz.UnpublishQuiz(ref, f.instructor.auth);
    await f.quiz.UnpublishQuiz(ref, f.instructor.auth);
    await f.quiz.UpdateQuiz({ ...ref, fields: ['title'], title: 'Edited while unpublished' }, f.instructor.auth);
    const republished = await f.quiz.PublishQuiz(ref, f.instructor.auth);
    await eventually(() => expect(published()).toHaveLength(6));
    const unpublished = captured.matching('quiz.unpublished', (d) => d.quiz_id === quiz.id);
    expect(unpublished).toHaveLength(1);
    expect(unpublished[0]).toMatchObject({ subject: quiz.id });
    expect(unpublished[0].data).toEqual({ quiz_id: quiz.id, course_id: courseId, lesson_id: lesson.lessonId, unpublished_at: expect.any(String), retired: false });
    expectValid('quiz.unpublished', unpublished[0].data);
    expect(published()[5].data).toMatchObject({ title: 'Edited while unpublished', published_at: republished.published_at });
    expect(Date.parse(published()[5].data.published_at)).toBeGreaterThanOrEqual(Date.parse(unpublished[0].data.unpublished_at));
  });

  it("catalog deleting the lesson retires a published quiz: quiz.unpublished with retired true (a draft's retirement emits nothing)", async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [mc('Q', ['a', 'b'], 0)]);
    const draftLesson = await quizLesson(f, f.instructor, courseId);
    const { quiz: draft } = await createQuiz(f, f.instructor, draftLesson, [mc('Q', ['a', 'b'], 0)], {}, false);
    await f.catalog.DeleteLesson({ lesson_id: draftLesson.lessonId }, f.instructor.auth);
    await f.catalog.DeleteLesson({ lesson_id: lesson.lessonId }, f.instructor.auth);
    const retired = await captured.waitFor('quiz.unpublished', (d) => d.quiz_id === quiz.id);
    expect(retired.data).toEqual({ quiz_id: quiz.id, course_id: courseId, lesson_id: lesson.lessonId, unpublished_at: expect.any(String), retired: true });
    // Both deletions are handled by the same consumer in order: the draft's came first.
    await eventually(async () => expect((await f.quiz.GetQuiz({ course_id: courseId, quiz_id: draft.id }, f.instructor.auth)).is_published).toBe(false));
    expect(captured.matching('quiz.unpublished', (d) => d.quiz_id === draft.id)).toHaveLength(0);
  });
});

describe('answers of quiz.graded and quiz.regraded', () => {
  it('quiz.graded carries per question the selected options, correctness (full points only) and points, as GetAttempt shows them', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [
      mc('MC', ['a', 'b', 'c'], 1),
      ma('MA', [['x', true], ['y', true], ['z', false]]),
      tf('TF', true),
      short('Short', ['yes']),
      mc('Skipped', ['a', 'b'], 0),
      mc('Own ids', [], 0, { options: [{ id: 'yes', text: 'Yes', is_correct: true }, { id: 'no', text: 'No', is_correct: false }] }),
    ]);
    const [mcQ, maQ, tfQ, shortQ, , ownQ] = questions;
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    await f.quiz.SubmitAttempt(
      {
        quiz_id: quiz.id,
        attempt_id: attempt.id,
        answers: [
          wrongAnswerFor(mcQ),
          { question_id: maQ.id, selected_option_ids: [maQ.options[0].id] }, // one of two right options: partial credit
          correctAnswerFor(tfQ),
          correctAnswerFor(shortQ),
          { question_id: ownQ.id, selected_option_ids: ['no'] },
        ],
      },
      f.student.auth,
    );
    const graded = await captured.waitFor('quiz.graded', (d) => d.attempt_id === attempt.id);
    expectValid('quiz.graded', graded.data);
    const seen = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: attempt.id }, f.instructor.auth);
    const results = new Map(seen.questions.map((q) => [q.question_id, q]));
    expect(graded.data.answers).toEqual(
      seen.questions
        .sort((a, b) => a.position - b.position)
        .map((q) => ({ question_id: q.question_id, selected_option_ids: expect.any(Array), is_correct: q.correctness === 'correct', points_earned: q.points_earned, max_points: q.points })),
    );
    const byId = new Map(graded.data.answers.map((a: { question_id: string }) => [a.question_id, a]));
    expect(byId.get(mcQ.id)).toEqual({ question_id: mcQ.id, selected_option_ids: [mcQ.options.find((o) => !o.is_correct)!.id], is_correct: false, points_earned: 0, max_points: 1 });
    expect(results.get(maQ.id)!.correctness).toBe('partial');
    expect(byId.get(maQ.id)).toMatchObject({ selected_option_ids: [maQ.options[0].id], is_correct: false, max_points: 2 });
    expect((byId.get(maQ.id) as { points_earned: number }).points_earned).toBeGreaterThan(0);
    expect(byId.get(tfQ.id)).toEqual({ question_id: tfQ.id, selected_option_ids: [choiceUuid(tfQ.id, 'true')], is_correct: true, points_earned: 1, max_points: 1 });
    expect(byId.get(shortQ.id)).toEqual({ question_id: shortQ.id, selected_option_ids: [], is_correct: true, points_earned: 1, max_points: 1 });
    expect(byId.get(questions[4].id)).toEqual({ question_id: questions[4].id, selected_option_ids: [], is_correct: false, points_earned: 0, max_points: 1 });
    // An instructor's own option ids travel as name-based UUIDs, the same in the quiz's definition.
    expect(byId.get(ownQ.id)).toEqual({ question_id: ownQ.id, selected_option_ids: [choiceUuid(ownQ.id, 'no')], is_correct: false, points_earned: 0, max_points: 1 });
    const definition = await captured.waitFor('quiz.published', (d) => d.quiz_id === quiz.id);
    expect(definition.data.questions[5].options).toEqual([
      { option_id: choiceUuid(ownQ.id, 'yes'), text: 'Yes', is_correct: true },
      { option_id: choiceUuid(ownQ.id, 'no'), text: 'No', is_correct: false },
    ]);
  });

  it('an essay graded by hand: quiz.graded when final, the essay correct only with full points', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('MC', ['a', 'b'], 0), essay('E1'), essay('E2')]);
    const [mcQ, e1, e2] = questions;
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth);
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: questions.map(correctAnswerFor) }, f.otherStudent.auth);
    await f.quiz.GradeAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, grades: [{ question_id: e1.id, points: 5 }, { question_id: e2.id, points: 2 }] }, f.instructor.auth);
    const graded = await captured.waitFor('quiz.graded', (d) => d.attempt_id === attempt.id);
    expectValid('quiz.graded', graded.data);
    expect(graded.data.answers).toEqual([
      { question_id: mcQ.id, selected_option_ids: [mcQ.options[0].id], is_correct: true, points_earned: 1, max_points: 1 },
      { question_id: e1.id, selected_option_ids: [], is_correct: true, points_earned: 5, max_points: 5 },
      { question_id: e2.id, selected_option_ids: [], is_correct: false, points_earned: 2, max_points: 5 },
    ]);
  });

  it('quiz.regraded carries the answers as regraded against the new key', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Which?', ['a', 'b'], 0), tf('TF', true)]);
    const [q1, q2] = questions;
    const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    const picked = [q1.options.find((o) => !o.is_correct)!.id];
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: attempt.id, answers: [wrongAnswerFor(q1), correctAnswerFor(q2)] }, f.student.auth);
    const graded = await captured.waitFor('quiz.graded', (d) => d.attempt_id === attempt.id);
    expect(graded.data.answers[0]).toEqual({ question_id: q1.id, selected_option_ids: picked, is_correct: false, points_earned: 0, max_points: 1 });
    // The key was wrong: b is right (ids kept), and the question is worth 3 points now.
    await f.quiz.UpdateQuestion(
      { course_id: courseId, quiz_id: quiz.id, question_id: q1.id, fields: ['options', 'points'], question: { points: 3, options: q1.options.map((o) => ({ id: o.id, text: o.text, is_correct: !o.is_correct })) } },
      f.instructor.auth,
    );
    const run = await f.quiz.Regrade({ quiz_id: quiz.id, dry_run: false, question_ids: [] }, f.instructor.auth);
    await regradeFinished(f, quiz.id, run.id, f.instructor);
    const regraded = await captured.waitFor('quiz.regraded', (d) => d.attempt_id === attempt.id);
    expectValid('quiz.regraded', regraded.data);
    expect(regraded.data).toMatchObject({ new_score: 4, new_percentage: 100, passed: true });
    expect(regraded.data.answers).toEqual([
      { question_id: q1.id, selected_option_ids: picked, is_correct: true, points_earned: 3, max_points: 3 },
      { question_id: q2.id, selected_option_ids: [choiceUuid(q2.id, 'true')], is_correct: true, points_earned: 1, max_points: 1 },
    ]);
  });
});

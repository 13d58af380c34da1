import { QueryTypes } from 'sequelize';
import { correctAnswerFor, createQuiz, enrolledClassroom, expectGrpcError, type Fleet, GrpcStatus, mc, quizLesson, tf, type User } from './support';

/**
 * The quiz service keeps what new attempts draw from in memory, keyed by the quiz's definition_version, and the
 * immutable question versions papers and grading use (QuestionCache). These check that a cached definition is
 * never served after a change: a new version, a new or deleted question, a pool's draw count, an unpublished
 * quiz — and that attempts keep the versions they pinned.
 */
let f: Fleet;
let courseId: string;
let classroom: Awaited<ReturnType<typeof enrolledClassroom>> | undefined;

beforeAll(async () => {
  classroom = await enrolledClassroom('definition_cache');
  ({ f, courseId } = classroom);
});

afterAll(() => classroom?.close());

/** Starts an attempt and returns it with its paper's question texts (in question-id order: shuffles aside). */
async function startWithTexts(student: User, quizId: string) {
  const attempt = await f.quiz.StartAttempt({ quiz_id: quizId }, student.auth);
  const paper = await f.quiz.GetAttemptPaper({ quiz_id: quizId }, student.auth);
  return { attempt, texts: [...paper.questions].sort((a, b) => (a.id < b.id ? -1 : 1)).map((q) => q.question_text) };
}

const sorted = (texts: string[]) => [...texts].sort();

const definitionVersion = async (quizId: string) =>
  Number((await f.db.query<{ v: string }>('SELECT definition_version AS v FROM quizzes WHERE id = :quizId', { type: QueryTypes.SELECT, replacements: { quizId } }))[0].v);

describe('the cached definition of new attempts', () => {
  it('a new version, a new question and a deleted question reach the next start; attempts keep their pinned versions', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [mc('Version one?', ['a', 'b'], 0), tf('Stays the same', true)]);
    const ref = { course_id: courseId, quiz_id: quiz.id };

    const first = await startWithTexts(f.student, quiz.id); // fills the cache
    expect(sorted(first.texts)).toEqual(['Stays the same', 'Version one?']);
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.attempt.id, answers: questions.map(correctAnswerFor) }, f.student.auth);

    await f.quiz.UpdateQuestion({ ...ref, question_id: questions[0].id, fields: ['question_text'], question: { question_text: 'Version two?' } }, f.instructor.auth);
    const added = await f.quiz.CreateQuestion({ ...ref, question: tf('Added later', false) }, f.instructor.auth);
    const second = await startWithTexts(f.otherStudent, quiz.id);
    expect(sorted(second.texts)).toEqual(['Added later', 'Stays the same', 'Version two?']);
    expect(second.attempt.total_questions).toBe(3);

    await f.quiz.DeleteQuestion({ ...ref, question_id: added.id }, f.instructor.auth);
    const third = await startWithTexts(f.student, quiz.id);
    expect(sorted(third.texts)).toEqual(['Stays the same', 'Version two?']);

    // The first attempt was taken on version 1 and is still shown and graded as it was taken.
    const kept = await f.quiz.GetAttempt({ quiz_id: quiz.id, attempt_id: first.attempt.id }, f.student.auth);
    expect(sorted(kept.questions.map((q) => q.question_text))).toEqual(['Stays the same', 'Version one?']);
    expect(kept.percentage).toBe(100);
  });

  it("a pool's new draw count reaches the next start", async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [tf('Fixed', true)], {}, false);
    const ref = { course_id: courseId, quiz_id: quiz.id };
    const pool = await f.quiz.CreatePool({ ...ref, title: 'Pool', draw_count: 1 }, f.instructor.auth);
    for (const text of ['P1', 'P2', 'P3']) await f.quiz.CreateQuestion({ ...ref, question: tf(text, true, { pool_id: pool.id }) }, f.instructor.auth);
    await f.quiz.PublishQuiz(ref, f.instructor.auth);

    expect((await startWithTexts(f.student, quiz.id)).texts).toHaveLength(2);
    await f.quiz.UpdatePool({ ...ref, pool_id: pool.id, fields: ['draw_count'], draw_count: 3 }, f.instructor.auth);
    expect(sorted((await startWithTexts(f.otherStudent, quiz.id)).texts)).toEqual(['Fixed', 'P1', 'P2', 'P3']);
  });

  it('an unpublished quiz is refused although its definition is cached; published again, it starts as before', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [tf('Only question', true)]);
    const ref = { course_id: courseId, quiz_id: quiz.id };
    const first = await startWithTexts(f.student, quiz.id);
    await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: first.attempt.id, answers: questions.map(correctAnswerFor) }, f.student.auth);

    await f.quiz.UnpublishQuiz(ref, f.instructor.auth);
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NOT_FOUND');
    await f.quiz.PublishQuiz(ref, f.instructor.auth);
    expect((await startWithTexts(f.otherStudent, quiz.id)).texts).toEqual(['Only question']);
  });

  it('a start of a quiz whose course and lesson are cached still checks it under its lock: closed, unpublished', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [tf('Only question', true)]);
    const ref = { course_id: courseId, quiz_id: quiz.id };
    const inProgress = await startWithTexts(f.student, quiz.id);

    // Closed by its availability window: refused, also for the student with an attempt in progress (nothing written).
    await f.quiz.UpdateQuiz({ ...ref, fields: ['available_until'], available_until: new Date(Date.now() - 1000).toISOString() }, f.instructor.auth);
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.NOT_OPEN');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.NOT_OPEN');
    await f.quiz.UpdateQuiz({ ...ref, fields: ['available_until'], available_until: '' }, f.instructor.auth);
    const resumed = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    expect({ id: resumed.id, resumed: resumed.resumed }).toEqual({ id: inProgress.attempt.id, resumed: true });

    // Unpublished: not found, as a quiz never published — for the student with an attempt in progress too.
    await f.quiz.UnpublishQuiz(ref, f.instructor.auth);
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NOT_FOUND');
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: quiz.id }, f.otherStudent.auth), GrpcStatus.NOT_FOUND, 'QUIZ.NOT_FOUND');
    const [{ n }] = await f.db.query<{ n: string }>('SELECT count(*) AS n FROM attempts WHERE quiz_id = :id', {
      type: QueryTypes.SELECT,
      replacements: { id: quiz.id },
    });
    expect(Number(n)).toBe(1);
  });

  it('every change of a quiz, its questions or its pools adds one to its definition_version', async () => {
    const lesson = await quizLesson(f, f.instructor, courseId);
    const { quiz, questions } = await createQuiz(f, f.instructor, lesson, [tf('One', true), tf('Two', false)], {}, false);
    const ref = { course_id: courseId, quiz_id: quiz.id };
    let poolId = '';
    const changes: [string, () => Promise<unknown>][] = [
      ['UpdateQuiz', () => f.quiz.UpdateQuiz({ ...ref, fields: ['description'], description: 'New' }, f.instructor.auth)],
      ['CreatePool', async () => (poolId = (await f.quiz.CreatePool({ ...ref, title: 'Pool', draw_count: 1 }, f.instructor.auth)).id)],
      ['UpdatePool', () => f.quiz.UpdatePool({ ...ref, pool_id: poolId, fields: ['draw_count'], draw_count: 2 }, f.instructor.auth)],
      ['UpdateQuestion (into the pool)', () => f.quiz.UpdateQuestion({ ...ref, question_id: questions[1].id, fields: ['pool_id'], question: { pool_id: poolId } }, f.instructor.auth)],
      ['DeletePool', () => f.quiz.DeletePool({ ...ref, pool_id: poolId }, f.instructor.auth)],
      ['CreateQuestion', () => f.quiz.CreateQuestion({ ...ref, question: tf('Three', true) }, f.instructor.auth)],
      ['UpdateQuestion', () => f.quiz.UpdateQuestion({ ...ref, question_id: questions[0].id, fields: ['question_text'], question: { question_text: 'One!' } }, f.instructor.auth)],
      [
        'ReorderQuestions',
        async () => {
          const ids = (await f.quiz.ListQuestions(ref, f.instructor.auth)).items.map((q) => q.id);
          return f.quiz.ReorderQuestions({ ...ref, question_ids: ids.reverse() }, f.instructor.auth);
        },
      ],
      ['DeleteQuestion', () => f.quiz.DeleteQuestion({ ...ref, question_id: questions[1].id }, f.instructor.auth)],
      ['PublishQuiz', () => f.quiz.PublishQuiz(ref, f.instructor.auth)],
      ['UnpublishQuiz', () => f.quiz.UnpublishQuiz(ref, f.instructor.auth)],
    ];
    for (const [name, change] of changes) {
      const before = await definitionVersion(quiz.id);
      await change();
      expect({ name, after: await definitionVersion(quiz.id) }).toEqual({ name, after: before + 1 });
    }
  });
});

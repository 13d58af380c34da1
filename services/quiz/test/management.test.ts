import {
  courseWithQuizLesson,
  createQuiz,
  enrol,
  essay,
  expectGrpcError,
  GrpcStatus,
  ma,
  matching,
  mc,
  numeric,
  ordering,
  quizLesson,
  short,
  startFleet,
  tf,
  unique,
  type Fleet,
} from './support';

/**
 * Quizzes, questions and pools over gRPC: ownership (owner, other instructor, admin, students), validation with
 * field errors, the quiz-lesson rule, versioning (an attempt keeps the version it pinned), reorder, pools and
 * the publish preconditions.
 */
let f: Fleet;
let course: { courseId: string; lessonId: string; textLessonId: string };

beforeAll(async () => {
  f = await startFleet('manage');
  course = await courseWithQuizLesson(f, f.instructor);
  await enrol(f, f.student, course.courseId);
});

afterAll(async () => {
  await f?.close();
});

const fieldsOf = async (promise: Promise<unknown>) =>
  (await expectGrpcError(promise, GrpcStatus.INVALID_ARGUMENT)).fields!.map((e) => e.loc.join('.'));

describe('creating quizzes', () => {
  it('the owner creates a quiz on a quiz lesson, with defaults', async () => {
    const lesson = await quizLesson(f, f.instructor, course.courseId);
    const quiz = await f.quiz.CreateQuiz({ course_id: course.courseId, lesson_id: lesson.lessonId, title: '  Week 1  ' }, f.instructor.auth);
    expect(quiz).toMatchObject({
      course_id: course.courseId,
      lesson_id: lesson.lessonId,
      instructor_id: f.instructor.userId,
      title: 'Week 1',
      quiz_type: 'graded',
      passing_score: 70,
      time_limit_minutes: 0,
      max_attempts: 0,
      scoring_policy: 'highest',
      show_correct_answers: 'after_submit',
      is_published: false,
      is_open: false,
      total_questions: 0,
      question_count: 0,
      pools: [],
    });
    await expectGrpcError(
      f.quiz.CreateQuiz({ course_id: course.courseId, lesson_id: lesson.lessonId, title: 'Again' }, f.instructor.auth),
      GrpcStatus.ALREADY_EXISTS,
      'QUIZ.EXISTS_FOR_LESSON',
    );
  });

  it('validation reports every field', async () => {
    const lesson = await quizLesson(f, f.instructor, course.courseId);
    const fields = await fieldsOf(
      f.quiz.CreateQuiz(
        {
          course_id: course.courseId,
          lesson_id: lesson.lessonId,
          title: '',
          passing_score: 150,
          scoring_policy: 'best',
          max_attempts: -1,
          available_from: 'tomorrow',
          fields: ['passing_score', 'scoring_policy', 'max_attempts', 'available_from'],
        },
        f.instructor.auth,
      ),
    );
    expect(fields.sort()).toEqual(['available_from', 'max_attempts', 'passing_score', 'scoring_policy', 'title']);
    expect(await fieldsOf(f.quiz.CreateQuiz({ course_id: 'nope', lesson_id: lesson.lessonId, title: 'x' }, f.instructor.auth))).toEqual(['course_id']);
  });

  it('the lesson must be a quiz lesson of that course', async () => {
    expect(
      await fieldsOf(f.quiz.CreateQuiz({ course_id: course.courseId, lesson_id: course.textLessonId, title: 'On text' }, f.instructor.auth)),
    ).toEqual(['lesson_id']);
    const other = await courseWithQuizLesson(f, f.instructor);
    expect(await fieldsOf(f.quiz.CreateQuiz({ course_id: course.courseId, lesson_id: other.lessonId, title: 'Foreign' }, f.instructor.auth))).toEqual([
      'lesson_id',
    ]);
    expect(
      await fieldsOf(f.quiz.CreateQuiz({ course_id: course.courseId, lesson_id: '00000000-0000-4000-8000-000000000000', title: 'Ghost' }, f.instructor.auth)),
    ).toEqual(['lesson_id']);
  });

  it('only the owner or an admin: another instructor, a student, a draft course of someone else', async () => {
    const lesson = await quizLesson(f, f.instructor, course.courseId);
    const req = { course_id: course.courseId, lesson_id: lesson.lessonId, title: 'Mine' };
    await expectGrpcError(f.quiz.CreateQuiz(req, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.COURSE_OWNER_ONLY');
    await expectGrpcError(f.quiz.CreateQuiz(req, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    const draft = await f.catalog.CreateCourse({ title: `Draft ${unique()}`, description: 'd', category: 'T', difficulty_level: 'beginner' }, f.instructor.auth);
    const draftLesson = await f.catalog.CreateLesson({ course_id: draft.id, title: 'Quiz', lesson_type: 'quiz', content: 'q' }, f.instructor.auth);
    await expectGrpcError(
      f.quiz.CreateQuiz({ course_id: draft.id, lesson_id: draftLesson.id, title: 'x' }, f.otherInstructor.auth),
      GrpcStatus.NOT_FOUND,
      'QUIZ.COURSE_NOT_FOUND',
    );
    // The owner may build a quiz in a draft course; an admin creates it for the course's owner.
    await f.quiz.CreateQuiz({ course_id: draft.id, lesson_id: draftLesson.id, title: 'Draft quiz' }, f.instructor.auth);
    const byAdmin = await f.quiz.CreateQuiz(req, f.admin.auth);
    expect(byAdmin.instructor_id).toBe(f.instructor.userId);
  });

  it("listing a course's quizzes is for its owner: another instructor is refused even before any quiz exists", async () => {
    const empty = await courseWithQuizLesson(f, f.instructor);
    expect((await f.quiz.ListQuizzes({ course_id: empty.courseId, lesson_id: '' }, f.instructor.auth)).items).toEqual([]);
    await expectGrpcError(
      f.quiz.ListQuizzes({ course_id: empty.courseId, lesson_id: '' }, f.otherInstructor.auth),
      GrpcStatus.PERMISSION_DENIED,
      'QUIZ.COURSE_OWNER_ONLY',
    );
    expect((await f.quiz.ListQuizzes({ course_id: empty.courseId, lesson_id: '' }, f.admin.auth)).items).toEqual([]);
  });
});

describe('listing the quizzes of a course', () => {
  it('several quizzes: each as GetQuiz shows it, for the owner and for a student, with two queries for the whole list', async () => {
    const c = await courseWithQuizLesson(f, f.instructor);
    await enrol(f, f.student, c.courseId);
    const a = await createQuiz(f, f.instructor, c, [tf('A1', true), mc('A2', ['x', 'y'], 1, { points: 3 })]);
    const bLesson = await quizLesson(f, f.instructor, c.courseId);
    const b = await createQuiz(f, f.instructor, bLesson, [], {}, false);
    const bRef = { course_id: c.courseId, quiz_id: b.quiz.id };
    const pool = await f.quiz.CreatePool({ ...bRef, title: 'Pool', draw_count: 1 }, f.instructor.auth);
    for (const text of ['B1', 'B2']) await f.quiz.CreateQuestion({ ...bRef, question: tf(text, false, { pool_id: pool.id, points: 2 }) }, f.instructor.auth);
    await f.quiz.CreateQuestion({ ...bRef, question: tf('B fixed', true) }, f.instructor.auth);
    await f.quiz.PublishQuiz(bRef, f.instructor.auth);
    const draft = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, c.courseId), [tf('C1', true)], {}, false);

    // Count the question and pool loads of one ListQuizzes (afterQuery sees the SQL text).
    const sequelize = f.service.sequelize;
    const loads: string[] = [];
    sequelize.addHook('afterQuery', 'count-list-loads', (_options, query) => {
      const sql = (query as unknown as { sql?: string }).sql ?? '';
      if (/JOIN question_versions v|FROM question_pools p/.test(sql)) loads.push(sql);
    });
    let owned;
    try {
      owned = await f.quiz.ListQuizzes({ course_id: c.courseId, lesson_id: '' }, f.instructor.auth);
    } finally {
      sequelize.removeHook('afterQuery', 'count-list-loads');
    }
    expect(loads).toHaveLength(2);

    const ids = [a.quiz.id, b.quiz.id, draft.quiz.id];
    expect(owned.items.map((q) => q.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const one = await f.quiz.GetQuiz({ course_id: c.courseId, quiz_id: id }, f.instructor.auth);
      expect(owned.items.find((q) => q.id === id)).toEqual(one);
    }
    expect(owned.items.find((q) => q.id === a.quiz.id)).toMatchObject({ total_questions: 2, question_count: 2, total_points: 4, pools: [] });
    const listedB = owned.items.find((q) => q.id === b.quiz.id)!;
    expect(listedB).toMatchObject({ total_questions: 2, question_count: 3, total_points: 3 });
    expect(listedB.pools).toEqual([expect.objectContaining({ id: pool.id, draw_count: 1, question_count: 2 })]);
    expect(owned.items.find((q) => q.id === draft.quiz.id)).toMatchObject({ total_questions: 1, is_published: false });

    const seen = await f.quiz.ListQuizzes({ course_id: c.courseId, lesson_id: '' }, f.student.auth);
    expect(seen.items.map((q) => q.id).sort()).toEqual([a.quiz.id, b.quiz.id].sort());
    for (const item of seen.items) expect(item).toEqual(await f.quiz.GetQuiz({ course_id: c.courseId, quiz_id: item.id }, f.student.auth));
    expect(seen.items.find((q) => q.id === b.quiz.id)).toMatchObject({ pools: [], question_count: 0, total_questions: 2 });
  });
});

describe('managing a quiz', () => {
  it('update, publish rules, visibility, delete', async () => {
    const lesson = await quizLesson(f, f.instructor, course.courseId);
    const { quiz } = await createQuiz(f, f.instructor, lesson, [], {}, false);
    const ref = { course_id: course.courseId, quiz_id: quiz.id };

    const updated = await f.quiz.UpdateQuiz({ ...ref, fields: ['passing_score', 'time_limit_minutes'], passing_score: 50, time_limit_minutes: 15, title: 'ignored' }, f.instructor.auth);
    expect(updated).toMatchObject({ passing_score: 50, time_limit_minutes: 15, title: quiz.title });
    expect(await fieldsOf(f.quiz.UpdateQuiz({ ...ref, fields: ['colour'] }, f.instructor.auth))).toEqual(['fields.0']);
    expect(
      await fieldsOf(f.quiz.UpdateQuiz({ ...ref, fields: ['available_from', 'available_until'], available_from: '2030-01-02T00:00:00Z', available_until: '2030-01-01T00:00:00Z' }, f.instructor.auth)),
    ).toEqual(['available_until']);
    await expectGrpcError(f.quiz.UpdateQuiz({ ...ref, fields: ['title'], title: 'x' }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.UpdateQuiz({ ...ref, fields: ['title'], title: 'x' }, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.GetQuiz({ course_id: course.textLessonId, quiz_id: quiz.id }, f.instructor.auth), GrpcStatus.NOT_FOUND);
    expect((await f.quiz.UpdateQuiz({ ...ref, fields: ['title'], title: 'By admin' }, f.admin.auth)).title).toBe('By admin');

    await expectGrpcError(f.quiz.PublishQuiz(ref, f.instructor.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.HAS_NO_QUESTIONS');
    const pool = await f.quiz.CreatePool({ ...ref, title: 'Pool', draw_count: 2 }, f.instructor.auth);
    await f.quiz.CreateQuestion({ ...ref, question: tf('In pool', true, { pool_id: pool.id }) }, f.instructor.auth);
    await expectGrpcError(f.quiz.PublishQuiz(ref, f.instructor.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.POOL_TOO_SMALL');
    await f.quiz.UpdatePool({ ...ref, pool_id: pool.id, fields: ['draw_count'], draw_count: 1 }, f.instructor.auth);
    const published = await f.quiz.PublishQuiz(ref, f.instructor.auth);
    expect(published).toMatchObject({ is_published: true, is_open: true, total_questions: 1, question_count: 1 });
    expect(published.published_at).not.toBe('');

    // Students: published only, no pools, no question_count; other instructors: refused.
    const seen = await f.quiz.GetQuiz(ref, f.student.auth);
    expect(seen).toMatchObject({ pools: [], question_count: 0, total_questions: 1 });
    await expectGrpcError(f.quiz.ListQuestions(ref, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.GetQuiz(ref, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.quiz.ListQuizzes({ course_id: course.courseId, lesson_id: '' }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    expect((await f.quiz.ListQuizzes({ course_id: course.courseId, lesson_id: lesson.lessonId }, f.instructor.auth)).items.map((q) => q.id)).toEqual([quiz.id]);
    await f.quiz.UnpublishQuiz(ref, f.instructor.auth);
    await expectGrpcError(f.quiz.GetQuiz(ref, f.student.auth), GrpcStatus.NOT_FOUND);
    expect((await f.quiz.ListQuizzes({ course_id: course.courseId, lesson_id: lesson.lessonId }, f.student.auth)).items).toEqual([]);

    // Delete: allowed without attempts, refused with them.
    await f.quiz.PublishQuiz(ref, f.instructor.auth);
    await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    await expectGrpcError(f.quiz.DeleteQuiz(ref, f.instructor.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.HAS_ATTEMPTS');
    const spare = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, course.courseId), [], {}, false);
    await expectGrpcError(f.quiz.DeleteQuiz({ course_id: course.courseId, quiz_id: spare.quiz.id }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await f.quiz.DeleteQuiz({ course_id: course.courseId, quiz_id: spare.quiz.id }, f.instructor.auth);
    await expectGrpcError(f.quiz.GetQuiz({ course_id: course.courseId, quiz_id: spare.quiz.id }, f.instructor.auth), GrpcStatus.NOT_FOUND);
  });
});

describe('questions', () => {
  it('every type is created, listed in order with its key, validated with field errors', async () => {
    const { quiz } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, course.courseId), [], {}, false);
    const ref = { course_id: course.courseId, quiz_id: quiz.id };
    const all = [
      mc('MC', ['a', 'b'], 1),
      ma('MA', [['a', true], ['b', false]], { negative_marking: true }),
      tf('TF', false),
      short('SA', ['Paris'], { case_sensitive: true }),
      numeric('NUM', 3.14, 0.01),
      matching('MATCH', [['x', '1'], ['y', '2']], { distractors: [{ text: '3' }] }),
      ordering('ORD', ['1', '2', '3']),
      essay('ESSAY', { max_length: 500 }),
    ];
    for (const question of all) await f.quiz.CreateQuestion({ ...ref, question }, f.instructor.auth);
    const list = await f.quiz.ListQuestions(ref, f.instructor.auth);
    expect(list.items.map((q) => [q.question_type, q.order_index, q.version])).toEqual(
      ['multiple_choice', 'multiple_answer', 'true_false', 'short_answer', 'numeric', 'matching', 'ordering', 'essay'].map((t, i) => [t, i, 1]),
    );
    const byType = Object.fromEntries(list.items.map((q) => [q.question_type, q]));
    expect(byType.multiple_choice.options.map((o) => o.is_correct)).toEqual([false, true]);
    expect(byType.multiple_answer.negative_marking).toBe(true);
    expect(byType.true_false.correct_answer).toBe('false');
    expect(byType.short_answer).toMatchObject({ accepted_answers: ['Paris'], case_sensitive: true });
    expect(byType.numeric.numeric).toMatchObject({ mode: 'tolerance', value: 3.14, tolerance: 0.01 });
    expect(byType.matching.pairs.map((p) => [p.prompt, p.match])).toEqual([['x', '1'], ['y', '2']]);
    expect(byType.matching.distractors.map((d) => d.text)).toEqual(['3']);
    expect(byType.essay.max_length).toBe(500);

    expect(await fieldsOf(f.quiz.CreateQuestion({ ...ref, question: mc('', ['a', 'b'], 5, { points: 0 }) }, f.instructor.auth))).toEqual(
      expect.arrayContaining(['question_text', 'points']),
    );
    await expectGrpcError(f.quiz.CreateQuestion({ ...ref, question: { question_type: 'drawing', question_text: 'x', points: 1 } }, f.instructor.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.quiz.CreateQuestion({ ...ref, question: mc('x', ['a', 'b'], 0) }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    const otherQuiz = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, course.courseId), [], {}, false);
    const foreignPool = await f.quiz.CreatePool({ course_id: course.courseId, quiz_id: otherQuiz.quiz.id, title: 'P', draw_count: 1 }, f.instructor.auth);
    expect(await fieldsOf(f.quiz.CreateQuestion({ ...ref, question: mc('x', ['a', 'b'], 0, { pool_id: foreignPool.id }) }, f.instructor.auth))).toEqual([
      'pool_id',
    ]);
  });

  it('a short answer takes correct_answer (the seed API form) next to accepted_answers; sent alone on update it replaces them', async () => {
    const { quiz } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, course.courseId), [], {}, false);
    const ref = { course_id: course.courseId, quiz_id: quiz.id };
    const single = await f.quiz.CreateQuestion({ ...ref, question: { question_type: 'short_answer', question_text: 'Capital of Egypt?', points: 1, correct_answer: 'Cairo' } }, f.instructor.auth);
    expect(single.accepted_answers).toEqual(['Cairo']);
    const both = await f.quiz.CreateQuestion(
      { ...ref, question: short('Capital of Egypt, again?', ['Al-Qahira', 'cairo'], { correct_answer: 'Cairo' }) },
      f.instructor.auth,
    );
    expect(both.accepted_answers).toEqual(['Cairo', 'Al-Qahira']);
    const replaced = await f.quiz.UpdateQuestion({ ...ref, question_id: both.id, fields: ['correct_answer'], question: { correct_answer: 'Giza' } }, f.instructor.auth);
    expect(replaced).toMatchObject({ version: 2, accepted_answers: ['Giza'] });
    const merged = await f.quiz.UpdateQuestion(
      { ...ref, question_id: both.id, fields: ['correct_answer', 'accepted_answers'], question: { correct_answer: 'Cairo', accepted_answers: ['Giza'] } },
      f.instructor.auth,
    );
    expect(merged.accepted_answers).toEqual(['Cairo', 'Giza']);
    expect(await fieldsOf(f.quiz.CreateQuestion({ ...ref, question: { question_type: 'short_answer', question_text: 'Nothing?', points: 1 } }, f.instructor.auth))).toEqual([
      'accepted_answers',
    ]);
  });

  it('update makes a new version (only on a real change), the type is fixed; reorder; delete; pools', async () => {
    const { quiz, questions } = await createQuiz(
      f,
      f.instructor,
      await quizLesson(f, f.instructor, course.courseId),
      [mc('First', ['a', 'b'], 0), tf('Second', true), short('Third', ['x'])],
      {},
      false,
    );
    const ref = { course_id: course.courseId, quiz_id: quiz.id };
    const [q1, q2, q3] = questions;

    const v2 = await f.quiz.UpdateQuestion({ ...ref, question_id: q1.id, fields: ['question_text'], question: { question_text: 'First, reworded' } }, f.instructor.auth);
    expect(v2).toMatchObject({ version: 2, question_text: 'First, reworded' });
    expect(v2.options.map((o) => o.id)).toEqual(q1.options.map((o) => o.id));
    const same = await f.quiz.UpdateQuestion({ ...ref, question_id: q1.id, fields: ['question_text'], question: { question_text: 'First, reworded' } }, f.instructor.auth);
    expect(same.version).toBe(2);
    await expectGrpcError(
      f.quiz.UpdateQuestion({ ...ref, question_id: q1.id, fields: ['question_type'], question: { question_type: 'true_false' } }, f.instructor.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    await expectGrpcError(f.quiz.UpdateQuestion({ ...ref, question_id: q1.id, fields: ['bogus'], question: {} }, f.instructor.auth), GrpcStatus.INVALID_ARGUMENT);
    // Inherited property names are not fields (own keys only): each is refused, with its position.
    for (const inherited of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await fieldsOf(f.quiz.UpdateQuestion({ ...ref, question_id: q1.id, fields: ['question_text', inherited], question: { question_text: 'x' } }, f.instructor.auth))).toEqual([
        'fields.1',
      ]);
    }
    await expectGrpcError(
      f.quiz.UpdateQuestion({ ...ref, question_id: q1.id, fields: ['question_text'], question: { question_text: 'x' } }, f.otherInstructor.auth),
      GrpcStatus.PERMISSION_DENIED,
    );

    const reordered = await f.quiz.ReorderQuestions({ ...ref, question_ids: [q3.id, q1.id, q2.id] }, f.instructor.auth);
    expect(reordered.items.map((q) => [q.id, q.order_index])).toEqual([
      [q3.id, 0],
      [q1.id, 1],
      [q2.id, 2],
    ]);
    expect(await fieldsOf(f.quiz.ReorderQuestions({ ...ref, question_ids: [q3.id, q1.id] }, f.instructor.auth))).toEqual(['question_ids']);
    expect(await fieldsOf(f.quiz.ReorderQuestions({ ...ref, question_ids: [q3.id, q1.id, q1.id] }, f.instructor.auth))).toEqual(['question_ids.2']);

    await f.quiz.DeleteQuestion({ ...ref, question_id: q2.id }, f.instructor.auth);
    expect((await f.quiz.ListQuestions(ref, f.instructor.auth)).items.map((q) => q.id)).toEqual([q3.id, q1.id]);
    await expectGrpcError(f.quiz.DeleteQuestion({ ...ref, question_id: q2.id }, f.instructor.auth), GrpcStatus.NOT_FOUND);

    // Pools: a question moves into a pool without a new version; deleting the pool makes it fixed again.
    const pool = await f.quiz.CreatePool({ ...ref, title: 'Pool', draw_count: 1 }, f.instructor.auth);
    expect((await fieldsOf(f.quiz.CreatePool({ ...ref, title: '', draw_count: 0 }, f.instructor.auth))).sort()).toEqual(['draw_count', 'title']);
    const moved = await f.quiz.UpdateQuestion({ ...ref, question_id: q3.id, fields: ['pool_id'], question: { pool_id: pool.id } }, f.instructor.auth);
    expect(moved).toMatchObject({ pool_id: pool.id, version: 1 });
    expect((await f.quiz.GetQuiz(ref, f.instructor.auth)).pools).toEqual([expect.objectContaining({ id: pool.id, question_count: 1, draw_count: 1 })]);
    await f.quiz.DeletePool({ ...ref, pool_id: pool.id }, f.instructor.auth);
    expect((await f.quiz.ListQuestions(ref, f.instructor.auth)).items.find((q) => q.id === q3.id)!.pool_id).toBe('');
    await expectGrpcError(f.quiz.DeletePool({ ...ref, pool_id: pool.id }, f.instructor.auth), GrpcStatus.NOT_FOUND);
  });

  it('an attempt in progress keeps the version it pinned; a new attempt gets the new one', async () => {
    const { quiz, questions } = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, course.courseId), [mc('Old wording', ['a', 'b'], 0)]);
    const ref = { course_id: course.courseId, quiz_id: quiz.id };
    await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
    await f.quiz.UpdateQuestion({ ...ref, question_id: questions[0].id, fields: ['question_text'], question: { question_text: 'New wording' } }, f.instructor.auth);
    const paper = await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth);
    expect(paper.questions[0].question_text).toBe('Old wording');
    await f.quiz.DeleteQuestion({ ...ref, question_id: questions[0].id }, f.instructor.auth);
    const kept = await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, f.student.auth);
    expect(kept.questions.map((q) => q.question_text)).toEqual(['Old wording']);
    const result = await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: paper.attempt!.id, answers: [{ question_id: questions[0].id, selected_option_ids: [questions[0].options[0].id] }] }, f.student.auth);
    expect(result).toMatchObject({ score: 1, passed: true });
    expect(result.questions[0]).toMatchObject({ question_text: 'Old wording', version: 1 });

    await f.quiz.CreateQuestion({ ...ref, question: tf('Brand new', true) }, f.instructor.auth);
    const other = await f.newUser('student', 'late');
    await enrol(f, other, course.courseId);
    await f.quiz.StartAttempt({ quiz_id: quiz.id }, other.auth);
    expect((await f.quiz.GetAttemptPaper({ quiz_id: quiz.id }, other.auth)).questions.map((q) => q.question_text)).toEqual(['Brand new']);
  });
});

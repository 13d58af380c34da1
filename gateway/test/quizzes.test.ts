import { randomUUID } from 'node:crypto';
import { eventually } from '@lms/kit/testing';
import type { LoggedIn } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { expectErrorBody, type ApiResponse } from './support/http';
import { SEED_MULTIPLE_CHOICE, SEED_QUIZ, SEED_TRUE_FALSE } from './support/seed-examples';
import { startQuizFleet, type QuizFleet } from './support/quiz';

/**
 * Quizzes end to end THROUGH THE GATEWAY: real auth, catalog, enrollment and quiz services (in-process, real
 * PostgreSQL/RabbitMQ/Redis). An instructor builds a quiz, a student takes it, passing it completes the quiz
 * lesson in the enrollment service (quiz.passed), and no answer key ever reaches the student early.
 */
describe('Quizzes through the gateway', () => {
  let fleet: QuizFleet;

  beforeAll(async () => {
    fleet = await startQuizFleet('quizzes');
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  const as = (user: LoggedIn, headers?: Record<string, string>) => ({ token: user.access, ...(headers ? { headers } : {}) });
  const ok = (res: ApiResponse, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
    return res.body;
  };

  /** A published course with a text lesson and `quizLessons` published quiz lessons, owned by `owner`. */
  async function quizCourse(quizLessons: number): Promise<{ courseId: string; textLesson: string; quizLessons: string[] }> {
    const { api, owner } = fleet;
    const course = await createCourse(api, owner.access, { title: `Quiz course ${randomUUID().slice(0, 8)}` });
    const text = await createLesson(api, owner.access, course.id, { title: 'Reading' });
    await publishLesson(api, owner.access, text.id);
    const quizzes: string[] = [];
    for (let i = 0; i < quizLessons; i++) {
      const lesson = await createLesson(api, owner.access, course.id, { title: `Check ${i + 1}`, lesson_type: 'quiz' });
      await publishLesson(api, owner.access, lesson.id);
      quizzes.push(lesson.id);
    }
    await publishCourse(api, owner.access, course.id);
    return { courseId: course.id, textLesson: text.id, quizLessons: quizzes };
  }

  async function enrol(user: LoggedIn, courseId: string): Promise<string> {
    return ok(await fleet.api.post('/api/v1/enrollments', { course_id: courseId }, as(user)), 201, 'enrol').id;
  }

  /**
   * Every place an answer key could hide in a body meant for a student: key fields of any name the gateway
   * or the service use, `is_correct` outside a graded QuestionResult, and the instructor's secret texts.
   */
  const KEY_FIELDS = ['correct_answer', 'accepted_answers', 'explanation', 'numeric', 'pairs', 'distractors', 'negative_marking', 'case_sensitive', 'exact_whitespace'];
  function keyLeaks(body: unknown, secrets: string[]): string[] {
    const leaks: string[] = [];
    const text = JSON.stringify(body);
    for (const secret of secrets) if (text.includes(secret)) leaks.push(`secret text "${secret}"`);
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (KEY_FIELDS.includes(key)) leaks.push(`${path}.${key}`);
          if (key === 'is_correct' && !('points_earned' in value)) leaks.push(`${path}.${key}`);
          walk(v, `${path}.${key}`);
        }
      }
    };
    walk(body, '$');
    return leaks;
  }

  test('When an instructor builds and publishes a quiz and a student passes it, then the quiz lesson completes and no key leaks', async () => {
    const { api, owner, student, admin } = fleet;
    const uid = randomUUID().slice(0, 8);
    const secrets = [`EXPLAIN-${uid}`, `LUTETIA-${uid}`];
    const { courseId, textLesson, quizLessons } = await quizCourse(1);
    const quizLesson = quizLessons[0];
    const quizzes = `/api/v1/courses/${courseId}/quizzes`;

    // ---- the instructor: a quiz (Idempotency-Key replays the 201), questions of every auto-graded type
    const key = { 'Idempotency-Key': `quiz-${uid}` };
    const settings = {
      lesson_id: quizLesson,
      title: 'Capitals and numbers',
      description: 'A short check',
      passing_score: 60,
      time_limit_minutes: 30,
      max_attempts: 3,
      show_correct_answers: 'never',
      shuffle_options: true,
    };
    const created = await api.post(quizzes, settings, as(owner, key));
    const quiz = ok(created, 201, 'create quiz');
    expect(quiz).toMatchObject({
      course_id: courseId,
      lesson_id: quizLesson,
      title: 'Capitals and numbers',
      quiz_type: 'graded',
      passing_score: 60,
      scoring_policy: 'highest',
      show_correct_answers: 'never',
      shuffle_options: true,
      is_published: false,
    });
    const replay = await api.post(quizzes, settings, as(owner, key));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(quiz.id);
    expectErrorBody(await api.post(quizzes, settings, as(owner)), 409); // one quiz per lesson
    expectErrorBody(await api.post(quizzes, { ...settings, lesson_id: textLesson }, as(owner)), 422);
    const base = `${quizzes}/${quiz.id}`;

    const questionDefs: Record<string, Record<string, unknown>> = {
      mc: {
        question_type: 'multiple_choice',
        question_text: 'Capital of Italy?',
        points: 1,
        explanation: `${secrets[0]} Rome has been the capital since 1871.`,
        options: [
          { option_text: 'Rome', is_correct: true },
          { option_text: 'Milan', is_correct: false },
          { option_text: 'Turin', is_correct: false },
        ],
      },
      ma: {
        question_type: 'multiple_answer',
        question_text: 'Which are prime?',
        points: 2,
        options: [
          { text: '2', is_correct: true },
          { text: '3', is_correct: true },
          { text: '4', is_correct: false },
        ],
        negative_marking: true,
      },
      tf: { question_type: 'true_false', question_text: 'The Earth orbits the Sun.', points: 1, correct_answer: true },
      sa: { question_type: 'short_answer', question_text: 'Capital of France?', points: 1, accepted_answers: ['Paris', secrets[1]] },
      num: { question_type: 'numeric', question_text: 'Pi to two decimals?', points: 1, numeric: { mode: 'tolerance', value: 3.14, tolerance: 0.005 } },
      match: {
        question_type: 'matching',
        question_text: 'Match the sums',
        points: 2,
        pairs: [
          { prompt: '2+2', match: 'four' },
          { prompt: '3+3', match: 'six' },
        ],
        distractors: [{ text: 'seven' }],
      },
      order: {
        question_type: 'ordering',
        question_text: 'Smallest first',
        points: 1,
        options: [{ text: 'one' }, { text: 'two' }, { text: 'three' }],
      },
    };
    const ids: Record<string, string> = {};
    for (const [name, def] of Object.entries(questionDefs)) {
      const q = ok(await api.post(`${base}/questions`, def, as(owner)), 201, `create question ${name}`);
      expect(q).toMatchObject({ quiz_id: quiz.id, question_type: def.question_type, version: 1 });
      ids[name] = q.id;
    }
    const listed = ok(await api.get(`${base}/questions`, as(owner)), 200, 'list questions');
    expect(listed.total).toBe(7);
    expect(listed.questions).toHaveLength(7);
    const mcQuestion = listed.questions.find((q: { id: string }) => q.id === ids.mc);
    // The owner's view has the key; option_text is an alias of text.
    expect(mcQuestion.options.map((o: any) => [o.text, o.option_text, o.is_correct])).toEqual([
      ['Rome', 'Rome', true],
      ['Milan', 'Milan', false],
      ['Turin', 'Turin', false],
    ]);
    expect(mcQuestion.explanation).toContain(secrets[0]);
    expect(listed.questions.find((q: { id: string }) => q.id === ids.tf).correct_answer).toBe('true');
    // absent per type: null (never "" or 0)
    expect(mcQuestion).toMatchObject({ pool_id: null, correct_answer: null, max_length: null, numeric: null });
    expect(listed.questions.find((q: { id: string }) => q.id === ids.num).numeric).toMatchObject({ mode: 'tolerance', value: 3.14 });
    // The service validates per type: a multiple_choice question with two correct options is a 422 with errors[].
    const twoCorrect = expectErrorBody(
      await api.post(`${base}/questions`, { ...questionDefs.mc, options: [{ text: 'a', is_correct: true }, { text: 'b', is_correct: true }] }, as(owner)),
      422,
    );
    expect(twoCorrect.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toContain('body.options');
    // ...and its field errors point into the body as sent (the RPC's `question.` wrapper is not the client's)
    const notAPool = expectErrorBody(await api.post(`${base}/questions`, { ...questionDefs.tf, pool_id: randomUUID() }, as(owner)), 422);
    expect(notAPool.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toEqual(['body.pool_id']);
    const retype = expectErrorBody(await api.put(`${base}/questions/${ids.tf}`, { question_type: 'short_answer' }, as(owner)), 422);
    expect(retype.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toEqual(['body.question_type']);

    // Reorder (the full order), a partial update making a new version, an essay added then deleted, a pool.
    const order = Object.values(ids);
    const reordered = ok(await api.post(`${base}/questions/reorder`, { question_ids: [...order].reverse() }, as(owner)), 200, 'reorder');
    expect(reordered.questions.map((q: { id: string }) => q.id)).toEqual([...order].reverse());
    ok(await api.post(`${base}/questions/reorder`, { question_ids: order }, as(owner)), 200, 'reorder back');
    expectErrorBody(await api.post(`${base}/questions/reorder`, { question_ids: order.slice(1) }, as(owner)), 422);
    const updated = ok(await api.put(`${base}/questions/${ids.mc}`, { question_text: 'Capital of Italy (city)?' }, as(owner)), 200, 'update question');
    expect(updated).toMatchObject({ version: 2, question_text: 'Capital of Italy (city)?', points: 1 });
    expect(updated.options.map((o: { text: string }) => o.text)).toEqual(['Rome', 'Milan', 'Turin']);
    const essay = ok(await api.post(`${base}/questions`, { question_type: 'essay', question_text: 'Discuss.', points: 5 }, as(owner)), 201, 'essay');
    expect(essay.max_length).toBe(20000);
    expect((await api.delete(`${base}/questions/${essay.id}`, as(owner))).status).toBe(204);
    const pool = ok(await api.post(`${base}/pools`, { title: 'Spare', draw_count: 1 }, as(owner)), 201, 'pool');
    expect(ok(await api.put(`${base}/pools/${pool.id}`, { title: 'Spare questions' }, as(owner)), 200, 'update pool')).toMatchObject({
      title: 'Spare questions',
      draw_count: 1,
    });
    expect((await api.delete(`${base}/pools/${pool.id}`, as(owner))).status).toBe(204);
    const partial = ok(await api.put(base, { description: 'Seven questions' }, as(owner)), 200, 'update quiz');
    expect(partial).toMatchObject({ description: 'Seven questions', title: 'Capitals and numbers', passing_score: 60 });

    const published = ok(await api.post(`${base}/publish`, undefined, as(owner)), 200, 'publish quiz');
    expect(published).toMatchObject({ is_published: true, total_questions: 7, total_points: 9, question_count: 7, is_open: true });

    // ---- the student
    const studentBodies: { what: string; body: unknown }[] = [];
    const seen = (what: string, res: ApiResponse) => {
      studentBodies.push({ what, body: res.body });
      return res;
    };
    expectErrorBody(seen('start before enrolling', await api.post(`/api/v1/quizzes/${quiz.id}/attempts`, undefined, as(student))), 403);
    const enrollmentId = await enrol(student, courseId);

    const list = ok(seen('list quizzes', await api.get(quizzes, as(student))), 200, 'student lists quizzes');
    expect(list.quizzes.map((q: { id: string }) => q.id)).toEqual([quiz.id]);
    expect(list.total).toBe(1);
    expect(list.quizzes[0].pools).toEqual([]);
    ok(seen('get quiz', await api.get(base, as(student))), 200, 'student gets quiz');
    expectErrorBody(await api.get(`${base}/questions`, as(student)), 403);

    const attempts = `/api/v1/quizzes/${quiz.id}/attempts`;
    const started = seen('start', await api.post(attempts, undefined, as(student)));
    const attempt = ok(started, 201, 'start attempt');
    expect(attempt).toMatchObject({ quiz_id: quiz.id, course_id: courseId, student_id: student.userId, attempt_number: 1, status: 'in_progress', resumed: false, total_questions: 7, max_score: 9 });
    expect(attempt.deadline_at).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(attempt.submitted_at).toBeNull();
    expect(attempt.time_remaining_seconds).toBeGreaterThan(29 * 60);
    const again = seen('start again', await api.post(attempts, undefined, as(student)));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: attempt.id, resumed: true });

    const paper = ok(seen('paper', await api.get(`${attempts}/start`, as(student))), 200, 'paper');
    expect(paper.attempt.id).toBe(attempt.id);
    expect(paper.quiz.id).toBe(quiz.id);
    expect(paper.questions).toHaveLength(7);
    const byId = Object.fromEntries(paper.questions.map((q: { id: string }) => [q.id, q]));
    const optionId = (name: string, text: string) => byId[ids[name]].options.find((o: { text: string }) => o.text === text).id;
    const rome = byId[ids.mc].options.find((o: any) => o.option_text === 'Rome');
    expect(rome).toEqual({ id: rome.id, text: 'Rome', option_text: 'Rome' });
    const matchQ = byId[ids.match];
    expect(matchQ.prompts.map((p: { text: string }) => p.text)).toEqual(['2+2', '3+3']);
    expect(matchQ.matches.map((m: { text: string }) => m.text).sort()).toEqual(['four', 'seven', 'six']);
    const matchId = (text: string) => matchQ.matches.find((m: { text: string }) => m.text === text).id;
    const itemId = (text: string) => byId[ids.order].items.find((m: { text: string }) => m.text === text).id;

    const saved = seen(
      'save',
      await api.put(
        `${attempts}/${attempt.id}/answers`,
        {
          answers: [
            { question_id: ids.mc, selected_option_id: optionId('mc', 'Milan') },
            { question_id: ids.tf, answer_boolean: true },
          ],
        },
        as(student),
      ),
    );
    expect(ok(saved, 200, 'save').answers).toHaveLength(2);
    // saving again overwrites by question
    const resaved = seen('save again', await api.put(`${attempts}/${attempt.id}/answers`, { answers: [{ question_id: ids.mc, selected_option_id: optionId('mc', 'Rome') }] }, as(student)));
    const mcSaved = ok(resaved, 200, 'save again').answers.find((a: { question_id: string }) => a.question_id === ids.mc);
    expect(mcSaved.selected_option_ids).toEqual([optionId('mc', 'Rome')]);
    expectErrorBody(await api.put(`${attempts}/${attempt.id}/answers`, { answers: [{ question_id: ids.mc, selected_option_id: 'nope' }] }, as(student)), 422);
    const before = ok(seen('my attempts before submit', await api.get(`${attempts}/my-attempts`, as(student))), 200, 'my attempts');
    expect(before).toMatchObject({ scoring_policy: 'highest', attempts_used: 1, attempts_remaining: 2, passed: false });
    expect(before.attempts.map((a: { status: string }) => a.status)).toEqual(['in_progress']);
    expect(before).toMatchObject({ total: 1, kept_percentage: null, kept_score: null });
    expect(before.attempts[0]).toMatchObject({ submitted_at: null, graded_at: null, is_passed: false });
    ok(seen('attempt in progress', await api.get(`${attempts}/${attempt.id}`, as(student))), 200, 'get attempt in progress');

    const submitted = seen(
      'submit',
      await api.post(
        `${attempts}/${attempt.id}/submit`,
        {
          answers: [
            { question_id: ids.ma, selected_option_ids: [optionId('ma', '2'), optionId('ma', '3')] },
            { question_id: ids.sa, answer_text: '  paris ' },
            { question_id: ids.num, answer_number: 3.141 },
            { question_id: ids.match, matches: [{ prompt_id: matchQ.prompts[0].id, match_id: matchId('four') }, { prompt_id: matchQ.prompts[1].id, match_id: matchId('six') }] },
            { question_id: ids.order, order: [itemId('one'), itemId('two'), itemId('three')] },
          ],
        },
        as(student),
      ),
    );
    const result = ok(submitted, 200, 'submit');
    expect(result).toMatchObject({ score: 9, max_score: 9, percentage: 100, passed: true, is_passed: true, answers_revealed: false, passing_score: 60 });
    expect(result).toMatchObject({ id: attempt.id, status: 'graded', submitted_at: expect.any(String), graded_at: expect.any(String) });
    expect(result.answers).toHaveLength(7);
    expect(result.attempt).toMatchObject({ id: attempt.id, status: 'graded' });
    expect(result.questions.every((q: { correctness: string }) => q.correctness === 'correct')).toBe(true);
    expectErrorBody(await api.post(`${attempts}/${attempt.id}/submit`, undefined, as(student)), 409);
    const after = ok(seen('my attempts after submit', await api.get(`${attempts}/my-attempts`, as(student))), 200, 'my attempts');
    expect(after).toMatchObject({ passed: true, kept_percentage: 100, kept_score: 9, attempts_used: 1, attempts_remaining: 2 });
    ok(seen('attempt after submit', await api.get(`${attempts}/${attempt.id}`, as(student))), 200, 'get attempt');

    // No answer key in anything the student received (show_correct_answers: never).
    const leaks = studentBodies.flatMap(({ what, body }) => keyLeaks(body, secrets).map((l) => `${what}: ${l}`));
    expect(leaks).toEqual([]);

    // ---- the enrollment service completes the quiz lesson on quiz.passed: 1 of 2 lessons
    await eventually(async () => {
      const progress = ok(await api.get(`/api/v1/enrollments/${enrollmentId}/progress`, as(student)), 200, 'progress');
      const lesson = progress.lessons.find((l: { lesson_id: string }) => l.lesson_id === quizLesson);
      expect(lesson.progress.status).toBe('completed');
      expect(progress.lessons.find((l: { lesson_id: string }) => l.lesson_id === textLesson).progress.status).toBe('not_started');
      expect(progress.enrollment).toMatchObject({ completed_lessons_count: 1, total_lessons_count: 2, progress_percentage: 50 });
    });

    // ---- the course side: the owner sees everything, keys included
    const ownerView = ok(await api.get(`${attempts}/${attempt.id}`, as(owner)), 200, 'owner gets attempt');
    expect(ownerView.answers_revealed).toBe(true);
    expect(ownerView.questions.find((q: { question_id: string }) => q.question_id === ids.mc).explanation).toContain(secrets[0]);
    expect(ownerView.questions.find((q: { question_id: string }) => q.question_id === ids.sa).accepted_answers).toEqual(['Paris', secrets[1]]);
    const page = ok(await api.get(`${attempts}?page=1&page_size=10&status=graded`, as(owner)), 200, 'list attempts');
    expect(page).toMatchObject({ total: 1, page: 1, page_size: 10, total_pages: 1 });
    expect(page.attempts[0]).toMatchObject({ id: attempt.id, student_id: student.userId, passed: true, is_passed: true, percentage: 100 });
    expect(ok(await api.get(`${attempts}?student_id=${randomUUID()}`, as(admin)), 200, 'admin lists attempts')).toMatchObject({ total: 0, total_pages: 0 });

    // ---- regrading: the key of the true/false question changes (a new version); dry run first, then for real
    ok(await api.put(`${base}/questions/${ids.tf}`, { correct_answer: 'false' }, as(owner)), 200, 'change key');
    const dry = ok(await api.post(`/api/v1/quizzes/${quiz.id}/regrade?dry_run=true`, undefined, as(owner)), 200, 'dry run');
    expect(dry).toMatchObject({ quiz_id: quiz.id, dry_run: true, attempts_examined: 1, question_ids: [ids.tf] });
    expect(dry.changes).toEqual([expect.objectContaining({ attempt_id: attempt.id, old_score: 9, new_score: 8, old_passed: true, new_passed: true, question_ids: [ids.tf] })]);
    expect(ok(await api.get(`${attempts}/${attempt.id}`, as(owner)), 200, 'unchanged').score).toBe(9);
    expect(dry).toMatchObject({ status: 'done', truncated: false, attempts_total: 1, error: null });
    // A real regrade is a job: 202 with the run (pending) and its Location; followed until done.
    const accepted = await api.post(`/api/v1/quizzes/${quiz.id}/regrade`, {}, as(owner));
    const requested = ok(accepted, 202, 'regrade');
    expect(requested).toMatchObject({ dry_run: false, status: 'pending', attempts_total: 1, attempts_examined: 0, finished_at: null, error: null });
    expect(accepted.headers.get('location')).toBe(`/api/v1/quizzes/${quiz.id}/regrades/${requested.id}`);
    let real: Record<string, unknown> = requested;
    await eventually(async () => {
      real = ok(await api.get(`/api/v1/quizzes/${quiz.id}/regrades/${requested.id}`, as(owner)), 200, 'regrade run');
      expect(real.status).toBe('done');
    });
    expect(real).toMatchObject({ dry_run: false, attempts_examined: 1, batches_done: 1, question_ids: [ids.tf], error: null });
    expect(real.finished_at).toEqual(expect.any(String));
    expect(ok(await api.get(`${attempts}/${attempt.id}`, as(student)), 200, 'regraded').score).toBe(8);
    const audits = ok(await api.get(`/api/v1/quizzes/${quiz.id}/regrades`, as(owner)), 200, 'regrades');
    expect(audits.total).toBe(2);
    expect(audits.regrades.map((r: { dry_run: boolean }) => r.dry_run).sort()).toEqual([false, true]);

    // A quiz with attempts cannot be deleted; it can be unpublished.
    expectErrorBody(await api.delete(base, as(owner)), 409);
    expect(ok(await api.post(`${base}/unpublish`, undefined, as(owner)), 200, 'unpublish').is_published).toBe(false);
  });

  test("When the seed's documented bodies are sent (rows 19-26), then they are accepted and the documented fields come back with their types", async () => {
    const { api, owner, student } = fleet;
    const { courseId, quizLessons } = await quizCourse(2);
    const quizzes = `/api/v1/courses/${courseId}/quizzes`;

    // Row 21: the seed's body (show_correct_answers a boolean), on our quiz lesson; no time limit, no attempt cap.
    const seedSettings = { ...SEED_QUIZ, time_limit_minutes: null, max_attempts: null };
    const quiz = ok(await api.post(quizzes, { lesson_id: quizLessons[0], ...seedSettings }, as(owner)), 201, 'create (seed body)');
    expect(quiz).toMatchObject({
      ...seedSettings,
      show_correct_answers: 'after_submit',
      time_limit_minutes: null,
      max_attempts: null,
      available_from: null,
      available_until: null,
      published_at: null,
    });
    // Without lesson_id: 422 (the documented deviation: a quiz belongs to a quiz lesson).
    const noLesson = expectErrorBody(await api.post(quizzes, seedSettings, as(owner)), 422);
    expect(noLesson.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toEqual(['body.lesson_id']);
    const draft = ok(await api.post(quizzes, { lesson_id: quizLessons[1], title: 'Draft', quiz_type: 'final', show_correct_answers: false }, as(owner)), 201, 'draft');
    expect(draft).toMatchObject({ quiz_type: 'final', show_correct_answers: 'never' });
    const base = `${quizzes}/${quiz.id}`;

    // Row 22: multiple choice with option_text; true/false with the key as the string "false"; short answer "Cairo".
    const mc = ok(
      await api.post(
        `${base}/questions`,
        SEED_MULTIPLE_CHOICE,
        as(owner),
      ),
      201,
      'mc (seed body)',
    );
    expect(mc.options.map((o: any) => [o.option_text, o.is_correct])).toEqual([
      ["<class 'list'>", true],
      ["<class 'dict'>", false],
      ["<class 'tuple'>", false],
    ]);
    const tf = ok(
      await api.post(
        `${base}/questions`,
        SEED_TRUE_FALSE,
        as(owner),
      ),
      201,
      'tf (seed body)',
    );
    expect(tf.correct_answer).toBe('false');
    const sa = ok(
      await api.post(`${base}/questions`, { question_text: 'Capital of Egypt?', question_type: 'short_answer', points: 3, correct_answer: 'Cairo' }, as(owner)),
      201,
      'short answer (seed body)',
    );
    expect(sa).toMatchObject({ accepted_answers: ['Cairo'], correct_answer: null });
    const sa2 = ok(
      await api.post(
        `${base}/questions`,
        { question_text: 'Capital of Egypt, in Arabic?', question_type: 'short_answer', points: 1, correct_answer: 'Al-Qahira', accepted_answers: ['al-qahira', 'Masr'] },
        as(owner),
      ),
      201,
      'short answer (both forms)',
    );
    expect(sa2.accepted_answers).toEqual(['Al-Qahira', 'Masr']);
    const badTf = expectErrorBody(await api.post(`${base}/questions`, { question_text: 'x?', question_type: 'true_false', points: 1, correct_answer: 'yes' }, as(owner)), 422);
    expect(badTf.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toEqual(['body.correct_answer']);
    ok(await api.post(`${base}/publish`, undefined, as(owner)), 200, 'publish');
    await enrol(student, courseId);

    // Row 19: {quizzes, total} with the documented fields (students see published quizzes only).
    const list = ok(await api.get(quizzes, as(student)), 200, 'list');
    expect(list.total).toBe(1);
    const listed = list.quizzes[0];
    expect(listed).toMatchObject({
      id: quiz.id,
      title: 'Python Advanced Quiz',
      description: 'Test advanced Python concepts',
      quiz_type: 'graded',
      time_limit_minutes: null,
      passing_score: 70,
      max_attempts: null,
      total_questions: 4,
      total_points: 11,
      is_published: true,
    });
    // Row 20: the quiz for an enrolled student, without questions; an unpublished one is a 404.
    const details = ok(await api.get(base, as(student)), 200, 'get quiz');
    expect(details).toMatchObject({ id: quiz.id, title: 'Python Advanced Quiz', is_published: true, total_questions: 4 });
    expect(details).not.toHaveProperty('questions');
    expectErrorBody(await api.get(`${quizzes}/${draft.id}`, as(student)), 404);

    // Row 23: 201 with the documented fields; untimed → deadline_at and time_remaining_seconds null.
    const attempts = `/api/v1/quizzes/${quiz.id}/attempts`;
    const attempt = ok(await api.post(attempts, undefined, as(student)), 201, 'start');
    expect(attempt).toMatchObject({ quiz_id: quiz.id, attempt_number: 1, status: 'in_progress', max_score: 11, deadline_at: null, time_remaining_seconds: null });
    expect(typeof attempt.id).toBe('string');
    expect(Date.parse(attempt.started_at)).not.toBeNaN();
    const resumed = await api.post(attempts, undefined, as(student));
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ id: attempt.id, resumed: true, deadline_at: null, time_remaining_seconds: null, submitted_at: null });

    // Row 24: quiz{id, title, time_limit_minutes, total_questions, total_points}, questions[]{…, options[]{id, option_text}}, no keys.
    const paper = ok(await api.get(`${attempts}/start`, as(student)), 200, 'paper');
    expect(paper.quiz).toMatchObject({ id: quiz.id, title: 'Python Advanced Quiz', time_limit_minutes: null, total_questions: 4, total_points: 11 });
    expect(paper.questions).toHaveLength(4);
    for (const q of paper.questions) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'question_text', 'question_type', 'points', 'options']));
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'option_text', 'text']);
    }
    expect(keyLeaks(paper, ['Empty brackets', 'interpreted language', 'Cairo', 'Masr'])).toEqual([]);
    const paperMc = paper.questions.find((q: { id: string }) => q.id === mc.id);
    const listOption = paperMc.options.find((o: { option_text: string }) => o.option_text === "<class 'list'>");

    // Row 25: the seed's answers ({question_id, selected_option_id} | {question_id, answer_text}); the documented result fields.
    const submitted = await api.post(
      `${attempts}/${attempt.id}/submit`,
      {
        answers: [
          { question_id: mc.id, selected_option_id: listOption.id },
          { question_id: tf.id, answer_text: 'false' },
          { question_id: sa.id, answer_text: ' cairo ' },
          { question_id: sa2.id, answer_text: 'Cairo' },
        ],
      },
      as(student),
    );
    const result = ok(submitted, 200, 'submit');
    expect(result).toMatchObject({ id: attempt.id, status: 'graded', score: 10, max_score: 11, percentage: 90.91, is_passed: true, passed: true });
    expect(Date.parse(result.submitted_at)).not.toBeNaN();
    expect(Date.parse(result.graded_at)).not.toBeNaN();
    expect(Number.isInteger(result.time_spent_seconds)).toBe(true);
    const lines = Object.fromEntries(result.answers.map((a: { question_id: string }) => [a.question_id, a]));
    expect(lines[mc.id]).toMatchObject({ is_correct: true, points_earned: 5 });
    expect(lines[tf.id]).toMatchObject({ is_correct: true, points_earned: 2 });
    expect(lines[sa.id]).toMatchObject({ is_correct: true, points_earned: 3 });
    expect(lines[sa2.id]).toMatchObject({ is_correct: false, points_earned: 0 });

    // Row 26: an object (deviation from the bare array) whose `attempts` have the documented fields.
    const mine = ok(await api.get(`${attempts}/my-attempts`, as(student)), 200, 'my attempts');
    expect(mine).toMatchObject({ total: 1, scoring_policy: 'highest', kept_percentage: 90.91, passed: true, attempts_used: 1, attempts_remaining: null });
    expect(mine.attempts).toEqual([
      expect.objectContaining({ id: attempt.id, attempt_number: 1, status: 'graded', score: 10, percentage: 90.91, is_passed: true, submitted_at: result.submitted_at }),
    ]);
  });

  test('When callers are not allowed, then anonymous 401, students 403 on management, other instructors 403/404, strangers 403/404', async () => {
    const { api, owner, other, student, otherStudent, admin } = fleet;
    const { courseId, quizLessons } = await quizCourse(1);
    const base = `/api/v1/courses/${courseId}/quizzes`;
    const quiz = ok(await api.post(base, { lesson_id: quizLessons[0], title: 'Guarded' }, as(owner)), 201, 'quiz');
    const tf = ok(
      await api.post(`${base}/${quiz.id}/questions`, { question_type: 'true_false', question_text: 'Sky is blue?', points: 1, correct_answer: 'true' }, as(owner)),
      201,
      'question',
    );
    ok(await api.post(`${base}/${quiz.id}/publish`, undefined, as(owner)), 200, 'publish');
    await enrol(student, courseId);
    const attempts = `/api/v1/quizzes/${quiz.id}/attempts`;
    const attempt = ok(await api.post(attempts, undefined, as(student)), 201, 'start');

    // anonymous
    expectErrorBody(await api.get(base), 401);
    expectErrorBody(await api.post(attempts), 401);
    expectErrorBody(await api.get(`${attempts}/${attempt.id}`), 401);

    // a student on the management routes: the gateway's role guard
    const quizPath = `${base}/${quiz.id}`;
    for (const [method, path, body] of [
      ['POST', base, { lesson_id: quizLessons[0], title: 'Mine now' }],
      ['PUT', quizPath, { title: 'Mine now' }],
      ['DELETE', quizPath, undefined],
      ['POST', `${quizPath}/publish`, undefined],
      ['GET', `${quizPath}/questions`, undefined],
      ['PUT', `${quizPath}/questions/${tf.id}`, { points: 5 }],
      ['GET', attempts, undefined],
      ['POST', `${attempts}/${attempt.id}/grade`, { grades: [{ question_id: tf.id, points: 1 }] }],
      ['POST', `/api/v1/quizzes/${quiz.id}/regrade`, undefined],
    ] as const) {
      const res = await api.call(method, path, { ...as(student), ...(body ? { body } : {}) });
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }

    // another instructor: the quiz service's ownership rule (403 when the course is visible, else 404)
    for (const [method, path, body] of [
      ['POST', base, { lesson_id: quizLessons[0], title: 'Mine now' }],
      ['PUT', quizPath, { title: 'Mine now' }],
      ['DELETE', quizPath, undefined],
      ['POST', `${quizPath}/unpublish`, undefined],
      ['GET', `${quizPath}/questions`, undefined],
      ['POST', `${quizPath}/questions`, { question_type: 'true_false', question_text: 'x', points: 1, correct_answer: true }],
      ['DELETE', `${quizPath}/questions/${tf.id}`, undefined],
      ['GET', attempts, undefined],
      ['GET', `${attempts}/${attempt.id}`, undefined],
      ['POST', `/api/v1/quizzes/${quiz.id}/regrade?dry_run=true`, undefined],
      ['GET', `/api/v1/quizzes/${quiz.id}/regrades`, undefined],
    ] as const) {
      const res = await api.call(method, path, { ...as(other), ...(body ? { body } : {}) });
      expect([method, path, [403, 404].includes(res.status)]).toEqual([method, path, true]);
    }
    // admins may
    expect(ok(await api.get(`${quizPath}/questions`, as(admin)), 200, 'admin questions').total).toBe(1);
    expect(ok(await api.get(attempts, as(admin)), 200, 'admin attempts').total).toBe(1);

    // a student who is not enrolled cannot start (403) nor read the paper
    expectErrorBody(await api.post(attempts, undefined, as(otherStudent)), 403);
    expect([403, 404]).toContain((await api.get(`${attempts}/start`, as(otherStudent))).status);
    expect([403, 404]).toContain((await api.get(quizPath, as(otherStudent))).status);
    // ...and once enrolled, another student's attempt is a 404 (no probing)
    await enrol(otherStudent, courseId);
    expectErrorBody(await api.get(`${attempts}/${attempt.id}`, as(otherStudent)), 404);
    expectErrorBody(await api.put(`${attempts}/${attempt.id}/answers`, { answers: [{ question_id: tf.id, answer_boolean: true }] }, as(otherStudent)), 404);
    expectErrorBody(await api.post(`${attempts}/${attempt.id}/submit`, undefined, as(otherStudent)), 404);
    expectErrorBody(await api.get(`${attempts}/${randomUUID()}`, as(student)), 404);
    // the quiz under another course's path is not found
    const elsewhere = await quizCourse(0);
    expectErrorBody(await api.get(`/api/v1/courses/${elsewhere.courseId}/quizzes/${quiz.id}`, as(owner)), 404);
  });

  test('When an essay is submitted, then it waits for a grader; once graded the student passes and sees keys as after_submit allows', async () => {
    const { api, owner, student } = fleet;
    const { courseId, quizLessons } = await quizCourse(1);
    const base = `/api/v1/courses/${courseId}/quizzes`;
    const quiz = ok(
      await api.post(base, { lesson_id: quizLessons[0], title: 'Essays', quiz_type: 'practice', passing_score: 50, show_correct_answers: 'after_submit' }, as(owner)),
      201,
      'quiz',
    );
    expect(quiz).toMatchObject({ quiz_type: 'practice', show_correct_answers: 'after_submit' });
    const essay = ok(
      await api.post(`${base}/${quiz.id}/questions`, { question_type: 'essay', question_text: 'Why test?', points: 4, explanation: 'Confidence.', max_length: 500 }, as(owner)),
      201,
      'essay',
    );
    ok(await api.post(`${base}/${quiz.id}/publish`, undefined, as(owner)), 200, 'publish');
    await enrol(student, courseId);
    const attempts = `/api/v1/quizzes/${quiz.id}/attempts`;
    const attempt = ok(await api.post(attempts, undefined, as(student)), 201, 'start');
    const paper = ok(await api.get(`${attempts}/start`, as(student)), 200, 'paper');
    expect(paper.questions[0]).toMatchObject({ id: essay.id, question_type: 'essay', max_length: 500 });
    expect(keyLeaks(paper, ['Confidence.'])).toEqual([]);

    const submitted = ok(
      await api.post(`${attempts}/${attempt.id}/submit`, { answers: [{ question_id: essay.id, answer_text: 'To sleep well.' }] }, as(student)),
      200,
      'submit',
    );
    expect(submitted).toMatchObject({ passed: false, is_passed: false, status: 'pending_review', graded_at: null, attempt: { status: 'pending_review' } });
    expect(submitted.questions[0]).toMatchObject({ correctness: 'pending_review', answer: { answer_text: 'To sleep well.' } });
    const pending = ok(await api.get(`${attempts}?status=pending_review`, as(owner)), 200, 'pending');
    expect(pending.attempts.map((a: { id: string }) => a.id)).toEqual([attempt.id]);

    const grades = `${attempts}/${attempt.id}/grade`;
    expectErrorBody(await api.post(grades, { grades: [{ question_id: essay.id, points: 5 }] }, as(owner)), 422); // above its points
    const graded = ok(await api.post(grades, { grades: [{ question_id: essay.id, points: 3, feedback: 'Good point.' }] }, as(owner)), 200, 'grade');
    expect(graded).toMatchObject({ score: 3, max_score: 4, percentage: 75, passed: true, attempt: { status: 'graded' } });
    const mine = ok(await api.get(`${attempts}/${attempt.id}`, as(student)), 200, 'result');
    expect(mine.questions[0]).toMatchObject({ points_earned: 3, feedback: 'Good point.', answers_revealed: true, explanation: 'Confidence.' });
  });

  test('When the quiz service stops, then quiz routes answer 503 with Retry-After and /readyz stays 200', async () => {
    const { api, student } = fleet;
    await fleet.stopQuiz();
    const unavailable = await api.get(`/api/v1/quizzes/${randomUUID()}/attempts/my-attempts`, as(student));
    expectErrorBody(unavailable, 503);
    expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.get('/readyz')).status).toBe(200);
  });
});

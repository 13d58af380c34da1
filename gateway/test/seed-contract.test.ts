import { strongPassword, uniqueEmail } from './support/auth';
import { contractProblems, expectDocumented } from './support/contract';
import { startQuizFleet, type QuizFleet } from './support/quiz';
import type { Api } from './support/http';
import { SEED_MULTIPLE_CHOICE, SEED_QUIZ, SEED_TRUE_FALSE } from './support/seed-examples';

/**
 * The seed's documented contract (`../shared/spec/seed-part4.md` §5–6, seed lines 19176–20742), sent
 * as documented to the real fleet (auth, catalog, enrollment, quiz and the gateway over real PostgreSQL,
 * RabbitMQ and Redis). Each documented request goes out with the documented body; each documented
 * response field must be there with the documented type. Deliberate deviations are in
 * docs/api-compat.md and asserted here as such.
 */
describe("The seed's documented API contract, end to end", () => {
  let fleet: QuizFleet;
  let api: Api;
  const category = `Web Development ${Date.now()}`;
  /** Filled as the documented walkthrough goes. */
  const ctx: Record<string, string> = {};

  beforeAll(async () => {
    fleet = await startQuizFleet('contract');
    api = fleet.api;
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  test('Row 42–43, 46: GET /, GET /health, /docs and /redoc answer as documented', async () => {
    expectDocumented((await api.get('/')).body, { message: "'LMS API'", version: 'string' }, 'GET /');
    expect((await api.get('/health')).body).toEqual({ status: 'healthy' });
    expect((await api.get('/docs')).status).toBe(200);
    expect((await api.get('/redoc')).status).toBe(200);
  });

  test('Rows 1–4: register, login, refresh, me with the documented bodies and fields', async () => {
    const email = uniqueEmail('seed.student');
    const password = strongPassword();
    const reg = await api.post('/api/v1/auth/register', { email, password, full_name: 'Ahmed Mohamed', role: 'student' });
    expect(reg.status).toBe(201);
    expectDocumented(
      reg.body,
      { id: 'uuid', email: 'string', full_name: 'string', role: "'student'", is_active: 'boolean', email_verified: 'boolean', created_at: 'timestamp' },
      'POST /auth/register',
    );
    expect(reg.body.email_verified).toBe(false);

    const login = await api.post('/api/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    expectDocumented(
      login.body,
      { access_token: 'string', refresh_token: 'string', token_type: "'bearer'", expires_in: 'integer' },
      'POST /auth/login',
    );

    const refreshed = await api.post('/api/v1/auth/refresh', { refresh_token: login.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expectDocumented(refreshed.body, { access_token: 'string', token_type: "'bearer'", expires_in: 'integer' }, 'POST /auth/refresh');

    const me = await api.get('/api/v1/auth/me', { token: refreshed.body.access_token });
    expect(me.status).toBe(200);
    expectDocumented(
      me.body,
      { id: 'uuid', email: 'string', full_name: 'string', role: 'string', is_active: 'boolean', created_at: 'timestamp' },
      'GET /auth/me',
    );
    // Absent values are null, never "".
    expect(me.body.last_login_at === null || typeof me.body.last_login_at === 'string').toBe(true);
    expect(me.body.avatar_url).toBeNull();

    // Deviation (docs/api-compat.md): sign-up never creates an admin.
    const admin = await api.post('/api/v1/auth/register', { email: uniqueEmail('seed.admin'), password, full_name: 'Mallory', role: 'admin' });
    expect(admin.status).toBe(403);
    expect(admin.body).toMatchObject({ detail: expect.any(String) });
  });

  test('Rows 7–9, 12, 5–6, 10: an instructor creates, fills and publishes a course exactly as documented; the catalogue shows it', async () => {
    const { owner } = fleet;
    // Row 7, the documented body verbatim (slug made unique per run).
    const create = await api.post(
      '/api/v1/courses',
      {
        title: 'Advanced Django Development',
        slug: `advanced-django-development-${Date.now()}`,
        description: 'Master Django framework',
        long_description: 'Detailed description...',
        category,
        difficulty_level: 'advanced',
        price: 799.99,
        currency: 'EGP',
        requirements: ['Python knowledge', 'Basic web concepts'],
        learning_objectives: ['Build REST APIs', 'Deploy Django apps'],
      },
      { token: owner.access },
    );
    expect(create.status).toBe(201);
    expectDocumented(
      create.body,
      { id: 'uuid', title: 'string', slug: 'string', instructor_id: 'uuid', is_published: 'boolean', created_at: 'timestamp' },
      'POST /courses',
    );
    expect(create.body.is_published).toBe(false);
    expect(create.body).toMatchObject({ price: 799.99, currency: 'EGP' });
    ctx.courseId = create.body.id;

    // Row 8: partial update with title and price.
    const update = await api.put(`/api/v1/courses/${ctx.courseId}`, { title: 'Advanced Django Development 2026', price: 899.5 }, { token: owner.access });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ title: 'Advanced Django Development 2026', price: 899.5, currency: 'EGP' });

    // Row 12: the documented lesson body, in a real section of the course.
    const section = await api.post(`/api/v1/courses/${ctx.courseId}/sections`, { title: 'Basics' }, { token: owner.access });
    expect(section.status).toBe(201);
    ctx.sectionId = section.body.id;
    const lesson = await api.post(
      `/api/v1/courses/${ctx.courseId}/lessons`,
      {
        title: 'Functions in Python',
        slug: 'functions-in-python',
        content: 'Lesson content...',
        lesson_type: 'video',
        duration_minutes: 25,
        video_url: 'https://videos.example.com/functions.mp4',
        section_id: ctx.sectionId,
        is_preview: false,
      },
      { token: owner.access },
    );
    expect(lesson.status).toBe(201);
    ctx.lessonId = lesson.body.id;
    const second = await api.post(
      `/api/v1/courses/${ctx.courseId}/lessons`,
      { title: 'Classes in Python', content: 'More content', lesson_type: 'text', duration_minutes: 15, section_id: ctx.sectionId, is_preview: true },
      { token: owner.access },
    );
    expect(second.status).toBe(201);
    ctx.secondLessonId = second.body.id;
    // Deviation (docs/api-compat.md): lessons are drafts until published with their own route.
    for (const id of [ctx.lessonId, ctx.secondLessonId]) {
      expect((await api.post(`/api/v1/lessons/${id}/publish`, undefined, { token: owner.access })).status).toBe(200);
    }

    // Row 9.
    const publish = await api.post(`/api/v1/courses/${ctx.courseId}/publish`, undefined, { token: owner.access });
    expect(publish.status).toBe(200);
    expectDocumented(publish.body, { id: 'uuid', is_published: 'boolean', published_at: 'timestamp' }, 'POST /courses/{id}/publish');
    expect(publish.body.is_published).toBe(true);

    // Row 5: anonymous list with the documented filters.
    const list = await api.get(`/api/v1/courses?page=1&page_size=20&category=${encodeURIComponent(category)}&difficulty_level=advanced&search=Django`);
    expect(list.status).toBe(200);
    expectDocumented(
      list.body,
      {
        'courses[]': {
          id: 'uuid',
          title: 'string',
          slug: 'string',
          description: 'string',
          category: 'string',
          difficulty_level: 'string',
          thumbnail_url: 'string|null',
          instructor: { id: 'uuid', full_name: 'string' },
          price: 'number',
          enrollment_count: 'integer',
          average_rating: 'number',
          total_lessons: 'integer',
          is_published: 'boolean',
          created_at: 'timestamp',
        },
        total: 'integer',
        page: 'integer',
        page_size: 'integer',
        total_pages: 'integer',
      },
      'GET /courses',
    );
    expect(list.body.courses.map((c: { id: string }) => c.id)).toEqual([ctx.courseId]);
    expect(list.body.courses[0].thumbnail_url).toBeNull();

    // Row 6.
    const detail = await api.get(`/api/v1/courses/${ctx.courseId}`);
    expect(detail.status).toBe(200);
    expectDocumented(
      detail.body,
      {
        id: 'uuid',
        title: 'string',
        slug: 'string',
        description: 'string',
        long_description: 'string|null',
        category: 'string',
        difficulty_level: "'advanced'",
        thumbnail_url: 'string|null',
        preview_video_url: 'string|null',
        instructor: { id: 'uuid', full_name: 'string', bio: 'string|null' },
        price: 'number',
        currency: "'EGP'",
        enrollment_count: 'integer',
        average_rating: 'number',
        total_reviews: 'integer',
        total_lessons: 'integer',
        total_quizzes: 'integer',
        estimated_duration_hours: 'number',
        requirements: 'array',
        learning_objectives: 'array',
        is_published: 'boolean',
        created_at: 'timestamp',
        updated_at: 'timestamp',
      },
      'GET /courses/{id}',
    );
    expect(detail.body.total_lessons).toBe(2);

    // Row 10: lessons and their section, in course order.
    const lessons = await api.get(`/api/v1/courses/${ctx.courseId}/lessons`);
    expect(lessons.status).toBe(200);
    expect(typeof lessons.body.total).toBe('number');
    const items = lessons.body.lessons as Record<string, unknown>[];
    const sectionItems = items.filter((l) => l.is_section === true);
    const lessonItems = items.filter((l) => l.is_section === false);
    expect(lessonItems.map((l) => l.id)).toEqual([ctx.lessonId, ctx.secondLessonId]);
    for (const l of lessonItems) {
      expectDocumented(
        l,
        {
          id: 'uuid',
          title: 'string',
          slug: 'string',
          lesson_type: 'string',
          is_section: 'boolean',
          section_id: 'uuid',
          order_index: 'integer',
          duration_minutes: 'integer',
          video_url: 'string|null',
          is_published: 'boolean',
          is_preview: 'boolean',
        },
        'GET /courses/{id}/lessons (lesson)',
      );
    }
    for (const s of sectionItems) {
      expectDocumented(s, { id: 'uuid', title: 'string', is_section: 'boolean', order_index: 'integer', lessons_count: 'integer' }, 'GET /courses/{id}/lessons (section)');
    }
    expect(lessonItems[1].video_url).toBeNull();
  });

  test("The seed's SDK flow: login → get_courses(category) → enroll(courses['courses'][0]['id']); rows 13–18 with the documented bodies", async () => {
    const { student } = fleet;
    // LMSAPI.login, then get_courses(category=…) with the session's bearer token.
    const login = await api.post('/api/v1/auth/login', { email: student.email, password: student.password });
    expect(login.status).toBe(200);
    const token = login.body.access_token as string;
    const courses = await api.get(`/api/v1/courses?category=${encodeURIComponent(category)}`, { token });
    expect(courses.status).toBe(200);
    const courseId = courses.body.courses[0].id as string;
    expect(courseId).toBe(ctx.courseId);

    // Row 13: enroll(course_id).
    const enrol = await api.post('/api/v1/enrollments', { course_id: courseId }, { token });
    expect(enrol.status).toBe(201);
    expectDocumented(
      enrol.body,
      {
        id: 'uuid',
        student_id: 'uuid',
        course_id: 'uuid',
        enrolled_at: 'timestamp',
        status: "'active'",
        progress_percentage: 'number',
        completed_lessons_count: 'integer',
        total_lessons_count: 'integer',
      },
      'POST /enrollments',
    );
    expect(enrol.body.progress_percentage).toBe(0);
    ctx.enrollmentId = enrol.body.id;
    // Row 13's documented error: already enrolled.
    const again = await api.post('/api/v1/enrollments', { course_id: courseId }, { token });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect(typeof again.body.detail).toBe('string');

    // Row 11: the lesson, read by the enrolled student.
    const lesson = await api.get(`/api/v1/lessons/${ctx.lessonId}`, { token });
    expect(lesson.status).toBe(200);
    expectDocumented(
      lesson.body,
      {
        id: 'uuid',
        title: 'string',
        slug: 'string',
        content: 'string',
        lesson_type: 'string',
        duration_minutes: 'integer',
        video_url: 'string|null',
        resources: 'array',
        is_completed: 'boolean',
        next_lesson_id: 'uuid|null',
        previous_lesson_id: 'uuid|null',
      },
      'GET /lessons/{id}',
    );
    expect(lesson.body).toMatchObject({ previous_lesson_id: null, next_lesson_id: ctx.secondLessonId, is_completed: false });

    // Row 16: the documented progress body.
    const progress = await api.put(
      `/api/v1/enrollments/${ctx.enrollmentId}/lessons/${ctx.lessonId}/progress`,
      { status: 'in_progress', time_spent_seconds: 180, last_position_seconds: 180, completion_percentage: 50.0, notes: 'Important concepts to review' },
      { token },
    );
    expect(progress.status).toBe(200);
    expectDocumented(
      progress.body,
      { id: 'uuid', lesson_id: 'uuid', status: "'in_progress'", completion_percentage: 'number', time_spent_seconds: 'integer', last_accessed_at: 'timestamp' },
      'PUT /enrollments/{id}/lessons/{lesson_id}/progress',
    );

    // Row 17.
    const complete = await api.post(`/api/v1/enrollments/${ctx.enrollmentId}/lessons/${ctx.lessonId}/complete`, undefined, { token });
    expect(complete.status).toBe(200);
    expectDocumented(
      complete.body,
      { id: 'uuid', lesson_id: 'uuid', status: "'completed'", completion_percentage: 'number', completed_at: 'timestamp' },
      'POST /enrollments/{id}/lessons/{lesson_id}/complete',
    );
    expect(complete.body.completion_percentage).toBe(100);

    // Row 14.
    const mine = await api.get('/api/v1/enrollments/my-courses?status=active', { token });
    expect(mine.status).toBe(200);
    expectDocumented(
      mine.body,
      {
        'enrollments[]': {
          id: 'uuid',
          course: { id: 'uuid', title: 'string', thumbnail_url: 'string|null' },
          enrolled_at: 'timestamp',
          progress_percentage: 'number',
          completed_lessons_count: 'integer',
          total_lessons_count: 'integer',
          time_spent_hours: 'number',
          last_accessed_at: 'timestamp|null',
        },
        total: 'integer',
        page: 'integer',
        page_size: 'integer',
      },
      'GET /enrollments/my-courses',
    );
    expect(mine.body.enrollments[0]).toMatchObject({ id: ctx.enrollmentId, completed_lessons_count: 1, total_lessons_count: 2, progress_percentage: 50 });

    // Row 15.
    const detail = await api.get(`/api/v1/enrollments/${ctx.enrollmentId}`, { token });
    expect(detail.status).toBe(200);
    expectDocumented(
      detail.body,
      {
        id: 'uuid',
        student_id: 'uuid',
        course_id: 'uuid',
        enrolled_at: 'timestamp',
        started_at: 'timestamp|null',
        completed_at: 'timestamp|null',
        status: 'string',
        progress_percentage: 'number',
        completed_lessons_count: 'integer',
        total_lessons_count: 'integer',
        total_time_spent_seconds: 'integer',
        certificate_url: 'string|null',
        rating: 'integer|null',
        review: 'string|null',
      },
      'GET /enrollments/{id}',
    );
    expect(detail.body).toMatchObject({ completed_at: null, certificate_url: null, rating: null, review: null });

    // Row 18: the documented review body (50 % completed ≥ the documented 20 %).
    const review = await api.post(
      `/api/v1/enrollments/${ctx.enrollmentId}/review`,
      { rating: 5, review: 'Excellent course! Very clear explanations and great examples. Highly recommended!' },
      { token },
    );
    expect(review.status).toBe(200);
    const reviewed = await api.get(`/api/v1/enrollments/${ctx.enrollmentId}`, { token });
    expect(reviewed.body).toMatchObject({ rating: 5, review: 'Excellent course! Very clear explanations and great examples. Highly recommended!' });
  });

  test('Rows 19–26: a quiz created, filled and taken with the documented bodies; documented fields in every answer', async () => {
    const { owner, student } = fleet;
    const as = (u: { access: string }) => ({ token: u.access });
    // Deviation (docs/api-compat.md): a quiz lives on a `quiz` lesson of the course (`lesson_id`).
    const quizLesson = await api.post(`/api/v1/courses/${ctx.courseId}/lessons`, { title: 'Python check', lesson_type: 'quiz', section_id: ctx.sectionId }, as(owner));
    expect(quizLesson.status).toBe(201);
    expect((await api.post(`/api/v1/lessons/${quizLesson.body.id}/publish`, undefined, as(owner))).status).toBe(200);

    // Row 21: the documented body (+ lesson_id).
    const created = await api.post(
      `/api/v1/courses/${ctx.courseId}/quizzes`,
      { lesson_id: quizLesson.body.id, ...SEED_QUIZ },
      as(owner),
    );
    expect(created.status).toBe(201);
    const quizId = created.body.id as string;
    const base = `/api/v1/courses/${ctx.courseId}/quizzes/${quizId}`;

    // Row 22: the documented multiple-choice and true/false bodies, verbatim.
    const mc = await api.post(`${base}/questions`, SEED_MULTIPLE_CHOICE, as(owner));
    expect(mc.status).toBe(201);
    const tf = await api.post(`${base}/questions`, SEED_TRUE_FALSE, as(owner));
    expect(tf.status).toBe(201);
    // The short-answer case: one accepted answer as `correct_answer`.
    const short = await api.post(
      `${base}/questions`,
      { question_text: 'Capital of Egypt?', question_type: 'short_answer', points: 3, correct_answer: 'Cairo' },
      as(owner),
    );
    expect(short.status).toBe(201);
    expect((await api.post(`${base}/publish`, undefined, as(owner))).status).toBe(200);

    // Row 19.
    const list = await api.get(`/api/v1/courses/${ctx.courseId}/quizzes`, as(student));
    expect(list.status).toBe(200);
    expectDocumented(
      list.body,
      {
        'quizzes[]': {
          id: 'uuid',
          title: 'string',
          description: 'string|null',
          quiz_type: "'graded'",
          time_limit_minutes: 'integer|null',
          passing_score: 'number',
          max_attempts: 'integer|null',
          total_questions: 'integer',
          total_points: 'number',
          is_published: 'boolean',
        },
        total: 'integer',
      },
      'GET /courses/{id}/quizzes',
    );
    expect(list.body.quizzes[0]).toMatchObject({ id: quizId, time_limit_minutes: 45, max_attempts: 3, total_questions: 3, total_points: 10 });

    // Row 20: details without questions.
    const detail = await api.get(base, as(student));
    expect(detail.status).toBe(200);
    expectDocumented(detail.body, { id: 'uuid', title: 'string', time_limit_minutes: 'integer|null', passing_score: 'number' }, 'GET /courses/{id}/quizzes/{quiz_id}');
    expect(detail.body.questions).toBeUndefined();

    // Row 23.
    const attempts = `/api/v1/quizzes/${quizId}/attempts`;
    const start = await api.post(attempts, undefined, as(student));
    expect(start.status).toBe(201);
    expectDocumented(
      start.body,
      { id: 'uuid', quiz_id: 'uuid', attempt_number: 'integer', status: "'in_progress'", started_at: 'timestamp', max_score: 'number' },
      'POST /quizzes/{id}/attempts',
    );
    expect(start.body).toMatchObject({ attempt_number: 1, max_score: 10 });

    // Row 24: the paper, shuffled, without keys.
    const paper = await api.get(`${attempts}/start`, as(student));
    expect(paper.status).toBe(200);
    expectDocumented(
      paper.body,
      {
        quiz: { id: 'uuid', title: 'string', time_limit_minutes: 'integer|null', total_questions: 'integer', total_points: 'number' },
        'questions[]': { id: 'uuid', question_text: 'string', question_type: 'string', points: 'number' },
      },
      'GET /quizzes/{id}/attempts/start',
    );
    const byType = Object.fromEntries(paper.body.questions.map((q: { question_type: string }) => [q.question_type, q]));
    for (const o of byType.multiple_choice.options) expectDocumented(o, { id: 'string', option_text: 'string' }, 'paper option');
    expect(JSON.stringify(paper.body)).not.toMatch(/"(is_correct|correct_answer|accepted_answers)"/);
    const listOption = byType.multiple_choice.options.find((o: { option_text: string }) => o.option_text === "<class 'list'>");

    // Row 25: both documented answer forms.
    const submit = await api.post(
      `${attempts}/${start.body.id}/submit`,
      {
        answers: [
          { question_id: byType.multiple_choice.id, selected_option_id: listOption.id },
          { question_id: byType.true_false.id, answer_text: 'false' },
          { question_id: byType.short_answer.id, answer_text: 'cairo' },
        ],
      },
      as(student),
    );
    expect(submit.status).toBe(200);
    expectDocumented(
      submit.body,
      {
        id: 'uuid',
        status: "'graded'",
        score: 'number',
        max_score: 'number',
        percentage: 'number',
        is_passed: 'boolean',
        submitted_at: 'timestamp',
        graded_at: 'timestamp',
        time_spent_seconds: 'integer',
        'answers[]': { question_id: 'uuid', is_correct: 'boolean', points_earned: 'number' },
      },
      'POST /quizzes/{id}/attempts/{attempt_id}/submit',
    );
    expect(submit.body).toMatchObject({ score: 10, max_score: 10, percentage: 100, is_passed: true });

    // Row 26 (deviation: an object, docs/api-compat.md).
    const mine = await api.get(`${attempts}/my-attempts`, as(student));
    expect(mine.status).toBe(200);
    expectDocumented(
      mine.body,
      {
        'attempts[]': { id: 'uuid', attempt_number: 'integer', status: 'string', score: 'number', percentage: 'number', is_passed: 'boolean', submitted_at: 'timestamp' },
        total: 'integer',
      },
      'GET /quizzes/{id}/attempts/my-attempts',
    );
  });

  test('§6: errors carry `detail`; 401, 403, 404 and 422 as documented (422 also lists the fields)', async () => {
    const unauth = await api.get('/api/v1/auth/me');
    expect(unauth.status).toBe(401);
    expect(typeof unauth.body.detail).toBe('string');

    const forbidden = await api.post('/api/v1/courses', { title: 'Not mine to make' }, { token: fleet.student.access });
    expect(forbidden.status).toBe(403);
    expect(typeof forbidden.body.detail).toBe('string');

    const missing = await api.get('/api/v1/courses/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(typeof missing.body.detail).toBe('string');

    // Deviation (docs/api-compat.md): `detail` stays a string; the field list is `errors: [{loc, msg}]`.
    const invalid = await api.post('/api/v1/auth/register', { email: 'not-an-email', password: strongPassword(), full_name: 'X' });
    expect(invalid.status).toBe(422);
    expect(typeof invalid.body.detail).toBe('string');
    expect(invalid.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ loc: ['body', 'email'], msg: expect.any(String) })]));
  });

  test('The contract checker itself fails on a missing field, a wrong type and a "" where null is documented', () => {
    expect(contractProblems({ id: 'x', when: '' }, { id: 'uuid', when: 'timestamp|null', gone: 'string' })).toEqual([
      '$.id is "x", documented as uuid',
      '$.when is "", documented as timestamp|null',
      '$.gone is missing',
    ]);
  });
});

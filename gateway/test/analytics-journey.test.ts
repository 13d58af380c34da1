import { eventually } from '@lms/kit/testing';
import type { LoggedIn } from './support/auth';
import { as, ok, r2, registerAndLogin, startAnalyticsFleet, today, type AnalyticsFleet } from './support/analytics';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { expectDocumented } from './support/contract';

/**
 * Issue 13's headline test: a scripted journey THROUGH THE GATEWAY on the real fleet (auth, catalog,
 * enrollment, quiz, analytics: real PostgreSQL/RabbitMQ/Redis), then every field of every dashboard checked
 * against figures computed by hand below. Analytics learns everything from events only.
 *
 * The script (all today, UTC):
 * - owner: course A (paid, 50.00 USD: lessons A1, A2 text + AQ quiz lesson with quiz QA: MC + TF, pass 60 %),
 *   course B (free, USD: lessons B1, B2); other instructor: course C (free: lesson C1).
 * - S1 (ana): enrols A then B. A1: 600 s, completed; A2: 300 s, completed; QA attempt 1: MC wrong, TF right
 *   (50 %, fail), attempt 2: both right (100 %, pass → AQ completes → A completed). B1: 120 s, completed.
 *   Reviews A: 5 with text.
 * - S2 (ben): enrols A. A1: 900 s, completed. QA: both wrong (0 %), then MC wrong, TF right (50 %): two
 *   failures, no pass. Reviews A: 3 without text.
 * - S3 (cara): enrols A, A1: 60 s (not completed), drops A.
 * - S4 (dan): enrols B then C. B1: 200 s, completed; B2: 100 s, completed → B completed. Reviews B: 4 with text.
 */
describe('Analytics journey through the gateway: every dashboard field against hand-computed figures', () => {
  let fleet: AnalyticsFleet;
  let s1: LoggedIn, s2: LoggedIn, s3: LoggedIn, s4: LoggedIn;
  const ids = {} as Record<'A' | 'B' | 'C' | 'A1' | 'A2' | 'AQ' | 'B1' | 'B2' | 'C1' | 'quiz' | 'mc' | 'tf', string>;
  const enr = {} as Record<'s1A' | 's1B' | 's2A' | 's3A' | 's4B' | 's4C', string>;
  const titles = { A: 'Analytics Course A', B: 'Analytics Course B', C: 'Analytics Course C', quiz: 'Capitals check' };
  const optionIds: Record<string, string> = {};

  async function enrol(user: LoggedIn, courseId: string): Promise<string> {
    return ok(await fleet.api.post('/api/v1/enrollments', { course_id: courseId }, as(user)), 201, 'enrol').id;
  }
  /** Records `total` seconds on a lesson (the client's running total, in the service's 300 s increments). */
  async function spend(user: LoggedIn, enrollmentId: string, lessonId: string, total: number): Promise<void> {
    for (let t = Math.min(300, total); ; t = Math.min(t + 300, total)) {
      ok(await fleet.api.put(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/progress`, { time_spent_seconds: t }, as(user)), 200, 'time');
      if (t === total) break;
    }
  }
  async function complete(user: LoggedIn, enrollmentId: string, lessonId: string): Promise<void> {
    ok(await fleet.api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`, undefined, as(user)), 200, 'complete lesson');
  }
  async function takeQuiz(user: LoggedIn, mc: 'Rome' | 'Milan', tf: boolean): Promise<number> {
    const attempts = `/api/v1/quizzes/${ids.quiz}/attempts`;
    const attempt = ok(await fleet.api.post(attempts, undefined, as(user)), 201, 'start attempt');
    const answers = [
      { question_id: ids.mc, selected_option_id: optionIds[mc] },
      { question_id: ids.tf, answer_boolean: tf },
    ];
    return ok(await fleet.api.post(`${attempts}/${attempt.id}/submit`, { answers }, as(user)), 200, 'submit').percentage;
  }
  async function review(user: LoggedIn, enrollmentId: string, rating: number, text: string | null): Promise<void> {
    ok(await fleet.api.post(`/api/v1/enrollments/${enrollmentId}/review`, { rating, review: text }, as(user)), 200, 'review');
  }

  beforeAll(async () => {
    fleet = await startAnalyticsFleet('journey');
    const { api, owner, other } = fleet;
    // ---- content
    ids.A = (await createCourse(api, owner.access, { title: titles.A, price: 50, currency: 'USD' })).id;
    ids.B = (await createCourse(api, owner.access, { title: titles.B, price: 0, currency: 'USD' })).id;
    ids.C = (await createCourse(api, other.access, { title: titles.C, price: 0, currency: 'USD' })).id;
    const lesson = async (user: LoggedIn, course: string, title: string, type = 'text') => {
      const l = await createLesson(api, user.access, course, { title, lesson_type: type });
      await publishLesson(api, user.access, l.id);
      return l.id as string;
    };
    ids.A1 = await lesson(owner, ids.A, 'A one');
    ids.A2 = await lesson(owner, ids.A, 'A two');
    ids.AQ = await lesson(owner, ids.A, 'A check', 'quiz');
    ids.B1 = await lesson(owner, ids.B, 'B one');
    ids.B2 = await lesson(owner, ids.B, 'B two');
    ids.C1 = await lesson(other, ids.C, 'C one');
    for (const [course, user] of [
      [ids.A, owner],
      [ids.B, owner],
      [ids.C, other],
    ] as const) {
      await publishCourse(api, user.access, course);
    }
    const quizBase = `/api/v1/courses/${ids.A}/quizzes`;
    ids.quiz = ok(await api.post(quizBase, { lesson_id: ids.AQ, title: titles.quiz, passing_score: 60 }, as(owner)), 201, 'create quiz').id;
    const mc = ok(
      await api.post(
        `${quizBase}/${ids.quiz}/questions`,
        {
          question_type: 'multiple_choice',
          question_text: 'Capital of Italy?',
          points: 1,
          options: [
            { text: 'Rome', is_correct: true },
            { text: 'Milan', is_correct: false },
          ],
        },
        as(owner),
      ),
      201,
      'mc',
    );
    ids.mc = mc.id;
    for (const o of mc.options) optionIds[o.text] = o.id;
    ids.tf = ok(
      await api.post(`${quizBase}/${ids.quiz}/questions`, { question_type: 'true_false', question_text: 'The Earth orbits the Sun.', points: 1, correct_answer: true }, as(owner)),
      201,
      'tf',
    ).id;
    ok(await api.post(`${quizBase}/${ids.quiz}/publish`, undefined, as(owner)), 200, 'publish quiz');

    // ---- learners (sequential: the enrolment order is part of the expected figures)
    s1 = await registerAndLogin(api, 'ana');
    s2 = await registerAndLogin(api, 'ben');
    s3 = await registerAndLogin(api, 'cara');
    s4 = await registerAndLogin(api, 'dan');
    enr.s1A = await enrol(s1, ids.A);
    enr.s1B = await enrol(s1, ids.B);
    enr.s2A = await enrol(s2, ids.A);
    enr.s3A = await enrol(s3, ids.A);
    enr.s4B = await enrol(s4, ids.B);
    enr.s4C = await enrol(s4, ids.C);

    await spend(s1, enr.s1A, ids.A1, 600);
    await complete(s1, enr.s1A, ids.A1);
    await spend(s1, enr.s1A, ids.A2, 300);
    await complete(s1, enr.s1A, ids.A2);
    expect(await takeQuiz(s1, 'Milan', true)).toBe(50);
    expect(await takeQuiz(s1, 'Rome', true)).toBe(100);
    await spend(s1, enr.s1B, ids.B1, 120);
    await complete(s1, enr.s1B, ids.B1);

    await spend(s2, enr.s2A, ids.A1, 900);
    await complete(s2, enr.s2A, ids.A1);
    expect(await takeQuiz(s2, 'Milan', false)).toBe(0);
    expect(await takeQuiz(s2, 'Milan', true)).toBe(50);

    await spend(s3, enr.s3A, ids.A1, 60);
    ok(await api.delete(`/api/v1/enrollments/${enr.s3A}`, as(s3)), 200, 'drop');

    await spend(s4, enr.s4B, ids.B1, 200);
    await complete(s4, enr.s4B, ids.B1);
    await spend(s4, enr.s4B, ids.B2, 100);
    await complete(s4, enr.s4B, ids.B2);

    // the quiz pass completes AQ in the enrollment service (quiz.passed): S1's course A is then completed
    await eventually(async () => {
      const e = ok(await api.get(`/api/v1/enrollments/${enr.s1A}`, as(s1)), 200, 'S1 A');
      expect(e.status).toBe('completed');
    }, 20_000);
    await review(s1, enr.s1A, 5, 'Great course, thank you');
    await review(s2, enr.s2A, 3, null);
    await review(s4, enr.s4B, 4, 'Nice and short course');
  }, 240_000);

  afterAll(async () => {
    await fleet?.stop();
  });

  const get = async (path: string, user: LoggedIn) => ok(await fleet.api.get(path, as(user)), 200, path);

  test('When every fact has been published, then analytics catches up (the last facts of each producer are visible)', async () => {
    await eventually(
      async () => {
        const system = await get('/api/v1/analytics/system/overview', fleet.admin);
        expect(system.overview).toMatchObject({ total_users: 7, total_enrollments: 6, active_enrollments: 3, total_quizzes: 1, total_quiz_attempts: 4 });
        const a = await get(`/api/v1/analytics/courses/${ids.A}`, fleet.owner);
        expect(a.stats).toMatchObject({ active_students: 1, completed_students: 1, total_reviews: 2 });
        expect(a.engagement.dropout_rate).toBe(33.33);
        expect(a.quizzes[0]?.total_attempts).toBe(4);
        expect(a.engagement.total_watch_time_hours).toBe(r2(1860 / 3600));
        const b = await get(`/api/v1/analytics/courses/${ids.B}`, fleet.owner);
        expect(b.stats).toMatchObject({ completed_students: 1, total_reviews: 1 });
        expect(b.engagement.total_watch_time_hours).toBe(r2(420 / 3600));
      },
      60_000,
      250,
    );
  }, 90_000);

  /** The 30 UTC days ending today, oldest first, zeros but today. */
  function lastDays(todayRow: Record<string, number>, zero: Record<string, number>) {
    const out: Record<string, unknown>[] = [];
    const now = Date.now();
    for (let i = 29; i >= 0; i--) {
      const date = new Date(now - i * 86_400_000).toISOString().slice(0, 10);
      out.push({ date, ...(i === 0 ? todayRow : zero) });
    }
    return out;
  }

  const s1Summary = () => ({
    student_id: s1.userId,
    student_name: 'Test ana',
    total_enrollments: 2,
    active_enrollments: 1,
    completed_enrollments: 1,
    average_progress: 50, // over active enrolments only: B at 1/2
    total_time_hours: r2((600 + 300 + 120) / 3600),
    total_lessons_completed: 4, // A1, A2, AQ (quiz pass), B1
    quizzes_taken: 2,
    quizzes_passed: 1,
    average_quiz_score: 75,
  });

  test('When S1 reads my-progress, then every field is the hand-computed figure', async () => {
    expect(await get('/api/v1/analytics/my-progress', s1)).toEqual(s1Summary());
  });

  test('When S1 reads their account stats, then the learning figures are the same as my-progress (from analytics)', async () => {
    const summary = s1Summary();
    expect(await get(`/api/v1/users/${s1.userId}/stats`, s1)).toMatchObject({
      user_id: s1.userId,
      completed_enrollments: summary.completed_enrollments,
      lessons_completed: summary.total_lessons_completed,
      total_time_hours: summary.total_time_hours,
      quizzes_taken: summary.quizzes_taken,
      quizzes_passed: summary.quizzes_passed,
      average_quiz_score: summary.average_quiz_score,
    });
  });

  test('When S1 reads my-dashboard, then summary, courses, 30 days of activity, achievements and recommendations match', async () => {
    const d = await get('/api/v1/analytics/my-dashboard', s1);
    expect(d.student_id).toBe(s1.userId);
    expect(d.student_name).toBe('Test ana');
    expect(d.summary).toEqual(s1Summary());
    // newest enrolment first: B then A
    expect(d.courses).toEqual([
      {
        course_id: ids.B,
        course_title: titles.B,
        enrollment_id: enr.s1B,
        status: 'active',
        enrollment_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        progress_percentage: 50,
        completed_lessons: 1,
        total_lessons: 2,
        time_spent_hours: r2(120 / 3600),
        last_accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        quizzes_completed: 0,
        average_quiz_score: null,
        estimated_completion_date: null, // enrolled less than a day ago (the seed rule needs ≥ 1 day)
      },
      {
        course_id: ids.A,
        course_title: titles.A,
        enrollment_id: enr.s1A,
        status: 'completed',
        enrollment_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        progress_percentage: 100,
        completed_lessons: 3,
        total_lessons: 3,
        time_spent_hours: r2(900 / 3600),
        last_accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        quizzes_completed: 2,
        average_quiz_score: 75,
        estimated_completion_date: null,
      },
    ]);
    expect(d.recent_activity).toEqual(
      lastDays({ lessons_completed: 4, time_spent_minutes: Math.floor(1020 / 60), quizzes_taken: 2 }, { lessons_completed: 0, time_spent_minutes: 0, quizzes_taken: 0 }),
    );
    const kinds = d.achievements.map((a: { kind: string }) => a.kind).sort();
    expect(kinds).toEqual(['course_completed', 'lessons_milestone', 'perfect_quiz']);
    const times = d.achievements.map((a: { achieved_at: string }) => Date.parse(a.achieved_at));
    expect(times).toEqual([...times].sort((x: number, y: number) => y - x)); // newest first
    const by = (kind: string) => d.achievements.find((a: { kind: string }) => a.kind === kind);
    expect(by('course_completed')).toMatchObject({ course_id: ids.A, course_title: titles.A, value: null, certificate_number: null });
    expect(by('lessons_milestone')).toMatchObject({ value: 1, course_id: null, certificate_number: null });
    expect(by('perfect_quiz')).toMatchObject({ course_id: ids.A, course_title: titles.A, value: null });
    for (const a of d.achievements) expect(a.title).toEqual(expect.any(String));
    // co-enrolment: S4 (a learner of B) also took C; nothing else is left to recommend
    expect(d.recommendations).toEqual([
      {
        course_id: ids.C,
        course_title: titles.C,
        instructor_name: 'Instructor other-journey',
        reason: 'also_taken',
        students_in_common: 1,
        enrollments: 1,
        average_rating: null,
      },
    ]);
  });

  test("When an admin reads S2's dashboard, then it is S2's figures (two failed attempts, a co-enrolment and a popular fill-up)", async () => {
    const d = await get(`/api/v1/analytics/students/${s2.userId}/dashboard`, fleet.admin);
    const summary = {
      student_id: s2.userId,
      student_name: 'Test ben',
      total_enrollments: 1,
      active_enrollments: 1,
      completed_enrollments: 0,
      average_progress: 33.33,
      total_time_hours: 0.25,
      total_lessons_completed: 1,
      quizzes_taken: 2,
      quizzes_passed: 0,
      average_quiz_score: 25,
    };
    expect(d).toMatchObject({ student_id: s2.userId, student_name: 'Test ben', summary });
    expect(d.courses).toEqual([
      expect.objectContaining({
        course_id: ids.A,
        enrollment_id: enr.s2A,
        status: 'active',
        progress_percentage: 33.33,
        completed_lessons: 1,
        total_lessons: 3,
        time_spent_hours: 0.25,
        quizzes_completed: 2,
        average_quiz_score: 25,
        estimated_completion_date: null,
      }),
    ]);
    expect(d.recent_activity.at(-1)).toEqual({ date: today(), lessons_completed: 1, time_spent_minutes: 15, quizzes_taken: 2 });
    expect(d.achievements).toEqual([expect.objectContaining({ kind: 'lessons_milestone', value: 1 })]);
    expect(d.recommendations).toEqual([
      { course_id: ids.B, course_title: titles.B, instructor_name: 'Instructor owner-journey', reason: 'also_taken', students_in_common: 1, enrollments: 2, average_rating: 4 },
      { course_id: ids.C, course_title: titles.C, instructor_name: 'Instructor other-journey', reason: 'popular', students_in_common: 0, enrollments: 1, average_rating: null },
    ]);
  });

  test('When the owner reads course A analytics, then stats, engagement, lessons, quizzes and trends are the hand-computed figures', async () => {
    const a = await get(`/api/v1/analytics/courses/${ids.A}`, fleet.owner);
    expect(a.course_id).toBe(ids.A);
    expect(a.course_title).toBe(titles.A);
    expect(a.stats).toEqual({
      course_id: ids.A,
      course_title: titles.A,
      total_enrollments: 3,
      active_students: 1,
      completed_students: 1,
      completion_rate: 33.33,
      average_progress: r2((100 + 33.33 + 0) / 3),
      average_time_hours: r2(1860 / 3 / 3600),
      average_rating: 4,
      total_reviews: 2,
      lessons_count: 3,
      quizzes_count: 1,
    });
    expect(a.engagement).toEqual({
      course_id: ids.A,
      daily_active_users: 3,
      weekly_active_users: 3,
      monthly_active_users: 3,
      average_session_duration: r2(1860 / 3 / 60), // seconds per learner-day (3 learner-days today), in minutes
      total_watch_time_hours: r2(1860 / 3600),
      dropout_rate: 33.33, // S3 dropped
      most_watched_lesson: { lesson_id: ids.A1, lesson_title: 'A one', total_time_hours: r2(1560 / 3600), students_started: 3 },
    });
    expect(a.lessons).toEqual([
      {
        lesson_id: ids.A1,
        lesson_title: 'A one',
        position: 1,
        completion_rate: 66.67,
        average_time_spent: r2(1560 / 3 / 60),
        students_started: 3,
        students_completed: 2,
        average_completion_time: expect.any(Number),
      },
      { lesson_id: ids.A2, lesson_title: 'A two', position: 2, completion_rate: 100, average_time_spent: 5, students_started: 1, students_completed: 1, average_completion_time: expect.any(Number) },
      { lesson_id: ids.AQ, lesson_title: 'A check', position: 3, completion_rate: 100, average_time_spent: 0, students_started: 1, students_completed: 1, average_completion_time: expect.any(Number) },
    ]);
    // opened and completed within the test run: well under a minute each
    for (const l of a.lessons) expect(l.average_completion_time).toBeLessThan(2);
    expect(a.quizzes).toEqual([
      {
        quiz_id: ids.quiz,
        quiz_title: titles.quiz,
        total_attempts: 4,
        unique_students: 2,
        average_score: 50, // (50 + 100 + 0 + 50) / 4
        pass_rate: 25,
        average_time_spent: expect.any(Number),
        // MC right once in four answers (25 %); TF three times (75 %: not difficult)
        difficult_questions: [{ question_id: ids.mc, question_text: 'Capital of Italy?', answered: 4, success_rate: 25 }],
      },
    ]);
    expect(a.quizzes[0].average_time_spent).toBeLessThan(2);
    expect(a.enrollment_trend).toEqual(
      lastDays({ new_enrollments: 3, total_enrollments: 3 }, { new_enrollments: 0, total_enrollments: 0 }),
    );
    expect(a.completion_trend).toEqual(lastDays({ completions: 1, total_completions: 1 }, { completions: 0, total_completions: 0 }));
  });

  test('When the owner reads course B analytics, then its figures are its own', async () => {
    const b = await get(`/api/v1/analytics/courses/${ids.B}`, fleet.owner);
    expect(b.stats).toEqual({
      course_id: ids.B,
      course_title: titles.B,
      total_enrollments: 2,
      active_students: 1,
      completed_students: 1,
      completion_rate: 50,
      average_progress: 75,
      average_time_hours: r2(420 / 2 / 3600),
      average_rating: 4,
      total_reviews: 1,
      lessons_count: 2,
      quizzes_count: 0,
    });
    expect(b.engagement).toEqual({
      course_id: ids.B,
      daily_active_users: 2,
      weekly_active_users: 2,
      monthly_active_users: 2,
      average_session_duration: 3.5,
      total_watch_time_hours: r2(420 / 3600),
      dropout_rate: 0,
      most_watched_lesson: { lesson_id: ids.B1, lesson_title: 'B one', total_time_hours: r2(320 / 3600), students_started: 2 },
    });
    expect(b.lessons.map((l: Record<string, unknown>) => [l.lesson_id, l.position, l.completion_rate, l.average_time_spent, l.students_started, l.students_completed])).toEqual([
      [ids.B1, 1, 100, r2(320 / 2 / 60), 2, 2],
      [ids.B2, 2, 100, r2(100 / 60), 1, 1],
    ]);
    expect(b.quizzes).toEqual([]);
    expect(b.enrollment_trend.at(-1)).toEqual({ date: today(), new_enrollments: 2, total_enrollments: 2 });
    expect(b.completion_trend.at(-1)).toEqual({ date: today(), completions: 1, total_completions: 1 });
  });

  test('When the owner reads the funnel, the at-risk list and the item analysis of course A, then they match the script', async () => {
    const funnel = await get(`/api/v1/analytics/courses/${ids.A}/funnel`, fleet.owner);
    expect(funnel).toEqual({
      course_id: ids.A,
      course_title: titles.A,
      total_enrollments: 3,
      inactivity_days: 14,
      steps: [
        { lesson_id: ids.A1, lesson_title: 'A one', position: 1, reached: 3, completed: 2, stopped_here: 0 },
        { lesson_id: ids.A2, lesson_title: 'A two', position: 2, reached: 1, completed: 1, stopped_here: 0 },
        { lesson_id: ids.AQ, lesson_title: 'A check', position: 3, reached: 1, completed: 1, stopped_here: 0 },
      ],
    });
    const risk = await get(`/api/v1/analytics/courses/${ids.A}/at-risk`, fleet.owner);
    expect(risk).toMatchObject({ course_id: ids.A, total: 1 });
    expect(risk.students).toEqual([
      {
        student_id: s2.userId,
        student_name: 'Test ben',
        enrollment_id: enr.s2A,
        progress_percentage: 33.33,
        cohort_median_progress: expect.any(Number),
        days_enrolled: 0,
        days_inactive: 0,
        last_activity_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        risk_score: 30,
        reasons: [{ code: 'repeated_quiz_failure', detail: expect.any(String) }],
      },
    ]);
    const items = await get(`/api/v1/analytics/quizzes/${ids.quiz}/items`, fleet.owner);
    expect(items).toMatchObject({ quiz_id: ids.quiz, quiz_title: titles.quiz, course_id: ids.A, attempts_analysed: 4 });
    const mc = items.items.find((i: { question_id: string }) => i.question_id === ids.mc);
    const tf = items.items.find((i: { question_id: string }) => i.question_id === ids.tf);
    // (MC, TF) correct per attempt: (0,1) (1,1) (0,0) (0,1) → point-biserial of each with the other = 1/3
    expect(mc).toMatchObject({ question_text: 'Capital of Italy?', question_type: 'multiple_choice', answered: 4, correct: 1, difficulty: 0.25 });
    expect(tf).toMatchObject({ question_text: 'The Earth orbits the Sun.', question_type: 'true_false', answered: 4, correct: 3, difficulty: 0.75 });
    expect(mc.discrimination).toBeCloseTo(1 / 3, 2);
    expect(tf.discrimination).toBeCloseTo(1 / 3, 2);
    expect(mc.options).toEqual([
      { option_id: optionIds.Rome, option_text: 'Rome', is_correct: true, chosen: 1, chosen_rate: 25 },
      { option_id: optionIds.Milan, option_text: 'Milan', is_correct: false, chosen: 3, chosen_rate: 75 },
    ]);
  });

  test('When the owner reads my-instructor-dashboard, then totals, per-course figures, recent enrolments and reviews, feedback match', async () => {
    const d = await get('/api/v1/analytics/my-instructor-dashboard', fleet.owner);
    const name = 'Instructor owner-journey';
    expect(d).toMatchObject({ instructor_id: fleet.owner.userId, instructor_name: name });
    expect(d.stats).toEqual({
      instructor_id: fleet.owner.userId,
      instructor_name: name,
      total_courses: 2,
      published_courses: 2,
      total_students: 4, // S1, S2, S3 (A), S1, S4 (B): distinct
      total_enrollments: 5,
      average_course_rating: 4, // (5 + 3 + 4) / 3
      total_reviews: 3,
      total_revenue: 150, // 3 enrolments of A at 50.00 (list price at enrolment; no payment system)
      revenue_currency: 'USD',
      revenue_by_currency: [{ currency: 'USD', amount: 150 }],
    });
    const course = (id: string) => d.courses.find((c: { course_id: string }) => c.course_id === id);
    expect(d.courses).toHaveLength(2);
    expect(course(ids.A)).toEqual({
      course_id: ids.A,
      course_title: titles.A,
      is_published: true,
      enrollments: 3,
      active_students: 1,
      completion_rate: 33.33,
      average_rating: 4,
      revenue: 150,
      currency: 'USD',
    });
    expect(course(ids.B)).toEqual({
      course_id: ids.B,
      course_title: titles.B,
      is_published: true,
      enrollments: 2,
      active_students: 1,
      completion_rate: 50,
      average_rating: 4,
      revenue: 0,
      currency: 'USD',
    });
    const at = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);
    expect(d.recent_enrollments).toEqual([
      { student_name: 'Test dan', course_id: ids.B, course_title: titles.B, enrolled_at: at },
      { student_name: 'Test cara', course_id: ids.A, course_title: titles.A, enrolled_at: at },
      { student_name: 'Test ben', course_id: ids.A, course_title: titles.A, enrolled_at: at },
      { student_name: 'Test ana', course_id: ids.B, course_title: titles.B, enrolled_at: at },
      { student_name: 'Test ana', course_id: ids.A, course_title: titles.A, enrolled_at: at },
    ]);
    expect(d.recent_reviews).toEqual([
      { student_name: 'Test dan', course_id: ids.B, course_title: titles.B, rating: 4, review: 'Nice and short course', reviewed_at: at },
      { student_name: 'Test ben', course_id: ids.A, course_title: titles.A, rating: 3, review: null, reviewed_at: at },
      { student_name: 'Test ana', course_id: ids.A, course_title: titles.A, rating: 5, review: 'Great course, thank you', reviewed_at: at },
    ]);
    expect(d.student_feedback).toEqual({
      average_rating: 4,
      total_reviews: 3,
      written_reviews: 2,
      rating_distribution: [
        { rating: 5, count: 1 },
        { rating: 4, count: 1 },
        { rating: 3, count: 1 },
        { rating: 2, count: 0 },
        { rating: 1, count: 0 },
      ],
    });
    // the admin's view of the same instructor is the same dashboard
    expect(await get(`/api/v1/analytics/instructors/${fleet.owner.userId}/dashboard`, fleet.admin)).toEqual(d);
  });

  const popular = () => [
    { course_id: ids.C, course_title: titles.C, instructor_name: 'Instructor other-journey', enrollments: 1, rating: null, completion_rate: 0 },
  ];
  const popularTop = () => [
    { course_id: ids.A, course_title: titles.A, instructor_name: 'Instructor owner-journey', enrollments: 2, rating: 4, completion_rate: 33.33 },
    { course_id: ids.B, course_title: titles.B, instructor_name: 'Instructor owner-journey', enrollments: 2, rating: 4, completion_rate: 50 },
  ];
  /** A and B tie on enrolments with access (2 each): their order between them is not part of the contract. */
  function expectPopular(list: { course_id: string }[]) {
    expect(list).toHaveLength(3);
    expect(list.slice(0, 2)).toEqual(expect.arrayContaining(popularTop()));
    expect(list[2]).toEqual(popular()[0]);
  }
  const topInstructors = () => [
    { instructor_id: fleet.owner.userId, instructor_name: 'Instructor owner-journey', total_students: 4, total_courses: 2 },
    { instructor_id: fleet.other.userId, instructor_name: 'Instructor other-journey', total_students: 1, total_courses: 1 },
  ];

  test('When an admin reads system/overview, then the overview, series, lists and revenue are the fleet-wide figures', async () => {
    const d = await get('/api/v1/analytics/system/overview', fleet.admin);
    expect(d.overview).toEqual({
      total_users: 7, // admin, 2 instructors, 4 students
      total_students: 4,
      total_instructors: 2,
      total_courses: 3,
      published_courses: 3,
      total_enrollments: 6,
      active_enrollments: 3, // S1-B, S2-A, S4-C
      total_lessons: 6,
      total_quizzes: 1,
      total_quiz_attempts: 4,
    });
    expect(d.user_growth).toEqual(lastDays({ new_users: 7, total_users: 7 }, { new_users: 0, total_users: 0 }));
    expect(d.enrollment_trend).toEqual(lastDays({ new_enrollments: 6, total_enrollments: 6 }, { new_enrollments: 0, total_enrollments: 0 }));
    expectPopular(d.popular_courses);
    expect(d.top_instructors).toEqual(topInstructors());
    expect(d.revenue_summary).toEqual({ total_by_currency: [{ currency: 'USD', amount: 150 }], paid_enrollments: 3, free_enrollments: 3 });
  });

  test('When an admin reads the four system lists, then each is {"data": [...]} with the same figures and honours days/limit', async () => {
    const growth = await get('/api/v1/analytics/system/user-growth?days=7', fleet.admin);
    expect(growth.data).toHaveLength(7);
    expect(growth.data.at(-1)).toEqual({ date: today(), new_users: 7, total_users: 7 });
    expect((await get('/api/v1/analytics/system/user-growth', fleet.admin)).data).toHaveLength(30);
    const trend = await get('/api/v1/analytics/system/enrollment-trend?days=365', fleet.admin);
    expect(trend.data).toHaveLength(365);
    expect(trend.data.at(-1)).toEqual({ date: today(), new_enrollments: 6, total_enrollments: 6 });
    expect(trend.data[0]).toEqual({ date: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10), new_enrollments: 0, total_enrollments: 0 });
    expectPopular((await get('/api/v1/analytics/system/popular-courses', fleet.admin)).data);
    expect((await get('/api/v1/analytics/system/top-instructors?limit=5', fleet.admin)).data).toEqual(topInstructors());
  });

  test("Rows 27–30 of the seed's documented contract: every documented field with its documented type (the SDK's last step, get_my_progress, answers)", async () => {
    const summary = {
      student_id: 'uuid',
      student_name: 'string',
      total_enrollments: 'integer',
      active_enrollments: 'integer',
      completed_enrollments: 'integer',
      average_progress: 'number',
      total_time_hours: 'number',
      total_lessons_completed: 'integer',
      quizzes_taken: 'integer',
      quizzes_passed: 'integer',
      average_quiz_score: 'number|null',
    };
    expectDocumented(await get('/api/v1/analytics/my-progress', s1), summary, 'GET /analytics/my-progress');
    expectDocumented(
      await get('/api/v1/analytics/my-dashboard', s1),
      {
        student_id: 'uuid',
        student_name: 'string',
        summary,
        'courses[]': {
          course_id: 'uuid',
          course_title: 'string',
          progress_percentage: 'number',
          completed_lessons: 'integer',
          total_lessons: 'integer',
          time_spent_hours: 'number',
          quizzes_completed: 'integer',
          average_quiz_score: 'number|null',
        },
        'recent_activity[]': { date: 'date', lessons_completed: 'integer', time_spent_minutes: 'integer', quizzes_taken: 'integer' },
      },
      'GET /analytics/my-dashboard',
    );
    expectDocumented(
      await get(`/api/v1/analytics/courses/${ids.A}`, fleet.owner),
      {
        course_id: 'uuid',
        course_title: 'string',
        stats: {
          total_enrollments: 'integer',
          active_students: 'integer',
          completed_students: 'integer',
          completion_rate: 'number',
          average_progress: 'number',
          average_time_hours: 'number',
          average_rating: 'number|null',
          total_reviews: 'integer',
        },
        engagement: {
          daily_active_users: 'integer',
          weekly_active_users: 'integer',
          monthly_active_users: 'integer',
          average_session_duration: 'number',
          dropout_rate: 'number',
        },
        'lessons[]': { lesson_id: 'uuid', lesson_title: 'string', completion_rate: 'number', average_time_spent: 'number', students_started: 'integer', students_completed: 'integer' },
        'quizzes[]': { quiz_id: 'uuid', quiz_title: 'string', total_attempts: 'integer', unique_students: 'integer', average_score: 'number', pass_rate: 'number' },
      },
      'GET /analytics/courses/{course_id}',
    );
    expectDocumented(
      await get('/api/v1/analytics/system/overview', fleet.admin),
      {
        overview: {
          total_users: 'integer',
          total_students: 'integer',
          total_instructors: 'integer',
          total_courses: 'integer',
          published_courses: 'integer',
          total_enrollments: 'integer',
          active_enrollments: 'integer',
        },
        'user_growth[]': { date: 'date', new_users: 'integer', total_users: 'integer' },
        'enrollment_trend[]': { date: 'date', new_enrollments: 'integer', total_enrollments: 'integer' },
        'popular_courses[]': { course_id: 'uuid', course_title: 'string', instructor_name: 'string', enrollments: 'integer', rating: 'number|null', completion_rate: 'number' },
      },
      'GET /analytics/system/overview',
    );
  });
});

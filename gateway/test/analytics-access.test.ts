import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eventually } from '@lms/kit/testing';
import { eventPublisher } from '@lms/testing-fleet';
import type { LoggedIn } from './support/auth';
import { as, ok, registerAndLogin, startAnalyticsFleet, type AnalyticsFleet } from './support/analytics';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { expectErrorBody } from './support/http';

/**
 * The analytics routes' guards, validation and exports through the gateway on the real fleet. The large
 * course of the export test gets its 1,100 learners as events published straight to the fleet's broker
 * (user.registered + enrollment.created, as auth and enrollment publish them): analytics only ever learns
 * from events, and registering 1,100 accounts through the API would only make the suite slow.
 */
describe('Analytics routes: who may read what, query validation, streamed exports', () => {
  let fleet: AnalyticsFleet;
  let student: LoggedIn;
  let courseId: string;
  let enrollmentId: string;
  const BIG = 1_100;
  /** Names a spreadsheet would evaluate, or that need RFC 4180 quoting. */
  const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-3', '@SUM(A1)', '\tTabbed', 'Comma, and "quotes"', 'Line\nbreak', '\rCarriage'];

  beforeAll(async () => {
    fleet = await startAnalyticsFleet('access');
    const { api, owner } = fleet;
    const course = await createCourse(api, owner.access, { title: 'Exported course', price: 10, currency: 'USD' });
    courseId = course.id;
    const lesson = await createLesson(api, owner.access, courseId, { title: 'Only lesson' });
    await publishLesson(api, owner.access, lesson.id);
    await publishCourse(api, owner.access, courseId);
    student = await registerAndLogin(api, 'exporter');
    enrollmentId = ok(await api.post('/api/v1/enrollments', { course_id: courseId }, as(student)), 201, 'enrol').id;

    const publisher = await eventPublisher(fleet.services.vhost.url);
    try {
      const at = new Date().toISOString();
      for (let start = 0; start < BIG; start += 100) {
        const batch = Array.from({ length: Math.min(100, BIG - start) }, (_, k) => start + k);
        await Promise.all(
          batch.map(async (i) => {
            const userId = randomUUID();
            const name = i < HOSTILE.length ? HOSTILE[i] : `Learner ${String(i).padStart(4, '0')}`;
            const user = { user_id: userId, email: `bulk${i}@example.test`, full_name: name, role: 'student', registered_at: at, created_by: null };
            await publisher.publish(publisher.event('user.registered', userId, user, 'lms/auth'));
            const e = { enrollment_id: randomUUID(), student_id: userId, course_id: courseId, enrolled_at: at, price_cents: 1000, currency: 'USD' };
            await publisher.publish(publisher.event('enrollment.created', e.enrollment_id, e, 'lms/enrollment'));
          }),
        );
      }
    } finally {
      await publisher.close();
    }
  }, 180_000);

  afterAll(async () => {
    await fleet?.stop();
  });

  const A = '/api/v1/analytics';

  test('When nobody is signed in, then every analytics route is 401', async () => {
    for (const path of [
      `${A}/my-progress`,
      `${A}/my-dashboard`,
      `${A}/students/${randomUUID()}/dashboard`,
      `${A}/courses/${courseId}`,
      `${A}/my-instructor-dashboard`,
      `${A}/system/overview`,
      `${A}/system/user-growth`,
      `${A}/export/course/${courseId}/students`,
      `${A}/export/my-progress`,
    ]) {
      expectErrorBody(await fleet.api.get(path), 401);
    }
  });

  test('When a student or an instructor asks for the system figures or another user\'s dashboard, then 403', async () => {
    const { api, owner, other } = fleet;
    for (const user of [student, owner]) {
      for (const path of ['overview', 'user-growth', 'enrollment-trend', 'popular-courses', 'top-instructors']) {
        expectErrorBody(await api.get(`${A}/system/${path}`, as(user)), 403);
      }
      expectErrorBody(await api.get(`${A}/students/${student.userId}/dashboard`, as(user)), 403);
      expectErrorBody(await api.get(`${A}/instructors/${other.userId}/dashboard`, as(user)), 403);
    }
    // a student reading another student's dashboard: only admins may name a student
    expectErrorBody(await api.get(`${A}/students/${randomUUID()}/dashboard`, as(student)), 403);
    // course reports and the instructor dashboard are staff routes
    for (const path of [`courses/${courseId}`, `courses/${courseId}/funnel`, `courses/${courseId}/at-risk`, `export/course/${courseId}/students`, 'my-instructor-dashboard', `quizzes/${randomUUID()}/items`]) {
      expectErrorBody(await api.get(`${A}/${path}`, as(student)), 403);
    }
  });

  test("When another instructor asks for this course's analytics or export, then the service refuses (403); an unknown course is 404", async () => {
    const { api, other, owner, admin } = fleet;
    await eventually(async () => expect((await api.get(`${A}/courses/${courseId}`, as(owner))).status).toBe(200), 20_000, 200);
    for (const path of [`courses/${courseId}`, `courses/${courseId}/funnel`, `courses/${courseId}/at-risk`, `export/course/${courseId}/students`]) {
      expectErrorBody(await api.get(`${A}/${path}`, as(other)), 403);
      expect((await api.get(`${A}/${path}`, as(admin))).status).toBe(200);
    }
    for (const path of [`courses/${randomUUID()}`, `courses/${randomUUID()}/funnel`, `export/course/${randomUUID()}/students`, `quizzes/${randomUUID()}/items`]) {
      expectErrorBody(await api.get(`${A}/${path}`, as(owner)), 404);
    }
  });

  test('When days, limit, format or an id is out of range, then 422 names the field; my-progress as pdf is not a validation error', async () => {
    const { api, admin, owner } = fleet;
    for (const q of ['days=6', 'days=366', 'days=abc', 'foo=1']) expectErrorBody(await api.get(`${A}/system/user-growth?${q}`, as(admin)), 422);
    for (const q of ['days=6', 'days=366']) expectErrorBody(await api.get(`${A}/system/enrollment-trend?${q}`, as(admin)), 422);
    for (const q of ['limit=4', 'limit=51']) {
      expectErrorBody(await api.get(`${A}/system/popular-courses?${q}`, as(admin)), 422);
      expectErrorBody(await api.get(`${A}/system/top-instructors?${q}`, as(admin)), 422);
    }
    expectErrorBody(await api.get(`${A}/courses/not-a-uuid`, as(owner)), 422);
    expectErrorBody(await api.get(`${A}/courses/${courseId}/at-risk?limit=501`, as(owner)), 422);
    expectErrorBody(await api.get(`${A}/export/course/${courseId}/students?format=pdf`, as(owner)), 422);
    expectErrorBody(await api.get(`${A}/export/my-progress?format=xml`, as(student)), 422);
    // This fleet has no certificate service to render it (certificates-journey.test.ts renders a real one): unavailable, not refused.
    const pdf = await api.get(`${A}/export/my-progress?format=pdf`, as(student));
    expectErrorBody(pdf, 503);
    expect(Number(pdf.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.get(`${A}/system/user-growth?days=7`, as(admin))).body.data).toHaveLength(7);
  });

  test('When the owner exports a course of 1,101 students as CSV, then it streams (chunked) every row once, parses, and neutralises formulas', async () => {
    const { api, owner } = fleet;
    const path = `${A}/export/course/${courseId}/students`;
    // every enrolment ingested (one hot course: each fact moves the same course row)
    await eventually(
      async () => expect(ok(await api.get(`${A}/courses/${courseId}`, as(owner)), 200, 'course').stats.total_enrollments).toBe(BIG + 1),
      150_000,
      1_000,
    );
    const res = await api.get(path, as(owner));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="course-${courseId}-students.csv"`);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows: string[][] = parse(res.text, { relax_column_count: false });
    expect(rows[0]).toEqual([
      'student_id',
      'student_name',
      'enrollment_id',
      'status',
      'enrolled_at',
      'progress_percentage',
      'completed_lessons',
      'total_lessons',
      'time_spent_hours',
      'last_activity_at',
      'completed_at',
      'quizzes_taken',
      'quizzes_passed',
      'average_quiz_score',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(BIG + 1);
    expect(new Set(body.map((r) => r[2])).size).toBe(BIG + 1); // every enrolment exactly once across the pages
    const names = body.map((r) => r[1]);
    // formula-like names come back quote-prefixed (as text); the others exactly as registered, quoting undone
    for (const hostile of HOSTILE) expect(names).toContain(/^[=+\-@\t\r]/.test(hostile) ? `'${hostile}` : hostile);
    // nothing a spreadsheet would evaluate starts a cell
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const mine = body.find((r) => r[2] === enrollmentId)!;
    expect(mine).toEqual([
      student.userId,
      'Test exporter',
      enrollmentId,
      'active',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      '0',
      '0',
      expect.any(String), // total_lessons: its own test below
      '0',
      '', // no activity: null → empty cell
      '',
      '0',
      '0',
      '',
    ]);
  }, 180_000);

  test('When the owner exports as JSON, then one streamed object holds every student with real nulls', async () => {
    const res = await fleet.api.get(`${A}/export/course/${courseId}/students?format=json`, as(fleet.owner));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="course-${courseId}-students.json"`);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.body).toMatchObject({ course_id: courseId, course_title: 'Exported course' });
    expect(res.body.students).toHaveLength(BIG + 1);
    const mine = res.body.students.find((s: { enrollment_id: string }) => s.enrollment_id === enrollmentId);
    expect(mine).toEqual({
      student_id: student.userId,
      student_name: 'Test exporter',
      enrollment_id: enrollmentId,
      status: 'active',
      enrolled_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      progress_percentage: 0,
      completed_lessons: 0,
      total_lessons: expect.any(Number), // its own test below
      time_spent_hours: 0,
      last_activity_at: null,
      completed_at: null,
      quizzes_taken: 0,
      quizzes_passed: 0,
      average_quiz_score: null,
    });
  });

  test("When a student exports their progress, then the CSV (default) and JSON hold their one enrolment; nobody else's", async () => {
    const { api } = fleet;
    const csv = await api.get(`${A}/export/my-progress`, as(student));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="my-progress.csv"');
    const rows: string[][] = parse(csv.text);
    expect(rows[0]).toEqual([
      'course_id',
      'course_title',
      'enrollment_id',
      'status',
      'enrollment_date',
      'progress_percentage',
      'completed_lessons',
      'total_lessons',
      'time_spent_hours',
      'last_accessed',
      'quizzes_completed',
      'average_quiz_score',
      'estimated_completion_date',
    ]);
    expect(rows.slice(1)).toEqual([[courseId, 'Exported course', enrollmentId, 'active', expect.any(String), '0', '0', expect.any(String), '0', '', '0', '', '']]);
    const json = await api.get(`${A}/export/my-progress?format=json`, as(student));
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ student_id: student.userId, student_name: 'Test exporter', summary: { total_enrollments: 1, average_quiz_score: null } });
    expect(json.body.courses).toEqual([expect.objectContaining({ course_id: courseId, enrollment_id: enrollmentId, last_accessed: null, estimated_completion_date: null })]);
    // another student's export is their own (empty)
    const stranger = await registerAndLogin(api, 'stranger');
    expect(parse((await api.get(`${A}/export/my-progress`, as(stranger))).text)).toHaveLength(1);
  });

  test('When a learner has enrolled but made no progress yet, then total_lessons is the course\'s published lessons (1), not 0', async () => {
    const { api, owner } = fleet;
    const json = await api.get(`${A}/export/course/${courseId}/students?format=json`, as(owner));
    expect(json.body.students.find((s: { enrollment_id: string }) => s.enrollment_id === enrollmentId).total_lessons).toBe(1);
    const dashboard = ok(await api.get(`${A}/my-dashboard`, as(student)), 200, 'dashboard');
    expect(dashboard.courses.map((c: { total_lessons: number }) => c.total_lessons)).toEqual([1]);
    expect(parse((await api.get(`${A}/export/my-progress`, as(student))).text)[1][7]).toBe('1');
  });
});

import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, createTestVhost, eventually, testEnv, testLogger, type TestResource } from '@lms/kit/testing';
// The enrollment service itself, started in-process (tests only).
import { loadEnrollmentConfig } from '@lms/enrollment/config';
import { start as startEnrollment } from '@lms/enrollment/main';
import { login, registerAndLogin, startAuth, strongPassword, uniqueEmail, type LoggedIn, type TestAuth } from './support/auth';
import { startCatalog, type TestCatalog } from './support/catalog';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody, type Api } from './support/http';

/**
 * One journey through the gateway: real auth, catalog and enrollment (catalog and enrollment share a vhost,
 * so course.published reaches enrollment), real Redis for the Idempotency-Key store.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A port nothing listens on right now (the OS picks it), to start a service on a known address. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Enrolments and progress through the gateway', () => {
  let auth: TestAuth;
  let catalog: TestCatalog;
  let vhost: TestResource;
  let db: TestResource;
  let enrollment: { grpcPort: number; stop(): Promise<void> };
  let gw: TestGateway;
  let api: Api;
  let instructor: LoggedIn;
  let student: LoggedIn;
  let other: LoggedIn;

  beforeAll(async () => {
    auth = await startAuth('enrolments', { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    vhost = await createTestVhost('gw_enr');
    db = await createTestDatabase('gw_enr');
    // catalog asks enrollment about enrolments its read model has not seen yet: give enrollment a known port
    const enrollmentPort = await freePort();
    catalog = await startCatalog('enrolments', auth.address, {
      AMQP_URL: vhost.url,
      OUTBOX_POLL_MS: '100',
      ENROLLMENT_GRPC_ADDR: `127.0.0.1:${enrollmentPort}`,
    });
    enrollment = await startEnrollment(
      loadEnrollmentConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        GRPC_PORT: String(enrollmentPort),
        DATABASE_URL: db.url,
        AMQP_URL: vhost.url,
        REDIS_URL: testEnv.redisUrl,
        AUTH_GRPC_ADDR: auth.address,
        CATALOG_GRPC_ADDR: catalog.address,
        OUTBOX_POLL_MS: '100',
      }),
      testLogger('enrollment'),
    );
    gw = await startGateway(auth.address, { CATALOG_GRPC_ADDR: catalog.address, ENROLLMENT_GRPC_ADDR: `127.0.0.1:${enrollment.grpcPort}` });
    api = gw.api;
    const email = uniqueEmail('teacher');
    const password = strongPassword();
    const reg = await api.post('/api/v1/auth/register', { email, password, full_name: 'Tess Teacher', role: 'instructor' });
    expect(reg.status).toBe(201);
    instructor = await login(api, email, password);
    student = await registerAndLogin(api, 'learner');
    other = await registerAndLogin(api, 'nosy');
  });

  afterAll(async () => {
    await gw?.stop();
    await enrollment?.stop();
    await catalog?.stop();
    await auth?.stop();
    await db?.drop();
    await vhost?.drop();
  });

  async function createLesson(courseId: string, body: Record<string, unknown> = {}): Promise<string> {
    const lesson = await api.post(`/api/v1/courses/${courseId}/lessons`, { title: `Lesson ${randomUUID().slice(0, 8)}`, ...body }, { token: instructor.access });
    expect(lesson.status).toBe(201);
    expect((await api.post(`/api/v1/lessons/${lesson.body.id}/publish`, undefined, { token: instructor.access })).status).toBe(200);
    return lesson.body.id;
  }

  test('When a student enrols (with Idempotency-Key), learns, and the course grows, then every step is visible over REST', async () => {
    const course = await api.post('/api/v1/courses', { title: 'Gateway course', thumbnail_url: 'https://img.example/c.png' }, { token: instructor.access });
    expect(course.status).toBe(201);
    const courseId = course.body.id as string;
    const lessons = [await createLesson(courseId), await createLesson(courseId), await createLesson(courseId)];
    expect((await api.post(`/api/v1/courses/${courseId}/publish`, undefined, { token: instructor.access })).status).toBe(200);

    // Enrol: the same Idempotency-Key replays the 201; without a key a second enrolment is 409.
    const key = { 'Idempotency-Key': `enrol-${randomUUID()}` };
    const enrolled = await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access, headers: key });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ course_id: courseId, student_id: student.userId, status: 'active', progress_percentage: 0, total_lessons_count: 3 });
    // Seed row 13: the documented fields with their types; nothing absent is "" (null instead).
    expect(enrolled.body).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(UUID),
        enrolled_at: expect.stringMatching(ISO),
        completed_lessons_count: 0,
        started_at: null,
        completed_at: null,
        dropped_at: null,
        expires_at: null,
        certificate_url: null,
        rating: null,
        review: null,
        reviewed_at: null,
      }),
    );
    const replay = await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access, headers: key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(enrolled.body.id);
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access }), 409, 'ENROLLMENT.ALREADY_EXISTS');
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId }, { token: instructor.access }), 403);
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: 'nope' }, { token: student.access }), 422);
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId, extra: 1 }, { token: student.access }), 422);
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: randomUUID() }, { token: student.access }), 404, 'ENROLLMENT.COURSE_NOT_FOUND');

    const id = enrolled.body.id as string;
    const base = `/api/v1/enrollments/${id}/lessons`;
    expect((await api.post(`${base}/${lessons[0]}/start`, undefined, { token: student.access })).body).toMatchObject({ status: 'in_progress' });
    // Seed row 16: the documented body (status, time, position, percentage, notes) and answer
    const progress = await api.put(
      `${base}/${lessons[0]}/progress`,
      { status: 'in_progress', time_spent_seconds: 120, last_position_seconds: 30, completion_percentage: 50.0, notes: 'Important concepts to review' },
      { token: student.access },
    );
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ time_spent_seconds: 120, last_position_seconds: 30, status: 'in_progress', completion_percentage: 50 });
    expect(progress.body).toEqual(
      expect.objectContaining({ id: expect.stringMatching(UUID), lesson_id: lessons[0], last_accessed_at: expect.stringMatching(ISO), completed_at: null }),
    );
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { status: 'paused' }, { token: student.access }), 422);
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { completion_percentage: 101 }, { token: student.access }), 422);
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { time_spent_seconds: 100_000 }, { token: student.access }), 422);
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { time_spent_seconds: 86_401 }, { token: student.access }), 422); // a running total, at most a day
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { time_spent_seconds: -5 }, { token: student.access }), 422);
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, {}, { token: student.access }), 422);
    expectErrorBody(await api.put(`${base}/not-a-uuid/progress`, { notes: 'x' }, { token: student.access }), 422);
    expectErrorBody(await api.post(`${base}/${randomUUID()}/complete`, undefined, { token: student.access }), 404, 'ENROLLMENT.LESSON_NOT_FOUND');
    // lesson content: the enrolled student reads a non-preview lesson at once — before catalog's read model
    // may have seen enrollment.created, catalog asks the enrollment service
    const lessonView = await api.get(`/api/v1/lessons/${lessons[1]}`, { token: student.access });
    expect(lessonView.status).toBe(200);
    expect(lessonView.body).toMatchObject({ id: lessons[1], is_completed: false, is_locked: false, previous_lesson_id: lessons[0], next_lesson_id: lessons[2] });
    expectErrorBody(await api.get(`/api/v1/lessons/${lessons[1]}`, { token: other.access }), 403, 'CATALOG.ENROLLMENT_REQUIRED');
    // IDOR: another student sees nothing
    expectErrorBody(await api.get(`/api/v1/enrollments/${id}`, { token: other.access }), 404);
    expectErrorBody(await api.post(`${base}/${lessons[1]}/complete`, undefined, { token: other.access }), 404);

    const completions = await Promise.all([
      api.post(`${base}/${lessons[0]}/complete`, undefined, { token: student.access }),
      api.post(`${base}/${lessons[0]}/complete`, undefined, { token: student.access }),
      api.put(`${base}/${lessons[1]}/progress`, { status: 'completed' }, { token: student.access }),
      api.post(`${base}/${lessons[2]}/complete`, undefined, { token: student.access }),
    ]);
    expect(completions.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Seed row 17: id, lesson_id, status "completed", completion_percentage 100, completed_at
    expect(completions[3].body).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(UUID),
        lesson_id: lessons[2],
        status: 'completed',
        completion_percentage: 100,
        completed_at: expect.stringMatching(ISO),
      }),
    );
    expect((await api.get(`/api/v1/lessons/${lessons[1]}`, { token: student.access })).body).toMatchObject({ is_completed: true });
    const done = await api.get(`/api/v1/enrollments/${id}`, { token: student.access });
    expect(done.body).toMatchObject({ status: 'completed', progress_percentage: 100, completed_lessons_count: 3, total_time_spent_seconds: 120 });
    // Seed row 15: the detail's documented fields (certificate_url, rating, review null until they exist)
    expect(done.body).toEqual(
      expect.objectContaining({
        id,
        student_id: student.userId,
        course_id: courseId,
        enrolled_at: expect.stringMatching(ISO),
        started_at: expect.stringMatching(ISO),
        completed_at: expect.stringMatching(ISO),
        total_lessons_count: 3,
        certificate_url: null,
        rating: null,
        review: null,
        expires_at: null,
      }),
    );

    const perLesson = await api.get(`/api/v1/enrollments/${id}/progress`, { token: student.access });
    expect(perLesson.body.lessons.map((l: { lesson_id: string; progress: { status: string } }) => [l.lesson_id, l.progress.status])).toEqual(
      lessons.map((l) => [l, 'completed']),
    );

    const mine = await api.get('/api/v1/enrollments/my-courses?status=completed', { token: student.access });
    expect(mine.status).toBe(200);
    // Seed row 14: {enrollments: [...], total, page, page_size} (+ total_pages)
    expect(mine.body).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });
    expect(mine.body.items).toBeUndefined();
    expect(mine.body.enrollments[0]).toMatchObject({
      id,
      status: 'completed',
      course: { id: courseId, title: 'Gateway course', thumbnail_url: 'https://img.example/c.png' },
      progress_percentage: 100,
      completed_lessons_count: 3,
      total_lessons_count: 3,
      time_spent_hours: 0.03,
    });
    expect(mine.body.enrollments[0]).toEqual(
      expect.objectContaining({ enrolled_at: expect.stringMatching(ISO), last_accessed_at: expect.stringMatching(ISO) }),
    );
    expect((await api.get('/api/v1/enrollments/my-courses?status=dropped', { token: student.access })).body).toMatchObject({ enrollments: [], total: 0 });
    expectErrorBody(await api.get('/api/v1/enrollments/my-courses?status=weird', { token: student.access }), 422);

    // Seed row 18: rating 1-5, review at least 10 characters (or none at all)
    const review = await api.post(`/api/v1/enrollments/${id}/review`, { rating: 5, review: 'Exactly what I needed.' }, { token: student.access });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ rating: 5, review: 'Exactly what I needed.' });
    expect(review.body.reviewed_at).toMatch(ISO);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/review`, { rating: 9 }, { token: student.access }), 422);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/review`, { rating: 0 }, { token: student.access }), 422);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/review`, { rating: 4, review: 'Too short' }, { token: student.access }), 422);

    // The course side
    const list = await api.get(`/api/v1/courses/${courseId}/enrollments?sort=progress_desc&page_size=10`, { token: instructor.access });
    expect(list.status).toBe(200);
    expect(list.body.enrollments.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(list.body).toMatchObject({ total: 1, page: 1, page_size: 10, total_pages: 1, next_cursor: null });
    // the seed code's path of the same list
    const seedPath = await api.get(`/api/v1/enrollments/courses/${courseId}/enrollments?sort=progress_desc&page_size=10`, { token: instructor.access });
    expect(seedPath.body).toEqual(list.body);
    // the seed code's per-enrolment statistics
    const stat = await api.get(`/api/v1/enrollments/${id}/stats`, { token: student.access });
    expect(stat.status).toBe(200);
    expect(stat.body).toMatchObject({
      enrollment_id: id,
      course_id: courseId,
      student_id: student.userId,
      progress_percentage: 100,
      completed_lessons: 3,
      total_lessons: 3,
      time_spent_hours: 0.03,
      lessons_by_status: { completed: 3, in_progress: 0, not_started: 0 },
    });
    expect(typeof stat.body.average_completion_time_minutes).toBe('number');
    expect(stat.body.recent_lessons).toHaveLength(3);
    expect(stat.body.recent_lessons[0]).toEqual(
      expect.objectContaining({ lesson_id: expect.stringMatching(UUID), lesson_title: expect.stringMatching(/^Lesson /), status: 'completed', last_accessed: expect.stringMatching(ISO) }),
    );
    expectErrorBody(await api.get(`/api/v1/enrollments/${id}/stats`, { token: other.access }), 404);
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments`, { token: student.access }), 403);
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments?sort=name`, { token: instructor.access }), 422);
    const stats = await api.get(`/api/v1/courses/${courseId}/stats`, { token: instructor.access });
    expect(stats.body).toMatchObject({ total_enrollments: 1, completed_enrollments: 1, completion_rate: 100, average_rating: 5 });
    const bulk = await api.post(`/api/v1/courses/${courseId}/enrollments/bulk`, { emails: [other.email, 'ghost@example.test'], user_ids: [student.userId] }, { token: instructor.access });
    expect(bulk.status).toBe(201);
    // id rows say what happened; email rows are neutral ('accepted', no ids: no account enumeration)
    expect(bulk.body.results.map((r: { result: string }) => r.result)).toEqual(['already_enrolled', 'accepted', 'accepted']);
    expect(bulk.body.results[1]).toMatchObject({ user_id: null, enrollment_id: null });
    expect(bulk.body.results[0].enrollment_id).toBe(id);

    // The instructor adds a fourth lesson and publishes it: 75%, still completed, new content flagged.
    await createLesson(courseId);
    await eventually(async () => {
      const e = await api.get(`/api/v1/enrollments/${id}`, { token: student.access });
      expect(e.body).toMatchObject({ status: 'completed', progress_percentage: 75, total_lessons_count: 4, has_new_content: true });
    });

    const dropped = await api.delete(`/api/v1/enrollments/${id}`, { token: student.access });
    expect(dropped.body).toMatchObject({ id, status: 'dropped' });
  });

  test('When the enrolment routes are documented, then every row of the API table is in the OpenAPI document', async () => {
    const doc = (await api.get('/openapi.json')).body;
    for (const entry of [
      'post /api/v1/enrollments',
      'get /api/v1/enrollments/my-courses',
      'get /api/v1/enrollments/{enrollment_id}',
      'delete /api/v1/enrollments/{enrollment_id}',
      'get /api/v1/enrollments/{enrollment_id}/progress',
      'put /api/v1/enrollments/{enrollment_id}/lessons/{lesson_id}/progress',
      'post /api/v1/enrollments/{enrollment_id}/lessons/{lesson_id}/start',
      'post /api/v1/enrollments/{enrollment_id}/lessons/{lesson_id}/complete',
      'post /api/v1/enrollments/{enrollment_id}/review',
      'post /api/v1/enrollments/{enrollment_id}/extend',
      'get /api/v1/enrollments/{enrollment_id}/stats',
      'get /api/v1/enrollments/courses/{course_id}/enrollments',
      'get /api/v1/courses/{course_id}/enrollments',
      'post /api/v1/courses/{course_id}/enrollments/bulk',
      'get /api/v1/courses/{course_id}/stats',
    ]) {
      const [method, path] = entry.split(' ');
      expect([entry, Boolean(doc.paths[path]?.[method])]).toEqual([entry, true]);
    }
    const enrol = doc.paths['/api/v1/enrollments'].post;
    expect(enrol.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]));
    expect(doc.components.schemas.UpdateLessonProgressRequest.additionalProperties).toBe(false);
    // absent-able fields are documented as nullable (OpenAPI 3.1: type includes "null")
    const enrollmentProps = doc.components.schemas.Enrollment.properties;
    for (const key of ['started_at', 'completed_at', 'expires_at', 'certificate_url', 'rating', 'review']) {
      expect([key, JSON.stringify(enrollmentProps[key])]).toEqual([key, expect.stringContaining('null')]);
    }
  });

  test('When a course grants limited access, then enrolments carry expires_at, expire at that time with no call, refuse progress (409 ENROLLMENT.EXPIRED) but not reads, and the owner extends them', async () => {
    const course = await api.post('/api/v1/courses', { title: 'Timed course', access_days: 30 }, { token: instructor.access });
    expect(course.status).toBe(201);
    expect(course.body.access_days).toBe(30);
    const courseId = course.body.id as string;
    const lessons = [await createLesson(courseId), await createLesson(courseId)];
    expect((await api.post(`/api/v1/courses/${courseId}/publish`, undefined, { token: instructor.access })).status).toBe(200);
    const learner = await registerAndLogin(api, 'timed');
    const enrolled = await api.post('/api/v1/enrollments', { course_id: courseId }, { token: learner.access });
    expect(enrolled.status).toBe(201);
    const id = enrolled.body.id as string;
    expect(Date.parse(enrolled.body.expires_at) - Date.parse(enrolled.body.enrolled_at)).toBe(30 * 24 * 3600 * 1000);

    // Extension: the owner only (a student 403 at the door, another instructor 404 from the service); one of days/expires_at
    const strangerEmail = uniqueEmail('stranger');
    const strangerPassword = strongPassword();
    const stranger = await api.post('/api/v1/auth/register', { email: strangerEmail, password: strangerPassword, full_name: 'Other Teacher', role: 'instructor' });
    expect(stranger.status).toBe(201);
    const otherInstructor = await login(api, strangerEmail, strangerPassword);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/extend`, { days: 5 }, { token: otherInstructor.access }), 404);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/extend`, { days: 5 }, { token: learner.access }), 403);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/extend`, {}, { token: instructor.access }), 422);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/extend`, { days: 5, expires_at: new Date(Date.now() + 86_400_000).toISOString() }, { token: instructor.access }), 422);
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/extend`, { days: 3651 }, { token: instructor.access }), 422);

    const soon = new Date(Date.now() + 2000).toISOString();
    const short = await api.post(`/api/v1/enrollments/${id}/extend`, { expires_at: soon }, { token: instructor.access });
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ id, status: 'active', expires_at: soon });
    await eventually(async () => {
      expect((await api.get(`/api/v1/enrollments/${id}`, { token: learner.access })).body.status).toBe('expired');
    }, 30_000, 200);
    expectErrorBody(await api.put(`/api/v1/enrollments/${id}/lessons/${lessons[0]}/progress`, { notes: 'late' }, { token: learner.access }), 409, 'ENROLLMENT.EXPIRED');
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/lessons/${lessons[0]}/complete`, undefined, { token: learner.access }), 409, 'ENROLLMENT.EXPIRED');
    expect((await api.get(`/api/v1/enrollments/${id}/progress`, { token: learner.access })).status).toBe(200);
    expect((await api.get('/api/v1/enrollments/my-courses?status=expired', { token: learner.access })).body).toMatchObject({ total: 1 });

    const back = await api.post(`/api/v1/enrollments/${id}/extend`, { days: 5 }, { token: instructor.access });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('active');
    expect(Date.parse(back.body.expires_at)).toBeGreaterThan(Date.now() + 4 * 24 * 3600 * 1000);
    expect((await api.post(`/api/v1/enrollments/${id}/lessons/${lessons[0]}/complete`, undefined, { token: learner.access })).status).toBe(200);
  });

  test('When enrollment stops serving, then its routes answer 503 with Retry-After and /readyz stays 200 (a backend outage is not the gateway\'s)', async () => {
    await enrollment.stop();
    const unavailable = await api.get('/api/v1/enrollments/my-courses', { token: student.access });
    expectErrorBody(unavailable, 503);
    expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.get('/readyz')).status).toBe(200);
  });
});

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
    const progress = await api.put(`${base}/${lessons[0]}/progress`, { time_spent_seconds: 120, last_position_seconds: 30, notes: 'n' }, { token: student.access });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ time_spent_seconds: 120, last_position_seconds: 30, status: 'in_progress' });
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { time_spent_seconds: 100_000 }, { token: student.access }), 422);
    expectErrorBody(await api.put(`${base}/${lessons[0]}/progress`, { time_spent_seconds: 301 }, { token: student.access }), 422);
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
    expect((await api.get(`/api/v1/lessons/${lessons[1]}`, { token: student.access })).body).toMatchObject({ is_completed: true });
    const done = await api.get(`/api/v1/enrollments/${id}`, { token: student.access });
    expect(done.body).toMatchObject({ status: 'completed', progress_percentage: 100, completed_lessons_count: 3, total_time_spent_seconds: 120 });

    const perLesson = await api.get(`/api/v1/enrollments/${id}/progress`, { token: student.access });
    expect(perLesson.body.lessons.map((l: { lesson_id: string; progress: { status: string } }) => [l.lesson_id, l.progress.status])).toEqual(
      lessons.map((l) => [l, 'completed']),
    );

    const mine = await api.get('/api/v1/enrollments/my-courses?status=completed', { token: student.access });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });
    expect(mine.body.items[0]).toMatchObject({ id, course: { id: courseId, title: 'Gateway course', thumbnail_url: 'https://img.example/c.png' }, time_spent_hours: 0.03 });
    expectErrorBody(await api.get('/api/v1/enrollments/my-courses?status=weird', { token: student.access }), 422);

    const review = await api.post(`/api/v1/enrollments/${id}/review`, { rating: 5, review: 'Exactly what I needed.' }, { token: student.access });
    expect(review.body).toMatchObject({ rating: 5 });
    expectErrorBody(await api.post(`/api/v1/enrollments/${id}/review`, { rating: 9 }, { token: student.access }), 422);

    // The course side
    const list = await api.get(`/api/v1/courses/${courseId}/enrollments?sort=progress_desc&page_size=10`, { token: instructor.access });
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([id]);
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments`, { token: student.access }), 403);
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments?sort=name`, { token: instructor.access }), 422);
    const stats = await api.get(`/api/v1/courses/${courseId}/stats`, { token: instructor.access });
    expect(stats.body).toMatchObject({ total_enrollments: 1, completed_enrollments: 1, completion_rate: 100, average_rating: 5 });
    const bulk = await api.post(`/api/v1/courses/${courseId}/enrollments/bulk`, { emails: [other.email, 'ghost@example.test'], user_ids: [student.userId] }, { token: instructor.access });
    expect(bulk.status).toBe(201);
    expect(bulk.body.results.map((r: { result: string }) => r.result)).toEqual(['already_enrolled', 'enrolled', 'unknown_user']);

    // The instructor adds a fourth lesson and publishes it: 75%, still completed, new content flagged.
    await createLesson(courseId);
    await eventually(async () => {
      const e = await api.get(`/api/v1/enrollments/${id}`, { token: student.access });
      expect(e.body).toMatchObject({ status: 'completed', progress_percentage: 75, total_lessons_count: 4, has_new_content: true });
    });

    const dropped = await api.delete(`/api/v1/enrollments/${id}`, { token: student.access });
    expect(dropped.body).toMatchObject({ id, status: 'dropped' });
    const readyz = await api.get('/readyz');
    expect(readyz.body.checks.enrollment).toEqual({ ok: true });
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
  });

  test('When enrollment stops serving, then /readyz is 503 naming it and its routes answer 503', async () => {
    await enrollment.stop();
    const ready = await api.get('/readyz');
    const body = expectErrorBody(ready, 503, 'NOT_READY');
    expect(body.checks.enrollment.ok).toBe(false);
    expectErrorBody(await api.get('/api/v1/enrollments/my-courses', { token: student.access }), 503);
  });
});

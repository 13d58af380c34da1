import net from 'node:net';
import { createTestDatabase, createTestVhost, testEnv, testLogger, type TestResource } from '@lms/kit/testing';
// The enrollment service itself, started in-process (tests only).
import { loadEnrollmentConfig } from '@lms/enrollment/config';
import { start as startEnrollment } from '@lms/enrollment/main';
import { login, registerAndLogin, startAuth, uniqueEmail, type LoggedIn, type TestAuth } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson, registerInstructor, startCatalog, type TestCatalog } from './support/catalog';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody, type Api } from './support/http';

/**
 * Issue 9 part 5 through the gateway: bulk enrolment by email does not tell an instructor which addresses
 * have an account (every well-formed email row answers the same `accepted`), and only the course owner
 * (or an admin) can run it.
 */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Authorization gaps through the gateway (bulk enrolment by email)', () => {
  let auth: TestAuth;
  let catalog: TestCatalog;
  let vhost: TestResource;
  let db: TestResource;
  let enrollment: { grpcPort: number; stop(): Promise<void> };
  let gw: TestGateway;
  let api: Api;
  let instructor: LoggedIn;
  let otherInstructor: LoggedIn;
  let admin: LoggedIn;

  beforeAll(async () => {
    auth = await startAuth('authzgaps', { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    vhost = await createTestVhost('gw_authzgaps');
    db = await createTestDatabase('gw_authzgaps');
    const enrollmentPort = await freePort();
    catalog = await startCatalog('authzgaps', auth.address, { AMQP_URL: vhost.url, OUTBOX_POLL_MS: '100', ENROLLMENT_GRPC_ADDR: `127.0.0.1:${enrollmentPort}` });
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
    instructor = await registerInstructor(api, 'gapsteacher');
    otherInstructor = await registerInstructor(api, 'gapsother');
    const a = await auth.createAdmin();
    admin = await login(api, a.email, a.password);
  });

  afterAll(async () => {
    await gw?.stop();
    await enrollment?.stop();
    await catalog?.stop();
    await auth?.stop();
    await db?.drop();
    await vhost?.drop();
  });

  test('When an instructor bulk-enrols emails, then unknown, deactivated, teaching and enrolable addresses get the same row, and only the enrolable student is enrolled', async () => {
    const course = await createCourse(api, instructor.access);
    const lesson = await createLesson(api, instructor.access, course.id);
    await publishLesson(api, instructor.access, lesson.id);
    await publishCourse(api, instructor.access, course.id);
    const student = await registerAndLogin(api, 'gapsstudent');
    const gone = await registerAndLogin(api, 'gapsgone');
    expect((await api.post(`/api/v1/users/${gone.userId}/deactivate`, undefined, { token: admin.access })).status).toBe(200);

    const emails = [student.email, uniqueEmail('ghost'), gone.email, otherInstructor.email];
    const bulk = await api.post(`/api/v1/courses/${course.id}/enrollments/bulk`, { emails }, { token: instructor.access });
    expect(bulk.status).toBe(201);
    const shapes = (bulk.body.results as Record<string, unknown>[]).map(({ row: _row, input: _input, ...rest }) => JSON.stringify(rest));
    expect(shapes).toHaveLength(4);
    expect(new Set(shapes).size).toBe(1);
    expect(bulk.body.results[0].result).toBe('accepted');
    expect(bulk.body).toMatchObject({ total: 4, enrolled: 0, already_enrolled: 0, unknown_user: 0, invalid: 0 });

    const list = await api.get(`/api/v1/courses/${course.id}/enrollments?page_size=10`, { token: instructor.access });
    expect(list.status).toBe(200);
    // the list is being renamed items → enrollments (resource-named lists) in a concurrent change: read either
    const listed = (list.body.enrollments ?? list.body.items) as { student_id: string }[];
    expect(listed.map((e) => e.student_id)).toEqual([student.userId]);

    // another instructor can neither run it nor, through it, probe addresses
    expectErrorBody(await api.post(`/api/v1/courses/${course.id}/enrollments/bulk`, { emails }, { token: otherInstructor.access }), 403);
    expectErrorBody(await api.post(`/api/v1/courses/${course.id}/enrollments/bulk`, { emails }, { token: student.access }), 403);
  });
});

import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createDatabase } from '@lms/kit/db';
import { createEvent, EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { createClient, GrpcStatus, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { CreateLessonRequest } from '@lms/kit/generated/lms/catalog/v1/CreateLessonRequest';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import { createTestDatabase, createTestVhost, eventually, signIn, signUp, testEnv, testLogger, type TestResource, type TestUser } from '@lms/kit/testing';
// Auth and catalog themselves, started in-process (tests only): real tokens, real outlines, real course.published.
import { runBootstrapAdmin } from '@lms/auth/cli/bootstrap-admin';
import { loadAuthConfig } from '@lms/auth/config';
import { start as startAuthService } from '@lms/auth/main';
import { loadCatalogConfig } from '@lms/catalog/config';
import { start as startCatalogService } from '@lms/catalog/main';
import { loadEnrollmentConfig, type EnrollmentConfig } from '../src/config';
import { start, type RunningEnrollmentService } from '../src/main';
export { expectGrpcError } from '@lms/kit/testing';
import { captureEvents as captureKitEvents, type CapturedEvent } from '@lms/kit/testing';

export type EnrollmentClient = PromiseClient<EnrollmentServiceDefinition>;
export type CatalogClient = PromiseClient<CatalogServiceDefinition>;
export type AuthClient = PromiseClient<AuthServiceDefinition>;
export { GrpcStatus, eventually };

export const PASSWORD = 'Correct-Horse-9';

export type User = TestUser;

export interface Fleet {
  auth: AuthClient;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  service: RunningEnrollmentService;
  config: EnrollmentConfig;
  /** The enrollment database, for invariant checks (recounts) only. */
  db: Sequelize;
  vhost: TestResource;
  authAddress: string;
  catalogAddress: string;
  enrollmentAddress: string;
  admin: User;
  instructor: User;
  otherInstructor: User;
  student: User;
  otherStudent: User;
  newUser(role: 'instructor' | 'student', tag?: string): Promise<User>;
  /** Stops catalog (to test degraded reads); it cannot be restarted. */
  stopCatalog(): Promise<void>;
  /** Stops the enrollment service and starts it again on the same database and vhost. */
  restartEnrollment(overrides?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts auth, catalog and enrollment in-process, each on a new database, sharing one new RabbitMQ vhost
 * (catalog's course.published reaches enrollment for real) and a unique Redis prefix; then signs in an
 * admin (auth's bootstrap command), two instructors and two students.
 */
export async function startFleet(label: string, enrollmentEnv: Record<string, string> = {}, amqpUrl?: string): Promise<Fleet> {
  const authDb = await createTestDatabase(`enr_auth_${label}`);
  const catalogDb = await createTestDatabase(`enr_cat_${label}`);
  const enrollmentDb = await createTestDatabase(`enr_${label}`);
  const vhost = amqpUrl ? { url: amqpUrl, name: '/', drop: async () => undefined } : await createTestVhost(`enr_${label}`);
  const stops: (() => Promise<unknown>)[] = [() => vhost.drop(), () => enrollmentDb.drop(), () => catalogDb.drop(), () => authDb.drop()];
  const closeAll = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      GRPC_PORT: '0',
      AMQP_URL: vhost.url,
      REDIS_URL: testEnv.redisUrl,
      OUTBOX_POLL_MS: '100',
      EVENT_RETRY_BASE_MS: '100',
    };
    const authConfig = loadAuthConfig({ ...common, DATABASE_URL: authDb.url, BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    const authService = await startAuthService(authConfig, testLogger('auth'));
    stops.push(() => authService.stop());
    const authAddress = `127.0.0.1:${authService.grpcPort}`;
    const auth = createClient<AuthServiceDefinition>(loadService('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService'), authAddress, {
      deadlineMs: 15_000,
    });
    stops.push(async () => auth.close());

    const catalogService = await startCatalogService(
      loadCatalogConfig({
        ...common,
        DATABASE_URL: catalogDb.url,
        AUTH_GRPC_ADDR: authAddress,
        ENROLLMENT_GRPC_ADDR: '127.0.0.1:1', // these suites don't read lesson content through catalog
        REDIS_KEY_PREFIX: `lms:catalog:test:${randomBytes(4).toString('hex')}:`,
        GRPC_DEADLINE_MS: '3000',
      }),
      testLogger('catalog'),
    );
    let catalogStopped = false;
    const stopCatalog = async () => {
      if (catalogStopped) return;
      catalogStopped = true;
      await catalogService.stop();
    };
    stops.push(stopCatalog);
    const catalogAddress = `127.0.0.1:${catalogService.grpcPort}`;
    const catalog = createClient<CatalogServiceDefinition>(
      loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService'),
      catalogAddress,
      { deadlineMs: 15_000 },
    );
    stops.push(async () => catalog.close());

    const env: Record<string, string> = {
      ...common,
      DATABASE_URL: enrollmentDb.url,
      AUTH_GRPC_ADDR: authAddress,
      CATALOG_GRPC_ADDR: catalogAddress,
      GRPC_DEADLINE_MS: '3000',
      OUTLINE_REFRESH_MIN_INTERVAL_MS: '0',
      ...enrollmentEnv,
    };
    let config = loadEnrollmentConfig(env);
    let service = await start(config, testLogger('enrollment'));
    let enrollmentAddress = `127.0.0.1:${service.grpcPort}`;
    const connect = () =>
      createClient<EnrollmentServiceDefinition>(
        loadService('lms/enrollment/v1/enrollment.proto', 'lms.enrollment.v1.EnrollmentService'),
        enrollmentAddress,
        { deadlineMs: 20_000 },
      );
    const fleet = { enrollment: connect() } as Fleet;
    stops.push(async () => {
      fleet.enrollment.close();
      await fleet.service.stop();
    });
    const db = createDatabase({ url: enrollmentDb.url, poolMax: 3 });
    stops.push(() => db.close());

    const newUser = (role: 'instructor' | 'student', tag: string = role): Promise<User> => signUp(auth, role, tag, PASSWORD);
    const adminEmail = `admin.${randomBytes(5).toString('hex')}@example.test`;
    await runBootstrapAdmin({ ...authConfig, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD, ADMIN_FULL_NAME: 'Ada Admin' }, testLogger('bootstrap'));
    const admin: User = await signIn(auth, adminEmail, PASSWORD);
    const [instructor, otherInstructor, student, otherStudent] = await Promise.all([
      newUser('instructor', 'teacher'),
      newUser('instructor', 'otherteacher'),
      newUser('student', 'student'),
      newUser('student', 'otherstudent'),
    ]);

    return Object.assign(fleet, {
      auth,
      catalog,
      service,
      config,
      db,
      vhost,
      authAddress,
      catalogAddress,
      enrollmentAddress,
      admin,
      instructor,
      otherInstructor,
      student,
      otherStudent,
      newUser,
      stopCatalog,
      async restartEnrollment(overrides: Record<string, string> = {}) {
        fleet.enrollment.close();
        await fleet.service.stop();
        config = loadEnrollmentConfig({ ...env, ...overrides });
        service = await start(config, testLogger('enrollment'));
        enrollmentAddress = `127.0.0.1:${service.grpcPort}`;
        Object.assign(fleet, { service, config, enrollmentAddress, enrollment: connect() });
      },
      close: closeAll,
    });
  } catch (err) {
    await closeAll();
    throw err;
  }
}

let counter = 0;
export function unique(label = 'x'): string {
  return `${label}${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
}

/** Adds and publishes a lesson (catalog bumps the version and emits course.published when the course is published). */
export async function addLesson(f: Fleet, owner: User, courseId: string, overrides: CreateLessonRequest = {}): Promise<string> {
  const lesson = await f.catalog.CreateLesson(
    { course_id: courseId, title: `Lesson ${unique()}`, lesson_type: 'text', content: '# Hello', duration_minutes: 5, ...overrides },
    owner.auth,
  );
  await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner.auth);
  return lesson.id;
}

/** A published course of `owner` with `lessons` published lessons (each may be customised). */
export async function publishedCourse(
  f: Fleet,
  owner: User,
  lessons = 3,
  lessonOverrides: (i: number) => CreateLessonRequest = () => ({}),
): Promise<{ courseId: string; lessonIds: string[]; title: string }> {
  const title = `Course ${unique()}`;
  const course = await f.catalog.CreateCourse(
    { title, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0, thumbnail_url: 'https://img.example/t.png' },
    owner.auth,
  );
  const lessonIds: string[] = [];
  for (let i = 0; i < lessons; i++) lessonIds.push(await addLesson(f, owner, course.id, lessonOverrides(i)));
  await f.catalog.PublishCourse({ course_id: course.id }, owner.auth);
  return { courseId: course.id, lessonIds, title };
}



/** Publishes CloudEvents to lms.events, as another service's outbox relay would. */
export async function eventPublisher(vhostUrl: string) {
  const connection: ChannelModel = await amqp.connect(vhostUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  return {
    event: (type: string, subject: string, data: Record<string, unknown>, source = 'lms/quiz') => createEvent({ type, source, subject, data }),
    async publish(event: CloudEvent<unknown>) {
      await new Promise<void>((resolve, reject) =>
        channel.publish(
          EVENTS_EXCHANGE,
          event.type,
          Buffer.from(JSON.stringify(event)),
          { persistent: true, messageId: event.id, contentType: 'application/cloudevents+json' },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    },
    async publishRaw(type: string, body: string) {
      await new Promise<void>((resolve, reject) =>
        channel.publish(EVENTS_EXCHANGE, type, Buffer.from(body), { persistent: true }, (err) => (err ? reject(err) : resolve())),
      );
    },
    async close() {
      await connection.close().catch(() => undefined);
    },
  };
}

/**
 * The aggregate invariant, recounted from scratch: completed_lessons_count = |completed ∩ countable of the
 * enrolment's version| and total_lessons_count = |countable of that version|. Returns offending rows.
 */
export async function invariantViolations(db: Sequelize, courseId: string): Promise<unknown[]> {
  return db.query(
    `SELECT e.id, e.completed_lessons_count, e.total_lessons_count, v.total_countable,
       (SELECT count(*) FROM lesson_progress lp JOIN course_lessons cl
          ON cl.course_id = e.course_id AND cl.version = e.course_version AND cl.lesson_id = lp.lesson_id AND cl.countable
        WHERE lp.enrollment_id = e.id AND lp.completed_at IS NOT NULL)::int AS recount
     FROM enrollments e JOIN course_versions v ON v.course_id = e.course_id AND v.version = e.course_version
     WHERE e.course_id = :courseId`,
    { type: QueryTypes.SELECT, replacements: { courseId } },
  ).then((rows) =>
    (rows as { completed_lessons_count: number; total_lessons_count: number; total_countable: number; recount: number }[]).filter(
      (r) => r.completed_lessons_count !== r.recount || r.total_lessons_count !== r.total_countable,
    ),
  );
}

/** The trigger-maintained (course, status) counters compared with a fresh GROUP BY; returns mismatches. */
export async function countViolations(db: Sequelize): Promise<unknown[]> {
  return db.query(
    `SELECT coalesce(a.course_id, c.course_id) AS course_id, coalesce(a.status, c.status) AS status, a.n AS actual, c.n AS counted
     FROM (SELECT course_id, status, count(*) AS n FROM enrollments GROUP BY course_id, status) a
     FULL JOIN course_enrollment_counts c ON c.course_id = a.course_id AND c.status = a.status
     WHERE coalesce(a.n, 0) <> coalesce(c.n, 0)`,
    { type: QueryTypes.SELECT },
  );
}

/** Events on lms.events in the suite's vhost, looked up by type and a predicate on their data. */
export async function captureEvents(vhostUrl: string, keys: string[]) {
  const capture = await captureKitEvents(vhostUrl, keys);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const byType = (type: string, predicate: (data: Record<string, any>) => boolean) => (e: CapturedEvent) => e.type === type && predicate(e.data);
  return {
    get received(): CapturedEvent[] {
      return capture.received.map((r) => r.event);
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    matching: (type: string, predicate: (data: Record<string, any>) => boolean = () => true) => capture.matching(byType(type, predicate)),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async waitFor(type: string, predicate: (data: Record<string, any>) => boolean = () => true, timeoutMs = 15_000) {
      return (await capture.waitFor(byType(type, predicate), timeoutMs)).event;
    },
    close: capture.close,
  };
}

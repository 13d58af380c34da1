import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import { createEvent, EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { createClient, GrpcStatus, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { Course__Output } from '@lms/kit/generated/lms/catalog/v1/Course';
import type { CreateCourseRequest } from '@lms/kit/generated/lms/catalog/v1/CreateCourseRequest';
import type { CreateLessonRequest } from '@lms/kit/generated/lms/catalog/v1/CreateLessonRequest';
import type { ListCoursesRequest } from '@lms/kit/generated/lms/catalog/v1/ListCoursesRequest';
import { createTestDatabase, createTestVhost, eventually, signIn, signUp, testEnv, testLogger, type TestResource, type TestUser } from '@lms/kit/testing';
// The auth service itself, started in-process (tests only), so the catalog verifies real tokens.
import { runBootstrapAdmin } from '@lms/auth/cli/bootstrap-admin';
import { loadAuthConfig } from '@lms/auth/config';
import { start as startAuthService } from '@lms/auth/main';
import { loadCatalogConfig, type CatalogConfig } from '../src/config';
import { start, type RunningCatalogService } from '../src/main';
export { captureEvents, expectGrpcError } from '@lms/kit/testing';
export { grpcStatusOf as statusOf } from '@lms/kit/testing';

export type CatalogClient = PromiseClient<CatalogServiceDefinition>;
export type AuthClient = PromiseClient<AuthServiceDefinition>;
export { GrpcStatus, eventually };

export const PASSWORD = 'Correct-Horse-9';

/** A signed-in user: id, role and the call options carrying their token. */
export type User = TestUser;

/** No token at all. */
export const ANONYMOUS = { authorization: '' };

export interface Fleet {
  catalog: CatalogClient;
  auth: AuthClient;
  config: CatalogConfig;
  env: Record<string, string>;
  vhost: TestResource;
  admin: User;
  owner: User;
  other: User;
  student: User;
  newUser(role: 'instructor' | 'student', label?: string): Promise<User>;
  /** Another catalog process on the same database, vhost and Redis prefix (a second replica). */
  startReplica(overrides?: Record<string, string>): Promise<{ client: CatalogClient; stop(): Promise<void> }>;
  stopAuth(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts auth and catalog in-process, each on its own new database, sharing one new RabbitMQ vhost and
 * a unique Redis key prefix, then creates an admin (auth's bootstrap command), two instructors and a student.
 */
export async function startFleet(label: string, catalogEnv: Record<string, string> = {}): Promise<Fleet> {
  const authDb = await createTestDatabase(`cat_auth_${label}`);
  const db = await createTestDatabase(`cat_${label}`);
  const vhost = await createTestVhost(`cat_${label}`);
  const stops: (() => Promise<unknown>)[] = [() => vhost.drop(), () => db.drop(), () => authDb.drop()];
  const closeAll = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const authConfig = loadAuthConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      GRPC_PORT: '0',
      DATABASE_URL: authDb.url,
      AMQP_URL: vhost.url,
      REDIS_URL: testEnv.redisUrl,
      BCRYPT_COST: '4',
      ALLOW_INSTRUCTOR_SIGNUP: 'true',
    });
    const authService = await startAuthService(authConfig, testLogger('auth'));
    let authStopped = false;
    const stopAuth = async () => {
      if (authStopped) return;
      authStopped = true;
      await authService.stop();
    };
    stops.push(stopAuth);
    const authAddress = `127.0.0.1:${authService.grpcPort}`;
    const auth = createClient<AuthServiceDefinition>(loadService('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService'), authAddress, {
      deadlineMs: 15_000,
    });
    stops.push(async () => auth.close());

    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      GRPC_PORT: '0',
      DATABASE_URL: db.url,
      AMQP_URL: vhost.url,
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: `lms:catalog:test:${randomBytes(4).toString('hex')}:`,
      AUTH_GRPC_ADDR: authAddress,
      ENROLLMENT_GRPC_ADDR: '127.0.0.1:1', // no enrollment service in these suites: the read model alone decides
      OUTBOX_POLL_MS: '100',
      EVENT_RETRY_BASE_MS: '100',
      GRPC_DEADLINE_MS: '2000',
      ...catalogEnv,
    };
    const startCatalog = async (overrides: Record<string, string> = {}) => {
      const service: RunningCatalogService = await start(loadCatalogConfig({ ...env, ...overrides }), testLogger('catalog'));
      const client = createClient<CatalogServiceDefinition>(
        loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService'),
        `127.0.0.1:${service.grpcPort}`,
        { deadlineMs: 20_000 },
      );
      let stopped = false;
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        client.close();
        await service.stop();
      };
      stops.push(stop);
      return { client, stop };
    };
    const main = await startCatalog();

    const newUser = (role: 'instructor' | 'student', tag: string = role): Promise<User> => signUp(auth, role, tag, PASSWORD);
    const adminEmail = `admin.${randomBytes(5).toString('hex')}@example.test`;
    await runBootstrapAdmin(
      { ...authConfig, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD, ADMIN_FULL_NAME: 'Ada Admin' },
      testLogger('bootstrap'),
    );
    const admin: User = await signIn(auth, adminEmail, PASSWORD);
    const [owner, other, student] = await Promise.all([newUser('instructor', 'owner'), newUser('instructor', 'other'), newUser('student')]);

    return {
      catalog: main.client,
      auth,
      config: loadCatalogConfig(env),
      env,
      vhost,
      admin,
      owner,
      other,
      student,
      newUser,
      startReplica: startCatalog,
      stopAuth,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

let counter = 0;
/** A unique, readable token for titles and slugs. */
export function unique(label = 'x'): string {
  return `${label}${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
}

export function courseRequest(overrides: CreateCourseRequest = {}): CreateCourseRequest {
  return {
    title: `Course ${unique()}`,
    description: 'A course about things',
    category: 'Testing',
    difficulty_level: 'beginner',
    price_cents: 0,
    ...overrides,
  };
}

export function lessonRequest(courseId: string, overrides: CreateLessonRequest = {}): CreateLessonRequest {
  return { course_id: courseId, title: `Lesson ${unique()}`, lesson_type: 'text', content: '# Hello', duration_minutes: 10, ...overrides };
}

/** A listing request with explicit paging and no price bounds (-1), as the gateway sends it. */
export function listRequest(overrides: ListCoursesRequest = {}): ListCoursesRequest {
  return { page: 1, page_size: 20, min_price_cents: -1, max_price_cents: -1, ...overrides };
}

/** A published course of `owner`: one section, `lessons` published lessons (the first a preview). */
export async function publishedCourse(
  f: Fleet,
  owner: User,
  overrides: CreateCourseRequest = {},
  lessons = 1,
): Promise<{ course: Course__Output; lessonIds: string[] }> {
  const course = await f.catalog.CreateCourse(courseRequest(overrides), owner.auth);
  const lessonIds: string[] = [];
  for (let i = 0; i < lessons; i++) {
    const lesson = await f.catalog.CreateLesson(lessonRequest(course.id, { is_preview: i === 0 }), owner.auth);
    await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner.auth);
    lessonIds.push(lesson.id);
  }
  return { course: await f.catalog.PublishCourse({ course_id: course.id }, owner.auth), lessonIds };
}




/** Publishes CloudEvents to lms.events in the vhost, as another service's outbox relay would. */
export async function eventPublisher(vhostUrl: string) {
  const connection: ChannelModel = await amqp.connect(vhostUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  return {
    event: (type: string, subject: string, data: Record<string, unknown>) =>
      createEvent({ type, source: 'lms/enrollment', subject, data }),
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
    async close() {
      await connection.close().catch(() => undefined);
    },
  };
}

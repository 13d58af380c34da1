import { GrpcStatus, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { Course__Output } from '@lms/kit/generated/lms/catalog/v1/Course';
import type { CreateCourseRequest } from '@lms/kit/generated/lms/catalog/v1/CreateCourseRequest';
import type { CreateLessonRequest } from '@lms/kit/generated/lms/catalog/v1/CreateLessonRequest';
import type { ListCoursesRequest } from '@lms/kit/generated/lms/catalog/v1/ListCoursesRequest';
import { eventually, type TestResource, type TestUser } from '@lms/kit/testing';
// Auth and catalog, started in-process by the fleet's test support, so the catalog verifies real tokens.
import { eventPublisher as fleetEventPublisher, fleetBasics, PASSWORD, startFleet as startTestFleet, unique } from '@lms/testing-fleet';
import type { CatalogConfig } from '../src/config';
import { captureEvents } from '@lms/kit/testing';
export { captureEvents };
export { expectGrpcError } from '@lms/kit/testing';
export { grpcStatusOf as statusOf } from '@lms/kit/testing';

export type CatalogClient = PromiseClient<CatalogServiceDefinition>;
export type AuthClient = PromiseClient<AuthServiceDefinition>;
export { GrpcStatus, eventually, PASSWORD, unique };

/** A signed-in user: id, role and the call options carrying their token. */
export type User = TestUser;

/** No token at all. */
export const ANONYMOUS = { authorization: '' };

export interface Fleet {
  catalog: CatalogClient;
  auth: AuthClient;
  config: CatalogConfig;
  env: Record<string, string>;
  /** Catalog's gRPC address, for clients signed as another service. */
  address: string;
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
  const fleet = await startTestFleet({
    label: `cat_${label}`,
    services: ['catalog'],
    env: { catalog: { GRPC_DEADLINE_MS: '2000', ...catalogEnv } },
    users: { owner: ['instructor', 'owner'], other: ['instructor', 'other'], student: ['student', 'student'] },
  });
  const catalog = fleet.catalog!;
  return {
    ...fleetBasics(fleet),
    catalog: catalog.client,
    config: catalog.config,
    env: catalog.env,
    address: catalog.address,
    async startReplica(overrides: Record<string, string> = {}) {
      const replica = await catalog.replica(overrides);
      return { client: replica.client, stop: () => replica.close() };
    },
    stopAuth: () => fleet.auth!.stop(),
  };
}

export type CapturedEvents = Awaited<ReturnType<typeof captureEvents>>;

/** A fleet whose vhost's course and lesson events are captured (`events`); `close()` stops both. */
export interface FleetWithEvents extends Fleet {
  events: CapturedEvents;
}

/** `startFleet`, then the capture of `course.*` and `lesson.*` the course and lesson suites all start with. */
export async function startFleetWithEvents(label: string): Promise<FleetWithEvents> {
  const f = await startFleet(label);
  let events: CapturedEvents;
  try {
    events = await captureEvents(f.vhost.url, ['course.*', 'lesson.*']);
  } catch (err) {
    await f.close();
    throw err;
  }
  const closeFleet = f.close.bind(f);
  return Object.assign(f, {
    events,
    async close() {
      await events.close();
      await closeFleet();
    },
  });
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

/** Publishes CloudEvents to lms.events in the vhost, as another service's outbox relay would (as enrollment's). */
export const eventPublisher = (vhostUrl: string) => fleetEventPublisher(vhostUrl, 'lms/enrollment');

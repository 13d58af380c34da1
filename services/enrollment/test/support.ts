import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { GrpcStatus, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { CreateLessonRequest } from '@lms/kit/generated/lms/catalog/v1/CreateLessonRequest';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import { eventually, type TestResource, type TestUser } from '@lms/kit/testing';
// Auth, catalog and enrollment, started in-process by the fleet's test support: real tokens, real outlines,
// real course.published.
import { captureEventsByType, CLASSROOM_USERS, eventPublisher, fleetBasics, PASSWORD, startFleet as startTestFleet, unique } from '@lms/testing-fleet';
import type { EnrollmentConfig } from '../src/config';
import type { RunningEnrollmentService } from '../src/main';
export { expectGrpcError } from '@lms/kit/testing';

export type EnrollmentClient = PromiseClient<EnrollmentServiceDefinition>;
export type CatalogClient = PromiseClient<CatalogServiceDefinition>;
export type AuthClient = PromiseClient<AuthServiceDefinition>;
export { GrpcStatus, eventually, eventPublisher, PASSWORD, unique };

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
  const started = await startTestFleet({
    label: `enr_${label}`,
    services: ['enrollment'],
    amqpUrl,
    env: { enrollment: { OUTLINE_REFRESH_MIN_INTERVAL_MS: '0', ...enrollmentEnv } },
    users: CLASSROOM_USERS,
  });
  const [auth, catalog, enrollment] = [started.auth!, started.catalog!, started.enrollment!];
  const current = () => ({ service: enrollment.service, config: enrollment.config, enrollmentAddress: enrollment.address, enrollment: enrollment.client });
  const fleet: Fleet = {
    ...fleetBasics(started),
    ...current(),
    catalog: catalog.client,
    db: started.openDatabase('enrollment'),
    authAddress: auth.address,
    catalogAddress: catalog.address,
    stopCatalog: () => catalog.stop(),
    async restartEnrollment(overrides: Record<string, string> = {}) {
      await enrollment.restart(overrides);
      Object.assign(fleet, current());
    },
  };
  return fleet;
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

/** How many of these event ids the consumer of `queue` has handled (its inbox rows). */
export async function handledCount(db: Sequelize, queue: string, ids: string[]): Promise<number> {
  const rows = await db.query<{ n: string }>('SELECT count(*) AS n FROM inbox WHERE consumer = :queue AND event_id IN (:ids)', {
    type: QueryTypes.SELECT,
    replacements: { queue, ids },
  });
  return Number(rows[0].n);
}

/** Events on lms.events in the suite's vhost, looked up by type and a predicate on their data. */
export const captureEvents = captureEventsByType;

/** The data of a `quiz.passed` event (a new attempt and quiz each time) for a student's quiz lesson. */
export function quizPassedData(studentId: string, courseId: string, lessonId: string) {
  return {
    attempt_id: randomUUID(),
    quiz_id: randomUUID(),
    lesson_id: lessonId,
    course_id: courseId,
    student_id: studentId,
    score_percent: 90,
    passed_at: new Date().toISOString(),
  };
}

import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { AnalyticsClient, AuthClient } from '@lms/kit/clients';
import { createEvent, parkingLotQueue, type CloudEvent } from '@lms/kit/events';
import { GrpcStatus } from '@lms/kit/grpc';
import { eventually, queueDepth, signIn, type TestResource, type TestUser } from '@lms/kit/testing';
// Auth (tokens, JWKS) on a vhost of its own and analytics on another: the only events analytics sees are the
// ones a suite publishes, so every read-model row is the suite's own doing.
import { eventPublisher, PASSWORD, startAuth, startFleet, unique, type AuthHandle } from '@lms/testing-fleet';
import type { AnalyticsConfig } from '../src/config';
import { FACTS_QUEUE } from '../src/events/facts.consumer';
import type { RunningAnalyticsService } from '../src/main';
export { expectGrpcError } from '@lms/kit/testing';

export type { AnalyticsClient, AuthClient, CloudEvent };
export { GrpcStatus, eventually, PASSWORD, unique };

export type User = TestUser;

/** The producer (CloudEvents `source`) of each consumed type, as the fleet publishes them. */
export function sourceOf(type: string): string {
  if (type.startsWith('user.')) return 'lms/auth';
  if (type.startsWith('course.') || ['lesson.created', 'lesson.updated', 'lesson.deleted'].includes(type)) return 'lms/catalog';
  if (type.startsWith('enrollment.') || type.startsWith('lesson.')) return 'lms/enrollment';
  if (type.startsWith('certificate.')) return 'lms/certificate';
  return 'lms/quiz';
}

/** Every read-model table (fact rows, then aggregates), in the order `dump()` lists them. */
export const READ_MODEL_TABLES = [
  'users',
  'courses',
  'lessons',
  'enrollments',
  'lesson_progress',
  'enrollment_days',
  'quizzes',
  'questions',
  'attempts',
  'attempt_answers',
  'certificates',
  'course_stats',
  'lesson_stats',
  'quiz_stats',
  'quiz_students',
  'question_stats',
  'student_daily',
  'course_daily',
  'system_daily',
  'course_pairs',
  'instructor_learners',
  'instructor_stats',
] as const;

export interface AnalyticsSuite {
  /** gRPC client of the analytics service. */
  analytics: AnalyticsClient;
  service: RunningAnalyticsService;
  config: AnalyticsConfig;
  /** The analytics database, for assertions straight from the rows. */
  db: Sequelize;
  /** Analytics' vhost (where `publish` sends). */
  vhost: TestResource;
  /** Auth (own vhost: its user.registered events do NOT reach analytics; publish the facts a test needs). */
  auth: AuthClient;
  authHandle: AuthHandle;
  admin: User;
  newUser(role: 'instructor' | 'student', tag?: string): Promise<User>;
  /**
   * Builds a CloudEvent of `type` with the producer's source; `time` defaults to now, `id` to a new uuid
   * (pass the same id twice for a duplicate).
   */
  fact(type: string, data: Record<string, unknown>, options?: { id?: string; time?: Date; subject?: string }): CloudEvent<Record<string, unknown>>;
  /** Publishes events to lms.events on analytics' vhost, in the order given (one after the other, confirmed). */
  publish(...events: CloudEvent<unknown>[]): Promise<void>;
  /** Publishes any body under a routing key (malformed messages). */
  publishRaw(type: string, body: string): Promise<void>;
  /** Events handled by the consumer so far (rows of analytics' inbox for `analytics.facts`). */
  handledCount(): Promise<number>;
  /** Waits until the consumer handled (inbox row committed) every one of these events (duplicates count once). */
  waitForHandled(events: (CloudEvent<unknown> | string)[], timeoutMs?: number): Promise<void>;
  /** Waits until the inbox holds at least `n` rows. */
  waitForCount(n: number, timeoutMs?: number): Promise<void>;
  /** Messages in the parking lot of `analytics.facts`. */
  parkedCount(): Promise<number>;
  /** Every read-model table's rows, sorted, as plain JSON (for "identical tables" comparisons). */
  dump(tables?: readonly string[]): Promise<Record<string, unknown[]>>;
  /**
   * Waits until what was published before has been consumed: a sentinel fact handled (`course.deleted` of a
   * random course id — a deleted course, in no figure) and the queue empty.
   */
  settle(timeoutMs?: number): Promise<void>;
  /** Stops the analytics service (consumer included); published events wait in its queue. */
  stopService(): Promise<void>;
  /** Starts it again on the same database and vhost (after stopService, or restarts it); `service`/`analytics` are replaced. */
  restartService(overrides?: Record<string, string>): Promise<void>;
  /** Empties every read-model table and analytics' inbox (a fresh start on the same service), after settle(). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts auth (its own vhost and database) and analytics (its own database and vhost, JWKS from that auth),
 * ensures an admin, and opens a publisher on analytics' vhost. Tests feed analytics by publishing CloudEvents
 * (`fact` + `publish`) and wait with `waitForHandled`.
 */
export async function startAnalyticsSuite(label: string, analyticsEnv: Record<string, string> = {}): Promise<AnalyticsSuite> {
  const authHandle = await startAuth({ label: `an_${label}`, env: { ALLOW_INSTRUCTOR_SIGNUP: 'true' } });
  const closers: (() => Promise<unknown>)[] = [() => authHandle.close()];
  const closeAll = async () => {
    for (const step of closers.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const fleet = await startFleet({
      label: `an_${label}`,
      services: ['analytics'],
      authAddress: authHandle.address,
      env: { analytics: { OUTBOX_POLL_MS: '50', EVENT_RETRY_BASE_MS: '50', EVENT_MAX_RETRIES: '1', ...analyticsEnv } },
    });
    closers.push(() => fleet.close());
    const analytics = fleet.analytics!;
    const db = fleet.openDatabase('analytics');
    const publisher = await eventPublisher(fleet.vhost.url);
    closers.push(() => publisher.close());
    const adminCredentials = await authHandle.createAdmin();
    const admin = await signIn(authHandle.client, adminCredentials.email, adminCredentials.password);
    const ids = (events: (CloudEvent<unknown> | string)[]) => [...new Set(events.map((e) => (typeof e === 'string' ? e : e.id)))];
    const suite: AnalyticsSuite = {
      analytics: analytics.client,
      service: analytics.service,
      config: analytics.config,
      db,
      vhost: fleet.vhost,
      auth: authHandle.client,
      authHandle,
      admin,
      newUser: fleet.newUser,
      fact: (type, data, options = {}) =>
        createEvent({ type, source: sourceOf(type), subject: options.subject, data, id: options.id ?? randomUUID(), time: options.time }),
      async publish(...events) {
        for (const event of events) await publisher.publish(event);
      },
      publishRaw: (type, body) => publisher.publishRaw(type, body),
      async handledCount() {
        const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM inbox WHERE consumer = :consumer`, {
          type: QueryTypes.SELECT,
          replacements: { consumer: FACTS_QUEUE },
        });
        return Number(row.n);
      },
      async waitForHandled(events, timeoutMs = 20_000) {
        const wanted = ids(events);
        if (wanted.length === 0) return;
        await eventually(async () => {
          const [row] = await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM inbox WHERE consumer = :consumer AND event_id IN (:ids)`,
            { type: QueryTypes.SELECT, replacements: { consumer: FACTS_QUEUE, ids: wanted } },
          );
          if (Number(row.n) < wanted.length) throw new Error(`handled ${row.n} of ${wanted.length} events`);
        }, timeoutMs);
      },
      async waitForCount(n, timeoutMs = 20_000) {
        await eventually(async () => {
          const count = await suite.handledCount();
          if (count < n) throw new Error(`handled ${count} of ${n} events`);
        }, timeoutMs);
      },
      parkedCount: () => queueDepth(fleet.vhost.url, parkingLotQueue(FACTS_QUEUE)),
      async dump(tables = READ_MODEL_TABLES) {
        const out: Record<string, unknown[]> = {};
        for (const table of tables) {
          const rows = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`, { type: QueryTypes.SELECT });
          out[table] = rows.map((r) => JSON.parse(r.row) as unknown);
        }
        return out;
      },
      async settle(timeoutMs = 20_000) {
        // Everything published before is consumed once a fact published now is handled and the queue is empty
        // (exact with EVENT_PREFETCH=1; with more in flight, earlier messages are at worst being handled).
        const sentinel = suite.fact('course.deleted', { course_id: randomUUID(), deleted_at: new Date().toISOString() });
        await publisher.publish(sentinel);
        await suite.waitForHandled([sentinel], timeoutMs);
        await eventually(async () => expect(await queueDepth(fleet.vhost.url, FACTS_QUEUE)).toBe(0), timeoutMs);
      },
      async reset() {
        await suite.settle();
        await db.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}; DELETE FROM inbox WHERE consumer = '${FACTS_QUEUE}';`);
      },
      stopService: () => analytics.stop(),
      async restartService(overrides = {}) {
        await analytics.restart(overrides);
        Object.assign(suite, { analytics: analytics.client, service: analytics.service, config: analytics.config });
      },
      close: closeAll,
    };
    return suite;
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** The events in a deterministic shuffled order (seeded), for out-of-order delivery tests. */
export function shuffled<T>(items: readonly T[], seed = 42): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

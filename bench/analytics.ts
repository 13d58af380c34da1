/**
 * Benchmark of the analytics service at scale. Prints figures; not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b libs/kit; npx tsx bench/analytics.ts     (or: make bench-analytics)
 *
 * 0. The loader against ingestion (bench/lib/analytics-load-check.ts): a small loaded history, its events derived
 *    from the rows and applied through `ingestFact` to an empty database, every read-model table compared.
 * 1. Bulk load (bench/lib/analytics-load.ts): 100,000 enrolments (500 courses × 200 learners among 40,000
 *    students, 60 instructors, 40–120 lessons a course) and 5,000,000+ lesson_progress rows, quizzes and
 *    attempts in proportion, over 365 days — fact rows with set-based SQL, then every aggregate filled from
 *    the fact rows with the recount's own queries; then `recountMismatches` (the check `analytics rebuild
 *    --check` runs) must find 0 differences.
 * 2. Read latency over gRPC (the service in-process on that database, auth in-process for JWKS, an admin
 *    token; the instructor dashboard also as a real instructor who owns loaded courses): p50/p95/p99 of
 *    every dashboard at concurrency 1 and 8.
 * 3. Ingestion: realistic learner events published as CloudEvents to the broker at a fixed rate
 *    (BENCH_RATE/s for BENCH_INGEST_S s), then as fast as possible; lag = inbox.processed_at − the event's
 *    `time` (its publish time); wait events of PostgreSQL sampled meanwhile; recount checked again after.
 *
 * Everything runs against the local infrastructure (scripts/infra.sh) on new `bench_*` databases and vhosts,
 * dropped at the end (also on Ctrl-C).
 * Knobs: BENCH_COURSES (500), BENCH_LEARNERS (200 a course), BENCH_STUDENTS (40000), BENCH_INSTRUCTORS (60),
 * BENCH_SAMPLES (200 calls per RPC and concurrency), BENCH_RATE (2000 events/s), BENCH_INGEST_S (30),
 * BENCH_CEILING_EVENTS (10000), BENCH_DRAIN_S (90),
 * BENCH_ANALYTICS_<NAME> (any setting of the service, e.g. BENCH_ANALYTICS_INGEST_BATCH_SIZE), BENCH_SKIP_READS=1 (no read latency), BENCH_CHECK_LOADER=0 (no loader check), BENCH_POOL_MAX / BENCH_PREFETCH (the service's DATABASE_POOL_MAX / EVENT_PREFETCH; its defaults 10 / 16), BENCH_PROFILE (file), BENCH_LOG_LEVEL (warn), BENCH_SKIP_RECOUNT=1 (skip the two recount checks).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import pino from 'pino';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createAnalyticsClient, createAuthClient } from '@lms/kit/clients';
import { createDatabase as openDatabase } from '@lms/kit/db';
import { createEvent, EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { runBootstrapAdmin } from '../services/auth/src/cli/bootstrap-admin';
import { loadAuthConfig } from '../services/auth/src/config';
import { start as startAuth } from '../services/auth/src/main';
import { recountMismatches } from '../services/analytics/src/app/ingest/recount';
import { loadAnalyticsConfig } from '../services/analytics/src/config';
import { FACTS_QUEUE } from '../services/analytics/src/events/facts.consumer';
import { start as startAnalytics } from '../services/analytics/src/main';
import { bulkLoadAnalytics, dropStaging, type LoadShape } from './lib/analytics-load';
import { checkLoaderAgainstIngestion, type LoaderCheck } from './lib/analytics-load-check';
import { cleanupStack, createDatabase, createVhost, envNumber, infra, runId } from './lib/infra';

const SHAPE: LoadShape = {
  courses: envNumber('BENCH_COURSES', 500, true),
  learnersPerCourse: envNumber('BENCH_LEARNERS', 200, true),
  students: envNumber('BENCH_STUDENTS', 40_000, true),
  instructors: envNumber('BENCH_INSTRUCTORS', 60, true),
};
const SAMPLES = envNumber('BENCH_SAMPLES', 200, true);
const RATE = envNumber('BENCH_RATE', 2000, true);
const INGEST_S = envNumber('BENCH_INGEST_S', 30);
const CEILING_EVENTS = envNumber('BENCH_CEILING_EVENTS', 10_000, true);
/** How long a phase waits for the consumer to drain the queue before purging the rest. */
const DRAIN_S = envNumber('BENCH_DRAIN_S', 90);
const SKIP_RECOUNT = process.env.BENCH_SKIP_RECOUNT === '1';
const PASSWORD = 'Bench-Passw0rd!';

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const quiet = (service: string) => pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn', base: { service } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

type Stats = { n: number; mean: number; p50: number; p95: number; p99: number; max: number };
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, mean: round(s.reduce((a, b) => a + b, 0) / s.length), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(s[s.length - 1]) };
}
const fmt = (x: Stats, unit = 'ms') => `p50 ${x.p50} ${unit}  p95 ${x.p95} ${unit}  p99 ${x.p99} ${unit}  max ${x.max} ${unit}  (n=${x.n})`;

/** `count` calls with at most `concurrency` in flight; the latency of each. */
async function timed(count: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const s = performance.now();
        await call(i);
        out.push(performance.now() - s);
      }
    }),
  );
  return out;
}

/** CPU time (ms) of the whole machine (busy, total) from /proc/stat, to show how loaded the 2 CPUs were. */
function machineCpu(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const v = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Samples pg_stat_activity of the bench database every 100 ms: how many backends were running (on CPU, no
 * wait), waiting on a lock, on I/O, or idle in a transaction waiting for Node's next statement (ClientRead).
 */
function sampleWaits(db: Sequelize, database: string) {
  const tally = new Map<string, number>();
  let samples = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const rows = await db.query<{ state: string; wait: string | null }>(
        `SELECT state, CASE WHEN wait_event_type IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS wait
         FROM pg_stat_activity WHERE datname = :database AND pid <> pg_backend_pid() AND backend_type = 'client backend'
           AND state IN ('active', 'idle in transaction')`,
        { type: QueryTypes.SELECT, replacements: { database } },
      );
      samples++;
      for (const r of rows) {
        const key = r.state === 'active' ? (r.wait ?? 'running (CPU)') : `idle in transaction (${r.wait ?? '-'})`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      await sleep(100);
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return Object.fromEntries([...tally.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, round(n / Math.max(1, samples))]));
  };
}

/**
 * A V8 CPU profile of this process's main thread (where the analytics service, its consumer and the publisher
 * run) while `run` runs: self time by package (node_modules/<name>, the repository's folders, node internals),
 * so the report says where ingestion's CPU goes. BENCH_PROFILE=<file> also writes the .cpuprofile.
 */
async function profiled<T>(run: () => Promise<T>): Promise<{ result: T; byPackage: Record<string, number> }> {
  const session = new Session();
  session.connect();
  const post = <R,>(method: string, params?: object) =>
    new Promise<R>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as R))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  type Profile = { nodes: { id: number; hitCount?: number; callFrame: { functionName: string; url: string } }[] };
  let result: T;
  let profile: Profile;
  try {
    result = await run();
  } finally {
    profile = (await post<{ profile: Profile }>('Profiler.stop')).profile;
    session.disconnect();
  }
  if (process.env.BENCH_PROFILE) writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const n = node.hitCount ?? 0;
    if (!n) continue;
    total += n;
    const url = node.callFrame.url;
    const fn = node.callFrame.functionName;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
      ?? /\/work\/main\/((?:services|libs)\/[^/]+)/.exec(url)?.[1]
      ?? (fn === '(idle)' ? '(idle)' : fn === '(garbage collector)' ? '(garbage collector)' : fn === '(program)' ? '(program)' : url.startsWith('node:') || url === '' ? 'node internals' : url.replace(/^.*\/work\/main\//, ''));
    hits.set(pkg, (hits.get(pkg) ?? 0) + n);
  }
  const byPackage = Object.fromEntries([...hits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, n]) => [k, round((n * 100) / Math.max(1, total), 1)]));
  return { result: result!, byPackage };
}

/** A learner going through lessons: the events ingestion gets from enrollment and quiz, in order. */
interface LearnerSession {
  enrollmentId: string;
  studentId: string;
  courseId: string;
  lessons: { id: string; quizId: string | null }[];
  total: number;
  completed: number;
  /** Next lesson (index into `lessons`) and step within it. */
  at: number;
  step: number;
  fresh: boolean;
  attemptId: string;
}

function nextEvent(s: LearnerSession): { type: string; data: Record<string, unknown>; subject: string } | null {
  const now = new Date().toISOString();
  const ref = { enrollment_id: s.enrollmentId, student_id: s.studentId, course_id: s.courseId };
  if (s.fresh) {
    s.fresh = false;
    return { type: 'enrollment.created', subject: s.enrollmentId, data: { ...ref, enrolled_at: now, price_cents: 1990, currency: 'USD' } };
  }
  const lesson = s.lessons[s.at];
  if (!lesson) return null;
  const l = { ...ref, lesson_id: lesson.id };
  const steps = lesson.quizId ? ['started', 'time', 'attempt', 'submitted', 'graded', 'completed', 'progressed'] : ['started', 'time', 'completed', 'progressed'];
  const step = steps[s.step++];
  if (s.step >= steps.length) {
    s.step = 0;
    s.at++;
  }
  const quiz = { attempt_id: s.attemptId, quiz_id: lesson.quizId, course_id: s.courseId, student_id: s.studentId, lesson_id: lesson.id, attempt_number: 1 };
  switch (step) {
    case 'started':
      s.attemptId = randomUUID();
      return { type: 'lesson.started', subject: s.enrollmentId, data: { ...l, at: now } };
    case 'time':
      return { type: 'lesson.time_recorded', subject: s.enrollmentId, data: { ...l, seconds: 30 + Math.floor(Math.random() * 600), recorded_at: now } };
    case 'attempt':
      return { type: 'attempt.started', subject: s.attemptId, data: { ...quiz, attempt_id: s.attemptId, started_at: now } };
    case 'submitted':
      return { type: 'quiz.submitted', subject: s.attemptId, data: { ...quiz, attempt_id: s.attemptId, submitted_at: now } };
    case 'graded': {
      const percentage = 40 + Math.floor(Math.random() * 61);
      return { type: 'quiz.graded', subject: s.attemptId, data: { ...quiz, attempt_id: s.attemptId, percentage, passed: percentage >= 70, graded_at: now } };
    }
    case 'completed':
      s.completed++;
      return { type: 'lesson.completed', subject: s.enrollmentId, data: { ...l, completed_at: now } };
    default:
      return {
        type: 'enrollment.progressed',
        subject: s.enrollmentId,
        data: {
          ...ref,
          progress_percentage: round(Math.min(100, (s.completed * 100) / s.total)),
          completed_lessons_count: Math.min(s.completed, s.total),
          total_lessons_count: s.total,
          course_version: 1,
          at: now,
        },
      };
  }
}

async function main() {
  // The kit reads NODE_ENV of the process (unset = production, which refuses the development service secret).
  process.env.NODE_ENV ??= 'development';
  const cleanup = cleanupStack(log);
  try {
    const [authDb, analyticsDb, authVhost, vhost] = await Promise.all([
      createDatabase('an_auth'),
      createDatabase('analytics'),
      createVhost('an_auth'),
      createVhost('analytics'),
    ]);
    for (const r of [authDb, analyticsDb, authVhost, vhost]) cleanup.push(() => r.drop());
    const common = { NODE_ENV: 'test', LOG_LEVEL: 'warn', GRPC_PORT: '0', REDIS_URL: infra.redisUrl, OUTBOX_POLL_MS: '100' };
    // auth on a vhost of its own: its user.registered events do not reach analytics (the loader writes the users).
    const authConfig = loadAuthConfig({ ...common, AMQP_URL: authVhost.url, DATABASE_URL: authDb.url, BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    const auth = await startAuth(authConfig, quiet('auth'));
    cleanup.push(() => auth.stop());
    const authAddress = `127.0.0.1:${auth.grpcPort}`;
    const authClient = createAuthClient(authAddress, 30_000);
    cleanup.push(async () => authClient.close());
    const adminEmail = `admin-${runId}@bench.example.com`;
    await runBootstrapAdmin({ ...authConfig, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD, ADMIN_FULL_NAME: 'Bench Admin' }, quiet('bootstrap'));
    const admin = { authorization: `Bearer ${(await authClient.Login({ email: adminEmail, password: PASSWORD })).access_token}` };
    const instructorEmail = `teacher-${runId}@bench.example.com`;
    await authClient.Register({ email: instructorEmail, password: PASSWORD, full_name: 'Bench Instructor 0', role: 'instructor' });
    const instructorLogin = await authClient.Login({ email: instructorEmail, password: PASSWORD });
    const instructor = { id: instructorLogin.user!.id, auth: { authorization: `Bearer ${instructorLogin.access_token}` } };

    const service = await startAnalytics(
      loadAnalyticsConfig({
        ...common,
        AMQP_URL: vhost.url,
        DATABASE_URL: analyticsDb.url,
        AUTH_GRPC_ADDR: authAddress,
        // the service's defaults unless asked (the consumer holds at most half the pool's connections)
        ...(process.env.BENCH_POOL_MAX ? { DATABASE_POOL_MAX: process.env.BENCH_POOL_MAX } : {}),
        ...(process.env.BENCH_PREFETCH ? { EVENT_PREFETCH: process.env.BENCH_PREFETCH } : {}),
        // any other setting of the service: BENCH_ANALYTICS_<NAME>=value (e.g. BENCH_ANALYTICS_INGEST_BATCH_SIZE=1)
        ...Object.fromEntries(
          Object.entries(process.env)
            .filter(([k]) => k.startsWith('BENCH_ANALYTICS_'))
            .map(([k, v]) => [k.slice('BENCH_ANALYTICS_'.length), v ?? '']),
        ),
      }),
      quiet('analytics'),
    );
    cleanup.push(() => service.stop());
    const analytics = createAnalyticsClient(`127.0.0.1:${service.grpcPort}`, 60_000);
    cleanup.push(async () => analytics.close());
    const database = new URL(analyticsDb.url).pathname.slice(1);

    // ------------------------------------------------------------------ 0. the loader against ingestion (small history)
    let loaderCheck: LoaderCheck | null = null;
    if (process.env.BENCH_CHECK_LOADER !== '0') {
      const pair = await Promise.all([createDatabase('anchk_loaded'), createDatabase('anchk_ingested')]);
      for (const r of pair) cleanup.push(() => r.drop());
      loaderCheck = await checkLoaderAgainstIngestion({ courses: 6, learnersPerCourse: 10, students: 23, instructors: 3 }, pair);
      log(`loader vs ingestion: ${loaderCheck.events} events, ${loaderCheck.tables} tables (${loaderCheck.rows} rows), differences: ${JSON.stringify(loaderCheck.differences)}`);
    }

    // ------------------------------------------------------------------ 1. bulk load
    log(`load: ${SHAPE.courses} courses × ${SHAPE.learnersPerCourse} learners among ${SHAPE.students} students, ${SHAPE.instructors} instructors`);
    const loader = openDatabase({ url: analyticsDb.url, poolMax: 1 });
    cleanup.push(() => loader.close());
    const load = await bulkLoadAnalytics(loader, SHAPE, { realInstructorId: instructor.id, log });
    log(`load: ${load.seconds} s — ${JSON.stringify(load.rows)}`);
    let recount: { mismatches: number; seconds: number; sample: unknown[] } = { mismatches: -1, seconds: 0, sample: [] };
    const checkRecount = async () => {
      const s = performance.now();
      const found = await recountMismatches(service.deps.units.read, 5);
      return { mismatches: found.length, seconds: round((performance.now() - s) / 1000, 1), sample: found.slice(0, 3) };
    };
    if (!SKIP_RECOUNT) {
      log('recount check of the loaded aggregates');
      recount = await checkRecount();
      log(`recount: ${recount.mismatches} mismatches (${recount.seconds} s)`);
      if (recount.mismatches) log(JSON.stringify(recount.sample));
    }

    // ------------------------------------------------------------------ 2. read latency
    const pick = async (sql: string) => (await loader.query<{ id: string }>(sql, { type: QueryTypes.SELECT })).map((r) => r.id);
    const courseIds = await pick('SELECT id FROM b_courses ORDER BY random() LIMIT 200');
    const ownCourses = await pick(`SELECT id FROM b_courses WHERE instructor_id = '${instructor.id}'`);
    const studentIds = await pick('SELECT id FROM b_students ORDER BY random() LIMIT 200');
    const instructorIds = await pick('SELECT id FROM b_instructors');
    const any = (list: string[], i: number) => list[(i * 7919) % list.length];
    const rpcs: [string, (i: number) => Promise<unknown>][] = [
      ['GetCourseDashboard (admin, random course)', (i) => analytics.GetCourseDashboard({ course_id: any(courseIds, i) }, admin)],
      ['GetCourseDashboard (its instructor)', (i) => analytics.GetCourseDashboard({ course_id: any(ownCourses, i) }, instructor.auth)],
      ['GetSystemDashboard (admin)', () => analytics.GetSystemDashboard({}, admin)],
      ['GetInstructorDashboard (admin, random instructor)', (i) => analytics.GetInstructorDashboard({ instructor_id: any(instructorIds, i) }, admin)],
      ['GetInstructorDashboard (the instructor, own)', () => analytics.GetInstructorDashboard({ instructor_id: '' }, instructor.auth)],
      ['GetStudentDashboard (admin, random student)', (i) => analytics.GetStudentDashboard({ student_id: any(studentIds, i) }, admin)],
      ['GetLessonFunnel (admin, random course)', (i) => analytics.GetLessonFunnel({ course_id: any(courseIds, i), inactivity_days: 0 }, admin)],
      ['GetAtRiskStudents (admin, random course)', (i) => analytics.GetAtRiskStudents({ course_id: any(courseIds, i), inactivity_days: 0, limit: 0 }, admin)],
    ];
    // Per RPC: latencies at concurrency 1 and 8, calls/s, and how busy the one Node thread (gRPC server, service
    // and client) and the machine were during the 8-at-a-time phase.
    const reads: Record<string, { c1: Stats; c8: Stats; c1PerSecond: number; c8PerSecond: number; c8EventLoop: number; c8MachineCpu: number }> = {};
    for (const [label, call] of process.env.BENCH_SKIP_READS === '1' ? [] : rpcs) {
      await timed(20, 4, (i) => call(i + 100_000)); // warm-up (JIT, pools, caches)
      let t = performance.now();
      const c1 = stats(await timed(SAMPLES, 1, call));
      const c1PerSecond = Math.round((SAMPLES * 1000) / (performance.now() - t));
      const [elu0, cpu0] = [performance.eventLoopUtilization(), machineCpu()];
      t = performance.now();
      const n8 = Math.max(SAMPLES, 400);
      const c8 = stats(await timed(n8, 8, (i) => call(i + 50_000)));
      const c8PerSecond = Math.round((n8 * 1000) / (performance.now() - t));
      const cpu1 = machineCpu();
      const c8EventLoop = round(performance.eventLoopUtilization(elu0).utilization);
      const c8MachineCpu = round((cpu1.busy - cpu0.busy) / Math.max(1, cpu1.total - cpu0.total));
      reads[label] = { c1, c8, c1PerSecond, c8PerSecond, c8EventLoop, c8MachineCpu };
      log(`read: ${label}: c1 p95 ${c1.p95} ms, c8 p95 ${c8.p95} ms, ${c1PerSecond} → ${c8PerSecond} calls/s, event loop ${c8EventLoop} (load average ${round(os.loadavg()[0])})`);
    }

    // ------------------------------------------------------------------ 3. ingestion
    // Learners in the loaded data: half continue an active enrolment where it stopped, half enrol anew.
    const continuing = await loader.query<{ enrollment_id: string; student_id: string; course_id: string; course_n: number; touched: number; lessons: number; completed: number }>(
      `SELECT e.id AS enrollment_id, e.student_id, e.course_id, e.course_n, greatest(e.touched, 1) AS touched, e.lessons, en.completed_lessons AS completed
       FROM b_enr e JOIN enrollments en ON en.enrollment_id = e.id
       WHERE en.status = 'active' AND e.touched < e.lessons ORDER BY random() LIMIT 20000`,
      { type: QueryTypes.SELECT },
    );
    const lessonRows = await loader.query<{ course_n: number; position: number; id: string; quiz_id: string | null }>(
      'SELECT l.course_n, l.position, l.id, q.id AS quiz_id FROM b_lessons l LEFT JOIN b_quizzes q ON q.lesson_id = l.id ORDER BY l.course_n, l.position',
      { type: QueryTypes.SELECT },
    );
    const courseLessons = new Map<number, { id: string; quizId: string | null }[]>();
    const courseIdOf = new Map<number, string>();
    for (const r of lessonRows) {
      if (!courseLessons.has(r.course_n)) courseLessons.set(r.course_n, []);
      courseLessons.get(r.course_n)!.push({ id: r.id, quizId: r.quiz_id });
    }
    for (const c of await loader.query<{ n: number; id: string }>('SELECT n, id FROM b_courses', { type: QueryTypes.SELECT })) courseIdOf.set(c.n, c.id);
    const allStudents = await pick('SELECT id FROM b_students');
    // (student, course) pairs already enrolled: a new enrolment is of a student not yet in that course (the
    // enrollment service has one enrolment per student and course; a second one would count a co-enrolment twice).
    const enrolled = new Set(
      (await loader.query<{ k: string }>("SELECT student_id || '|' || course_n AS k FROM b_enr", { type: QueryTypes.SELECT })).map((r) => r.k),
    );
    let continued = 0;
    const newSession = (): LearnerSession => {
      const fresh = continued % 2 === 1 || continued >= continuing.length * 2;
      const c = continuing[continued >> 1];
      continued++;
      if (!fresh && c) {
        const lessons = courseLessons.get(c.course_n)!;
        return { enrollmentId: c.enrollment_id, studentId: c.student_id, courseId: c.course_id, lessons: lessons.slice(c.touched - 1, c.touched + 4), total: c.lessons, completed: c.completed, at: 0, step: 0, fresh: false, attemptId: '' };
      }
      let courseN: number;
      let studentId: string;
      do {
        courseN = Math.floor(Math.random() * SHAPE.courses);
        studentId = allStudents[Math.floor(Math.random() * allStudents.length)];
      } while (enrolled.has(`${studentId}|${courseN}`));
      enrolled.add(`${studentId}|${courseN}`);
      const lessons = courseLessons.get(courseN)!;
      return {
        enrollmentId: randomUUID(),
        studentId,
        courseId: courseIdOf.get(courseN)!,
        lessons: lessons.slice(0, 5),
        total: lessons.length,
        completed: 0,
        at: 0,
        step: 0,
        fresh: true,
        attemptId: '',
      };
    };
    // 2,000 learners active at once, each sending its next event in turn (≈ one a second each at 2,000/s).
    const pool: LearnerSession[] = Array.from({ length: 2000 }, newSession);
    const nextFromPool = (): CloudEvent<Record<string, unknown>> => {
      for (;;) {
        const k = Math.floor(Math.random() * pool.length);
        const e = nextEvent(pool[k]);
        if (!e) {
          pool[k] = newSession();
          continue;
        }
        const source = e.type.startsWith('quiz.') || e.type.startsWith('attempt.') ? 'lms/quiz' : 'lms/enrollment';
        return createEvent({ type: e.type, source, subject: e.subject, data: e.data });
      }
    };

    const connection = await amqp.connect(vhost.url);
    cleanup.push(() => connection.close());
    const channel = await connection.createConfirmChannel();
    const published = new Map<string, number>(); // event id → publish time (ms since epoch)
    const typeCount: Record<string, number> = {};
    const publishOne = async () => {
      const ev = nextFromPool();
      ev.time = new Date().toISOString();
      published.set(ev.id, Date.parse(ev.time));
      typeCount[ev.type] = (typeCount[ev.type] ?? 0) + 1;
      const ok = channel.publish(EVENTS_EXCHANGE, ev.type, Buffer.from(JSON.stringify(ev)), { persistent: true, messageId: ev.id, contentType: 'application/json' });
      if (!ok) await new Promise((r) => channel.once('drain', r));
    };
    const handledSince = async (since: Date) => {
      const [row] = await loader.query<{ n: string }>('SELECT count(*) AS n FROM inbox WHERE consumer = :consumer AND processed_at >= :since', {
        type: QueryTypes.SELECT,
        replacements: { consumer: FACTS_QUEUE, since },
      });
      return Number(row.n);
    };
    const consumerName = (await loader.query<{ consumer: string }>('SELECT DISTINCT consumer FROM inbox LIMIT 1', { type: QueryTypes.SELECT }))[0]?.consumer;
    if (consumerName && consumerName !== FACTS_QUEUE) log(`note: inbox consumer name is ${consumerName}`);

    // Round trips of the service to PostgreSQL (its sequelize.query calls: statements, batches, BEGIN/COMMIT) per event.
    let roundTrips = 0;
    const serviceDb = service.sequelize as unknown as { query: (...args: unknown[]) => Promise<unknown> };
    const query = serviceDb.query.bind(serviceDb);
    serviceDb.query = (...args: unknown[]) => {
      roundTrips++;
      return query(...args);
    };
    const monitor = openDatabase({ url: analyticsDb.url, poolMax: 1 });
    cleanup.push(() => monitor.close());
    const runIngest = async (label: string, count: number, rate: number | null) => {
      published.clear();
      const start = new Date(); // inbox.processed_at is PostgreSQL's now() on this same machine
      const stopWaits = sampleWaits(monitor, database);
      const cpu0 = machineCpu();
      const node0 = process.cpuUsage();
      const elu0 = performance.eventLoopUtilization();
      const t0 = performance.now();
      const trips0 = roundTrips;
      let sent = 0;
      while (sent < count) {
        const due = rate === null ? count : Math.min(count, Math.floor(((performance.now() - t0) / 1000) * rate));
        while (sent < due) {
          await publishOne();
          sent++;
          if (rate === null && sent % 500 === 0) await new Promise((r) => setImmediate(r)); // let the consumer run too
        }
        if (rate !== null) await sleep(5);
      }
      await channel.waitForConfirms();
      const publishSeconds = (performance.now() - t0) / 1000;
      const deadline = Date.now() + DRAIN_S * 1000;
      let handled = 0;
      while ((handled = await handledSince(start)) < count && Date.now() < deadline) await sleep(250);
      const drainSeconds = (performance.now() - t0) / 1000;
      const tripsPerEvent = round((roundTrips - trips0) / Math.max(1, handled), 1);
      // Not drained in time: the rest of the backlog is purged (reported as `handled` < `events`), so the bench stays bounded.
      const purged = handled < count ? await channel.purgeQueue(FACTS_QUEUE).then((r) => r.messageCount) : 0;
      const waits = await stopWaits();
      const cpu1 = machineCpu();
      const node = process.cpuUsage(node0);
      const elu = performance.eventLoopUtilization(elu0);
      const rows = await loader.query<{ event_id: string; processed_at: Date }>(
        'SELECT event_id, processed_at FROM inbox WHERE consumer = :consumer AND processed_at >= :since',
        { type: QueryTypes.SELECT, replacements: { consumer: FACTS_QUEUE, since: start } },
      );
      const lags: number[] = [];
      let lastProcessed = 0;
      for (const r of rows) {
        const at = published.get(r.event_id);
        if (at === undefined) continue;
        const p = new Date(r.processed_at).getTime();
        lags.push(p - at);
        lastProcessed = Math.max(lastProcessed, p);
      }
      const firstPublished = Math.min(...published.values());
      const result = {
        label,
        events: count,
        handled,
        purged,
        loadAverage: round(os.loadavg()[0]),
        targetRate: rate,
        publishRate: Math.round(count / publishSeconds),
        // events handled per second from the first publish to the last inbox row
        throughput: Math.round(lags.length / Math.max(0.001, (lastProcessed - firstPublished) / 1000)),
        drainSeconds: round(drainSeconds, 1),
        roundTripsPerEvent: tripsPerEvent,
        lag: stats(lags),
        machineCpuBusy: round((cpu1.busy - cpu0.busy) / Math.max(1, cpu1.total - cpu0.total), 2),
        nodeCpuCores: round((node.user + node.system) / 1000 / (drainSeconds * 1000), 2),
        nodeEventLoop: round(elu.utilization, 2),
        postgresBackends: waits,
      };
      log(`ingest ${label}: ${JSON.stringify(result)}`);
      return result;
    };
    log(`ingest: ${RATE} events/s for ${INGEST_S} s`);
    const { result: fixed, byPackage: profile } = await profiled(() => runIngest(`${RATE}/s for ${INGEST_S} s`, Math.round(RATE * INGEST_S), RATE));
    log(`ingest: CPU profile of the main thread, % of samples by package: ${JSON.stringify(profile)}`);
    log(`ingest: ${CEILING_EVENTS} events as fast as possible`);
    const ceiling = await runIngest('as fast as possible', CEILING_EVENTS, null);
    const parked = await channel.checkQueue(`${FACTS_QUEUE}.parking-lot`).then((q) => q.messageCount, () => -1);
    let recountAfter = { mismatches: -1, seconds: 0, sample: [] as unknown[] };
    if (!SKIP_RECOUNT) {
      log('recount check after ingestion');
      recountAfter = await checkRecount();
      log(`recount after ingestion: ${recountAfter.mismatches} mismatches (${recountAfter.seconds} s)`);
      if (recountAfter.mismatches) log(JSON.stringify(recountAfter.sample));
    }
    await dropStaging(loader);

    // ------------------------------------------------------------------ report
    console.log(`\n== analytics at scale (machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => round(x, 1)).join(' ')}; everything on this box) ==`);
    if (loaderCheck) {
      const same = loaderCheck.tables - loaderCheck.differences.length;
      console.log(`loader vs ingestion (small history, ${loaderCheck.events} events through ingestFact): ${same}/${loaderCheck.tables} tables identical (${loaderCheck.rows} rows)${loaderCheck.differences.length ? ` — differences: ${JSON.stringify(loaderCheck.differences)}` : ''}`);
    }
    console.log(`load: ${load.seconds} s  rows: ${JSON.stringify(load.rows)}`);
    console.log(`load steps (s): ${JSON.stringify(load.steps)}`);
    console.log(`recount after load: ${recount.mismatches} mismatches (${recount.seconds} s)   after ingestion: ${recountAfter.mismatches} (${recountAfter.seconds} s)`);
    console.log('\n-- read latency over gRPC (warm), concurrency 1 | concurrency 8');
    for (const [label, r] of Object.entries(reads)) {
      console.log(`${label.padEnd(52)} c1 ${fmt(r.c1)}  ${r.c1PerSecond} calls/s`);
      console.log(`${''.padEnd(52)} c8 ${fmt(r.c8)}  ${r.c8PerSecond} calls/s (Node event loop ${Math.round(r.c8EventLoop * 100)} %, machine CPU ${Math.round(r.c8MachineCpu * 100)} %)`);
    }
    console.log('\n-- ingestion (publish → inbox.processed_at)');
    for (const r of [fixed, ceiling]) {
      console.log(`${r.label}: ${r.events} events (${r.handled} handled${r.purged ? `, ${r.purged} not handled in ${DRAIN_S} s and purged` : ''}; load average ${r.loadAverage}), published at ${r.publishRate}/s, handled ${r.throughput}/s, drained in ${r.drainSeconds} s`);
      console.log(`  lag ${fmt(r.lag)}`);
      console.log(
        `  machine CPU busy ${Math.round(r.machineCpuBusy * 100)} %, this Node process ${r.nodeCpuCores} cores (event loop ${Math.round(r.nodeEventLoop * 100)} %), ${r.roundTripsPerEvent} round trips to PostgreSQL per event`,
      );
      console.log(`  PostgreSQL backends of the bench database (average count per state): ${JSON.stringify(r.postgresBackends)}`);
    }
    console.log(`event mix: ${JSON.stringify(typeCount)}   parked: ${parked}`);
    console.log(`CPU profile of the main thread during the fixed-rate run, % of samples: ${JSON.stringify(profile)}`);
    console.log(JSON.stringify({ shape: SHAPE, loaderCheck: loaderCheck && { events: loaderCheck.events, tables: loaderCheck.tables, differing: loaderCheck.differences.map((d) => d.table) }, load, recount: { afterLoad: recount.mismatches, afterIngest: recountAfter.mismatches }, reads, ingest: { fixed, ceiling, profile }, parked }));
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * Benchmark of the enrollment service's progress aggregation. Prints figures; not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"
 *   npx tsc -b libs/kit services/auth services/catalog services/enrollment    (the processes run from their builds)
 *   npx tsx bench/enrollment-progress.ts
 *
 * A. completion → percentage visible: a CompleteLesson RPC, then GetEnrollment showing the new count
 *    (p50/p99, sequential), completions/s under concurrency; the same through events (quiz.passed published
 *    → percentage visible); next to raw RabbitMQ publish+consume in the same vhost and run (the ratio).
 * B. cost of one completion in a 10-lesson vs a 5,000-lesson course (interleaved; the ratio; goal ≤ 1.2).
 * C. a course's enrolment list sorted by progress with 100,000 enrolments (bulk-inserted with SQL): p95.
 *
 * Against the local infrastructure (scripts/infra.sh), on new databases and one new vhost, all dropped at the end
 * (also on Ctrl-C). BENCH_BACKEND (bench/lib/fleet.ts): `processes` (default) — auth, catalog and enrollment each
 * their own `node` process from its build, as deployed (scripts/run.sh's NODE_OPTIONS; a build older than its
 * sources is warned about; logs in .run/bench-enr-<run>/, kept with BENCH_KEEP_LOGS=1); `worker` — the three
 * in-process in one worker thread; `inline` — on this thread, sharing the client's event loop. The client (and the
 * raw RabbitMQ floor) stays on the main thread. Per measured phase: CPU ms per completion (per message for the
 * floor) of every process and of the PostgreSQL, RabbitMQ and Redis servers (lib/cpu.ts); in-process modes also
 * how busy each thread's event loop was under the concurrent load.
 * Knobs: BENCH_STUDENTS (64), BENCH_LESSONS (20), BENCH_CONCURRENCY (32), BENCH_BIG_LESSONS (5000),
 * BENCH_LIST_ROWS (100000), BENCH_SAMPLES (300), BENCH_RAW_MESSAGES (5000), BENCH_LOG_LEVEL (warn),
 * BENCH_BACKEND (processes), BENCH_SKIP_B. CPU profiles: per process, BENCH_NODE_FLAGS='--cpu-prof
 * --cpu-prof-dir={logs}/prof-{name}' BENCH_KEEP_LOGS=1 (lib/processes.ts); in-process modes, one file per thread:
 *   BENCH_BACKEND=worker node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/enrollment-progress.ts
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import amqp from 'amqplib';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import { createDatabase as openDatabase } from '@lms/kit/db';
import { createEvent, EVENTS_EXCHANGE } from '@lms/kit/events';
import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import { runBootstrapAdmin } from '../services/auth/src/cli/bootstrap-admin';
import { loadAuthConfig } from '../services/auth/src/config';
import { cpuJson, cpuSampler, cpuTable } from './lib/cpu';
import { backendOf, startFleetHere, startFleetInWorker, startFleetProcesses, type Fleet } from './lib/fleet';
import { cleanupStack, envNumber, createDatabase, createVhost, infra, runId, type Resource } from './lib/infra';
import { REPO, staleBuilds } from './lib/processes';

const num = envNumber;
const STUDENTS = num('BENCH_STUDENTS', 64);
const LESSONS = num('BENCH_LESSONS', 20);
const CONCURRENCY = num('BENCH_CONCURRENCY', 32);
const BIG = num('BENCH_BIG_LESSONS', 5000);
const LIST_ROWS = num('BENCH_LIST_ROWS', 100_000);
const SAMPLES = num('BENCH_SAMPLES', 300);
const RAW_MESSAGES = num('BENCH_RAW_MESSAGES', 5000);
const PASSWORD = 'Bench-Passw0rd!';
/** BENCH_SKIP_B=1 skips part B (seeding BENCH_BIG_LESSONS lessons through catalog takes minutes). */
const SKIP_B = process.env.BENCH_SKIP_B === '1';
const BACKEND = backendOf(process.env.BENCH_BACKEND);

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const quiet = (service: string) => pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn', base: { service } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(s[s.length - 1]),
  };
}
const fmt = (x: ReturnType<typeof stats>) => `p50 ${x.p50} ms  p95 ${x.p95} ms  p99 ${x.p99} ms  mean ${x.mean} ms  (n=${x.n})`;

/** Runs `count` tasks with at most `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        await task(i);
      }
    }),
  );
}

async function main() {
  // Stops (servers, connections) and drops (databases, vhost) in reverse order, at the end or on Ctrl-C/SIGTERM.
  const cleanup = cleanupStack(log);
  try {
    log(`run ${runId}: databases bench_enr_{auth,catalog}_${runId} and bench_enr_${runId}, vhost bench_enr_${runId}; backend ${BACKEND}`);
    // Each one's drop is pushed as soon as it exists: if another fails, the ones made are still dropped.
    const made = <R extends Resource>(r: R) => (cleanup.push(() => r.drop()), r);
    const [authDb, catalogDb, enrollmentDb, vhost] = await Promise.all([
      createDatabase('enr_auth').then(made),
      createDatabase('enr_catalog').then(made),
      createDatabase('enr').then(made),
      createVhost('enr').then(made),
    ]);
    const common = { NODE_ENV: 'development', LOG_LEVEL: 'warn', GRPC_PORT: '0', AMQP_URL: vhost.url, REDIS_URL: infra.redisUrl, OUTBOX_POLL_MS: '100' };
    const env = {
      // Tokens outlive the run: seeding B's 5,000 lessons on a loaded machine took longer than the default 15 min.
      auth: { ...common, DATABASE_URL: authDb.url, BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true', ACCESS_TOKEN_TTL_SECONDS: '7200' },
      catalog: { ...common, DATABASE_URL: catalogDb.url, REDIS_KEY_PREFIX: `lms:bench:${runId}:` },
      enrollment: { ...common, DATABASE_URL: enrollmentDb.url, DATABASE_POOL_MAX: '20' },
    };
    const logDir = path.join(REPO, '.run', `bench-enr-${runId}`);
    if (BACKEND === 'processes') {
      fs.mkdirSync(logDir, { recursive: true });
      cleanup.push(async () => (process.env.BENCH_KEEP_LOGS === '1' ? log(`logs kept in ${logDir}`) : fs.rmSync(logDir, { recursive: true, force: true })));
    }
    // Processes run from the builds: one older than its sources (or a failed build) would measure other code.
    const stale = BACKEND === 'processes' ? staleBuilds(['libs/kit', 'services/auth', 'services/catalog', 'services/enrollment']) : [];
    if (stale.length) log(`WARNING: not built from the current sources: ${stale.join(', ')} — npx tsc -b ${stale.join(' ')}`);
    const fleet: Fleet =
      BACKEND === 'processes' ? await startFleetProcesses(env, logDir) : BACKEND === 'worker' ? await startFleetInWorker(env) : await startFleetHere(env);
    cleanup.push(() => fleet.stop());
    log(`fleet up (backend: ${BACKEND})`);
    // Where the CPU of each measured phase goes: per process in processes mode; otherwise this process holds the
    // services too (threads of one process: /proc cannot split them), next to the servers either way.
    const cpu = cpuSampler({
      processes: fleet.pids ?? {},
      self: BACKEND === 'processes' ? 'bench client' : 'bench (client + services)',
      servers: true,
      databases: [authDb.name, catalogDb.name, enrollmentDb.name],
    });
    const authConfig = loadAuthConfig({ ...env.auth, CATALOG_GRPC_ADDR: fleet.addresses.catalog });
    const { auth: authAddress, catalog: catalogAddress } = fleet.addresses;
    // raw counts (the event path's progress, part C's seeding): the bench's own pool, not the service's
    const db = openDatabase({ url: enrollmentDb.url, poolMax: 2 });
    cleanup.push(() => db.close());
    const client = <D,>(file: string, name: string, address: string) =>
      createClient(loadService(file, name), address, { deadlineMs: 60_000 }) as unknown as PromiseClient<D>;
    const authClient = client<AuthServiceDefinition>('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService', authAddress);
    const catalogClient = client<CatalogServiceDefinition>('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService', catalogAddress);
    const enr = client<EnrollmentServiceDefinition>(
      'lms/enrollment/v1/enrollment.proto',
      'lms.enrollment.v1.EnrollmentService',
      fleet.addresses.enrollment,
    );
    cleanup.push(async () => [authClient, catalogClient, enr].forEach((c) => c.close()));

    const signUp = async (label: string, role: 'student' | 'instructor') => {
      const email = `${label}-${runId}@bench.example.com`;
      await authClient.Register({ email, password: PASSWORD, full_name: `Bench ${label}`, role });
      const t = await authClient.Login({ email, password: PASSWORD });
      return { id: t.user!.id, auth: { authorization: `Bearer ${t.access_token}` } };
    };
    const instructor = await signUp('teacher', 'instructor');
    const adminEmail = `admin-${runId}@bench.example.com`;
    await runBootstrapAdmin({ ...authConfig, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD, ADMIN_FULL_NAME: 'Bench Admin' }, quiet('bootstrap'));
    const adminTokens = await authClient.Login({ email: adminEmail, password: PASSWORD });
    const admin = { authorization: `Bearer ${adminTokens.access_token}` };
    const students: { id: string; auth: { authorization: string } }[] = [];
    await pool(STUDENTS, 16, async (i) => {
      students[i] = await signUp(`student${i}`, 'student');
    });

    const course = async (lessons: number, lessonType = 'text') => {
      const c = await catalogClient.CreateCourse({ title: `Bench ${randomUUID().slice(0, 8)}`, description: 'bench' }, instructor.auth);
      const ids: string[] = new Array(lessons);
      await pool(lessons, 16, async (i) => {
        const l = await catalogClient.CreateLesson({ course_id: c.id, title: `Lesson ${i}`, lesson_type: lessonType, content: 'x' }, instructor.auth);
        await catalogClient.PublishLesson({ lesson_id: l.id }, instructor.auth);
        ids[i] = l.id;
      });
      await catalogClient.PublishCourse({ course_id: c.id }, instructor.auth);
      const outline = await catalogClient.GetCourseOutline({ course_id: c.id }, instructor.auth);
      return { courseId: c.id, lessonIds: outline.countable_lesson_ids };
    };
    const enrolAll = async (courseId: string, who = students) => {
      const ids: string[] = new Array(who.length);
      await pool(who.length, 8, async (i) => {
        ids[i] = (await enr.Enroll({ course_id: courseId }, who[i].auth)).id;
      });
      return ids;
    };

    // ------------------------------------------------------------------ A. completion → visible
    log(`A: course of ${LESSONS} lessons, ${STUDENTS} students`);
    const a = await course(LESSONS);
    const aEnrolments = await enrolAll(a.courseId);
    // every (student, lesson) pair once, in a shuffled order per student
    const pairs = students.flatMap((_, si) => a.lessonIds.map((lessonId) => ({ si, lessonId })));
    const sequential = pairs.filter((p) => p.si < 4).slice(0, Math.min(SAMPLES, LESSONS * 4));
    const visible: number[] = [];
    const rpcOnly: number[] = [];
    cpu.delta();
    for (const p of sequential) {
      const before = performance.now();
      await enr.CompleteLesson({ enrollment_id: aEnrolments[p.si], lesson_id: p.lessonId }, students[p.si].auth);
      const completed = performance.now();
      const e = await enr.GetEnrollment({ enrollment_id: aEnrolments[p.si] }, students[p.si].auth);
      if (!e.completed_lessons_count) throw new Error('completion not visible');
      visible.push(performance.now() - before);
      rpcOnly.push(completed - before);
    }
    const sequentialCpu = cpu.delta();
    const done = new Set(sequential);
    const rest = pairs.filter((p) => !done.has(p));
    const underLoad: number[] = [];
    const fleetBusy0 = fleet.eventLoopUtilization?.();
    const mainBusy0 = performance.eventLoopUtilization();
    cpu.delta();
    const t0 = performance.now();
    // CONCURRENCY workers, each taking whole students so a worker never contends with itself.
    const byStudent = new Map<number, string[]>();
    for (const p of rest) byStudent.set(p.si, [...(byStudent.get(p.si) ?? []), p.lessonId]);
    const studentIdx = [...byStudent.keys()];
    await pool(studentIdx.length, CONCURRENCY, async (k) => {
      const si = studentIdx[k];
      for (const lessonId of byStudent.get(si)!) {
        const s = performance.now();
        await enr.CompleteLesson({ enrollment_id: aEnrolments[si], lesson_id: lessonId }, students[si].auth);
        underLoad.push(performance.now() - s);
      }
    });
    const loadSeconds = (performance.now() - t0) / 1000;
    const loadCpu = cpu.delta();
    const busy = (u?: EventLoopUtilization) => (u ? `${Math.round(u.utilization * 100)} %` : 'n/a (inline)');
    const loadBusy = { main: busy(performance.eventLoopUtilization(mainBusy0)), services: busy(fleetBusy0 && fleet.eventLoopUtilization?.(fleetBusy0)) };
    const completionsPerSecond = Math.round(rest.length / loadSeconds);
    const completedAll = await enr.ListCourseEnrollments(
      { course_id: a.courseId, page: 1, page_size: 100, status: 'completed', sort: '', cursor: '' },
      admin,
    );
    if (completedAll.total !== STUDENTS) throw new Error(`expected ${STUDENTS} completed enrolments, got ${completedAll.total}`);

    // Event path: quiz.passed published → percentage visible.
    log('A: event path (quiz.passed)');
    const q = await course(LESSONS, 'quiz');
    const qStudents = students.slice(0, 16);
    const qEnrolments = await enrolAll(q.courseId, qStudents);
    const connection = await amqp.connect(vhost.url);
    cleanup.push(() => connection.close());
    const channel = await connection.createConfirmChannel();
    const publish = (type: string, body: Buffer, id: string) =>
      new Promise<void>((resolve, reject) =>
        channel.publish(EVENTS_EXCHANGE, type, body, { persistent: true, messageId: id }, (err) => (err ? reject(err) : resolve())),
      );
    const quizPassed = (si: number, lessonId: string) =>
      createEvent({
        type: 'quiz.passed',
        source: 'lms/quiz',
        subject: randomUUID(),
        data: {
          attempt_id: randomUUID(),
          quiz_id: randomUUID(),
          lesson_id: lessonId,
          course_id: q.courseId,
          student_id: qStudents[si].id,
          score_percent: 90,
          passed_at: new Date().toISOString(),
        },
      });
    const eventVisible: number[] = [];
    for (let i = 0; i < Math.min(LESSONS, 50); i++) {
      const si = 0;
      const ev = quizPassed(si, q.lessonIds[i]);
      const s = performance.now();
      await publish('quiz.passed', Buffer.from(JSON.stringify(ev)), ev.id);
      for (;;) {
        const e = await enr.GetEnrollment({ enrollment_id: qEnrolments[si] }, qStudents[si].auth);
        if (e.completed_lessons_count === i + 1) break;
        await sleep(1);
      }
      eventVisible.push(performance.now() - s);
    }
    const bulkEvents = qStudents.slice(1).flatMap((_, k) => q.lessonIds.map((lessonId) => quizPassed(k + 1, lessonId)));
    cpu.delta();
    const e0 = performance.now();
    for (const ev of bulkEvents) channel.publish(EVENTS_EXCHANGE, 'quiz.passed', Buffer.from(JSON.stringify(ev)), { persistent: true, messageId: ev.id });
    await channel.waitForConfirms();
    for (;;) {
      const [row] = await db.query<{ n: string }>(
        'SELECT coalesce(sum(completed_lessons_count), 0) AS n FROM enrollments WHERE course_id = :courseId',
        { type: QueryTypes.SELECT, replacements: { courseId: q.courseId } },
      );
      if (Number(row.n) >= LESSONS + bulkEvents.length) break;
      await sleep(5);
    }
    const eventsPerSecond = Math.round(bulkEvents.length / ((performance.now() - e0) / 1000));
    const eventsCpu = cpu.delta();

    // Raw RabbitMQ: publish (confirms) + consume (manual ack) on a quorum queue, same vhost, same prefetch.
    log('A: raw RabbitMQ publish+consume');
    const raw = await connection.createConfirmChannel();
    const rawQueue = `bench.raw.${runId}`;
    await raw.assertQueue(rawQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    const consumer = await connection.createChannel();
    await consumer.prefetch(16);
    const sample = Buffer.from(JSON.stringify(quizPassed(0, q.lessonIds[0])));
    let received = 0;
    let onMessage: () => void = () => undefined;
    await consumer.consume(rawQueue, (msg) => {
      if (!msg) return;
      consumer.ack(msg);
      received++;
      onMessage();
    });
    const rawLatency: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      const got = new Promise<void>((resolve) => (onMessage = resolve));
      raw.sendToQueue(rawQueue, sample, { persistent: true });
      await got;
      rawLatency.push(performance.now() - s);
    }
    onMessage = () => undefined;
    const startCount = received;
    cpu.delta();
    const r0 = performance.now();
    for (let i = 0; i < RAW_MESSAGES; i++) raw.sendToQueue(rawQueue, sample, { persistent: true });
    await raw.waitForConfirms();
    while (received - startCount < RAW_MESSAGES) await sleep(2);
    const rawPerSecond = Math.round(RAW_MESSAGES / ((performance.now() - r0) / 1000));
    const rawCpu = cpu.delta();
    await raw.deleteQueue(rawQueue);

    // ------------------------------------------------------------------ B. 10 vs 5,000 lessons
    const smallCost: number[] = [];
    const bigCost: number[] = [];
    if (!SKIP_B) {
      log(`B: a 10-lesson and a ${BIG}-lesson course (seeding ${BIG} lessons through catalog's API)`);
      const small = await course(10);
      const big = await course(BIG);
      const bStudents = students.slice(0, 20);
      const [smallEnrolments, bigEnrolments] = [await enrolAll(small.courseId, bStudents), await enrolAll(big.courseId, bStudents)];
      const stride = Math.floor(BIG / 10);
      cpu.delta();
      for (let j = 0; j < 10; j++) {
        for (let si = 0; si < bStudents.length; si++) {
          // interleaved, so both see the same warm-up, pools and background noise
          let s = performance.now();
          await enr.CompleteLesson({ enrollment_id: smallEnrolments[si], lesson_id: small.lessonIds[j] }, bStudents[si].auth);
          smallCost.push(performance.now() - s);
          s = performance.now();
          await enr.CompleteLesson({ enrollment_id: bigEnrolments[si], lesson_id: big.lessonIds[(j * stride + si) % BIG] }, bStudents[si].auth);
          bigCost.push(performance.now() - s);
        }
      }
    }
    const bCpu = SKIP_B ? undefined : cpu.delta();
    const smallStats = SKIP_B ? stats([0]) : stats(smallCost);
    const bigStats = SKIP_B ? stats([0]) : stats(bigCost);

    // ------------------------------------------------------------------ C. 100k enrolments sorted by progress
    log(`C: ${LIST_ROWS} enrolments in one course (+ as many in 50 others), bulk-inserted with SQL`);
    const listCourse = a.courseId; // a real course of the read model (its instructor or an admin may list it)
    const version = (await enr.GetEnrollment({ enrollment_id: aEnrolments[0] }, students[0].auth)).course_version;
    const insert = async (courseSql: string, rows: number) =>
      db.query(`
        INSERT INTO enrollments (id, student_id, course_id, status, enrolled_at, last_accessed_at, progress_percentage,
          completed_lessons_count, total_lessons_count, course_version)
        SELECT gen_random_uuid(), gen_random_uuid(), ${courseSql},
          (ARRAY['active','active','active','completed','dropped'])[1 + (g % 5)],
          date_trunc('milliseconds', now() - make_interval(secs => g)),
          date_trunc('milliseconds', now() - make_interval(secs => (g * 7919) % 864000)),
          round(((g * 37) % ${LESSONS + 1}) * 100.0 / ${LESSONS}, 2),
          (g * 37) % ${LESSONS + 1}, ${LESSONS}, ${version}
        FROM generate_series(1, ${rows}) AS g`);
    await insert(`'${listCourse}'::uuid`, LIST_ROWS);
    await insert(`('00000000-0000-4000-8000-' || lpad(((g % 50) + 1)::text, 12, '0'))::uuid`, LIST_ROWS);
    await db.query('ANALYZE enrollments');
    const list = (extra: Record<string, unknown>) =>
      enr.ListCourseEnrollments({ course_id: listCourse, page: 1, page_size: 20, status: '', sort: 'progress_desc', cursor: '', ...extra }, admin);
    const measure = async (label: string, call: (i: number) => Promise<unknown>, n = SAMPLES) => {
      for (let i = 0; i < 20; i++) await call(i); // warm-up
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await call(i);
        out.push(performance.now() - s);
      }
      return [label, stats(out)] as const;
    };
    const cursors: string[] = [''];
    for (let i = 0; i < 400; i++) cursors.push((await list({ cursor: cursors[i], page_size: 50 })).next_cursor);
    const cases = [
      await measure('page 1, progress desc, 20 rows', () => list({})),
      await measure('page 1, progress asc, status=active', () => list({ sort: 'progress_asc', status: 'active' })),
      await measure('page 1, last activity desc', () => list({ sort: 'last_accessed_desc' })),
      await measure('keyset pages (cursor), 50 rows, pages 1-400', (i) => list({ cursor: cursors[i % 400], page_size: 50 })),
      await measure('offset page 1000 of 50 rows (offset 49,950)', () => list({ page: 1000, page_size: 50 }), 100),
      await measure('course stats (counts, averages)', () => enr.GetCourseStats({ course_id: listCourse }, admin)),
    ];
    const [plan] = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM enrollments WHERE course_id = :courseId ORDER BY progress_percentage DESC, id DESC LIMIT 20`,
      { type: QueryTypes.SELECT, replacements: { courseId: listCourse } },
    ).then((rows) => [rows.map((r) => r['QUERY PLAN']).join(' | ')]);

    // ------------------------------------------------------------------ report
    const v = stats(visible);
    const rl = stats(rawLatency);
    const ev = stats(eventVisible);
    console.log('\n== A. completion → percentage visible ==');
    if (BACKEND === 'processes') console.log('(processes mode: no event-loop figures of the services; the CPU tables take their place)');
    if (stale.length) console.log(`WARNING: not built from the current sources: ${stale.join(', ')} (these figures are of other code)`);
    console.log(`RPC CompleteLesson + GetEnrollment showing it (sequential):  ${fmt(v)}`);
    console.log(`RPC CompleteLesson alone (sequential):                         ${fmt(stats(rpcOnly))}`);
    console.log(`RPC CompleteLesson under ${CONCURRENCY} concurrent students:            ${fmt(stats(underLoad))}`);
    console.log(`sustained completions/s (RPC, ${rest.length} completions):             ${completionsPerSecond}/s`);
    if (BACKEND !== 'processes') console.log(`  event loops busy during it: services' thread ${loadBusy.services}, client's thread ${loadBusy.main} (backend: ${BACKEND})`);
    console.log(`quiz.passed published → percentage visible (sequential):       ${fmt(ev)}`);
    console.log(`sustained quiz.passed → counted completions/s (${bulkEvents.length}):        ${eventsPerSecond}/s`);
    console.log(`raw RabbitMQ publish→consume round trip (same vhost):          ${fmt(rl)}`);
    console.log(`raw RabbitMQ publish+consume throughput (${RAW_MESSAGES} msgs):          ${rawPerSecond}/s`);
    console.log(`ratio completions/s (RPC) ÷ raw RabbitMQ msgs/s:               ${(completionsPerSecond / rawPerSecond).toFixed(2)}`);
    console.log(`ratio completions/s (events) ÷ raw RabbitMQ msgs/s:            ${(eventsPerSecond / rawPerSecond).toFixed(2)}`);
    console.log(`ratio p50 visible (RPC) ÷ raw RabbitMQ round-trip p50:         ${(v.p50 / rl.p50).toFixed(2)}`);
    console.log(cpuTable(sequentialCpu, sequential.length, 'completion', 'sequential CompleteLesson + GetEnrollment').join('\n'));
    console.log(cpuTable(loadCpu, rest.length, 'completion', `${CONCURRENCY} concurrent students (CompleteLesson)`).join('\n'));
    console.log(cpuTable(eventsCpu, bulkEvents.length, 'event', 'quiz.passed published → counted').join('\n'));
    console.log(cpuTable(rawCpu, RAW_MESSAGES, 'message', 'raw RabbitMQ publish+consume (the floor)').join('\n'));
    console.log('\n== B. cost of one completion: 10 vs %d lessons (sequential, interleaved) ==', BIG);
    if (SKIP_B) console.log('skipped (BENCH_SKIP_B=1)');
    else {
      console.log(`10 lessons:    ${fmt(smallStats)}`);
      console.log(`${BIG} lessons:  ${fmt(bigStats)}`);
      console.log(`ratio (mean ${BIG} / mean 10): ${(bigStats.mean / smallStats.mean).toFixed(2)}   (p50: ${(bigStats.p50 / smallStats.p50).toFixed(2)}; goal ≤ 1.2)`);
      console.log(cpuTable(bCpu!, smallCost.length + bigCost.length, 'completion', 'both courses').join('\n'));
    }
    console.log('\n== C. course enrolment list with %d enrolments (+%d in other courses), via gRPC as admin ==', LIST_ROWS, LIST_ROWS);
    for (const [label, s] of cases) console.log(`${label.padEnd(48)} ${fmt(s)}`);
    console.log(`plan: ${plan}`);
    console.log(
      JSON.stringify({
        backend: BACKEND,
        a: {
          loadBusy: BACKEND === 'processes' ? undefined : loadBusy,
          visible: v,
          rpc: stats(rpcOnly),
          underLoad: stats(underLoad),
          completionsPerSecond,
          eventVisible: ev,
          eventsPerSecond,
          rawRoundTrip: rl,
          rawPerSecond,
          cpu: { sequential: cpuJson(sequentialCpu), load: cpuJson(loadCpu), events: cpuJson(eventsCpu), raw: cpuJson(rawCpu) },
        },
        b: { small: smallStats, big: bigStats, ratioMean: bigStats.mean / smallStats.mean, cpu: bCpu && cpuJson(bCpu) },
        c: Object.fromEntries(cases),
      }),
    );
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

import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import pg from 'pg';
import { cpuSampler, type CpuDelta } from './cpu';
import { createDatabase, createVhost, infra, type Resource } from './infra';
import { startInlineChild } from './inline-child';
import { percentiles, type Percentiles as Latency } from './stats';

/**
 * The start skeleton (issue 16's floor for its two start goals): a quiz start's hops and writes in bare libraries, as
 * three processes like the fleet's, with none of the fleet's code — no Express, no kit, no sequelize, no token, no
 * validation, no metrics, no logging:
 *
 *   client → HTTP (node:http, 50 B → 600 B) → [gateway] Redis EVALSHA → gRPC (grpc-js, raw bytes) → [quiz] gRPC to
 *   [enrollment] one prepared SELECT → [quiz] BEGIN · advisory lock · INSERT the attempt (its paper: 50 slots, jsonb)
 *   · INSERT the outbox row · COMMIT → the answer; then the relay (claim and mark in one statement, publish to a
 *   topic exchange on a confirm channel) and the deadline consumer (each event parked in a quorum hold queue: a
 *   publish with confirm, then the ack).
 *
 * With `tokens`, each process also verifies the student's access token (jose, EdDSA, as the kit does; a new token per
 * start, so once in each of the three processes): the one check of the fleet's own the skeleton keeps, since security
 * cannot be left out of a floor the fleet could reach.
 *
 * What a start must do by the architecture (issue 16's "Nothing may be bought with correctness"), at the libraries'
 * own cost: the CPU per start it measures, against the goal's budget (2 cores ÷ 256 starts/s = 7.8 ms), says what
 * any code on top of these libraries has left. Its databases and vhost are the run's own and dropped after.
 */
const SERVERS = String.raw`
const role = process.argv[1];
const cfg = JSON.parse(process.argv[2]);
const grpc = require('@grpc/grpc-js');
const pg = require('pg');
const { randomUUID } = require('node:crypto');
const raw = (path) => ({ path, requestStream: false, responseStream: false,
  requestSerialize: (b) => b, requestDeserialize: (b) => b, responseSerialize: (b) => b, responseDeserialize: (b) => b });
const ready = (info) => process.stdout.write(JSON.stringify(info) + '\n');
const listen = (server) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  ready({ port });
});
process.on('SIGTERM', () => process.exit(0));

// With cfg.jwk: the end user's token verified once per process and token, then remembered (as the kit does).
const jose = cfg.jwk ? require('jose') : undefined;
const keyPromise = cfg.jwk ? jose.importJWK(cfg.jwk, 'EdDSA') : undefined;
const known = new Set();
const verified = async (authorization) => {
  if (!cfg.jwk || known.has(authorization)) return;
  const token = String(authorization || '').replace(/^Bearer /, '');
  await jose.jwtVerify(token, await keyPromise, { issuer: 'skeleton', audience: 'skeleton', algorithms: ['EdDSA'], requiredClaims: ['sub', 'exp', 'iat', 'jti'] });
  known.add(authorization);
};
const md = (authorization) => {
  const m = new grpc.Metadata();
  if (authorization) m.set('authorization', authorization);
  return m;
};

// The broker side both services have: a confirm channel on the topic exchange, and the outbox relay (claim and mark
// in one statement, publish, wait for the confirms; a commit during a pass runs another).
const amqp = require('amqplib');
const quorum = (extra) => ({ durable: true, arguments: { 'x-queue-type': 'quorum', ...extra } });
async function broker() {
  const connection = await amqp.connect(cfg.amqp);
  const publisher = await connection.createConfirmChannel();
  await publisher.assertExchange('skeleton.events', 'topic', { durable: true });
  return { connection, publisher };
}
// A consumer's channel on a quorum work queue bound to one event type (a confirm channel when it publishes).
async function boundQueue(connection, queue, routingKey, prefetch, confirms) {
  const channel = confirms ? await connection.createConfirmChannel() : await connection.createChannel();
  await channel.assertQueue(queue, quorum());
  await channel.bindQueue(queue, 'skeleton.events', routingKey);
  await channel.prefetch(prefetch);
  return channel;
}
function outboxRelay(pool, publisher) {
  let running = false;
  let again = false;
  const pass = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      for (;;) {
        again = false;
        const claimed = await pool.query({ name: 'claim', text: 'UPDATE outbox SET published_at = now() WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED) RETURNING id, type, payload' });
        for (const row of claimed.rows) publisher.publish('skeleton.events', row.type, Buffer.from(JSON.stringify(row.payload)), { persistent: true, messageId: row.id });
        if (claimed.rows.length) await publisher.waitForConfirms();
        if (!again && claimed.rows.length < 100) break;
      }
    } finally {
      running = false;
    }
  };
  return () => pass().catch((e) => console.error('relay', e.message));
}
async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
const event = (type, data) => ({ id: randomUUID(), type, payload: { specversion: '1.0', id: randomUUID(), type, source: 'skeleton', data } });
const OUTBOX = { name: 'outbox', text: 'INSERT INTO outbox (id, type, payload) SELECT (r->>' + "'id')::uuid, r->>'type', r->'payload' FROM jsonb_array_elements($1::jsonb) AS r" };

if (role === 'enrollment') {
  const pool = new pg.Pool({ connectionString: cfg.db, max: 10 });
  const server = new grpc.Server();
  server.addService({ Check: raw('/skeleton.Enrollment/Check') }, {
    Check: (call, cb) => {
      const { student, course } = JSON.parse(call.request);
      verified(call.metadata.get('authorization')[0])
        .then(() => pool.query({ name: 'enrolled', text: 'SELECT id, status, enrolled_at FROM enrollments WHERE student_id = $1 AND course_id = $2', values: [student, course] }))
        .then((r) => cb(null, Buffer.from(JSON.stringify({ enrolled: r.rowCount > 0, status: r.rows[0] && r.rows[0].status }))), (e) => cb(e));
    },
  });
  // A graded attempt completes its lesson: inbox (once per event), the enrolment's progress, the lesson's row, the
  // outbox row of lesson.completed, in one transaction; acked after the commit.
  (async () => {
    const { connection, publisher } = await broker();
    const relay = outboxRelay(pool, publisher);
    const consumer = await boundQueue(connection, 'skeleton.progress', 'quiz.graded', 10, false);
    await consumer.consume('skeleton.progress', (msg) => {
      const e = JSON.parse(msg.content);
      inTransaction(pool, async (client) => {
        const fresh = await client.query({ name: 'inbox', text: 'INSERT INTO inbox (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id', values: [e.id] });
        if (!fresh.rowCount) return;
        const enrolment = await client.query({ name: 'progress', text: 'UPDATE enrollments SET progress = progress + 1 WHERE student_id = $1 AND course_id = $2 RETURNING id, progress', values: [e.data.student_id, e.data.quiz_id] });
        await client.query({ name: 'lesson', text: 'INSERT INTO lesson_progress (enrollment_id, lesson_id, completed_at) VALUES ($1, $2, now()) ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET completed_at = excluded.completed_at', values: [enrolment.rows[0].id, 'quiz-lesson'] });
        await client.query({ ...OUTBOX, values: [JSON.stringify([event('lesson.completed', { enrollment_id: enrolment.rows[0].id, progress: enrolment.rows[0].progress })])] });
      }).then(() => { consumer.ack(msg); relay(); }, (err) => { console.error('progress', err.message); consumer.nack(msg, false, true); });
    });
    listen(server);
  })().catch((e) => { console.error(e); process.exit(1); });
}

if (role === 'quiz') {
  const pool = new pg.Pool({ connectionString: cfg.db, max: 10 });
  const Enrollment = grpc.makeGenericClientConstructor({ Check: raw('/skeleton.Enrollment/Check') }, 'Enrollment');
  const enrollment = new Enrollment(cfg.enrollment, grpc.credentials.createInsecure());
  const check = (body, authorization) => new Promise((resolve, reject) => enrollment.Check(body, md(authorization), (e, r) => (e ? reject(e) : resolve(JSON.parse(r)))));
  (async () => {
    const { connection, publisher } = await broker();
    const relay = outboxRelay(pool, publisher);
    // The deadline timer: each attempt.started parked in a quorum hold queue (a publish with confirm, then the ack).
    const consumer = await boundQueue(connection, 'skeleton.deadlines', 'attempt.started', 100, true);
    await consumer.assertQueue('skeleton.deadlines.hold', quorum({ 'x-message-ttl': 3600000, 'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 'skeleton.deadlines', 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' }));
    await consumer.consume('skeleton.deadlines', (msg) => {
      JSON.parse(msg.content);
      consumer.sendToQueue('skeleton.deadlines.hold', msg.content, { persistent: true, headers: msg.properties.headers }, (err) => { if (!err) consumer.ack(msg); });
    });
    const server = new grpc.Server();
    const answer = (cb, work) => work.then((reply) => cb(null, Buffer.from(JSON.stringify(reply))), (err) => cb(err));
    server.addService({ Start: raw('/skeleton.Quiz/Start'), Submit: raw('/skeleton.Quiz/Submit') }, {
      Start: (call, cb) => {
        const { student, course } = JSON.parse(call.request);
        const authorization = call.metadata.get('authorization')[0];
        answer(cb, verified(authorization).then(() => check(Buffer.from(JSON.stringify({ student, course })), authorization)).then(async (enrolled) => {
          if (!enrolled.enrolled) return { refused: 'not enrolled' };
          const paper = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ question_id: randomUUID(), version: 1, order: [3, 1, 0, 2, i % 5] })));
          const id = randomUUID();
          const started = new Date();
          const deadline = new Date(started.getTime() + 3600000);
          const attempt = await inTransaction(pool, async (client) => {
            await client.query({ name: 'lock', text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [student] });
            const inserted = await client.query({ name: 'start',
              text: 'INSERT INTO attempts (id, student_id, quiz_id, attempt_number, paper, started_at, deadline_at) SELECT $1, $2, $3, coalesce(max(attempt_number), 0) + 1, $4, $5, $6 FROM attempts WHERE student_id = $2 AND quiz_id = $3 RETURNING attempt_number',
              values: [id, student, course, paper, started, deadline] });
            const attempt = { id, quiz_id: course, student_id: student, attempt_number: inserted.rows[0].attempt_number, status: 'in_progress',
              started_at: started.toISOString(), deadline_at: deadline.toISOString(), time_remaining_seconds: 3600, max_score: 99, total_questions: 50, resumed: false,
              answers: [], submitted_at: null, auto_submitted: false, last_saved_at: null };
            await client.query({ ...OUTBOX, values: [JSON.stringify([event('attempt.started', attempt)])] });
            return attempt;
          });
          relay();
          return attempt;
        }));
      },
      // A submit: the attempt read while IsEnrolled runs, then the close (answers and results), three events, and the
      // graded result with the key (~15 KB).
      Submit: (call, cb) => {
        const { student, course, attempt_id, answers } = JSON.parse(call.request);
        const authorization = call.metadata.get('authorization')[0];
        answer(cb, verified(authorization).then(() => Promise.all([
          check(Buffer.from(JSON.stringify({ student, course })), authorization),
          pool.query({ name: 'attempt', text: 'SELECT id, student_id, quiz_id, attempt_number, status, paper, started_at, deadline_at FROM attempts WHERE id = $1', values: [attempt_id] }),
        ])).then(async ([enrolled, found]) => {
          const attempt = found.rows[0];
          if (!enrolled.enrolled || !attempt || attempt.status !== 'in_progress') return { refused: 'not open' };
          const results = attempt.paper.map((slot, i) => ({ question_id: slot.question_id, is_correct: i % 4 !== 0, points_earned: i % 4 !== 0 ? 1 : 0,
            correct_answer: 'option ' + slot.order[0], explanation: 'Why answer ' + (i + 1) + ' is right: ' + 'x'.repeat(120) }));
          const score = results.reduce((sum, r) => sum + r.points_earned, 0);
          const graded = { ...attempt, paper: undefined, status: 'graded', score, max_score: 50, percentage: (score / 50) * 100, passed: score >= 30, submitted_at: new Date().toISOString(), results };
          await inTransaction(pool, async (client) => {
            const closed = await client.query({ name: 'close', text: "UPDATE attempts SET status = 'graded', answers = $2, results = $3, submitted_at = now() WHERE id = $1 AND status = 'in_progress'", values: [attempt_id, JSON.stringify(answers), JSON.stringify(results)] });
            if (!closed.rowCount) return;
            const facts = { attempt_id, student_id: student, quiz_id: course, score, passed: graded.passed };
            await client.query({ ...OUTBOX, values: [JSON.stringify([event('quiz.submitted', facts), event('quiz.graded', facts), event(graded.passed ? 'quiz.passed' : 'quiz.failed', facts)])] });
          });
          relay();
          return graded;
        }));
      },
    });
    listen(server);
  })().catch((e) => { console.error(e); process.exit(1); });
}

if (role === 'gateway') {
  const http = require('node:http');
  const { Redis } = require('ioredis');
  const redis = new Redis(cfg.redis);
  const Quiz = grpc.makeGenericClientConstructor({ Start: raw('/skeleton.Quiz/Start'), Submit: raw('/skeleton.Quiz/Submit') }, 'Quiz');
  const quiz = new Quiz(cfg.quiz, grpc.credentials.createInsecure());
  redis.script('LOAD', "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n").then((sha) => {
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const authorization = req.headers.authorization;
        const method = req.url.endsWith('/submit') ? 'Submit' : 'Start';
        Promise.all([verified(authorization), redis.evalsha(sha, 1, cfg.redisKey, 60000)]).then(() => {
          quiz[method](Buffer.concat(chunks), md(authorization), (err, reply) => {
            if (err) { res.writeHead(500); res.end(); return; }
            res.writeHead(method === 'Start' ? 201 : 200, { 'content-type': 'application/json', 'content-length': reply.length });
            res.end(reply);
          });
        }, () => { res.writeHead(503); res.end(); });
      });
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, '127.0.0.1', () => ready({ port: server.address().port }));
  });
}
`;

const QUIZ_SCHEMA = `
CREATE TABLE attempts (id uuid PRIMARY KEY, student_id text NOT NULL, quiz_id text NOT NULL, attempt_number int NOT NULL, status text NOT NULL DEFAULT 'in_progress',
  paper jsonb NOT NULL, answers jsonb, results jsonb, started_at timestamptz NOT NULL, deadline_at timestamptz, submitted_at timestamptz);
CREATE INDEX attempts_student_quiz ON attempts (student_id, quiz_id);
`;
const ENROLLMENT_SCHEMA = `
CREATE TABLE enrollments (id uuid PRIMARY KEY, student_id text NOT NULL, course_id text NOT NULL, status text NOT NULL, progress int NOT NULL DEFAULT 0,
  enrolled_at timestamptz NOT NULL DEFAULT now(), UNIQUE (student_id, course_id));
CREATE TABLE lesson_progress (enrollment_id uuid NOT NULL, lesson_id text NOT NULL, completed_at timestamptz, PRIMARY KEY (enrollment_id, lesson_id));
CREATE TABLE inbox (event_id text PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now());
`;
const OUTBOX_SCHEMA = `
CREATE TABLE outbox (id uuid PRIMARY KEY, type text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE published_at IS NULL;
`;

async function startRole(role: string, config: Record<string, unknown>): Promise<{ child: ChildProcess; port: number }> {
  const { child, ready } = await startInlineChild<{ port: number }>(`start skeleton: ${role}`, SERVERS, [role, JSON.stringify(config)]);
  return { child, port: ready.port };
}

export interface SkeletonPhase {
  /** Starts (concurrent phase) or sessions of a start and a submit (one at a time). */
  operations: number;
  concurrency: number;
  errors: number;
  perSecond: number;
  start: Latency;
  /** One at a time only: the submit, and start + submit per student (the quiz bench's one-at-a-time goal). */
  submit?: Latency;
  pair?: Latency;
  cpu: CpuDelta;
}

export interface StartSkeleton {
  /** Whether each process verified the student's token (once per process and token). */
  tokens: boolean;
  oneAtATime: SkeletonPhase;
  concurrent: SkeletonPhase;
}

const latencyOf = (ms: number[]): Latency => percentiles([...ms].sort((a, b) => a - b), 1);

/**
 * Runs the skeleton: `sequential` students one at a time, each a start then a submit of 50 answers, then `starts`
 * by distinct students with `concurrency` clients (each phase after a warm-up), with the CPU of each process and
 * server for both. Everything it made is gone after.
 */
export async function measureStartSkeleton(options: { sequential: number; starts: number; concurrency: number; tokens: boolean }): Promise<StartSkeleton> {
  const made: Resource[] = [];
  const children: ChildProcess[] = [];
  try {
    const enrollmentDb = await createDatabase('skel_enr');
    made.push(enrollmentDb);
    const quizDb = await createDatabase('skel_quiz');
    made.push(quizDb);
    const vhost = await createVhost('skel');
    made.push(vhost);
    const warmup = 100;
    const students = Array.from({ length: warmup * 2 + options.sequential + options.starts }, () => randomUUID());
    const course = randomUUID();
    for (const [db, schema] of [
      [enrollmentDb, ENROLLMENT_SCHEMA],
      [quizDb, QUIZ_SCHEMA],
    ] as const) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(schema + OUTBOX_SCHEMA);
      if (db === enrollmentDb) {
        await client.query("INSERT INTO enrollments (id, student_id, course_id, status) SELECT gen_random_uuid(), s, $1, 'active' FROM unnest($2::text[]) AS s", [course, students]);
      }
      await client.end();
    }
    // Each student's access token (EdDSA, as auth signs them), verified once in each process when `tokens`.
    const keys = options.tokens ? await generateKeyPair('EdDSA', { crv: 'Ed25519' }) : undefined;
    const jwk = keys && { ...(await exportJWK(keys.publicKey)), alg: 'EdDSA' };
    const tokens = new Map<string, string>();
    if (keys) {
      for (const student of students) {
        const token = await new SignJWT({ role: 'student' })
          .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
          .setSubject(student)
          .setIssuer('skeleton')
          .setAudience('skeleton')
          .setIssuedAt()
          .setExpirationTime('15m')
          .setJti(randomUUID())
          .sign(keys.privateKey);
        tokens.set(student, `Bearer ${token}`);
      }
    }
    const enrollment = await startRole('enrollment', { db: enrollmentDb.url, amqp: vhost.url, jwk });
    children.push(enrollment.child);
    const quiz = await startRole('quiz', { db: quizDb.url, amqp: vhost.url, enrollment: `127.0.0.1:${enrollment.port}`, jwk });
    children.push(quiz.child);
    const gateway = await startRole('gateway', { quiz: `127.0.0.1:${quiz.port}`, redis: infra.redisUrl, redisKey: `lms:bench:skeleton:${process.pid}`, jwk });
    children.push(gateway.child);

    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, options.concurrency) });
    const post = (student: string, path: string, payload: unknown) =>
      new Promise<{ status: number; ms: number; body: string }>((resolve) => {
        const body = Buffer.from(JSON.stringify(payload));
        const t0 = process.hrtime.bigint();
        const authorization = tokens.get(student);
        const req = http.request(
          {
            host: '127.0.0.1',
            port: gateway.port,
            method: 'POST',
            path,
            agent,
            headers: { 'content-type': 'application/json', 'content-length': body.length, ...(authorization ? { authorization } : {}) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - t0) / 1e6, body: Buffer.concat(chunks).toString() }));
          },
        );
        req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6, body: '' }));
        req.end(body);
      });
    // 50 answers of the bench's kinds (~4 KB, as the quiz bench's submit).
    const answers = Array.from({ length: 50 }, (_, i) => ({ question_id: randomUUID(), selected_option_ids: [randomUUID(), randomUUID()], answer_text: `answer ${i}`, order: [randomUUID(), randomUUID()] }));
    const cpu = cpuSampler({
      processes: { 'skeleton gateway': gateway.child.pid!, 'skeleton quiz': quiz.child.pid!, 'skeleton enrollment': enrollment.child.pid! },
      servers: true,
      databases: [enrollmentDb.name, quizDb.name],
    });
    const run = async (batch: string[], concurrency: number, submit: boolean): Promise<SkeletonPhase> => {
      const starts: number[] = [];
      const submits: number[] = [];
      const pairs: number[] = [];
      let errors = 0;
      let next = 0;
      cpu.delta();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < batch.length) {
            const student = batch[next++];
            const started = await post(student, '/quizzes/q/attempts', { student, course });
            if (started.status !== 201) {
              errors++;
              continue;
            }
            starts.push(started.ms);
            if (!submit) continue;
            const attempt = JSON.parse(started.body) as { id: string };
            const submitted = await post(student, `/quizzes/q/attempts/${attempt.id}/submit`, { student, course, attempt_id: attempt.id, answers });
            if (submitted.status !== 200 || !submitted.body.includes('"graded"')) {
              errors++;
              continue;
            }
            submits.push(submitted.ms);
            pairs.push(started.ms + submitted.ms);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const used = cpu.delta();
      return {
        operations: batch.length,
        concurrency,
        errors,
        perSecond: Math.round((batch.length / seconds) * 10) / 10,
        start: latencyOf(starts),
        ...(submit ? { submit: latencyOf(submits), pair: latencyOf(pairs) } : {}),
        cpu: used,
      };
    };
    await run(students.splice(0, warmup), 1, true);
    const oneAtATime = await run(students.splice(0, options.sequential), 1, true);
    await run(students.splice(0, warmup), options.concurrency, false);
    const concurrent = await run(students.splice(0, options.starts), options.concurrency, false);
    agent.destroy();
    return { tokens: options.tokens, oneAtATime, concurrent };
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM');
    for (const resource of made.reverse()) await resource.drop().catch(() => undefined);
  }
}

/** The skeleton's report: latency, rate and the CPU per operation of each process and server. */
export function startSkeletonReport(s: StartSkeleton): string[] {
  const l = (x: Latency) => `p50 ${x.p50.toFixed(1)} · p90 ${x.p90.toFixed(1)} · p99 ${x.p99.toFixed(1)} ms`;
  const cpuLine = (p: SkeletonPhase, what: string) =>
    `    CPU ms per ${what}: ${Object.entries(p.cpu.cpuMs)
      .map(([name, ms]) => `${name} ${(ms / p.operations).toFixed(2)}`)
      .join(' · ')} · total ${(p.cpu.totalMs / p.operations).toFixed(2)} (box ${p.cpu.boxBusyCores.toFixed(2)} of ${p.cpu.cores} cores busy)`;
  const one = s.oneAtATime;
  const many = s.concurrent;
  return [
    `== start skeleton: a quiz start's and submit's hops and writes in bare libraries (node:http, Redis, grpc-js ×2, pg, amqplib${s.tokens ? '; the token verified in each process, jose EdDSA' : '; no token'}; bench/lib/start-skeleton.ts) ==`,
    `  ${one.operations} students one at a time, start → submit (50 answers): ${one.perSecond}/s, errors ${one.errors}`,
    `    start ${l(one.start)} · submit ${l(one.submit!)}`,
    `    start + submit ${l(one.pair!)}`,
    cpuLine(one, 'session'),
    `  ${many.operations} starts, ${many.concurrency} clients: start ${l(many.start)} · ${many.perSecond} starts/s · errors ${many.errors}`,
    cpuLine(many, 'start'),
  ];
}

/** The skeleton for a JSON line. */
export function startSkeletonJson(s: StartSkeleton) {
  const plain = ({ cpu, ...p }: SkeletonPhase) => ({
    ...p,
    cpuMsPerOperation: Object.fromEntries(Object.entries(cpu.cpuMs).map(([k, v]) => [k, Math.round((v / p.operations) * 100) / 100])),
    totalCpuMsPerOperation: Math.round((cpu.totalMs / p.operations) * 100) / 100,
  });
  return { tokens: s.tokens, oneAtATime: plain(s.oneAtATime), concurrent: plain(s.concurrent) };
}

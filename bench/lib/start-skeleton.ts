import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import pg from 'pg';
import { cpuSampler, type CpuDelta } from './cpu';
import { createDatabase, createVhost, infra, type Resource } from './infra';
import { quantile } from './stats';

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
// With cfg.jwk: the end user's token verified once per process (a new token per start, as in the 2,000 starts).
const jose = cfg.jwk ? require('jose') : undefined;
const keyPromise = cfg.jwk ? jose.importJWK(cfg.jwk, 'EdDSA') : undefined;
const verified = async (authorization) => {
  if (!cfg.jwk) return;
  const token = String(authorization || '').replace(/^Bearer /, '');
  await jose.jwtVerify(token, await keyPromise, { issuer: 'skeleton', audience: 'skeleton', algorithms: ['EdDSA'], requiredClaims: ['sub', 'exp', 'iat', 'jti'] });
};
const md = (authorization) => {
  const m = new grpc.Metadata();
  if (authorization) m.set('authorization', authorization);
  return m;
};
const listen = (server) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  ready({ port });
});
process.on('SIGTERM', () => process.exit(0));

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
  listen(server);
}

if (role === 'quiz') {
  const amqp = require('amqplib');
  const pool = new pg.Pool({ connectionString: cfg.db, max: 10 });
  const Enrollment = grpc.makeGenericClientConstructor({ Check: raw('/skeleton.Enrollment/Check') }, 'Enrollment');
  const enrollment = new Enrollment(cfg.enrollment, grpc.credentials.createInsecure());
  const check = (body, authorization) => new Promise((resolve, reject) => enrollment.Check(body, md(authorization), (e, r) => (e ? reject(e) : resolve(JSON.parse(r)))));
  (async () => {
    const connection = await amqp.connect(cfg.amqp);
    const publisher = await connection.createConfirmChannel();
    await publisher.assertExchange('skeleton.events', 'topic', { durable: true });
    const consumer = await connection.createConfirmChannel();
    await consumer.assertQueue('skeleton.deadlines', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await consumer.bindQueue('skeleton.deadlines', 'skeleton.events', 'attempt.started');
    await consumer.assertQueue('skeleton.deadlines.hold', { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-message-ttl': 3600000,
      'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'skeleton.deadlines', 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' } });
    await consumer.prefetch(100);
    await consumer.consume('skeleton.deadlines', (msg) => {
      JSON.parse(msg.content);
      consumer.sendToQueue('skeleton.deadlines.hold', msg.content, { persistent: true, headers: msg.properties.headers }, (err) => { if (!err) consumer.ack(msg); });
    });
    let running = false;
    let again = false;
    const relay = async () => {
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
    const server = new grpc.Server();
    server.addService({ Start: raw('/skeleton.Quiz/Start') }, {
      Start: (call, cb) => {
        const { student, course } = JSON.parse(call.request);
        const authorization = call.metadata.get('authorization')[0];
        verified(authorization).then(() => check(Buffer.from(JSON.stringify({ student, course })), authorization)).then(async (enrolled) => {
          if (!enrolled.enrolled) return cb(null, Buffer.from('{"refused":"not enrolled"}'));
          const paper = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ question_id: randomUUID(), version: 1, order: [3, 1, 0, 2, i % 5] })));
          const id = randomUUID();
          const started = new Date();
          const deadline = new Date(started.getTime() + 3600000);
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query({ name: 'lock', text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [student] });
            const inserted = await client.query({ name: 'start',
              text: 'INSERT INTO attempts (id, student_id, quiz_id, attempt_number, paper, started_at, deadline_at) SELECT $1, $2, $3, coalesce(max(attempt_number), 0) + 1, $4, $5, $6 FROM attempts WHERE student_id = $2 AND quiz_id = $3 RETURNING attempt_number',
              values: [id, student, course, paper, started, deadline] });
            const attempt = { id, quiz_id: course, student_id: student, attempt_number: inserted.rows[0].attempt_number, status: 'in_progress',
              started_at: started.toISOString(), deadline_at: deadline.toISOString(), time_remaining_seconds: 3600, max_score: 99, total_questions: 50, resumed: false,
              answers: [], submitted_at: null, auto_submitted: false, last_saved_at: null };
            await client.query({ name: 'outbox', text: 'INSERT INTO outbox (id, type, payload) VALUES ($1, $2, $3)',
              values: [randomUUID(), 'attempt.started', JSON.stringify({ specversion: '1.0', type: 'attempt.started', source: 'skeleton', data: attempt })] });
            await client.query('COMMIT');
            client.release();
            cb(null, Buffer.from(JSON.stringify(attempt)));
            relay().catch((e) => console.error('relay', e.message));
          } catch (err) {
            await client.query('ROLLBACK').catch(() => undefined);
            client.release();
            cb(err);
          }
        }, (err) => cb(err));
      },
    });
    listen(server);
  })().catch((e) => { console.error(e); process.exit(1); });
}

if (role === 'gateway') {
  const http = require('node:http');
  const { Redis } = require('ioredis');
  const redis = new Redis(cfg.redis);
  const Quiz = grpc.makeGenericClientConstructor({ Start: raw('/skeleton.Quiz/Start') }, 'Quiz');
  const quiz = new Quiz(cfg.quiz, grpc.credentials.createInsecure());
  redis.script('LOAD', "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n").then((sha) => {
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const authorization = req.headers.authorization;
        Promise.all([verified(authorization), redis.evalsha(sha, 1, cfg.redisKey, 60000)]).then(() => {
          quiz.Start(Buffer.concat(chunks), md(authorization), (err, reply) => {
            if (err) { res.writeHead(500); res.end(); return; }
            res.writeHead(201, { 'content-type': 'application/json', 'content-length': reply.length });
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

const SCHEMA = `
CREATE TABLE enrollments (id uuid PRIMARY KEY, student_id text NOT NULL, course_id text NOT NULL, status text NOT NULL, enrolled_at timestamptz NOT NULL DEFAULT now(), UNIQUE (student_id, course_id));
CREATE TABLE attempts (id uuid PRIMARY KEY, student_id text NOT NULL, quiz_id text NOT NULL, attempt_number int NOT NULL, paper jsonb NOT NULL, started_at timestamptz NOT NULL, deadline_at timestamptz);
CREATE INDEX attempts_student_quiz ON attempts (student_id, quiz_id);
CREATE TABLE outbox (id uuid PRIMARY KEY, type text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE published_at IS NULL;
`;

function startRole(role: string, config: Record<string, unknown>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SERVERS, role, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'], cwd: __dirname });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`start skeleton: ${role} exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, port: JSON.parse(chunk.toString()).port }));
  });
}

export interface SkeletonPhase {
  starts: number;
  concurrency: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  perSecond: number;
  cpu: CpuDelta;
}

export interface StartSkeleton {
  /** Whether each process verified the student's token (a new one per start). */
  tokens: boolean;
  oneAtATime: SkeletonPhase;
  concurrent: SkeletonPhase;
}

/**
 * Runs the skeleton: `sequential` starts one at a time, then `starts` by distinct students with `concurrency`
 * clients (after a warm-up of each), CPU per start of each process and server for both. Everything it made is gone after.
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
    const warmup = 200;
    const students = Array.from({ length: warmup * 2 + options.sequential + options.starts }, () => randomUUID());
    const course = randomUUID();
    for (const db of [enrollmentDb, quizDb]) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(SCHEMA);
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
    const enrollment = await startRole('enrollment', { db: enrollmentDb.url, jwk });
    children.push(enrollment.child);
    const quiz = await startRole('quiz', { db: quizDb.url, amqp: vhost.url, enrollment: `127.0.0.1:${enrollment.port}`, jwk });
    children.push(quiz.child);
    const gateway = await startRole('gateway', { quiz: `127.0.0.1:${quiz.port}`, redis: infra.redisUrl, redisKey: `lms:bench:skeleton:${process.pid}`, jwk });
    children.push(gateway.child);

    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, options.concurrency) });
    const start = (student: string) =>
      new Promise<{ status: number; ms: number }>((resolve) => {
        const body = Buffer.from(JSON.stringify({ student, course }));
        const t0 = process.hrtime.bigint();
        const req = http.request(
          {
            host: '127.0.0.1',
            port: gateway.port,
            method: 'POST',
            path: '/quizzes/q/attempts',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': body.length, ...(tokens.has(student) ? { authorization: tokens.get(student) } : {}) },
          },
          (res) => {
            res.on('data', () => undefined);
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
          },
        );
        req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
        req.end(body);
      });
    const cpu = cpuSampler({
      processes: { 'skeleton gateway': gateway.child.pid!, 'skeleton quiz': quiz.child.pid!, 'skeleton enrollment': enrollment.child.pid! },
      servers: true,
      databases: [enrollmentDb.name, quizDb.name],
    });
    const run = async (batch: string[], concurrency: number): Promise<SkeletonPhase> => {
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      cpu.delta();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < batch.length) {
            const r = await start(batch[next++]);
            if (r.status === 201) latencies.push(r.ms);
            else errors++;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const used = cpu.delta();
      latencies.sort((a, b) => a - b);
      const at = (q: number) => Math.round(quantile(latencies, q) * 10) / 10;
      return { starts: batch.length, concurrency, errors, p50: at(0.5), p90: at(0.9), p99: at(0.99), perSecond: Math.round((batch.length / seconds) * 10) / 10, cpu: used };
    };
    await run(students.splice(0, warmup), 1);
    const oneAtATime = await run(students.splice(0, options.sequential), 1);
    await run(students.splice(0, warmup), options.concurrency);
    const concurrent = await run(students.splice(0, options.starts), options.concurrency);
    agent.destroy();
    return { tokens: options.tokens, oneAtATime, concurrent };
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM');
    for (const resource of made.reverse()) await resource.drop().catch(() => undefined);
  }
}

/** The skeleton's report: latency, rate and the CPU per start of each process and server. */
export function startSkeletonReport(s: StartSkeleton): string[] {
  const phase = (label: string, p: SkeletonPhase) => {
    const rows = Object.entries(p.cpu.cpuMs).map(([name, ms]) => `${name} ${(ms / p.starts).toFixed(2)}`);
    return [
      `  ${label.padEnd(40)} p50 ${p.p50.toFixed(1)} · p90 ${p.p90.toFixed(1)} · p99 ${p.p99.toFixed(1)} ms · ${p.perSecond}/s · errors ${p.errors}`,
      `    CPU ms per start: ${rows.join(' · ')} · total ${(p.cpu.totalMs / p.starts).toFixed(2)} (box ${p.cpu.boxBusyCores.toFixed(2)} of ${p.cpu.cores} cores busy)`,
    ];
  };
  return [
    `== start skeleton: a start's hops and writes in bare libraries (node:http, Redis, grpc-js ×2, pg, amqplib${s.tokens ? '; the token verified in each process, jose EdDSA' : '; no token'}) ==`,
    ...phase(`${s.oneAtATime.starts} starts one at a time`, s.oneAtATime),
    ...phase(`${s.concurrent.starts} starts, ${s.concurrent.concurrency} clients`, s.concurrent),
  ];
}

/** The skeleton for a JSON line. */
export function startSkeletonJson(s: StartSkeleton) {
  const plain = ({ cpu, ...p }: SkeletonPhase) => ({ ...p, cpuMsPerStart: Object.fromEntries(Object.entries(cpu.cpuMs).map(([k, v]) => [k, Math.round((v / p.starts) * 100) / 100])), totalCpuMsPerStart: Math.round((cpu.totalMs / p.starts) * 100) / 100 });
  return { tokens: s.tokens, oneAtATime: plain(s.oneAtATime), concurrent: plain(s.concurrent) };
}

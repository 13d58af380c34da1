/**
 * Benchmark of quiz attempts through the gateway. Prints figures; not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"
 *   npx tsc -b libs/kit services/auth services/catalog services/enrollment services/quiz gateway   (the processes run from their builds)
 *   npx tsx bench/quiz-attempts.ts                                                                (or: make bench-quiz)
 *
 * A. start + submit of a 50-question attempt (mixed question types), each enrolled student running
 *    POST /quizzes/{id}/attempts → GET …/attempts/start (the paper; BENCH_PAPER=0 skips it) →
 *    POST …/attempts/{attempt_id}/submit with every answer: p50/p99 of start, paper, submit and of the pair
 *    start + submit — one student at a time, then BENCH_A_CONCURRENCY students at a time.
 * B. BENCH_B_STARTS attempt starts by as many distinct enrolled students, BENCH_B_CONCURRENCY at a time:
 *    errors, p50/p99, starts/s.
 *
 * BENCH_BACKEND=processes (default): auth, catalog, enrollment, quiz and the gateway each their own `node` process from
 * its build, as deployed (a build older than its sources is warned about), with scripts/run.sh's NODE_OPTIONS; logs
 * in .run/bench-quiz-<run>/ (kept with BENCH_KEEP_LOGS=1). `worker`: the four services in-process in one worker
 * thread, the gateway on the main thread; `inline`: all on the main thread (BENCH_BREAKDOWN forces it: its counters
 * patch this thread's libraries). Each service on a new database, sharing one new vhost; the students' HTTP clients
 * in a worker thread of this process. After A and B: CPU ms per session / start of every process and of the
 * PostgreSQL, RabbitMQ and Redis servers (lib/cpu.ts). Everything is dropped and stopped at the end (also on Ctrl-C).
 * See bench/README.md for the knobs (BENCH_* environment variables).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import pino from 'pino';
import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import { loadGatewayConfig } from '../gateway/src/config';
import { start as startGateway } from '../gateway/src/main';
import { runAttempts, type AnswerInput, type AttemptRunResult, type Step } from './lib/attempts-client';
import { cpuJson, cpuSampler, cpuTable } from './lib/cpu';
import { hopFloorJson, hopFloorReport, measureHopFloor } from './lib/hop-floor';
import { measureStartSkeleton, startSkeletonJson, startSkeletonReport } from './lib/start-skeleton';
import { percentiles } from './lib/stats';
import { backendOf, startFleetHere, startFleetInWorker, startFleetProcesses, type Fleet } from './lib/fleet';
import { benchGatewayEnv, redisKeysDropper, cleanupStack, envNumber, createDatabase, createVhost, infra, runId, type Resource } from './lib/infra';
import { REPO, deployedNodeEnv, startGatewayProcess, staleBuilds } from './lib/processes';

const num = (name: string, fallback: number) => envNumber(name, fallback, true);
const QUESTIONS = num('BENCH_QUESTIONS', 50);
const WARMUP = num('BENCH_WARMUP', 30);
const A_SEQUENTIAL = num('BENCH_A_SEQUENTIAL', 50);
const A_STUDENTS = num('BENCH_A_STUDENTS', 300);
const A_CONCURRENCY = num('BENCH_A_CONCURRENCY', 16);
const A_GAP_MS = process.env.BENCH_A_GAP_MS ? num('BENCH_A_GAP_MS', 1) : 0;
/** Round trips of each kind in the floor measured in the same run (lib/hop-floor.ts); 0 = none. */
const FLOOR = process.env.BENCH_FLOOR === '0' ? 0 : num('BENCH_FLOOR', 1000);
/**
 * The start skeleton in the same run (lib/start-skeleton.ts: a start's hops and writes in bare libraries, the token
 * verified in each process), B's starts with B's clients after BENCH_SKELETON_SEQUENTIAL one at a time; 0 = none.
 */
const SKELETON = process.env.BENCH_SKELETON !== '0';
const SKELETON_SEQUENTIAL = num('BENCH_SKELETON_SEQUENTIAL', 300);
const B_STARTS = num('BENCH_B_STARTS', 2000);
const B_CONCURRENCY = num('BENCH_B_CONCURRENCY', 64);
const SEED_CONCURRENCY = num('BENCH_SEED_CONCURRENCY', 16);
const PAPER = process.env.BENCH_PAPER !== '0';
/** Students whose start, paper and submit are counted one by one (round trips per request); 0 = none. */
const BREAKDOWN = process.env.BENCH_BREAKDOWN ? num('BENCH_BREAKDOWN', 1) : 0;
/**
 * A file: the CPU profile of B is written there (inspector, this process: with BENCH_BACKEND=inline it covers the
 * services and the gateway; per process in processes mode: BENCH_NODE_FLAGS, see lib/processes.ts).
 */
const PROFILE = process.env.BENCH_PROFILE ?? '';
// The counters patch prototypes on this thread, so a breakdown needs the services here.
const BACKEND = BREAKDOWN > 0 ? 'inline' : backendOf(process.env.BENCH_BACKEND);
const PREFIX = `lms:bench:${runId}:`;
const PASSWORD = 'Bench-Passw0rd!';
/** Rows per BulkEnroll call (enrollment's BULK_ENROLL_MAX_ROWS default). */
const BULK_ROWS = 1000;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

async function json(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function expect<T = any>(res: { status: number; body: any }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

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

// ------------------------------------------------------------------------------------------ the quiz

const TYPES = ['multiple_choice', 'true_false', 'multiple_answer', 'short_answer', 'numeric', 'matching', 'ordering'] as const;

/** Question i of the bench quiz (the types in turn; every one graded automatically). */
function questionBody(i: number): Record<string, unknown> {
  const type = TYPES[i % TYPES.length];
  const base = { question_type: type, question_text: `Question ${i + 1} (${type})`, points: 1 + (i % 3), explanation: `Why answer ${i + 1} is right.` };
  switch (type) {
    case 'multiple_choice':
      return { ...base, options: ['alpha', 'beta', 'gamma', 'delta'].map((t, k) => ({ text: `${t} ${i}`, is_correct: k === i % 4 })) };
    case 'true_false':
      return { ...base, correct_answer: i % 2 === 0 ? 'true' : 'false' };
    case 'multiple_answer':
      return { ...base, options: ['one', 'two', 'three', 'four', 'five'].map((t, k) => ({ text: `${t} ${i}`, is_correct: k % 2 === 0 })) };
    case 'short_answer':
      return { ...base, accepted_answers: ['photosynthesis', 'photo-synthesis'] };
    case 'numeric':
      return {
        ...base,
        numeric: [
          { mode: 'exact', value: 42 },
          { mode: 'tolerance', value: 3.14, tolerance: 0.01 },
          { mode: 'range', min: 10, max: 20 },
        ][i % 3],
      };
    case 'matching':
      return {
        ...base,
        pairs: ['France', 'Japan', 'Kenya', 'Peru'].map((c, k) => ({ prompt: `${c} ${i}`, match: ['Paris', 'Tokyo', 'Nairobi', 'Lima'][k] })),
        distractors: [{ text: 'Oslo' }],
      };
    case 'ordering':
      return { ...base, options: ['first', 'second', 'third', 'fourth', 'fifth'].map((t) => ({ text: `${t} ${i}` })) };
  }
}

interface KeyedQuestion {
  id: string;
  question_type: string;
  options: { id: string; is_correct: boolean }[];
  correct_answer: string;
  accepted_answers: string[];
  numeric: { mode: string; value: number; tolerance: number; min: number; max: number } | null;
  pairs: { id: string; match_id: string }[];
}

/** A right and a wrong answer to a question, built from its key (the instructor's view). */
function answersOf(q: KeyedQuestion): { right: AnswerInput; wrong: AnswerInput } {
  const question_id = q.id;
  switch (q.question_type) {
    case 'multiple_choice':
      return {
        right: { question_id, selected_option_id: q.options.find((o) => o.is_correct)!.id },
        wrong: { question_id, selected_option_id: q.options.find((o) => !o.is_correct)!.id },
      };
    case 'true_false':
      return { right: { question_id, answer_text: q.correct_answer }, wrong: { question_id, answer_text: q.correct_answer === 'true' ? 'false' : 'true' } };
    case 'multiple_answer':
      return {
        right: { question_id, selected_option_ids: q.options.filter((o) => o.is_correct).map((o) => o.id) },
        wrong: { question_id, selected_option_ids: q.options.filter((o) => !o.is_correct).map((o) => o.id) },
      };
    case 'short_answer':
      return { right: { question_id, answer_text: ` ${q.accepted_answers[0].toUpperCase()} ` }, wrong: { question_id, answer_text: 'respiration' } };
    case 'numeric': {
      const n = q.numeric!;
      const value = n.mode === 'range' ? (n.min + n.max) / 2 : n.value;
      return { right: { question_id, answer_number: value }, wrong: { question_id, answer_number: value + 1000 } };
    }
    case 'matching': {
      const matches = q.pairs.map((p) => ({ prompt_id: p.id, match_id: p.match_id }));
      const rotated = matches.map((m, k) => ({ prompt_id: m.prompt_id, match_id: matches[(k + 1) % matches.length].match_id }));
      return { right: { question_id, matches }, wrong: { question_id, matches: rotated } };
    }
    case 'ordering': {
      const order = q.options.map((o) => o.id);
      return { right: { question_id, order }, wrong: { question_id, order: [...order].reverse() } };
    }
    default:
      throw new Error(`no answer for a ${q.question_type} question`);
  }
}

// ------------------------------------------------------------------------------------------ quiet

/**
 * Waits until the vhost's work queues are empty (the delay queues — `.hold.N`, formerly `.delay.N` — and parking lots aside): the seed's own events —
 * a verification mail per registration and an enrolment mail per student, each a catalog call and an SMTP
 * session in auth — would otherwise be consumed on the measured thread during A and B (separate processes in
 * a deployment). The management API's counts lag by its statistics interval, so three empty reads in a row.
 */
async function waitForQuietQueues(vhost: string, limitMs = 600_000): Promise<void> {
  const base = new URL(infra.rabbitMgmtUrl);
  const auth = Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64');
  base.username = '';
  base.password = '';
  const url = new URL(`/api/queues/${encodeURIComponent(vhost)}?columns=name,messages_ready,messages_unacknowledged`, base);
  const until = Date.now() + limitMs;
  let empty = 0;
  let lastLog = 0;
  while (empty < 3) {
    if (Date.now() > until) throw new Error(`the seed's events were still being consumed after ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 2000));
    const res = await fetch(url, { headers: { authorization: `Basic ${auth}` } });
    if (!res.ok) throw new Error(`RabbitMQ management: ${res.status}`);
    const queues = (await res.json()) as { name: string; messages_ready?: number; messages_unacknowledged?: number }[];
    const pending = queues
      .filter((q) => !/\.(hold|delay)\.\d+$|parking-lot/.test(q.name))
      .reduce((sum, q) => sum + (q.messages_ready ?? 0) + (q.messages_unacknowledged ?? 0), 0);
    empty = pending === 0 ? empty + 1 : 0;
    if (pending && Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`waiting for the seed's events to be consumed: ${pending} messages queued`);
    }
  }
}

// ------------------------------------------------------------------------------------------ breakdown

/**
 * Counts what the process does, by patching the client libraries' prototypes on this thread (so the services
 * must run here: BENCH_BREAKDOWN forces BENCH_BACKEND=inline): PostgreSQL statements by database (pg's
 * Client.query), Redis commands and pipelines (ioredis), outgoing gRPC calls by method (grpc-js) and
 * RabbitMQ publishes by exchange/queue and routing key (amqplib). Diagnostics only: never in a test.
 */
function installCounters(): { snapshot(): Map<string, number> } {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  /* eslint-disable @typescript-eslint/no-require-imports -- the libraries' internals, patched for counting */
  const pg = require('pg') as { Client: { prototype: { query: (...a: unknown[]) => unknown; database?: string } } };
  const { Redis, Pipeline } = require('ioredis') as {
    Redis: { prototype: { sendCommand: (...a: unknown[]) => unknown } };
    Pipeline: { prototype: { exec: (...a: unknown[]) => unknown } };
  };
  // Generated clients captured Client.prototype.makeUnaryRequest when loaded; every call still creates it on its channel.
  const grpc = require('@grpc/grpc-js/build/src/channel') as { ChannelImplementation: { prototype: { createCall: (...a: unknown[]) => unknown } } };
  const amqp = require('amqplib/lib/channel_model') as { Channel: { prototype: { publish: (...a: unknown[]) => unknown } } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const wrap = <P extends Record<K, (...a: any[]) => unknown>, K extends keyof P>(proto: P, name: K, key: (self: any, args: any[]) => string) => {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      bump(key(this, args));
      return original.apply(this, args);
    } as P[K];
  };
  const dbName = (db: string | undefined) => (db ?? '?').replace(/^bench_quiz_/, '').replace(/_[0-9a-f]{8}$/, '');
  wrap(pg.Client.prototype, 'query', (self: { database?: string }, args) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '';
    const verb = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? '?';
    return `sql ${dbName(self.database)} ${verb}`;
  });
  wrap(Redis.prototype, 'sendCommand', (_self, args) => `redis ${(args[0] as { name: string }).name}${args[1] ? ' (pipelined)' : ''}`);
  wrap(Pipeline.prototype, 'exec', () => 'redis pipeline exec');
  wrap(grpc.ChannelImplementation.prototype, 'createCall', (_self, args) => `grpc ${String(args[0]).replace(/^\/lms\./, '')}`);
  wrap(amqp.Channel.prototype, 'publish', (_self, args) => `amqp publish ${String(args[0]) || `queue ${String(args[1]).replace(/\.hold\.\d+$/, '.hold.*')}`}${args[0] ? ` ${String(args[1])}` : ''}`);
  return { snapshot: () => new Map(counts) };
}

/** What happened between two snapshots, per request. */
function perRequest(before: Map<string, number>, after: Map<string, number>, requests: number): string[] {
  const rows = [...after].map(([key, n]) => [key, (n - (before.get(key) ?? 0)) / requests] as const).filter(([, n]) => n > 0);
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  const total = (prefix: string) => rows.filter(([k]) => k.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);
  return [
    `    totals: SQL ${total('sql ').toFixed(1)}, Redis commands ${total('redis ') - total('redis pipeline exec')} (pipelines ${total('redis pipeline exec')}), gRPC ${total('grpc ').toFixed(1)}, AMQP publishes ${total('amqp ').toFixed(1)}`,
    ...rows.map(([key, n]) => `    ${n.toFixed(2).padStart(6)}  ${key}`),
  ];
}

/**
 * One request at a time, `count` students: every start, then every paper, then every submit, each phase
 * followed by a pause so the outbox relay and the consumers it feeds finish (their work is counted with it).
 */
async function countBreakdown(
  counters: { snapshot(): Map<string, number> },
  api: string,
  quizId: string,
  tokens: string[],
  answers: AnswerInput[],
): Promise<string[]> {
  const settle = () => new Promise((r) => setTimeout(r, 1500));
  await settle();
  const out: string[] = [];
  const ids: string[] = [];
  const phase = async (label: string, one: (token: string, i: number) => Promise<void>) => {
    const before = counters.snapshot();
    for (let i = 0; i < tokens.length; i++) await one(tokens[i], i);
    await settle();
    out.push(`  ${label} (mean of ${tokens.length}, including the async work it caused):`, ...perRequest(before, counters.snapshot(), tokens.length));
  };
  await phase('start   POST /quizzes/{id}/attempts', async (token) => {
    ids.push(expect(await json('POST', `${api}/quizzes/${quizId}/attempts`, undefined, token), 201, 'start (breakdown)').id);
  });
  await phase('paper   GET  …/attempts/start', async (token) => {
    expect(await json('GET', `${api}/quizzes/${quizId}/attempts/start`, undefined, token), 200, 'paper (breakdown)');
  });
  await phase('submit  POST …/attempts/{id}/submit', async (token, i) => {
    expect(await json('POST', `${api}/quizzes/${quizId}/attempts/${ids[i]}/submit`, { answers }, token), 200, 'submit (breakdown)');
  });
  return out;
}

/** Self time of a CPU profile by package (node_modules/<pkg>, the repository's folders, node internals). */
function profileShares(profile: { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples: number[] }): string[] {
  const where = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const shares = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = where.get(id)!;
    const url = frame.url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const own = /\/(services\/[^/]+|gateway|libs\/[^/]+|bench)\//.exec(url)?.[1];
    const key = pkg ?? own ?? (url.startsWith('node:') ? `node:${url.slice(5).split('/')[0]}` : url || frame.functionName || '(native)');
    shares.set(key, (shares.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  return [...shares].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([key, n]) => `    ${((n / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

/** Starts the inspector's CPU profiler on this thread; `stop` writes the profile to `file` and returns its shares. */
async function startProfile(file: string): Promise<() => Promise<string[]>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await writeFile(file, JSON.stringify(profile));
    return profileShares(profile as unknown as Parameters<typeof profileShares>[0]);
  };
}

// ------------------------------------------------------------------------------------------ report

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    ...percentiles(s, 1),
    max: round(s.length ? s[s.length - 1] : NaN),
    mean: round(s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN),
  };
}
type Stats = ReturnType<typeof stats>;

const HEADER = `${''.padEnd(40)}${'n'.padStart(6)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'errors'.padStart(8)}`;
const line = (label: string, s: Stats, errors: number | string = '') =>
  `${label.padEnd(40)}${String(s.n).padStart(6)}${[s.p50, s.p90, s.p99, s.max].map((x) => x.toFixed(1).padStart(9)).join('')}${String(errors).padStart(8)}`;

function summarise(run: AttemptRunResult) {
  const step = (s: Step) => (run.steps[s] ? { ...stats(run.steps[s]!.latencies), errors: run.steps[s]!.errors, statuses: run.steps[s]!.statuses } : undefined);
  return {
    sessions: run.sessions,
    seconds: Math.round(run.seconds * 100) / 100,
    perSecond: Math.round((run.session.length / run.seconds) * 10) / 10,
    start: step('start'),
    paper: step('paper'),
    submit: step('submit'),
    pair: stats(run.pair),
    session: stats(run.session),
    resumed: run.resumed,
    clientErrors: run.clientErrors,
    graded: run.graded,
    errorSamples: run.errorSamples,
  };
}
type Summary = ReturnType<typeof summarise>;

function sectionA(title: string, s: Summary): string[] {
  const out = [title];
  out.push(line('  start   POST /quizzes/{id}/attempts', s.start!, s.start!.errors));
  if (s.paper) out.push(line('  paper   GET  …/attempts/start', s.paper, s.paper.errors));
  out.push(line('  submit  POST …/attempts/{id}/submit', s.submit!, s.submit!.errors));
  out.push(line('  start + submit (sum per student)', s.pair));
  out.push(line(`  session (${s.paper ? 'start → paper → submit' : 'start → submit'}, wall)`, s.session));
  out.push(
    `  ${s.session.n} sessions in ${s.seconds} s = ${s.perSecond} sessions/s; graded ${s.graded.count}, passed ${s.graded.passed}, ` +
      `mean ${s.graded.meanPercentage.toFixed(1)}%` + (s.resumed ? `; ${s.resumed} resumed` : ''),
  );
  return out;
}

const pct = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? 'n/a' : `${(v * 100).toFixed(0)}%`);

/** Event-loop utilisation of the gateway's and the services' threads: in this process only (not in processes mode). */
const busyLine = (busy: { main: number; fleet?: number }) =>
  BACKEND === 'processes' ? [] : [`  event loops busy: gateway thread ${pct(busy.main)}, services thread ${pct(busy.fleet)}`];

// ------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const cleanup = cleanupStack(log);
  try {
    const students = 1 + WARMUP + BREAKDOWN + A_SEQUENTIAL + A_STUDENTS + B_STARTS; // 1: the check below
    log(`run ${runId}: databases bench_quiz_{auth,catalog,enr,quiz}_${runId}, vhost bench_quiz_${runId}; ${students} students`);
    // Each one's drop is pushed as soon as it exists: if another fails, the ones made are still dropped.
    const made = (r: Resource) => (cleanup.push(() => r.drop()), r);
    const dbs: Resource[] = await Promise.all(['quiz_auth', 'quiz_catalog', 'quiz_enr', 'quiz_quiz'].map((what) => createDatabase(what).then(made)));
    const vhost = made(await createVhost('quiz'));
    // Everything this run wrote under its own prefix (rate limits, idempotency keys, the catalog cache).
    cleanup.push(await redisKeysDropper(PREFIX));

    // A breakdown counts only what requests cause: the relays are nudged by each commit, their idle polls would add noise.
    const pollMs = BREAKDOWN > 0 ? '60000' : '100';
    const common = { NODE_ENV: 'development', LOG_LEVEL: 'warn', GRPC_PORT: '0', AMQP_URL: vhost.url, REDIS_URL: infra.redisUrl, OUTBOX_POLL_MS: pollMs };
    const counters = BREAKDOWN > 0 ? installCounters() : undefined;
    const env = {
      auth: { ...common, DATABASE_URL: dbs[0].url, BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true', ACCESS_TOKEN_TTL_SECONDS: '7200' },
      catalog: { ...common, DATABASE_URL: dbs[1].url, REDIS_KEY_PREFIX: `${PREFIX}catalog:` },
      enrollment: { ...common, DATABASE_URL: dbs[2].url, BULK_ENROLL_MAX_ROWS: String(BULK_ROWS) },
      quiz: { ...common, DATABASE_URL: dbs[3].url },
    };
    const started = Date.now();
    const logDir = path.join(REPO, '.run', `bench-quiz-${runId}`);
    if (BACKEND === 'processes') {
      fs.mkdirSync(logDir, { recursive: true });
      cleanup.push(async () => (process.env.BENCH_KEEP_LOGS === '1' ? log(`logs kept in ${logDir}`) : fs.rmSync(logDir, { recursive: true, force: true })));
    }
    // Processes run from the builds: one older than its sources (or a failed build) would measure other code.
    const stale = BACKEND === 'processes' ? staleBuilds(['libs/kit', 'services/auth', 'services/catalog', 'services/enrollment', 'services/quiz', 'gateway']) : [];
    if (stale.length) log(`WARNING: not built from the current sources: ${stale.join(', ')} — npx tsc -b ${stale.join(' ')}`);
    const fleet: Fleet =
      BACKEND === 'processes' ? await startFleetProcesses(env, logDir) : BACKEND === 'worker' ? await startFleetInWorker(env) : await startFleetHere(env);
    cleanup.push(() => fleet.stop());
    const gatewayEnv = {
      ...benchGatewayEnv(`${PREFIX}gw:`),
      PORT: '0',
      AUTH_GRPC_ADDR: fleet.addresses.auth,
      CATALOG_GRPC_ADDR: fleet.addresses.catalog,
      ENROLLMENT_GRPC_ADDR: fleet.addresses.enrollment,
      QUIZ_GRPC_ADDR: fleet.addresses.quiz,
    };
    let base: string;
    let gatewayPid: number | undefined;
    if (BACKEND === 'processes') {
      const gateway = await startGatewayProcess({ ...gatewayEnv, ...deployedNodeEnv() }, logDir);
      cleanup.push(() => gateway.stop());
      base = gateway.address;
      gatewayPid = gateway.pid;
    } else {
      const gateway = await startGateway(loadGatewayConfig(gatewayEnv), pino({ level: 'warn', base: { service: 'gateway' } }));
      cleanup.push(() => gateway.stop());
      base = `http://127.0.0.1:${gateway.port}`;
    }
    const api = `${base}/api/v1`;
    log(`fleet up in ${Date.now() - started} ms (backend: ${BACKEND}); gateway ${base}`);
    // Where the CPU of each measured phase goes: in processes mode per process; otherwise this process holds the
    // gateway and the services (threads of one process: /proc cannot split them), next to the servers either way.
    const cpu = cpuSampler({
      processes: gatewayPid ? { gateway: gatewayPid, ...fleet.pids } : {},
      self: BACKEND === 'processes' ? 'bench client' : 'bench (client + gateway + services)',
      servers: true,
      databases: dbs.map((d) => d.name),
    });

    // ---------------------------------------------------------------- seed: users (auth's gRPC API)
    const client = <D,>(file: string, name: string, address: string) =>
      createClient(loadService(file, name), address, { deadlineMs: 60_000 }) as unknown as PromiseClient<D>;
    const authClient = client<AuthServiceDefinition>('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService', fleet.addresses.auth);
    const catalogClient = client<CatalogServiceDefinition>('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService', fleet.addresses.catalog);
    const enrollmentClient = client<EnrollmentServiceDefinition>(
      'lms/enrollment/v1/enrollment.proto',
      'lms.enrollment.v1.EnrollmentService',
      fleet.addresses.enrollment,
    );
    cleanup.push(async () => [authClient, catalogClient, enrollmentClient].forEach((c) => c.close()));
    const signUp = async (label: string, role: 'student' | 'instructor') => {
      const email = `${label}-${runId}@bench.example.com`;
      await authClient.Register({ email, password: PASSWORD, full_name: `Bench ${label}`, role });
      const t = await authClient.Login({ email, password: PASSWORD });
      return { id: t.user!.id, token: t.access_token };
    };
    const instructor = await signUp('teacher', 'instructor');
    const asInstructor = { authorization: `Bearer ${instructor.token}` };
    const seedStarted = Date.now();
    const people: { id: string; token: string }[] = new Array(students);
    await pool(students, SEED_CONCURRENCY, async (i) => {
      people[i] = await signUp(`student${i}`, 'student');
      if ((i + 1) % 500 === 0) log(`registered ${i + 1}/${students} students`);
    });
    log(`registered ${students} students in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    // ---------------------------------------------------------------- seed: a course with a quiz lesson (catalog's gRPC API)
    const course = await catalogClient.CreateCourse({ title: `Quiz bench ${runId}`, description: 'A course with one quiz lesson' }, asInstructor);
    const intro = await catalogClient.CreateLesson({ course_id: course.id, title: 'Read this first', lesson_type: 'text', content: '# Intro' }, asInstructor);
    const quizLesson = await catalogClient.CreateLesson(
      { course_id: course.id, title: 'Final check', lesson_type: 'quiz', content: 'The quiz', fields: ['lesson_type', 'content'] },
      asInstructor,
    );
    if (quizLesson.lesson_type !== 'quiz') throw new Error(`the quiz lesson came back as ${quizLesson.lesson_type}`);
    for (const l of [intro, quizLesson]) await catalogClient.PublishLesson({ lesson_id: l.id }, asInstructor);
    await catalogClient.PublishCourse({ course_id: course.id }, asInstructor);

    // ---------------------------------------------------------------- seed: the quiz (the gateway's quiz routes)
    const quizStarted = Date.now();
    const quiz = expect(
      await json(
        'POST',
        `${api}/courses/${course.id}/quizzes`,
        {
          lesson_id: quizLesson.id,
          title: `Bench quiz: ${QUESTIONS} questions`,
          description: 'Mixed question types',
          passing_score: 60,
          time_limit_minutes: 60,
          max_attempts: 3,
          shuffle_questions: true,
          shuffle_options: true,
          show_correct_answers: 'after_submit',
        },
        instructor.token,
      ),
      201,
      'create quiz',
    );
    for (let i = 0; i < QUESTIONS; i++) {
      expect(await json('POST', `${api}/courses/${course.id}/quizzes/${quiz.id}/questions`, questionBody(i), instructor.token), 201, `question ${i + 1}`);
    }
    const published = expect(await json('POST', `${api}/courses/${course.id}/quizzes/${quiz.id}/publish`, undefined, instructor.token), 200, 'publish quiz');
    if (published.total_questions !== QUESTIONS) throw new Error(`published quiz has ${published.total_questions} questions`);
    const keyed = expect<{ questions: KeyedQuestion[] }>(
      await json('GET', `${api}/courses/${course.id}/quizzes/${quiz.id}/questions`, undefined, instructor.token),
      200,
      'list questions',
    ).questions;
    const answers = keyed.map(answersOf);
    const correct = answers.map((a) => a.right);
    const wrong = answers.map((a) => a.wrong);
    log(`quiz ${quiz.id}: ${QUESTIONS} questions (${TYPES.join(', ')}) through the gateway in ${((Date.now() - quizStarted) / 1000).toFixed(1)} s`);

    // ---------------------------------------------------------------- seed: enrolments (enrollment's BulkEnroll, as the owner)
    const enrolStarted = Date.now();
    for (let offset = 0; offset < students; offset += BULK_ROWS) {
      const ids = people.slice(offset, offset + BULK_ROWS).map((p) => p.id);
      const job = await enrollmentClient.BulkEnroll({ course_id: course.id, user_ids: ids, emails: [] }, asInstructor);
      if (job.enrolled + job.already_enrolled !== ids.length) throw new Error(`bulk enrol: ${JSON.stringify({ ...job, results: job.results.slice(0, 3) })}`);
    }
    log(`enrolled ${students} students (BulkEnroll, ${BULK_ROWS} per call) in ${((Date.now() - enrolStarted) / 1000).toFixed(1)} s`);

    // ---------------------------------------------------------------- check: one full session, all right
    const [checker] = people.splice(0, 1);
    const first = expect(await json('POST', `${api}/quizzes/${quiz.id}/attempts`, undefined, checker.token), 201, 'start (check)');
    const paper = expect(await json('GET', `${api}/quizzes/${quiz.id}/attempts/start`, undefined, checker.token), 200, 'paper (check)');
    if (paper.questions.length !== QUESTIONS) throw new Error(`paper has ${paper.questions.length} questions`);
    if (JSON.stringify(paper).includes('is_correct')) throw new Error('the paper carries an answer key');
    const result = expect(await json('POST', `${api}/quizzes/${quiz.id}/attempts/${first.id}/submit`, { answers: correct }, checker.token), 200, 'submit (check)');
    if (result.percentage !== 100 || !result.passed) {
      const missed = result.questions.filter((q: { correctness: string }) => q.correctness !== 'correct').slice(0, 3);
      throw new Error(`all-correct answers scored ${result.percentage}%: ${JSON.stringify(missed)}`);
    }
    log(`check: one session graded 100% (deadline ${first.deadline_at})`);
    const quietStarted = Date.now();
    await waitForQuietQueues(vhost.name);
    log(`the seed's events consumed (mails, enrolment facts) after ${((Date.now() - quietStarted) / 1000).toFixed(1)} s`);
    // The one-at-a-time goal's floor in the same run, while the fleet is quiet: bare round trips and their chains.
    if (FLOOR) log(`hop floor: ${FLOOR} round trips of each kind between bare processes`);
    const floor = FLOOR ? await measureHopFloor(FLOOR) : undefined;
    if (SKELETON) log(`start skeleton: ${SKELETON_SEQUENTIAL} starts one at a time, then ${B_STARTS} with ${B_CONCURRENCY} clients, in bare libraries`);
    const skeleton = SKELETON ? await measureStartSkeleton({ sequential: SKELETON_SEQUENTIAL, starts: B_STARTS, concurrency: B_CONCURRENCY, tokens: true }) : undefined;

    // ---------------------------------------------------------------- A and B
    const take = (n: number) => people.splice(0, n).map((p) => p.token);
    const sessionSteps: Step[] = PAPER ? ['start', 'paper', 'submit'] : ['start', 'submit'];
    const sessions = { base, quizId: quiz.id, correct, wrong, steps: sessionSteps, wrongEvery: 4 };
    log(`warm-up: ${WARMUP} sessions, 4 at a time`);
    await runAttempts({ ...sessions, tokens: take(WARMUP), concurrency: 4 });
    const breakdown: string[] = [];
    if (counters) {
      log(`breakdown: ${BREAKDOWN} students, one request at a time`);
      breakdown.push('', `== round trips per request (BENCH_BREAKDOWN: ${BREAKDOWN} students, one request at a time, after the warm-up) ==`);
      breakdown.push(...(await countBreakdown(counters, api, quiz.id, take(BREAKDOWN), correct)));
    }
    log(`A: ${A_SEQUENTIAL} sessions one at a time`);
    cpu.delta();
    const aSeq = summarise(await runAttempts({ ...sessions, tokens: take(A_SEQUENTIAL), concurrency: 1, gapMs: A_GAP_MS }));
    const aSeqCpu = cpu.delta();
    log(`A: ${A_STUDENTS} sessions, ${A_CONCURRENCY} at a time`);
    const aConcFleet = fleet.eventLoopUtilization?.();
    const aConcMain = performance.eventLoopUtilization();
    const aConc = summarise(await runAttempts({ ...sessions, tokens: take(A_STUDENTS), concurrency: A_CONCURRENCY }));
    const aConcCpu = cpu.delta();
    const aBusy = { main: performance.eventLoopUtilization(aConcMain).utilization, fleet: aConcFleet && fleet.eventLoopUtilization?.(aConcFleet).utilization };

    log(`B: ${B_STARTS} starts by distinct students, ${B_CONCURRENCY} at a time`);
    const bFleet: EventLoopUtilization | undefined = fleet.eventLoopUtilization?.();
    const bMain = performance.eventLoopUtilization();
    const stopProfile = PROFILE ? await startProfile(PROFILE) : undefined;
    cpu.delta();
    const b = summarise(await runAttempts({ base, quizId: quiz.id, tokens: take(B_STARTS), concurrency: B_CONCURRENCY, steps: ['start'] }));
    const bCpu = cpu.delta();
    const profiled = { inline: 'every service and the gateway', worker: "the gateway's thread only", processes: "the bench's main thread only" }[BACKEND];
    const profileLines = stopProfile ? [`  CPU profile of B, ${profiled} (self time by package; ${PROFILE}):`, ...(await stopProfile())] : [];
    const bBusy = { main: performance.eventLoopUtilization(bMain).utilization, fleet: bFleet && fleet.eventLoopUtilization?.(bFleet).utilization };
    const inProgress = expect(
      await json('GET', `${api}/quizzes/${quiz.id}/attempts?status=in_progress&page_size=1`, undefined, instructor.token),
      200,
      'list attempts',
    ).total as number;

    // ---------------------------------------------------------------- report
    const out = [
      '',
      `Quiz attempts through the gateway — a ${QUESTIONS}-question quiz (${TYPES.join(', ')}), shuffled, 60 min limit`,
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${
        {
          processes: 'auth, catalog, enrollment, quiz and the gateway each their own process',
          worker: 'auth + catalog + enrollment + quiz in one worker thread, the gateway on the main thread',
          inline: 'auth + catalog + enrollment + quiz and the gateway on the main thread',
        }[BACKEND]
      }; clients in their own worker thread`,
      ...(BACKEND === 'processes'
        ? ["  (processes mode: no event-loop or round-trip figures of the services — BENCH_BREAKDOWN runs them inline; the CPU tables take their place)"]
        : []),
      ...(stale.length ? [`  WARNING: not built from the current sources: ${stale.join(', ')} (these figures are of other code)`] : []),
      '',
      `== A. start${PAPER ? ' → paper' : ''} → submit with ${QUESTIONS} answers (one attempt per enrolled student; 1 in 4 answers wrong) ==`,
      HEADER,
      ...sectionA(`one student at a time (${A_SEQUENTIAL} students)`, aSeq),
      ...sectionA(`${A_CONCURRENCY} students at a time (${A_STUDENTS} students)`, aConc),
      ...(floor ? ['', ...hopFloorReport(floor).map((l) => `  ${l}`), ''] : []),
      ...busyLine(aBusy),
      ...cpuTable(aSeqCpu, aSeq.sessions, 'session', 'one at a time'),
      ...cpuTable(aConcCpu, aConc.sessions, 'session', `${A_CONCURRENCY} at a time`),
      '',
      `== B. ${B_STARTS} attempt starts by distinct enrolled students, ${B_CONCURRENCY} concurrent clients ==`,
      HEADER,
      line('  start   POST /quizzes/{id}/attempts', b.start!, b.start!.errors),
      `  ${b.start!.n} started in ${b.seconds} s = ${b.perSecond} starts/s; statuses ${JSON.stringify(b.start!.statuses)}; ` +
        `errors ${b.start!.errors + b.clientErrors}; in-progress attempts now ${inProgress}`,
      ...busyLine(bBusy),
      ...cpuTable(bCpu, b.sessions, 'start'),
      ...(skeleton ? ['', ...startSkeletonReport(skeleton).map((l) => `  ${l}`)] : []),
      ...profileLines,
      ...breakdown,
    ];
    const samples = [...aSeq.errorSamples, ...aConc.errorSamples, ...b.errorSamples];
    if (samples.length) out.push('', 'first errors:', ...samples.slice(0, 8).map((s) => `  ${s}`));
    out.push('');
    process.stdout.write(out.join('\n'));
    process.stdout.write(
      `${JSON.stringify({
        bench: 'quiz-attempts',
        questions: QUESTIONS,
        backend: BACKEND,
        floor: floor && hopFloorJson(floor),
        skeleton: skeleton && startSkeletonJson(skeleton),
        a: {
          sequential: { ...aSeq, errorSamples: undefined, cpu: cpuJson(aSeqCpu) },
          concurrent: { concurrency: A_CONCURRENCY, ...aConc, errorSamples: undefined, cpu: cpuJson(aConcCpu) },
        },
        b: {
          concurrency: B_CONCURRENCY,
          sessions: b.sessions,
          seconds: b.seconds,
          perSecond: b.perSecond,
          start: b.start,
          clientErrors: b.clientErrors,
          resumed: b.resumed,
          inProgress,
          cpu: cpuJson(bCpu),
        },
      })}\n`,
    );
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);

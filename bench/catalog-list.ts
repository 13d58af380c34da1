/**
 * Benchmark: authenticated `GET /api/v1/courses?page_size=20` through the gateway with 1,000 published
 * courses, next to a bare Node http server answering a body of the same shape and size, measured the
 * same way in the same run. Prints requests/s, latency percentiles, errors and the ratio. Not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b libs/kit; npx tsx bench/catalog-list.ts
 *
 * See bench/README.md for what runs where and the knobs (BENCH_* environment variables).
 */
import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import os from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createCatalogClient, type CatalogClient } from '@lms/kit/clients';
import { loadGatewayConfig } from '../gateway/src/config';
import { start as startGateway } from '../gateway/src/main';
import { cpuSampler, cpuTable, parseStatTicks, type CpuDelta } from './lib/cpu';
import { startFleetHere, startFleetInWorker, type Fleet } from './lib/fleet';
import { benchGatewayEnv, redisKeysDropper, cleanupStack, envNumber, createDatabase, createVhost, infra, runId, type Resource } from './lib/infra';
import { startListFloor } from './lib/list-floor';
import { runLoad, type LoadResult } from './lib/load';
import { readProc } from './lib/proc';
import { freePort } from './lib/processes';
import { KINDS, describe, perRequest, snapshot, startCounting, type Counts } from './lib/roundtrips';

const num = envNumber;
const COURSES = num('BENCH_COURSES', 1000);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const DURATION_MS = num('BENCH_DURATION_S', 10) * 1000;
const WARMUP_MS = num('BENCH_WARMUP_S', 3) * 1000;
const SEED_CONCURRENCY = num('BENCH_SEED_CONCURRENCY', 16);
const INSTRUCTORS = 10;
const BACKEND = process.env.BENCH_BACKEND === 'inline' ? 'inline' : 'worker';
/**
 * BENCH_GATEWAYS=<n>: the gateway as n processes (node's cluster: one port, the primary hands each connection to
 * the next process in turn), and the bare server the same way; unset: the gateway on this process's main thread
 * and the bare server too (the issue's single-process comparison).
 */
const GATEWAYS = process.env.BENCH_GATEWAYS ? envNumber('BENCH_GATEWAYS', 1, true) : 0;
/**
 * BENCH_TRACES_ENDPOINT=<OTLP/HTTP url> (with BENCH_GATEWAYS): the gateway processes start with the kit's tracing preload
 * and export every request's spans there (e.g. `node libs/kit/dist/telemetry/local/serve.js` on 127.0.0.1:4318): the
 * cost of tracing on against the same run without it. The bare servers are never traced.
 */
const TRACES_ENDPOINT = process.env.BENCH_TRACES_ENDPOINT;
if (TRACES_ENDPOINT && !GATEWAYS) throw new Error('BENCH_TRACES_ENDPOINT traces gateway processes: set BENCH_GATEWAYS too');
/**
 * BENCH_LIST_FLOOR=0: no list floor phase (bench/lib/list-floor.ts: Express, the token check and the rate limit in front
 * of the same page). Measured in the single-process comparison only.
 */
const LIST_FLOOR = process.env.BENCH_LIST_FLOOR !== '0' && !GATEWAYS;
/** What a browser sends; the gateway prefers br when both are accepted. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** BENCH_ROUNDTRIPS=0: no round-trip counters (their hooks cost the measured threads about 2 % of their CPU). */
const COUNT_ROUNDTRIPS = process.env.BENCH_ROUNDTRIPS !== '0';
const PREFIX = `lms:bench:${runId}:`;
/** This run's PostgreSQL databases: the CPU samplers count their backends (and leave out other clients'). */
const RUN_DATABASES = [`bench_auth_${runId}`, `bench_catalog_${runId}`];
const PASSWORD = 'Bench-Passw0rd!';

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

/** Registers (role as given; instructor signup is enabled for the run) and logs in; returns the access token. */
async function user(base: string, label: string, role: 'student' | 'instructor'): Promise<string> {
  const email = `${label}-${runId}@bench.example.com`;
  const reg = await json('POST', `${base}/api/v1/auth/register`, { email, password: PASSWORD, full_name: `Bench ${label}`, role });
  if (reg.status !== 201) throw new Error(`register ${label}: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await json('POST', `${base}/api/v1/auth/login`, { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login ${label}: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.access_token as string;
}

const TOPICS = ['TypeScript', 'PostgreSQL', 'Kubernetes', 'Calligraphy', 'Statistics', 'Guitar', 'Photography', 'Rust', 'Pottery', 'Linear Algebra'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const CATEGORIES = ['programming', 'data', 'devops', 'arts', 'music', 'math', 'languages', 'design'];

/**
 * Seeds through the catalog's own gRPC API (the same validation, slugs, outbox events and publish rules
 * as production), `SEED_CONCURRENCY` courses at a time: CreateCourse → CreateLesson → PublishLesson →
 * PublishCourse, as the course's instructor.
 */
async function seed(catalog: CatalogClient, instructorTokens: string[]): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= COURSES) return;
      const authorization = `Bearer ${instructorTokens[i % instructorTokens.length]}`;
      const topic = TOPICS[i % TOPICS.length];
      const course = await catalog.CreateCourse(
        {
          title: `${topic} from scratch, part ${i + 1}`,
          description: `A practical course on ${topic.toLowerCase()} with exercises and a final project (${i + 1}).`,
          category: CATEGORIES[i % CATEGORIES.length],
          difficulty_level: LEVELS[i % LEVELS.length],
          price_cents: i % 4 === 0 ? 0 : 1900 + (i % 50) * 100,
          currency: 'USD',
          tags: [topic.toLowerCase(), CATEGORIES[i % CATEGORIES.length], `batch-${i % 20}`],
          requirements: ['Curiosity'],
          learning_objectives: [`Use ${topic} with confidence`],
        },
        { authorization },
      );
      const lesson = await catalog.CreateLesson(
        {
          course_id: course.id,
          title: 'Welcome',
          lesson_type: 'text',
          content: `# Welcome to ${topic}\n\nWhat this course covers.`,
          duration_minutes: 10 + (i % 30),
          fields: ['lesson_type', 'content', 'duration_minutes'],
        },
        { authorization },
      );
      await catalog.PublishLesson({ lesson_id: lesson.id }, { authorization });
      await catalog.PublishCourse({ course_id: course.id }, { authorization });
      done++;
      if (done % 250 === 0) log(`seeded ${done}/${COURSES}`);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

function bareServer(body: unknown, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    const text = JSON.stringify(body); // serialised per request, like the gateway does
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/courses?page_size=20`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}

/**
 * BENCH_PROFILE=<file.cpuprofile>: a V8 CPU profile of the main thread (the gateway; with
 * BENCH_BACKEND=inline the services too) during the gateway's load phase only, and one of the list floor's phase
 * next to it (`<file>` with `.list-floor` before its extension). Open them in Chrome DevTools.
 */
async function startProfile(phase?: string): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE?.replace(/(\.cpuprofile)?$/, (ext) => (phase ? `.${phase}${ext}` : ext));
  if (!file) return async () => undefined;
  if (GATEWAYS) {
    log('BENCH_PROFILE profiles the in-process gateway: not with BENCH_GATEWAYS (BENCH_GATEWAYS unset for a profile)');
    return async () => undefined;
  }
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`CPU profile written to ${file}`);
  };
}

// ---- BENCH_GATEWAYS: the servers as n processes of node's cluster (this same script is each worker's entry) ----

type ToWorker = { type: 'gateway'; env: Record<string, string> } | { type: 'bare'; body: unknown; port: number } | { type: 'meter' } | { type: 'stop' };
type FromWorker = { type: 'hello' } | { type: 'ready' } | { type: 'meter'; elu: EventLoopUtilization; counts?: Counts } | { type: 'stopped' } | { type: 'failed'; error: string };

/** A cluster worker: starts what the primary asks for (a gateway or a bare server), answers its meters, stops when told. */
function serveAsClusterWorker(): void {
  const send = (msg: FromWorker) => process.send!(msg);
  let stop: () => Promise<void> = async () => undefined;
  process.on('message', (msg: ToWorker) => {
    if (msg.type === 'gateway') {
      // Before the gateway starts: its Redis scripts are labelled as they are defined.
      if (COUNT_ROUNDTRIPS) startCounting();
      startGateway(loadGatewayConfig(msg.env), pino({ level: 'warn', base: { service: 'gateway' } })).then(
        (gateway) => {
          stop = gateway.stop;
          send({ type: 'ready' });
        },
        (err: Error) => send({ type: 'failed', error: err.stack ?? err.message }),
      );
    } else if (msg.type === 'bare') {
      bareServer(msg.body, msg.port).then((server) => {
        stop = server.close;
        send({ type: 'ready' });
      });
    } else if (msg.type === 'meter') {
      send({ type: 'meter', elu: performance.eventLoopUtilization(), counts: COUNT_ROUNDTRIPS ? snapshot() : undefined });
    } else if (msg.type === 'stop') {
      void stop().finally(() => {
        send({ type: 'stopped' });
        process.disconnect();
      });
    }
  });
  // A message sent before this process listens would be lost: the primary waits for this one first.
  send({ type: 'hello' });
}

/** The next message of `type` from a worker (each worker has at most one question pending at a time). */
function answer<T extends FromWorker['type']>(worker: ClusterWorker, type: T): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: FromWorker) => {
      if (msg.type === 'failed') reject(new Error(`cluster worker ${worker.process.pid}: ${msg.error}`));
      else if (msg.type === type) resolve(msg as Extract<FromWorker, { type: T }>);
      else return;
      worker.off('message', onMessage);
    };
    worker.on('message', onMessage);
  });
}

interface ServerGroup {
  url: string;
  pids: number[];
  /** Each process's event-loop utilisation so far and round-trip counters. */
  meter(): Promise<{ elu: EventLoopUtilization; counts?: Counts }[]>;
  stop(): Promise<void>;
}

/** n cluster workers serving `start` on one port (a free one, picked here). */
async function startGroup(n: number, start: (port: number) => ToWorker, path: string, traced = false): Promise<ServerGroup> {
  const port = await freePort();
  // The preload must run before the gateway's modules load: a --require of the worker, not a call in it.
  const execArgv = traced ? [...process.execArgv, '--require', '@lms/kit/telemetry/register'] : process.execArgv;
  cluster.setupPrimary({ exec: __filename, execArgv });
  const traceEnv = traced && TRACES_ENDPOINT ? { OTEL_EXPORTER_OTLP_ENDPOINT: TRACES_ENDPOINT, OTEL_SERVICE_NAME: 'gateway' } : undefined;
  const workers = Array.from({ length: n }, () => cluster.fork(traceEnv));
  const hellos = workers.map((worker) => answer(worker, 'hello'));
  const stop = async () => {
    await Promise.all(
      workers.map(async (worker) => {
        if (worker.isDead()) return;
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.send({ type: 'stop' } satisfies ToWorker);
        const force = setTimeout(() => worker.process.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(force);
      }),
    );
  };
  try {
    await Promise.all(
      workers.map(async (worker, i) => {
        await hellos[i];
        const ready = answer(worker, 'ready');
        worker.send(start(port));
        await ready;
      }),
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}${path}`,
    pids: workers.map((w) => w.process.pid!),
    meter: () =>
      Promise.all(
        workers.map(async (worker) => {
          const reply = answer(worker, 'meter');
          worker.send({ type: 'meter' } satisfies ToWorker);
          const { elu, counts } = await reply;
          return { elu, counts };
        }),
      ),
    stop,
  };
}

function sumCounts(all: Counts[]): Counts {
  const sum = Object.fromEntries(KINDS.map((kind) => [kind, {} as Record<string, number>])) as Counts;
  for (const counts of all) for (const kind of KINDS) for (const [label, n] of Object.entries(counts[kind])) sum[kind][label] = (sum[kind][label] ?? 0) + n;
  return sum;
}

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

/** This process's main thread's CPU ticks (the in-process gateway's thread), for its share of the process's CPU. */
function mainThreadMs(): number {
  const stat = readProc(process.pid, `task/${process.pid}/stat`);
  return stat ? parseStatTicks(stat).own * 10 : NaN;
}

interface PhaseFigures {
  /** Event-loop utilisation: the server's thread, or each server process. */
  busy: number[];
  backend?: number;
  trips: { main: Counts; backend?: Counts };
  cpu: CpuDelta;
  /** In-process servers: the main thread's CPU ms (the rest of this process is the load generator and the services). */
  mainThreadMs?: number;
}

/**
 * Everything measured over a phase, from begin() (called when the load generator starts measuring) to end(): how
 * busy the server (thread or processes) and the services' thread were, their round trips, and the CPU of every
 * process (servers, this process, PostgreSQL/RabbitMQ/Redis). Round trips and services only for the gateway phases.
 */
function phaseMeter(servers: ServerGroup | undefined, backend: Fleet | undefined, cpu: ReturnType<typeof cpuSampler>) {
  const take = async () => ({
    main: { elu: performance.eventLoopUtilization(), counts: COUNT_ROUNDTRIPS ? snapshot() : undefined },
    servers: servers ? await servers.meter() : undefined,
    /** When the server processes' counters had been read (an IPC round trip, more on a busy box). */
    at: performance.now(),
    backendElu: backend?.eventLoopUtilization?.(),
    backendCounts: backend ? await backend.roundTrips?.() : undefined,
  });
  let before: ReturnType<typeof take> | undefined;
  let mainMs = 0;
  let begun = 0;
  return {
    begin() {
      begun = performance.now();
      cpu.delta();
      mainMs = mainThreadMs();
      before = take();
    },
    /** `seconds`: the measured phase's length (its requests are spread over it). */
    async end(requests: number, seconds: number): Promise<PhaseFigures> {
      const cpuDelta = cpu.delta();
      const mainDelta = mainThreadMs() - mainMs;
      const after = await take();
      const start = (await before) ?? after;
      const elu = (a: EventLoopUtilization, b: EventLoopUtilization) => performance.eventLoopUtilization(a, b).utilization;
      const none = Object.fromEntries(KINDS.map((kind) => [kind, {}])) as Counts;
      const gatewayCounts = (t: Awaited<ReturnType<typeof take>>) => (t.servers ? sumCounts(t.servers.map((s) => s.counts ?? none)) : (t.main.counts ?? none));
      // The processes' first reading came in after the phase had begun (their last one after it ended, when nothing
      // more is sent): per request = what they counted ÷ the requests of the phase after that first reading.
      const counted = servers ? requests * Math.max(0, 1 - (start.at - begun) / 1000 / seconds) : requests;
      return {
        busy: start.servers && after.servers ? after.servers.map((s, i) => elu(s.elu, start.servers![i].elu)) : [elu(after.main.elu, start.main.elu)],
        backend: start.backendElu && after.backendElu ? elu(after.backendElu, start.backendElu) : undefined,
        trips: {
          main: perRequest(gatewayCounts(start), gatewayCounts(after), counted),
          backend: start.backendCounts && after.backendCounts ? perRequest(start.backendCounts, after.backendCounts, requests) : undefined,
        },
        cpu: cpuDelta,
        mainThreadMs: servers ? undefined : mainDelta,
      };
    },
  };
}

function roundTripLines(title: string, per: { main: Counts; backend?: Counts }): string[] {
  if (!COUNT_ROUNDTRIPS) return [`round trips per request, ${title}: not counted (BENCH_ROUNDTRIPS=0)`];
  return [
    `round trips per request, ${title}:`,
    GATEWAYS ? `  gateway processes (${GATEWAYS}, summed)` : BACKEND === 'worker' ? '  gateway thread' : '  gateway + auth + catalog thread (inline)',
    ...describe(per.main, '    '),
    ...(per.backend ? ['  auth + catalog thread', ...describe(per.backend, '    ')] : []),
  ];
}

function cpuLines(title: string, f: PhaseFigures, requests: number): string[] {
  return [
    ...cpuTable(f.cpu, requests, 'request', title),
    ...(f.mainThreadMs === undefined
      ? []
      : [`    of which the bench process's main thread (the server): ${f.mainThreadMs.toFixed(0)} ms, ${(f.mainThreadMs / requests).toFixed(3)} ms/request`]),
  ];
}

function row(name: string, r: LoadResult): string {
  const f = (n: number, d = 1) => n.toFixed(d).padStart(9);
  return `${name.padEnd(26)}${f(r.rps, 0)}${f(r.p50)}${f(r.p90)}${f(r.p99)}${f(r.max)}${String(r.errors).padStart(8)}${String(r.requests).padStart(10)}${String(Math.round(r.bytesPerResponse)).padStart(8)}`;
}

async function main(): Promise<void> {
  const cleanup = cleanupStack(log);
  try {
    // Before the gateway (and inline services) start: gRPC handlers and Redis scripts are labelled as registered.
    if (COUNT_ROUNDTRIPS) startCounting();
    log(`run ${runId}: databases bench_auth_${runId}, bench_catalog_${runId}; vhost bench_vhost_${runId}`);
    const dbs: Resource[] = [await createDatabase('auth'), await createDatabase('catalog')];
    cleanup.push(() => Promise.all(dbs.map((d) => d.drop())));
    const vhost = await createVhost('vhost');
    cleanup.push(() => vhost.drop());
    // Everything this run wrote under its own prefix (rate limits, idempotency keys, the catalog cache).
    cleanup.push(await redisKeysDropper(PREFIX));

    const common = { NODE_ENV: 'development', LOG_LEVEL: 'warn', GRPC_PORT: '0', AMQP_URL: vhost.url, REDIS_URL: infra.redisUrl };
    const env = {
      auth: { ...common, DATABASE_URL: dbs[0].url, BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true', ACCESS_TOKEN_TTL_SECONDS: '3600' },
      catalog: { ...common, DATABASE_URL: dbs[1].url, REDIS_KEY_PREFIX: `${PREFIX}catalog:` },
    };
    const started = Date.now();
    const backend: Fleet = BACKEND === 'worker' ? await startFleetInWorker(env, { countRoundTrips: COUNT_ROUNDTRIPS }) : await startFleetHere(env);
    cleanup.push(() => backend.stop());
    const gatewayEnv: Record<string, string> = {
      ...benchGatewayEnv(`${PREFIX}gw:`),
      AUTH_GRPC_ADDR: backend.addresses.auth,
      CATALOG_GRPC_ADDR: backend.addresses.catalog,
      // BENCH_EDGE_CACHE=0: every request goes to catalog (its Redis cache of encoded replies), the path of a miss.
      ...(process.env.BENCH_EDGE_CACHE === '0' ? { EDGE_CACHE_MAX_BYTES: '0' } : {}),
      // BENCH_METRICS=0: no Prometheus endpoint and no counting (the cost of metrics, against a run with them).
      ...(process.env.BENCH_METRICS === '0' ? { METRICS_ENABLED: 'false' } : {}),
    };
    const listPath = '/api/v1/courses?page_size=20';
    // The gateways share the rate limits and the edge cache's validators through Redis, as replicas do.
    const gateways = GATEWAYS
      ? await startGroup(GATEWAYS, (port) => ({ type: 'gateway', env: { ...gatewayEnv, PORT: String(port), HOST: '127.0.0.1' } }), listPath, Boolean(TRACES_ENDPOINT))
      : undefined;
    let base: string;
    if (gateways) {
      cleanup.push(() => gateways.stop());
      base = new URL(gateways.url).origin;
    } else {
      const gateway = await startGateway(loadGatewayConfig({ ...gatewayEnv, PORT: '0' }), pino({ level: 'warn', base: { service: 'gateway' } }));
      cleanup.push(() => gateway.stop());
      base = `http://127.0.0.1:${gateway.port}`;
    }
    log(`fleet up in ${Date.now() - started} ms (backend: ${BACKEND}); gateway ${base}${GATEWAYS ? ` (${GATEWAYS} processes: ${gateways!.pids.join(', ')})` : ''}`);

    const instructors = await Promise.all(Array.from({ length: INSTRUCTORS }, (_, i) => user(base, `instructor${i}`, 'instructor')));
    const student = await user(base, 'student', 'student');

    const catalog = createCatalogClient(backend.addresses.catalog, 10_000);
    cleanup.push(async () => catalog.close());
    const seedStarted = Date.now();
    await seed(catalog, instructors);
    const seedMs = Date.now() - seedStarted;
    log(`seeded ${COURSES} published courses through gRPC in ${(seedMs / 1000).toFixed(1)} s`);

    const url = `${base}${listPath}`;
    const check = await json('GET', url, undefined, student);
    if (check.status !== 200 || check.body.total < COURSES || check.body.courses.length !== 20) {
      throw new Error(`unexpected list answer: ${check.status} total=${check.body?.total} courses=${check.body?.courses?.length}`);
    }

    // CPU of every process over each measured phase: the gateway processes (BENCH_GATEWAYS) or this process (gateway
    // thread + load generator + services' thread), and the servers; PostgreSQL only for this run's databases.
    const cpu = cpuSampler({
      processes: Object.fromEntries((gateways?.pids ?? []).map((pid, i) => [`gateway ${i + 1}`, pid])),
      self: GATEWAYS ? 'bench (load + auth + catalog)' : 'bench (gateway + load + auth + catalog)',
      servers: true,
      databases: RUN_DATABASES,
    });
    const headers = { authorization: `Bearer ${student}`, accept: 'application/json' };
    log(`gateway: ${CONNECTIONS} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s measured`);
    const stopProfile = await startProfile();
    const gwMeter = phaseMeter(gateways, backend, cpu);
    const gw = await runLoad({ url, headers, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS }, { measuring: () => gwMeter.begin() });
    const gwFigures = await gwMeter.end(gw.requests, gw.seconds);
    await stopProfile();

    // The same load as a client that kept the page: it sends back the ETag of its first answer (expects 304s).
    const first = await fetch(url, { headers });
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    log(`gateway with If-None-Match: ${etag ?? 'the first answer carried no ETag; sending a made-up one'}`);
    const conditional = { ...headers, 'if-none-match': etag ?? '"no-etag-in-the-first-answer"' };
    const inmMeter = phaseMeter(gateways, backend, cpu);
    const inm = await runLoad(
      { url, headers: conditional, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS, okStatuses: [200, 304] },
      { measuring: () => inmMeter.begin() },
    );
    const inmFigures = await inmMeter.end(inm.requests, inm.seconds);

    // The same load as a browser or CDN sends it: the page compressed (bytes per answer are the compressed ones).
    const encoded = { ...headers, 'accept-encoding': ACCEPT_ENCODING };
    log(`gateway with Accept-Encoding: ${ACCEPT_ENCODING}`);
    const encMeter = phaseMeter(gateways, backend, cpu);
    const enc = await runLoad({ url, headers: encoded, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS }, { measuring: () => encMeter.begin() });
    const encFigures = await encMeter.end(enc.requests, enc.seconds);
    // The gateways are stopped before the bare servers take the CPU.
    await gateways?.stop();

    // The list floor: the same page behind the work a hit cannot skip, on the gateway's libraries (bench/lib/list-floor.ts);
    // then Express alone answering it (the framework's share of that floor).
    const floors: { name: string; result: LoadResult; figures: PhaseFigures }[] = [];
    for (const [name, expressOnly] of LIST_FLOOR ? ([['list floor', false], ['Express alone', true]] as const) : []) {
      const listFloor = await startListFloor(check.body, { redisUrl: infra.redisUrl, keyPrefix: `${PREFIX}floor:`, limitPerMinute: Number(gatewayEnv.RATE_LIMIT_GENERAL_PER_MIN), expressOnly });
      cleanup.push(() => listFloor.close());
      log(`${name} (bench/lib/list-floor.ts): same load`);
      const stopFloorProfile = expressOnly ? async () => undefined : await startProfile('list-floor');
      const floorMeter = phaseMeter(undefined, undefined, cpuSampler({ processes: {}, self: `bench (${name} + load)`, servers: true, databases: RUN_DATABASES }));
      const result = await runLoad(
        { url: listFloor.url, headers: { ...headers, authorization: listFloor.authorization }, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS },
        { measuring: () => floorMeter.begin() },
      );
      floors.push({ name, result, figures: await floorMeter.end(result.requests, result.seconds) });
      await stopFloorProfile();
      await listFloor.close();
    }
    const [floor] = floors;

    const bareGroup = GATEWAYS ? await startGroup(GATEWAYS, (port) => ({ type: 'bare', body: check.body, port }), listPath) : undefined;
    const bareHere = bareGroup ? undefined : await bareServer(check.body);
    const bare: { url: string; stop(): Promise<void> } = bareGroup ?? { url: bareHere!.url, stop: () => bareHere!.close() };
    cleanup.push(() => bare.stop());
    log(`bare node http${GATEWAYS ? ` (${GATEWAYS} processes)` : ''}: same load`);
    const bareCpu = cpuSampler({
      processes: Object.fromEntries((bareGroup?.pids ?? []).map((pid, i) => [`bare ${i + 1}`, pid])),
      self: GATEWAYS ? 'bench (load generator)' : 'bench (bare server + load)',
      servers: true,
      databases: RUN_DATABASES,
    });
    const bareMeter = phaseMeter(bareGroup, undefined, bareCpu);
    const plain = await runLoad({ url: bare.url, headers, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS }, { measuring: () => bareMeter.begin() });
    const bareFigures = await bareMeter.end(plain.requests, plain.seconds);

    const where = GATEWAYS ? `${GATEWAYS} gateway processes (node cluster, one port) and as many bare ones` : 'gateway and bare server on the main thread';
    const busyText = (busy: number[]) => (busy.length === 1 ? pct(busy[0]) : busy.map(pct).join(' / '));
    const lines = [
      '',
      `Authenticated GET /api/v1/courses?page_size=20 — ${COURSES} published courses, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s`,
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${where}; backend (auth + catalog) in ${BACKEND === 'worker' ? 'a worker thread' : "the gateway's thread"}; load generator in its own worker thread`,
      `${''.padEnd(26)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'errors'.padStart(8)}${'requests'.padStart(10)}${'bytes'.padStart(8)}`,
      row('gateway (edge cache)', gw),
      row('gateway, If-None-Match', inm),
      row('gateway, compressed', enc),
      ...floors.map((f) => row(f.name, f.result)),
      row('bare node http', plain),
      `ratio gateway/bare: ${(gw.rps / plain.rps).toFixed(3)} of the requests/s (bare is ${(plain.rps / gw.rps).toFixed(1)}× faster); p99 ${(gw.p99 / plain.p99).toFixed(1)}× higher`,
      `ratio gateway with If-None-Match/bare: ${(inm.rps / plain.rps).toFixed(3)} of the requests/s; compressed (Accept-Encoding: ${ACCEPT_ENCODING}, encoding ${JSON.stringify(enc.encodings)}): ${(enc.rps / plain.rps).toFixed(3)}`,
      ...(floor ? [`list floor/bare: ${(floor.result.rps / plain.rps).toFixed(3)} of the requests/s; gateway/list floor: ${(gw.rps / floor.result.rps).toFixed(3)}`] : []),
      ...(floors[1] ? [`Express alone/bare: ${(floors[1].result.rps / plain.rps).toFixed(3)} of the requests/s`] : []),
      `statuses: gateway ${JSON.stringify(gw.statuses)}, If-None-Match ${JSON.stringify(inm.statuses)} (ETag ${etag ?? 'none'}), bare ${JSON.stringify(plain.statuses)}`,
      `event loops busy during the measured phase: gateway ${GATEWAYS ? 'processes' : 'thread'} ${busyText(gwFigures.busy)}` +
        (gwFigures.backend === undefined ? '' : `, auth + catalog thread ${pct(gwFigures.backend)}`) +
        `; with If-None-Match ${busyText(inmFigures.busy)}` +
        (inmFigures.backend === undefined ? '' : ` and ${pct(inmFigures.backend)}`) +
        `; bare server ${GATEWAYS ? 'processes' : 'thread'} ${busyText(bareFigures.busy)}`,
      ...roundTripLines('gateway (edge cache)', gwFigures.trips),
      ...roundTripLines('If-None-Match', inmFigures.trips),
      ...cpuLines('gateway (edge cache)', gwFigures, gw.requests),
      ...cpuLines('If-None-Match', inmFigures, inm.requests),
      ...cpuLines('compressed', encFigures, enc.requests),
      ...floors.flatMap((f) => cpuLines(f.name, f.figures, f.result.requests)),
      ...cpuLines('bare node http', bareFigures, plain.requests),
      '',
    ];
    process.stdout.write(lines.join('\n'));
    const cpuPerRequest = (f: PhaseFigures, requests: number) => Object.fromEntries(Object.entries(f.cpu.cpuMs).map(([name, ms]) => [name, ms / requests]));
    process.stdout.write(
      `${JSON.stringify({ bench: 'catalog-list', courses: COURSES, connections: CONNECTIONS, seconds: DURATION_MS / 1000, seed_seconds: seedMs / 1000, backend: BACKEND, gateways: GATEWAYS || 'in-process', gateway: gw, if_none_match: inm, compressed: enc, list_floor: floor?.result ?? null, express_alone: floors[1]?.result ?? null, bare: plain, ratio: gw.rps / plain.rps, round_trips_per_request: { gateway: gwFigures.trips, if_none_match: inmFigures.trips }, cpu_ms_per_request: { gateway: cpuPerRequest(gwFigures, gw.requests), if_none_match: cpuPerRequest(inmFigures, inm.requests), compressed: cpuPerRequest(encFigures, enc.requests), list_floor: floor ? cpuPerRequest(floor.figures, floor.result.requests) : null, express_alone: floors[1] ? cpuPerRequest(floors[1].figures, floors[1].result.requests) : null, bare: cpuPerRequest(bareFigures, plain.requests) } })}\n`,
    );
  } finally {
    await cleanup.run();
  }
}

if (cluster.isWorker) serveAsClusterWorker();
else
  main().then(
    () => process.exit(0),
    (err: Error) => {
      log(`failed: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );

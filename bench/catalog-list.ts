/**
 * Benchmark: authenticated `GET /api/v1/courses?page_size=20` through the gateway with 1,000 published
 * courses, next to a bare Node http server answering a body of the same shape and size, measured the
 * same way in the same run. Prints requests/s, latency percentiles, errors and the ratio. Not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b libs/kit; npx tsx bench/catalog-list.ts
 *
 * See bench/README.md for what runs where and the knobs (BENCH_* environment variables).
 */
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
import { startFleetHere, startFleetInWorker, type Fleet } from './lib/fleet';
import { redisKeysDropper, cleanupStack, envNumber, createDatabase, createVhost, infra, runId, type Resource } from './lib/infra';
import { runLoad, type LoadResult } from './lib/load';
import { describe, perRequest, snapshot, startCounting, type Counts } from './lib/roundtrips';

const num = envNumber;
const COURSES = num('BENCH_COURSES', 1000);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const DURATION_MS = num('BENCH_DURATION_S', 10) * 1000;
const WARMUP_MS = num('BENCH_WARMUP_S', 3) * 1000;
const SEED_CONCURRENCY = num('BENCH_SEED_CONCURRENCY', 16);
const INSTRUCTORS = 10;
const BACKEND = process.env.BENCH_BACKEND === 'inline' ? 'inline' : 'worker';
/** BENCH_ROUNDTRIPS=0: no round-trip counters (their hooks cost the measured threads about 2 % of their CPU). */
const COUNT_ROUNDTRIPS = process.env.BENCH_ROUNDTRIPS !== '0';
const PREFIX = `lms:bench:${runId}:`;
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

function bareServer(body: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    const text = JSON.stringify(body); // serialised per request, like the gateway does
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
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
 * BENCH_BACKEND=inline the services too) during the gateway's load phase only. Open it in Chrome DevTools.
 */
async function startProfile(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return async () => undefined;
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

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

/** Event-loop utilisation of the main thread (and the services' worker) from begin() (the measured phase's start). */
function busyMeter(backend: Fleet | undefined) {
  let main: EventLoopUtilization | undefined;
  let worker: EventLoopUtilization | undefined;
  return {
    begin() {
      main = performance.eventLoopUtilization();
      worker = backend?.eventLoopUtilization?.();
    },
    end: (): { main: number; backend?: number } => ({
      main: main ? performance.eventLoopUtilization(main).utilization : NaN,
      backend: worker && backend?.eventLoopUtilization ? backend.eventLoopUtilization(worker).utilization : undefined,
    }),
  };
}

/**
 * Round trips per request from begin() (the measured phase's start): this thread's counters (the gateway; with
 * BENCH_BACKEND=inline the services too) and the services' worker's. The requests in flight when the phase
 * starts (at most one per connection) are the only ones that may be counted in part.
 */
function roundTripMeter(backend: Fleet) {
  const take = async () => ({ main: snapshot(), backend: await backend.roundTrips?.() });
  let before: ReturnType<typeof take> | undefined;
  return {
    begin() {
      before = take();
    },
    async end(requests: number): Promise<{ main: Counts; backend?: Counts }> {
      const after = await take();
      const start = (await before) ?? after;
      return {
        main: perRequest(start.main, after.main, requests),
        backend: start.backend && after.backend ? perRequest(start.backend, after.backend, requests) : undefined,
      };
    },
  };
}

function roundTripLines(title: string, per: { main: Counts; backend?: Counts }): string[] {
  if (!COUNT_ROUNDTRIPS) return [`round trips per request, ${title}: not counted (BENCH_ROUNDTRIPS=0)`];
  return [
    `round trips per request, ${title}:`,
    BACKEND === 'worker' ? '  gateway thread' : '  gateway + auth + catalog thread (inline)',
    ...describe(per.main, '    '),
    ...(per.backend ? ['  auth + catalog thread', ...describe(per.backend, '    ')] : []),
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
    const gateway = await startGateway(
      loadGatewayConfig({
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn', // no per-request access log line on stdout during the run
        PORT: '0',
        AUTH_GRPC_ADDR: backend.addresses.auth,
        CATALOG_GRPC_ADDR: backend.addresses.catalog,
        REDIS_URL: infra.redisUrl,
        REDIS_KEY_PREFIX: `${PREFIX}gw:`,
        RATE_LIMIT_GENERAL_PER_MIN: '100000000',
        RATE_LIMIT_LOGIN_PER_MIN: '100000',
        RATE_LIMIT_REGISTER_PER_MIN: '100000',
        GRPC_DEADLINE_MS: '10000',
        // BENCH_EDGE_CACHE=0: every request goes to catalog (its Redis cache of encoded replies), the path of a miss.
        ...(process.env.BENCH_EDGE_CACHE === '0' ? { EDGE_CACHE_MAX_BYTES: '0' } : {}),
      }),
      pino({ level: 'warn', base: { service: 'gateway' } }),
    );
    cleanup.push(() => gateway.stop());
    const base = `http://127.0.0.1:${gateway.port}`;
    log(`fleet up in ${Date.now() - started} ms (backend: ${BACKEND}); gateway ${base}`);

    const instructors = await Promise.all(Array.from({ length: INSTRUCTORS }, (_, i) => user(base, `instructor${i}`, 'instructor')));
    const student = await user(base, 'student', 'student');

    const catalog = createCatalogClient(backend.addresses.catalog, 10_000);
    cleanup.push(async () => catalog.close());
    const seedStarted = Date.now();
    await seed(catalog, instructors);
    const seedMs = Date.now() - seedStarted;
    log(`seeded ${COURSES} published courses through gRPC in ${(seedMs / 1000).toFixed(1)} s`);

    const url = `${base}/api/v1/courses?page_size=20`;
    const check = await json('GET', url, undefined, student);
    if (check.status !== 200 || check.body.total < COURSES || check.body.courses.length !== 20) {
      throw new Error(`unexpected list answer: ${check.status} total=${check.body?.total} courses=${check.body?.courses?.length}`);
    }

    const headers = { authorization: `Bearer ${student}`, accept: 'application/json' };
    log(`gateway: ${CONNECTIONS} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s measured`);
    const stopProfile = await startProfile();
    const busy = busyMeter(backend);
    const trips = roundTripMeter(backend);
    const measuring = () => {
      busy.begin();
      trips.begin();
    };
    const gw = await runLoad({ url, headers, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS }, { measuring });
    const gwBusy = busy.end();
    const gwTrips = await trips.end(gw.requests);
    await stopProfile();

    // The same load as a client that kept the page: it sends back the ETag of its first answer (expects 304s).
    const first = await fetch(url, { headers });
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    log(`gateway with If-None-Match: ${etag ?? 'the first answer carried no ETag; sending a made-up one'}`);
    const conditional = { ...headers, 'if-none-match': etag ?? '"no-etag-in-the-first-answer"' };
    const inm = await runLoad(
      { url, headers: conditional, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS, okStatuses: [200, 304] },
      { measuring },
    );
    const inmBusy = busy.end();
    const inmTrips = await trips.end(inm.requests);

    const bare = await bareServer(check.body);
    cleanup.push(() => bare.close());
    log(`bare node http: same load`);
    const bareMeter = busyMeter(undefined);
    const plain = await runLoad({ url: bare.url, headers, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS }, { measuring: () => bareMeter.begin() });
    const bareBusy = bareMeter.end();

    const lines = [
      '',
      `Authenticated GET /api/v1/courses?page_size=20 — ${COURSES} published courses, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s`,
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; backend (auth + catalog) in ${BACKEND === 'worker' ? 'a worker thread' : "the gateway's thread"}; load generator in its own worker thread`,
      `${''.padEnd(26)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'errors'.padStart(8)}${'requests'.padStart(10)}${'bytes'.padStart(8)}`,
      row('gateway → catalog (gRPC)', gw),
      row('gateway, If-None-Match', inm),
      row('bare node http', plain),
      `ratio gateway/bare: ${(gw.rps / plain.rps).toFixed(3)} of the requests/s (bare is ${(plain.rps / gw.rps).toFixed(1)}× faster); p99 ${(gw.p99 / plain.p99).toFixed(1)}× higher`,
      `ratio gateway with If-None-Match/bare: ${(inm.rps / plain.rps).toFixed(3)} of the requests/s`,
      `statuses: gateway ${JSON.stringify(gw.statuses)}, If-None-Match ${JSON.stringify(inm.statuses)} (ETag ${etag ?? 'none'}), bare ${JSON.stringify(plain.statuses)}`,
      `event loops busy during the measured phase: gateway thread ${pct(gwBusy.main)}` +
        (gwBusy.backend === undefined ? '' : `, auth + catalog thread ${pct(gwBusy.backend)}`) +
        `; with If-None-Match ${pct(inmBusy.main)}` +
        (inmBusy.backend === undefined ? '' : ` and ${pct(inmBusy.backend)}`) +
        `; bare server thread ${pct(bareBusy.main)}`,
      ...roundTripLines('gateway → catalog', gwTrips),
      ...roundTripLines('If-None-Match', inmTrips),
      '',
    ];
    process.stdout.write(lines.join('\n'));
    process.stdout.write(
      `${JSON.stringify({ bench: 'catalog-list', courses: COURSES, connections: CONNECTIONS, seconds: DURATION_MS / 1000, seed_seconds: seedMs / 1000, backend: BACKEND, gateway: gw, if_none_match: inm, bare: plain, ratio: gw.rps / plain.rps, round_trips_per_request: { gateway: gwTrips, if_none_match: inmTrips } })}\n`,
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

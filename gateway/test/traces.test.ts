import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkHealth } from '@lms/kit/grpc';
import { startOtlpReceiver, type OtlpReceiver, type SpanRecord } from '@lms/kit/telemetry/local/receiver';
import { createTestDatabase, createTestVhost, eventually, testEnv, type TestResource } from '@lms/kit/testing';
import { login, registerAndLogin, startAuth, strongPassword, uniqueEmail, type LoggedIn, type TestAuth } from './support/auth';
import { GENEROUS_LIMITS, uniquePrefix } from './support/gateway';
import { Api } from './support/http';
import { startReadyProcess } from './support/child-process';
import { freePort } from '@lms/testing-fleet';

/**
 * Issue 17, traces: the REAL gateway, catalog and enrollment as child processes started from their builds (the
 * instrumentations patch modules through Node's require, which Jest's module system bypasses), exporting OTLP/HTTP
 * JSON to the kit's local receiver. One enrolment must be ONE trace: the gateway's HTTP span → its gRPC client span →
 * enrollment's gRPC server span → its SQL → the outbox publish → catalog's handling of the event → its SQL. Then the
 * same journey with telemetry off: nothing exported and no OpenTelemetry module loaded in any process.
 * Needs the builds: `npx tsc -b libs/kit services/catalog services/enrollment gateway`.
 */
const REPO = path.resolve(__dirname, '../..');

/** Written by every child at exit (--require): the OpenTelemetry modules it had loaded. */
const PROBE_SOURCE = `process.on('exit', () => require('node:fs').writeFileSync(process.env.TRACE_TEST_PROBE_FILE,
  JSON.stringify(Object.keys(require.cache).filter((id) => id.includes('@opentelemetry')))));`;

interface Child {
  name: string;
  stop(): Promise<void>;
  /** The OpenTelemetry modules the process had loaded (read after stop()). */
  otelModules(): string[];
  /** Its last 20 KB of output (the JSON log lines). */
  output(): string;
}

async function startChild(opts: { name: string; entry: string; env: Record<string, string>; nodeArgs?: string[]; ready: () => Promise<boolean>; dir: string }): Promise<Child> {
  const entry = path.join(REPO, opts.entry);
  if (!fs.existsSync(entry)) throw new Error(`${opts.entry} is not built: npx tsc -b libs/kit services/catalog services/enrollment gateway`);
  const probeFile = path.join(opts.dir, `${opts.name}-${randomUUID()}.json`);
  const started = await startReadyProcess({
    name: opts.name,
    args: ['--require', path.join(opts.dir, 'probe.js'), ...(opts.nodeArgs ?? []), entry],
    cwd: REPO,
    env: { TRACE_TEST_PROBE_FILE: probeFile, ...opts.env },
    ready: opts.ready,
  });
  return {
    name: opts.name,
    stop: started.stop,
    otelModules: () => JSON.parse(fs.readFileSync(probeFile, 'utf8')) as string[],
    output: started.output,
  };
}

const dbSystem = (s: SpanRecord) => s.attributes['db.system'] ?? s.attributes['db.system.name'];

describe('One trace per user action across the gateway, services, the outbox and the broker', () => {
  let receiver: OtlpReceiver;
  let auth: TestAuth;
  let vhost: TestResource;
  let catalogDb: TestResource;
  let enrollmentDb: TestResource;
  let dir: string;
  let running: Child[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-traces-'));
    fs.writeFileSync(path.join(dir, 'probe.js'), PROBE_SOURCE);
    [receiver, auth, vhost, catalogDb, enrollmentDb] = await Promise.all([
      startOtlpReceiver(),
      startAuth('traces', { ALLOW_INSTRUCTOR_SIGNUP: 'true' }),
      createTestVhost('gw_traces'),
      createTestDatabase('gw_traces_catalog'),
      createTestDatabase('gw_traces_enrollment'),
    ]);
  });

  afterAll(async () => {
    await Promise.all(running.map((c) => c.stop()));
    await receiver?.close();
    await auth?.stop();
    await Promise.all([vhost?.drop(), catalogDb?.drop(), enrollmentDb?.drop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** catalog, enrollment and the gateway as processes; traced = exporting to the receiver (the gateway via --require). */
  async function startProcesses(traced: boolean): Promise<Api> {
    const [catalogPort, enrollmentPort, gatewayPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const otel: Record<string, string> = traced ? { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' } : {};
    // GRPC_DEADLINE_MS: a loaded CI box must not turn a slow hop into a 503 (the journey is under test, not speed)
    const common = { NODE_ENV: 'test', LOG_LEVEL: 'warn', AMQP_URL: vhost.url, REDIS_URL: testEnv.redisUrl, AUTH_GRPC_ADDR: auth.address, OUTBOX_POLL_MS: '100', METRICS_ENABLED: 'false', GRPC_DEADLINE_MS: '20000', ...otel };
    const catalogAddr = `127.0.0.1:${catalogPort}`;
    const enrollmentAddr = `127.0.0.1:${enrollmentPort}`;
    const base = `http://127.0.0.1:${gatewayPort}`;
    const started = await Promise.allSettled([
      startChild({
        name: 'catalog',
        entry: 'services/catalog/dist/src/main.js',
        env: { ...common, GRPC_PORT: String(catalogPort), DATABASE_URL: catalogDb.url, ENROLLMENT_GRPC_ADDR: enrollmentAddr, REDIS_KEY_PREFIX: uniquePrefix('traces-catalog') },
        ready: async () => (await checkHealth(catalogAddr, 500)) === 'SERVING',
        dir,
      }),
      startChild({
        name: 'enrollment',
        entry: 'services/enrollment/dist/src/main.js',
        env: { ...common, GRPC_PORT: String(enrollmentPort), DATABASE_URL: enrollmentDb.url, CATALOG_GRPC_ADDR: catalogAddr },
        ready: async () => (await checkHealth(enrollmentAddr, 500)) === 'SERVING',
        dir,
      }),
      startChild({
        name: 'gateway',
        entry: 'gateway/dist/src/main.js',
        // the documented preload flag (the entry imports it too: one SDK)
        nodeArgs: traced ? ['--require', '@lms/kit/telemetry/register'] : [],
        env: {
          ...common,
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info', // its access log line: the ids in the logs are the trace's
          PORT: String(gatewayPort),
          CATALOG_GRPC_ADDR: catalogAddr,
          ENROLLMENT_GRPC_ADDR: enrollmentAddr,
          REDIS_KEY_PREFIX: uniquePrefix('traces-gw'),
          ...GENEROUS_LIMITS,
        },
        ready: async () => (await fetch(`${base}/readyz`)).ok,
        dir,
      }),
    ]);
    running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await stopProcesses(); // the ones that did start, so none outlives the suite
      throw failed.reason;
    }
    return new Api(base);
  }

  async function stopProcesses(): Promise<Child[]> {
    const stopped = running;
    running = [];
    await Promise.all(stopped.map((c) => c.stop()));
    return stopped;
  }

  let courseId: string;

  test('With an OTLP endpoint, an enrolment is one trace from the HTTP request through gRPC, SQL, the outbox and the broker into catalog', async () => {
    const api = await startProcesses(true);
    const email = uniqueEmail('teacher');
    const password = strongPassword();
    expect((await api.post('/api/v1/auth/register', { email, password, full_name: 'Tess Teacher', role: 'instructor' })).status).toBe(201);
    const instructor: LoggedIn = await login(api, email, password);
    const course = await api.post('/api/v1/courses', { title: 'Traced course' }, { token: instructor.access });
    expect(course.status).toBe(201);
    courseId = course.body.id as string;
    const lesson = await api.post(`/api/v1/courses/${courseId}/lessons`, { title: 'Lesson one' }, { token: instructor.access });
    expect((await api.post(`/api/v1/lessons/${lesson.body.id}/publish`, undefined, { token: instructor.access })).status).toBe(200);
    expect((await api.post(`/api/v1/courses/${courseId}/publish`, undefined, { token: instructor.access })).status).toBe(200);
    const student = await registerAndLogin(api, 'traced');

    const requestId = `trace-test-${randomUUID()}`;
    const enrolled = await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access, headers: { 'X-Request-Id': requestId } });
    expect(enrolled.status).toBe(201);

    const CONSUMER = 'catalog.enrollment-stats process enrollment.created';
    const trace = await eventually(
      () => {
        const root = receiver.spans().find((s) => s.service === 'gateway' && s.kind === 'SERVER' && s.attributes['lms.request_id'] === requestId);
        if (!root) throw new Error('no gateway span with the request id yet');
        const spans = receiver.spans().filter((s) => s.traceId === root.traceId);
        const consumer = spans.find((s) => s.service === 'catalog' && s.name === CONSUMER);
        if (!consumer || !spans.some((s) => s.service === 'catalog' && dbSystem(s) === 'postgresql' && s.parentSpanId === consumer.spanId)) {
          throw new Error("catalog's handling is not exported yet");
        }
        return { root, spans };
      },
      30_000,
      200,
    );
    const { root, spans } = trace;
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const isAncestor = (ancestor: SpanRecord, span: SpanRecord): boolean => {
      for (let at = span.parentSpanId ? byId.get(span.parentSpanId) : undefined; at; at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined) {
        if (at.spanId === ancestor.spanId) return true;
      }
      return false;
    };
    const one = (what: string, predicate: (s: SpanRecord) => boolean): SpanRecord => {
      const found = spans.find(predicate);
      if (!found) throw new Error(`${what} missing from the trace: ${spans.map((s) => `${s.service}:${s.kind}:${s.name}`).join(', ')}`);
      return found;
    };

    // the gateway: the HTTP server span is the trace's root, with the request id and the user id
    expect(root.parentSpanId).toBeUndefined();
    expect(root.attributes['enduser.id']).toBe(student.userId);
    const gatewayLog = running.find((c) => c.name === 'gateway')!.output();
    const accessLine = gatewayLog.split('\n').find((line) => line.includes(requestId) && line.includes('"msg":"request"'));
    expect(JSON.parse(accessLine ?? '{}')).toMatchObject({ request_id: requestId, trace_id: root.traceId, span_id: root.spanId });
    const client = one('the gateway gRPC client span', (s) => s.service === 'gateway' && s.kind === 'CLIENT' && /EnrollmentService\/Enroll$/.test(s.name));
    expect(isAncestor(root, client)).toBe(true);
    // enrollment: the gRPC server span is the client span's child; its SQL nests under it
    const server = one('the enrollment gRPC server span', (s) => s.service === 'enrollment' && s.kind === 'SERVER' && /EnrollmentService\/Enroll$/.test(s.name));
    expect(server.parentSpanId).toBe(client.spanId);
    const writes = spans.filter((s) => s.service === 'enrollment' && dbSystem(s) === 'postgresql' && isAncestor(server, s));
    expect(writes.length).toBeGreaterThan(0);
    // the outbox: the relay's PRODUCER span is a child of the transaction that wrote the row, linked to the relay pass
    const publish = one('the outbox publish span', (s) => s.service === 'enrollment' && s.kind === 'PRODUCER' && s.name === 'enrollment.created publish');
    expect(isAncestor(server, publish)).toBe(true);
    expect(publish.attributes['lms.request_id']).toBe(requestId);
    expect(publish.links).toHaveLength(1);
    const pass = receiver.spans().find((s) => s.spanId === publish.links[0].spanId);
    expect(pass).toMatchObject({ service: 'enrollment', name: 'outbox relay' });
    // catalog: the handling span descends from the published message; its SQL nests under it
    const consumer = one('the consumer span', (s) => s.service === 'catalog' && s.name === CONSUMER);
    expect(isAncestor(publish, consumer)).toBe(true);
    expect(consumer.attributes['lms.request_id']).toBe(requestId);
    expect(spans.filter((s) => s.service === 'catalog' && dbSystem(s) === 'postgresql' && isAncestor(consumer, s)).length).toBeGreaterThan(0);
    // a refused call: the gRPC server span and the gateway's HTTP span are ERROR with the kit's code
    const again = await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access, headers: { 'X-Request-Id': `${requestId}-again` } });
    expect(again.status).toBe(409);
    const failed = await eventually(() => {
      const http = receiver.spans().find((s) => s.service === 'gateway' && s.kind === 'SERVER' && s.attributes['lms.request_id'] === `${requestId}-again`);
      const grpc = http && receiver.spans().find((s) => s.traceId === http.traceId && s.service === 'enrollment' && s.kind === 'SERVER');
      if (!http || !grpc) throw new Error('the refused call is not exported yet');
      return { http, grpc };
    }, 15_000);
    for (const span of [failed.http, failed.grpc]) {
      expect(span.status.code).toBe('ERROR');
      expect(span.attributes['lms.error_code']).toBe(again.body.code);
    }

    // the edge cache still works with tracing on (the instrumentation used to drop the catalog's cache-hint trailer):
    // the second read of the public list is answered from the gateway's memory, without a gRPC call
    const listIds = [`${requestId}-list-1`, `${requestId}-list-2`];
    for (const id of listIds) expect((await api.get('/api/v1/courses?search=Traced', { headers: { 'X-Request-Id': id } })).status).toBe(200);
    const reads = await eventually(() => {
      const roots = listIds.map((id) => receiver.spans().find((s) => s.service === 'gateway' && s.kind === 'SERVER' && s.attributes['lms.request_id'] === id));
      if (roots.some((r) => !r)) throw new Error('the list reads are not exported yet');
      return roots as SpanRecord[];
    }, 15_000);
    const listCalls = (root: SpanRecord) => receiver.spans().filter((s) => s.traceId === root.traceId && s.kind === 'CLIENT' && /CatalogService\/ListCourses$/.test(s.name)).length;
    expect(reads.map(listCalls)).toEqual([1, 0]);

    // requests that arrive together share one rate-limit pipeline and one validator MGET: those round trips belong
    // to none of them, so no request's trace may collect the others' Redis commands (one trace held a dozen)
    const burst = Array.from({ length: 16 }, (_, i) => `${requestId}-burst-${i}`);
    const answers = await Promise.all(burst.map((id) => api.get('/api/v1/courses?search=Traced', { headers: { 'X-Request-Id': id } })));
    expect(answers.map((a) => a.status)).toEqual(burst.map(() => 200));
    const burstRoots = await eventually(() => {
      const roots = burst.map((id) => receiver.spans().find((s) => s.service === 'gateway' && s.kind === 'SERVER' && s.attributes['lms.request_id'] === id));
      if (roots.some((r) => !r)) throw new Error('the burst is not exported yet');
      return roots as SpanRecord[];
    }, 15_000);
    for (const root of burstRoots) {
      const redisCommands = receiver.spans().filter((s) => s.traceId === root.traceId && dbSystem(s) === 'redis');
      expect(redisCommands.length).toBeLessThanOrEqual(2); // at most its own script and its own MGET
    }

    const stopped = await stopProcesses();
    for (const child of stopped) expect(child.otelModules().length).toBeGreaterThan(0);
  });

  test('Without an endpoint the same journey exports nothing and no process loads an OpenTelemetry module', async () => {
    expect(courseId).toBeDefined();
    const exported = receiver.spans().length;
    const api = await startProcesses(false);
    const student = await registerAndLogin(api, 'untraced');
    const enrolled = await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access });
    expect(enrolled.status).toBe(201);
    // the event's way through the relay and catalog's consumer (a poll is 100 ms), then stop: what is batched is flushed
    await new Promise((r) => setTimeout(r, 1500));
    const stopped = await stopProcesses();
    expect(receiver.spans().length).toBe(exported);
    for (const child of stopped) expect({ process: child.name, modules: child.otelModules() }).toEqual({ process: child.name, modules: [] });
  });
});

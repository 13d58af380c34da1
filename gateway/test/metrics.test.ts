import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eventually, testEnv, testLogger } from '@lms/kit/testing';
import { CLASSROOM_USERS, PASSWORD, startFleet, type Fleet } from '@lms/testing-fleet';
import { loadGatewayConfig } from '../src/config';
import { start, type RunningGateway } from '../src/main';
import { login, type LoggedIn } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { uniquePrefix } from './support/gateway';
import { Api } from './support/http';

// No type declarations ship with these two (tests are not type-checked by tsc -b).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parsePrometheus = require('parse-prometheus-text-format') as (text: string) => Family[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML = require('yaml') as { parse(text: string): unknown };

/** One metric family as parse-prometheus-text-format gives it (values are strings). */
interface Family {
  name: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: { value?: string; labels?: Record<string, string> }[];
}

const DEPLOY = path.resolve(__dirname, '../../deploy/observability');

/**
 * Issue 17 point 3: the real gateway and three services (auth, catalog, enrollment; one vhost), a small journey,
 * then every process's /metrics scraped over HTTP and parsed as Prometheus text. Also: the names used by the
 * dashboard and the alert rules are ones a scrape exposes.
 */
describe('metrics: every process serves Prometheus text on its own port', () => {
  let fleet: Fleet<keyof typeof CLASSROOM_USERS>;
  let gateway: RunningGateway;
  let api: Api;
  let owner: LoggedIn;
  let student: LoggedIn;
  let courseId: string;
  let lessonId: string;

  const ok = (res: { status: number; text: string; body: any }, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
    return res.body;
  };
  /**
   * GET /metrics, parsed. parse-prometheus-text-format folds the series of a labelled histogram into one (labels,
   * _count and _sum lost), so the histograms are parsed a second time declared untyped: their _bucket/_count/_sum
   * series come back as plain samples with their labels. Families are merged by name; `type` is the declared one.
   */
  const scrape = async (port: number | undefined): Promise<Family[]> => {
    if (!port) throw new Error('no metrics port');
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const declared = parsePrometheus(text);
    const byName = new Map<string, Family>(declared.filter((f) => f.type !== 'HISTOGRAM').map((f) => [f.name, f]));
    for (const f of declared) if (f.type === 'HISTOGRAM') byName.set(f.name, { ...f, metrics: [] });
    for (const f of parsePrometheus(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'))) {
      if (byName.get(f.name)?.type === 'HISTOGRAM') continue;
      const known = byName.get(f.name);
      if (known && known.type === 'UNTYPED') known.metrics.push(...f.metrics);
      else if (!known) byName.set(f.name, { ...f, metrics: [...f.metrics] });
    }
    return [...byName.values()];
  };
  const ports = () => ({
    gateway: gateway.metricsPort,
    auth: fleet.auth!.service.metricsPort,
    catalog: fleet.catalog!.service.metricsPort,
    enrollment: fleet.enrollment!.service.metricsPort,
  });
  const family = (families: Family[], name: string) => families.find((f) => f.name === name);
  /** The value of the sample whose labels include `labels` (0 when absent). */
  const sample = (families: Family[], name: string, labels: Record<string, string> = {}): number => {
    const found = family(families, name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    return Number(found?.value ?? 0);
  };

  beforeAll(async () => {
    fleet = await startFleet({ label: 'gw_metrics', services: ['enrollment'], users: CLASSROOM_USERS, env: { all: { METRICS_PORT: '0' } } });
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      METRICS_PORT: '0',
      AUTH_GRPC_ADDR: fleet.authAddress,
      CATALOG_GRPC_ADDR: fleet.catalog!.address,
      ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address,
      QUIZ_GRPC_ADDR: '127.0.0.1:1',
      ANALYTICS_GRPC_ADDR: '127.0.0.1:1',
      MEDIA_GRPC_ADDR: '127.0.0.1:1',
      CERTIFICATE_GRPC_ADDR: '127.0.0.1:1',
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: uniquePrefix('metrics'),
      RATE_LIMIT_GENERAL_PER_MIN: '100000',
      RATE_LIMIT_LOGIN_PER_MIN: '100000',
      GRPC_DEADLINE_MS: '5000',
    });
    gateway = await start(config, testLogger('gateway'));
    api = new Api(`http://127.0.0.1:${gateway.port}`);
    [owner, student] = await Promise.all([login(api, fleet.users.instructor.email, PASSWORD), login(api, fleet.users.student.email, PASSWORD)]);
    ok(await api.get('/api/v1/courses'), 200, 'list courses');
    courseId = (await createCourse(api, owner.access)).id;
    lessonId = (await createLesson(api, owner.access, courseId)).id;
    await publishLesson(api, owner.access, lessonId);
    await publishCourse(api, owner.access, courseId);
    ok(await api.get('/api/v1/courses'), 200, 'list courses');
    const enrollmentId = ok(await api.post('/api/v1/enrollments', { course_id: courseId }, { token: student.access }), 201, 'enrol').id;
    ok(await api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`, {}, { token: student.access }), 200, 'complete');
    // Answered before routing (a body that is not JSON) and not routed at all (404).
    expect((await api.call('POST', '/api/v1/enrollments', { rawBody: '{', token: student.access })).status).toBe(400);
    expect((await api.get(`/api/v1/nothing-here/${courseId}`)).status).toBe(404);
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await fleet?.close();
  });

  test('When a journey ran, then each process counts it: HTTP by route template, gRPC by method, events published and consumed', async () => {
    const all = ports();
    expect(new Set(Object.values(all)).size).toBe(4);
    const gw = await scrape(all.gateway);
    expect(sample(gw, 'lms_http_requests_total', { method: 'GET', route: '/api/v1/courses', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(gw, 'lms_http_requests_total', { method: 'POST', route: '/api/v1/enrollments', status: '201' })).toBe(1);
    expect(sample(gw, 'lms_http_requests_total', { method: 'POST', route: '/api/v1/enrollments/:enrollment_id/lessons/:lesson_id/complete', status: '200' })).toBe(1);
    expect(sample(gw, 'lms_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/courses' })).toBeGreaterThanOrEqual(2);
    expect(sample(gw, 'lms_http_requests_total', { method: 'POST', route: '/api/v1/enrollments', status: '400' })).toBe(1);
    expect(sample(gw, 'lms_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    // Bounded labels: templates only, never a raw path with an id in it.
    const routes = family(gw, 'lms_http_requests_total')!.metrics.map((m) => m.labels!.route);
    for (const route of routes) expect(route).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(sample(gw, 'lms_grpc_client_handled_total', { target: 'lms.catalog.v1.CatalogService', method: 'ListCourses', code: 'OK' })).toBeGreaterThanOrEqual(1);
    expect(family(gw, 'process_resident_memory_bytes')).toBeDefined();

    const catalog = await scrape(all.catalog);
    expect(sample(catalog, 'lms_grpc_server_handled_total', { service: 'lms.catalog.v1.CatalogService', method: 'ListCourses', code: 'OK' })).toBeGreaterThanOrEqual(1);
    expect(sample(catalog, 'lms_grpc_server_handling_seconds_count', { service: 'lms.catalog.v1.CatalogService', method: 'CreateCourse' })).toBe(1);
    const auth = await scrape(all.auth);
    expect(sample(auth, 'lms_grpc_server_handled_total', { method: 'Login', code: 'OK' })).toBeGreaterThanOrEqual(2);

    // enrollment.created: published by enrollment (after the broker's confirm), consumed by catalog's stats queue.
    await eventually(async () => {
      const enrollment = await scrape(all.enrollment);
      expect(sample(enrollment, 'lms_events_published_total', { type: 'enrollment.created' })).toBe(1);
      const consumer = await scrape(all.catalog);
      expect(sample(consumer, 'lms_events_consumed_total', { queue: 'catalog.enrollment-stats', type: 'enrollment.created', outcome: 'handled' })).toBe(1);
      expect(sample(consumer, 'lms_event_handling_seconds_count', { queue: 'catalog.enrollment-stats' })).toBeGreaterThanOrEqual(1);
    }, 20_000);
  });

  test('When the events are out, then the outbox backlog is 0 and the queue gauges (lag, depth, parking lot) and pool gauges are there', async () => {
    await eventually(async () => {
      for (const name of ['auth', 'catalog', 'enrollment'] as const) {
        const families = await scrape(ports()[name]);
        expect(family(families, 'lms_outbox_backlog_rows')?.metrics[0]?.value).toBe('0');
        expect(family(families, 'lms_outbox_oldest_unsent_age_seconds')?.metrics[0]?.value).toBe('0');
        const states = family(families, 'lms_db_pool_connections')!.metrics.map((m) => m.labels!.state).sort();
        expect(states).toEqual(['idle', 'in_use', 'waiting']);
        expect(family(families, 'lms_redis_errors_total')).toBeDefined();
      }
      const catalog = await scrape(ports().catalog);
      expect(sample(catalog, 'lms_parking_lot_messages', { queue: 'catalog.enrollment-stats' })).toBe(0);
      expect(family(catalog, 'lms_consumer_queue_messages')?.metrics.some((m) => m.labels?.queue === 'catalog.enrollment-stats')).toBe(true);
      expect(family(catalog, 'lms_consumer_lag_seconds')?.metrics.some((m) => m.labels?.queue === 'catalog.enrollment-stats')).toBe(true);
    }, 20_000);
  });

  test('When /metrics is asked on the public gateway port, then it is not there (404); other paths of the metrics port are 404', async () => {
    expect((await api.get('/metrics')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${gateway.metricsPort}/`)).status).toBe(404);
    expect(gateway.metricsPort).not.toBe(gateway.port);
  });

  test('When the dashboard and the alert rules name a metric, then a scrape of the fleet exposes it; the rule file has the Prometheus shape', async () => {
    const exposed = new Map<string, Family['type']>();
    for (const port of Object.values(ports())) for (const f of await scrape(port)) exposed.set(f.name, f.type);
    const isExposed = (name: string) => {
      if (exposed.has(name)) return true;
      const base = name.replace(/_(bucket|sum|count)$/, '');
      return base !== name && exposed.get(base) === 'HISTOGRAM';
    };
    const namesIn = (expr: string) => [...expr.matchAll(/\b((?:lms|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1]);

    const dashboard = JSON.parse(readFileSync(path.join(DEPLOY, 'grafana-dashboard.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
    const dashboardExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(dashboardExprs.length).toBeGreaterThan(15);

    const rules = YAML.parse(readFileSync(path.join(DEPLOY, 'prometheus-alerts.yaml'), 'utf8')) as {
      groups: { name: string; rules: { alert: string; expr: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> }[] }[];
    };
    expect(Array.isArray(rules.groups)).toBe(true);
    const alerts = rules.groups.flatMap((g) => {
      expect(typeof g.name).toBe('string');
      return g.rules;
    });
    for (const rule of alerts) {
      expect(typeof rule.expr).toBe('string');
      expect(rule.for ?? '0s').toMatch(/^\d+[smh]$/);
      expect(['critical', 'warning', 'info']).toContain(rule.labels.severity);
      for (const key of ['summary', 'description', 'runbook']) expect(rule.annotations[key]).toEqual(expect.any(String));
    }
    expect(alerts.map((r) => r.alert)).toEqual(expect.arrayContaining(['OutboxBacklogOld', 'ParkingLotNotEmpty', 'ConsumerLagHigh', 'HighErrorRate', 'HighP99Latency']));

    const used = new Set([...dashboardExprs, ...alerts.map((r) => r.expr)].flatMap(namesIn));
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((name) => !isExposed(name))).toEqual([]);
  });
});

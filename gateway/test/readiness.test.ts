import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { registerAndLogin, startAuth, type TestAuth } from './support/auth';
import { startGateway, type TestGateway } from './support/gateway';
import { startHealthStub } from './support/health-stub';
import { Api, expectErrorBody } from './support/http';

/** A free TCP port on the loopback (for the internal listener, whose port the test helper does not return). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP pass-through that counts the connections made through it (= gRPC channels opened to the target). */
async function countingProxy(target: string): Promise<{ address: string; connections(): number; stop(): Promise<void> }> {
  const [host, port] = target.split(':');
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    count += 1;
    const upstream = net.connect(Number(port), host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: () => count,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Readiness is the gateway's own (review B1): a backend or Redis outage degrades only the routes that
 * need it (503 + Retry-After) and never takes the replica out of the load balancer. Dependency health
 * is watched in the background over long-lived channels and served on the internal listener only (A9).
 */
describe('Readiness is the gateway process; dependencies degrade their own routes and are reported on the internal listener', () => {
  let auth: TestAuth;
  let catalog: Awaited<ReturnType<typeof startHealthStub>>;
  let enrollment: Awaited<ReturnType<typeof startHealthStub>>;
  let quiz: Awaited<ReturnType<typeof startHealthStub>>;
  let analytics: Awaited<ReturnType<typeof startHealthStub>>;
  let media: Awaited<ReturnType<typeof startHealthStub>>;
  let certificate: Awaited<ReturnType<typeof startHealthStub>>;
  let catalogProxy: Awaited<ReturnType<typeof countingProxy>>;
  let gw: TestGateway;
  let internal: Api;

  beforeAll(async () => {
    auth = await startAuth('readiness');
    catalog = await startHealthStub();
    enrollment = await startHealthStub();
    quiz = await startHealthStub();
    analytics = await startHealthStub();
    media = await startHealthStub();
    certificate = await startHealthStub();
    catalogProxy = await countingProxy(catalog.address);
    const internalPort = await freePort();
    // No short GRPC_DEADLINE_MS here: the monitor's probes have their own 1 s timeout, and a per-call
    // deadline of 1 s turned a login on a loaded CI box into a 503 before the test began.
    gw = await startGateway(auth.address, {
      CATALOG_GRPC_ADDR: catalogProxy.address,
      ENROLLMENT_GRPC_ADDR: enrollment.address,
      QUIZ_GRPC_ADDR: quiz.address,
      ANALYTICS_GRPC_ADDR: analytics.address,
      MEDIA_GRPC_ADDR: media.address,
      CERTIFICATE_GRPC_ADDR: certificate.address,
      INTERNAL_PORT: String(internalPort),
      DEPENDENCY_CHECK_INTERVAL_MS: '100',
    });
    internal = new Api(`http://127.0.0.1:${internalPort}`);
  });
  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
    await catalogProxy?.stop();
    await catalog?.stop();
    await enrollment?.stop();
    await quiz?.stop();
    await analytics?.stop();
    await media?.stop();
    await certificate?.stop();
  });

  test('When quiz reports NOT_SERVING, then /readyz stays 200, auth routes work and the internal view names quiz', async () => {
    const s = await registerAndLogin(gw.api, 'ready');
    quiz.setServing(false);
    const view = await eventually(
      () => internal.get('/internal/health/dependencies'),
      (r) => r.body.dependencies?.quiz?.ok === false,
    );
    expect(view.status).toBe(503);
    expect(view.body).toMatchObject({ status: 'degraded', dependencies: { redis: { ok: true }, auth: { ok: true }, catalog: { ok: true }, quiz: { ok: false } } });
    expect(view.body.dependencies.quiz.error).toContain('NOT_SERVING');

    const ready = await gw.api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { process: { ok: true } } });
    expect((await gw.api.get('/api/v1/auth/me', { token: s.access })).status).toBe(200);
    expect((await gw.api.get('/healthz')).status).toBe(200);

    quiz.setServing(true);
    const back = await eventually(
      () => internal.get('/internal/health/dependencies'),
      (r) => r.status === 200,
    );
    expect(back.body.status).toBe('ok');
  });

  test('When a probe hammers /readyz, then no backend is asked and the monitor reuses one channel per backend (A9)', async () => {
    const before = catalogProxy.connections();
    expect(before).toBe(1); // the monitor's one long-lived channel, opened at start
    for (let i = 0; i < 30; i += 1) expect((await gw.api.get('/readyz')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 350)); // a few monitor rounds as well
    expect(catalogProxy.connections()).toBe(1);
  });

  test('When quiz is gone, then /readyz stays 200 with no internals, a quiz route is 503 with Retry-After, auth and liveness still work', async () => {
    const s = await registerAndLogin(gw.api, 'quizgone');
    await quiz.stop();

    const res = await gw.api.get(`/api/v1/courses/${randomUUID()}/quizzes`, { token: s.access });
    expectErrorBody(res, 503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);

    const ready = await gw.api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.text).not.toMatch(/quiz|ECONNREFUSED|127\.0\.0\.1|UNAVAILABLE/i);
    expect((await gw.api.get('/api/v1/auth/me', { token: s.access })).status).toBe(200);
    expect((await gw.api.get('/healthz')).status).toBe(200);
    expect((await gw.api.get('/health')).body).toEqual({ status: 'healthy' });
  });

  test('When auth stops, then /readyz stays 200 and calls that need auth are 503 with Retry-After', async () => {
    const s = await registerAndLogin(gw.api, 'authgone');
    await auth.stop();

    // The token still verifies from the cached keys; the call behind it cannot be made.
    const me = await gw.api.get('/api/v1/auth/me', { token: s.access });
    expectErrorBody(me, 503);
    expect(me.headers.get('retry-after')).toBe('5');
    const ready = await gw.api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { process: { ok: true } } });
    expect((await gw.api.get('/healthz')).status).toBe(200);
    const view = await eventually(
      () => internal.get('/internal/health/dependencies'),
      (r) => r.body.dependencies?.auth?.ok === false,
    );
    expect(view.body.dependencies.auth.ok).toBe(false);
  });
});

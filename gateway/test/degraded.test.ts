import net from 'node:net';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody } from './support/http';

/**
 * The gateway with its dependencies missing: auth on a closed port, and a second gateway whose Redis
 * is unreachable. Nothing here needs the auth service to exist.
 */
describe('Gateway with dependencies down', () => {
  let noAuth: TestGateway;
  let noRedis: TestGateway;

  beforeAll(async () => {
    noAuth = await startGateway('127.0.0.1:1', { GRPC_DEADLINE_MS: '500' });
    noRedis = await startGateway('127.0.0.1:1', { REDIS_URL: 'redis://127.0.0.1:1', GRPC_DEADLINE_MS: '500' });
  });
  afterAll(async () => {
    await noAuth?.stop();
    await noRedis?.stop();
  });

  test('When auth is unreachable, then /readyz stays 200 (the gateway can serve) and /healthz stays 200', async () => {
    const ready = await noAuth.api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { process: { ok: true } } });
    const live = await noAuth.api.get('/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });

  test('When auth is unreachable, then a call that needs it is 503 UNAVAILABLE with a generic detail', async () => {
    const res = await noAuth.api.post('/api/v1/auth/login', { email: 'ada@example.com', password: 'whatever-123' });
    const body = expectErrorBody(res, 503);
    expect(body.detail).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  test('When auth is unreachable and a bearer token is sent, then the token cannot be checked: 503, never 500 or 200', async () => {
    const res = await noAuth.api.get('/api/v1/auth/me', { token: 'aaa.bbb.ccc' });
    expectErrorBody(res, 503);
  });

  test('When Redis is unreachable, then the general limit fails open (requests pass, no rate-limit headers)', async () => {
    const res = await noRedis.api.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  test('When Redis is unreachable, then login fails closed with 503 + Retry-After (no unlimited password guessing) and /readyz stays 200', async () => {
    const login = await noRedis.api.post('/api/v1/auth/login', { email: 'ada@example.com', password: 'whatever-123' });
    expectErrorBody(login, 503, 'RATE_LIMITER_UNAVAILABLE');
    expect(Number(login.headers.get('retry-after'))).toBeGreaterThan(0);
    // The gateway still serves what needs no Redis (public reads, docs); pulling every replica out of
    // the load balancer for a shared Redis would make that a total outage.
    const ready = await noRedis.api.get('/readyz');
    expect(ready.status).toBe(200);
  });

  test('When the gateway stops, then in-flight requests finish and new connections are refused', async () => {
    // A "backend" that accepts connections and never answers: the login call waits for its deadline.
    const held = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      held.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const extra = await startGateway(`127.0.0.1:${(silent.address() as net.AddressInfo).port}`, { GRPC_DEADLINE_MS: '1000' });
    try {
      const inFlight = extra.api.post('/api/v1/auth/login', { email: 'ada@example.com', password: 'whatever-123' });
      await new Promise((r) => setTimeout(r, 100));
      const stopping = extra.stop();
      const res = await inFlight;
      expectErrorBody(res, 503); // answered (deadline passed), not cut off
      await stopping;
      await expect(fetch(`${extra.base}/healthz`)).rejects.toThrow();
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

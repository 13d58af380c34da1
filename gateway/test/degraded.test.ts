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

  test('When auth is unreachable, then /readyz is 503 listing auth as failing and /healthz stays 200', async () => {
    const ready = await noAuth.api.get('/readyz');
    const body = expectErrorBody(ready, 503, 'NOT_READY');
    expect(body.checks.redis).toEqual({ ok: true });
    expect(body.checks.auth.ok).toBe(false);
    expect(body.detail).toContain('auth');
    const live = await noAuth.api.get('/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });

  test('When auth is unreachable, then a call that needs it is 503 UNAVAILABLE with a generic detail', async () => {
    const res = await noAuth.api.post('/api/v1/auth/login', { email: 'ada@example.com', password: 'whatever-123' });
    const body = expectErrorBody(res, 503);
    expect(body.detail).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
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

  test('When Redis is unreachable, then login fails closed with 503 (no unlimited password guessing) and /readyz is 503', async () => {
    const login = await noRedis.api.post('/api/v1/auth/login', { email: 'ada@example.com', password: 'whatever-123' });
    expectErrorBody(login, 503, 'RATE_LIMITER_UNAVAILABLE');
    const ready = await noRedis.api.get('/readyz');
    const body = expectErrorBody(ready, 503, 'NOT_READY');
    expect(body.checks.redis.ok).toBe(false);
  });

  test('When the gateway stops, then in-flight requests finish and new connections are refused', async () => {
    const extra = await startGateway('127.0.0.1:1');
    const inFlight = extra.api.get('/readyz'); // waits on the auth health check
    await new Promise((r) => setTimeout(r, 20));
    const stopping = extra.stop();
    const res = await inFlight;
    expect(res.status).toBe(503);
    await stopping;
    await expect(fetch(`${extra.base}/healthz`)).rejects.toThrow();
  });
});

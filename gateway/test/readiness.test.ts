import { registerAndLogin, startAuth, type TestAuth } from './support/auth';
import { startGateway, type TestGateway } from './support/gateway';
import { startHealthStub } from './support/health-stub';
import { expectErrorBody } from './support/http';

describe('Readiness follows the auth and catalog services', () => {
  let auth: TestAuth;
  let catalog: Awaited<ReturnType<typeof startHealthStub>>;
  let enrollment: Awaited<ReturnType<typeof startHealthStub>>;
  let quiz: Awaited<ReturnType<typeof startHealthStub>>;
  let gw: TestGateway;

  beforeAll(async () => {
    auth = await startAuth('readiness');
    catalog = await startHealthStub();
    enrollment = await startHealthStub();
    quiz = await startHealthStub();
    gw = await startGateway(auth.address, {
      GRPC_DEADLINE_MS: '1000',
      CATALOG_GRPC_ADDR: catalog.address,
      ENROLLMENT_GRPC_ADDR: enrollment.address,
      QUIZ_GRPC_ADDR: quiz.address,
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
    await catalog?.stop();
    await enrollment?.stop();
    await quiz?.stop();
  });

  test('When catalog reports NOT_SERVING, then /readyz is 503 naming catalog; when it serves again, then 200', async () => {
    catalog.setServing(false);
    const down = await gw.api.get('/readyz');
    const body = expectErrorBody(down, 503, 'NOT_READY');
    expect(body.detail).toContain('catalog');
    expect(body.checks).toMatchObject({ redis: { ok: true }, auth: { ok: true }, catalog: { ok: false } });
    catalog.setServing(true);
    expect((await gw.api.get('/readyz')).status).toBe(200);
  });

  test('When quiz reports NOT_SERVING, then /readyz is 503 naming quiz; when it serves again, then 200', async () => {
    quiz.setServing(false);
    const body = expectErrorBody(await gw.api.get('/readyz'), 503, 'NOT_READY');
    expect(body.detail).toContain('quiz');
    expect(body.checks).toMatchObject({ auth: { ok: true }, catalog: { ok: true }, enrollment: { ok: true }, quiz: { ok: false } });
    quiz.setServing(true);
    expect((await gw.api.get('/readyz')).status).toBe(200);
  });

  test('When auth is up, then /readyz is 200; when auth stops, then /readyz is 503 naming auth and calls to it are 503', async () => {
    const s = await registerAndLogin(gw.api, 'ready');
    const up = await gw.api.get('/readyz');
    expect(up.status).toBe(200);
    expect(up.body.checks).toEqual({ redis: { ok: true }, auth: { ok: true }, catalog: { ok: true }, enrollment: { ok: true }, quiz: { ok: true } });

    await auth.stop();

    const down = await gw.api.get('/readyz');
    const body = expectErrorBody(down, 503, 'NOT_READY');
    expect(body.checks.auth.ok).toBe(false);
    expect(body.checks.redis.ok).toBe(true);
    // The token still verifies from the cached keys; the call behind it cannot be made.
    expectErrorBody(await gw.api.get('/api/v1/auth/me', { token: s.access }), 503);
    expect((await gw.api.get('/healthz')).status).toBe(200);
  });
});

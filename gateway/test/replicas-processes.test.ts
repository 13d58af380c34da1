import { registerAndLogin, startAuth, uniqueEmail, type TestAuth } from './support/auth';
import { newIp, uniquePrefix } from './support/gateway';
import { expectErrorBody } from './support/http';
import { expect429, from, startGatewayProcess, type GatewayProcess } from './support/replicas';

/**
 * Issue 18 point 4: the rate limits across two gateway PROCESSES — two real gateways started from the build
 * (gateway/dist) on their own ports, each with its own event loop, Redis connection and memory, as two pods — in
 * front of one Redis and one real auth (in-process here; the gateways reach it over gRPC). What counts is the SUM
 * of what both see: the general per-IP limit, the strict login limit per IP, and per email (per user, from any
 * address). replicas.test.ts proves the same with two servers in one process, and revocation across replicas.
 * Needs the build: `npx tsc -b libs/kit gateway`. No timing assertions: the windows are 10 minutes long.
 */
describe('Two gateway processes sharing Redis', () => {
  const GENERAL = 20;
  const LOGIN = 3;
  let auth: TestAuth;
  let a: GatewayProcess;
  let b: GatewayProcess;
  const replica = (i: number) => (i % 2 ? b : a);

  beforeAll(async () => {
    // auth's own failed-login lockouts high: the gateways' limits are what is under test.
    auth = await startAuth('replica_procs', { LOGIN_IP_MAX_FAILURES: '100000', LOGIN_MAX_FAILURES: '1000' });
    const shared = {
      REDIS_KEY_PREFIX: uniquePrefix('replica-procs'),
      TRUST_PROXY: 'true',
      RATE_LIMIT_GENERAL_PER_MIN: String(GENERAL),
      RATE_LIMIT_LOGIN_PER_MIN: String(LOGIN),
      // a 10-minute window: a budget earns one request back every 30 s (general) or 200 s (login), far longer
      // than a loaded machine takes to send the budget, so the request that must be refused is refused
      RATE_LIMIT_WINDOW_MS: '600000',
    };
    [a, b] = await Promise.all([startGatewayProcess(auth.address, shared), startGatewayProcess(auth.address, shared)]);
    expect(a.pid).not.toBe(b.pid);
    expect(a.base).not.toBe(b.base);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await auth?.stop();
  });

  test('When one IP alternates between the processes, then the general limit holds for the sum: the (limit+1)-th request overall is 429 with Retry-After on both', async () => {
    const ip = newIp();
    for (let i = 0; i < GENERAL; i++) {
      const res = await replica(i).api.get('/healthz', { headers: from(ip) });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(GENERAL));
      // each process reports the budget left for the sum, not for what it saw itself
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(GENERAL - 1 - i));
    }
    expect429(await a.api.get('/healthz', { headers: from(ip) }));
    expect429(await b.api.get('/healthz', { headers: from(ip) }));
    // The budget is per client: another address is untouched on either process.
    expect((await a.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
    expect((await b.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
  });

  test('When the general budget is spent concurrently on both processes, then the limit is allowed in total and every other request is 429', async () => {
    const ip = newIp();
    const started = Date.now();
    const sent = await Promise.all(Array.from({ length: GENERAL * 2 }, (_, i) => replica(i).api.get('/healthz', { headers: from(ip) })));
    // GCRA earns one request back per window/limit (30 s): on a machine slow enough to take that long, what it
    // earned meanwhile is allowed too — a bound, not a timing assertion.
    const earned = Math.floor((Date.now() - started) / (600_000 / GENERAL));
    const allowed = sent.filter((r) => r.status === 200).length;
    expect(allowed).toBeGreaterThanOrEqual(GENERAL);
    expect(allowed).toBeLessThanOrEqual(GENERAL + earned);
    sent.filter((r) => r.status !== 200).forEach(expect429);
  });

  test('When one IP floods login across both processes, then the strict login limit is reached for the sum: 429 with Retry-After on both, even for correct credentials', async () => {
    const victim = await registerAndLogin(a.api, 'replica-proc-victim', from(newIp()));
    const ip = newIp();
    for (let i = 0; i < LOGIN; i++) {
      const res = await replica(i).api.post('/api/v1/auth/login', { email: uniqueEmail(`flood${i}`), password: 'Wrong-pass-1' }, { headers: from(ip) });
      expectErrorBody(res, 401);
    }
    expect429(await a.api.post('/api/v1/auth/login', { email: uniqueEmail('flood-a'), password: 'Wrong-pass-1' }, { headers: from(ip) }));
    expect429(await b.api.post('/api/v1/auth/login', { email: victim.email, password: victim.password }, { headers: from(ip) }));
    // The same credentials from another address still work (the limit is the flooding client's, not the user's).
    expect((await b.api.post('/api/v1/auth/login', { email: victim.email, password: victim.password }, { headers: from(newIp()) })).status).toBe(200);
  });

  test('When one user’s email is tried from many addresses across both processes, then the per-email login limit stops it on both', async () => {
    const email = uniqueEmail('replica-proc-target');
    for (let i = 0; i < LOGIN; i++) {
      const res = await replica(i).api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) });
      expectErrorBody(res, 401);
    }
    expect429(await a.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
    expect429(await b.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
  });
});

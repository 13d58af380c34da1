import { eventually } from '@lms/kit/testing';
import { login, registerAndLogin, startAuth, uniqueEmail, type TestAuth } from './support/auth';
import { newIp, startGateway, uniquePrefix, type TestGateway } from './support/gateway';
import { expectErrorBody } from './support/http';
import { expect429, from } from './support/replicas';

/**
 * Two gateway replicas — two listening servers on their own ports, each with its own Redis connection and its own
 * in-memory state — behind one Redis and one real auth, as in a deployment with two pods. What one replica
 * counts or learns, the other must honour: the rate limits hold for the SUM of the traffic both see, and a
 * session logged out through one is refused by the other within the revocation bound (≤ 1 s, documented; the
 * polls below allow much more, so a loaded machine never fails the test on speed).
 */

describe('Two gateway replicas sharing Redis', () => {
  const GENERAL = 20;
  const LOGIN = 3;
  let auth: TestAuth;
  let a: TestGateway;
  let b: TestGateway;
  const replica = (i: number) => (i % 2 ? b : a);

  beforeAll(async () => {
    // auth's own failed-login lockouts high: the gateway's limits are what is under test.
    auth = await startAuth('replicas', { LOGIN_IP_MAX_FAILURES: '100000', LOGIN_MAX_FAILURES: '1000' });
    const shared = {
      REDIS_KEY_PREFIX: uniquePrefix('replicas'),
      TRUST_PROXY: 'true',
      RATE_LIMIT_GENERAL_PER_MIN: String(GENERAL),
      RATE_LIMIT_LOGIN_PER_MIN: String(LOGIN),
      // a 10-minute window: a budget earns one request back every 30 s (general) or 200 s (login), far longer
      // than a loaded machine takes to send the budget, so the request that must be refused is refused
      RATE_LIMIT_WINDOW_MS: '600000',
    };
    a = await startGateway(auth.address, shared);
    b = await startGateway(auth.address, shared);
    expect(a.port).not.toBe(b.port);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await auth?.stop();
  });

  test('When one IP alternates between the replicas, then the general limit holds for the sum: the (limit+1)-th request overall is 429 with Retry-After on both', async () => {
    const ip = newIp();
    for (let i = 0; i < GENERAL; i++) {
      const res = await replica(i).api.get('/healthz', { headers: from(ip) });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(GENERAL));
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(GENERAL - 1 - i));
    }
    expect429(await replica(GENERAL).api.get('/healthz', { headers: from(ip) }));
    expect429(await replica(GENERAL + 1).api.get('/healthz', { headers: from(ip) }));
    // The budget is per client: another address is untouched on either replica.
    expect((await a.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
    expect((await b.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
  });

  test('When one IP floods login across both replicas, then the strict login limit is reached for the sum: 429 with Retry-After on both, even for correct credentials', async () => {
    const victim = await registerAndLogin(a.api, 'replica-victim', from(newIp()));
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

  test('When one email is tried from many addresses across both replicas, then the per-email login limit stops it on both', async () => {
    const email = uniqueEmail('replica-target');
    for (let i = 0; i < LOGIN; i++) {
      const res = await replica(i).api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) });
      expectErrorBody(res, 401);
    }
    expect429(await a.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
    expect429(await b.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
  });

  test('When a session is logged out through replica A, then replica B refuses its access token (within the revocation bound) and keeps refusing it, while the same user’s other session still works on B', async () => {
    // Every request from a fresh address: the polls below must never meet the (small) general limit.
    const user = await registerAndLogin(a.api, 'replica-logout', from(newIp()));
    const other = await login(b.api, user.email, user.password, from(newIp()));
    // token-status is answered by the gateway alone: what is under test is B's own verification, not auth's.
    const status = (gw: TestGateway, token: string) => gw.api.get('/api/v1/auth/token-status', { token, headers: from(newIp()) });
    // B has verified (and may hold whatever it keeps about) the token before the logout.
    for (let i = 0; i < 3; i++) expect((await status(b, user.access)).status).toBe(200);

    expect((await a.api.post('/api/v1/auth/logout', undefined, { token: user.access, headers: from(newIp()) })).status).toBe(204);

    await eventually(async () => expectErrorBody(await status(b, user.access), 401, 'AUTH.TOKEN_REVOKED'));
    // No flapping once refused, on either replica.
    for (let i = 0; i < 5; i++) {
      expectErrorBody(await status(replica(i), user.access), 401, 'AUTH.TOKEN_REVOKED');
    }
    // Only that session ended.
    expect((await status(b, other.access)).status).toBe(200);
    expect((await status(a, other.access)).status).toBe(200);
  });

  test('When a user logs out of every session through replica B, then replica A refuses each of their access tokens', async () => {
    const first = await registerAndLogin(b.api, 'replica-logout-all', from(newIp()));
    const second = await login(a.api, first.email, first.password, from(newIp()));
    const status = (token: string) => a.api.get('/api/v1/auth/token-status', { token, headers: from(newIp()) });
    expect((await status(first.access)).status).toBe(200);
    expect((await status(second.access)).status).toBe(200);

    expect((await b.api.post('/api/v1/auth/logout-all', undefined, { token: second.access, headers: from(newIp()) })).status).toBe(204);
    for (const token of [first.access, second.access]) {
      await eventually(async () => expectErrorBody(await status(token), 401, 'AUTH.TOKEN_REVOKED'));
    }
  });
});

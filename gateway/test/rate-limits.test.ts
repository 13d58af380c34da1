import { randomBytes } from 'node:crypto';
import { registerAndLogin, startAuth, strongPassword, uniqueEmail, type TestAuth } from './support/auth';
import { newIp, startGateway, uniquePrefix, type TestGateway } from './support/gateway';
import { expectErrorBody, type ApiResponse } from './support/http';

const from = (ip: string) => ({ 'X-Forwarded-For': ip });

function expectRateLimitHeaders(res: ApiResponse, limit: number) {
  expect(res.headers.get('x-ratelimit-limit')).toBe(String(limit));
  expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
  expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(0);
}

function expect429(res: ApiResponse) {
  const body = expectErrorBody(res, 429, 'RATE_LIMITED');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
  expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(retryAfter);
  return body;
}

describe('Rate limits in Redis', () => {
  const GENERAL = 40;
  const LOGIN = 3;
  const REGISTER = 2;
  let auth: TestAuth;
  let gw: TestGateway;
  let replica: TestGateway;
  let untrusting: TestGateway;

  beforeAll(async () => {
    auth = await startAuth('ratelimits', { LOGIN_IP_MAX_FAILURES: '100000', LOGIN_MAX_FAILURES: '1000' });
    const prefix = uniquePrefix('rl');
    const limits = {
      REDIS_KEY_PREFIX: prefix,
      TRUST_PROXY: 'true',
      RATE_LIMIT_GENERAL_PER_MIN: String(GENERAL),
      RATE_LIMIT_LOGIN_PER_MIN: String(LOGIN),
      RATE_LIMIT_REGISTER_PER_MIN: String(REGISTER),
      // a 10-minute window: a budget refills one request per 15 s, so a slow (loaded) machine sending the
      // budget's requests cannot earn one back before the one that must be refused
      RATE_LIMIT_WINDOW_MS: '600000',
    };
    gw = await startGateway(auth.address, limits);
    replica = await startGateway(auth.address, limits); // a second replica sharing Redis
    untrusting = await startGateway(auth.address, { ...limits, TRUST_PROXY: 'false', REDIS_KEY_PREFIX: uniquePrefix('rl2') });
  });

  afterAll(async () => {
    await gw?.stop();
    await replica?.stop();
    await untrusting?.stop();
    await auth?.stop();
  });

  test('When one IP floods login, then after the limit it gets 429 with Retry-After and X-RateLimit headers', async () => {
    const ip = newIp();
    const email = uniqueEmail('flood');
    for (let i = 0; i < LOGIN; i++) {
      const res = await gw.api.post('/api/v1/auth/login', { email: `${i}-${email}`, password: 'Wrong-pass-1' }, { headers: from(ip) });
      expectErrorBody(res, 401);
      expectRateLimitHeaders(res, LOGIN);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(LOGIN - 1 - i));
    }
    const limited = await gw.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(ip) });
    const body = expect429(limited);
    expect(body.detail).toMatch(/login attempts/);
    expectRateLimitHeaders(limited, LOGIN);
    // Even correct credentials are refused while limited.
    const s = await registerAndLogin(gw.api, 'victim', from(newIp()));
    expect429(await gw.api.post('/api/v1/auth/login', { email: s.email, password: s.password }, { headers: from(ip) }));
  });

  test('When one email is tried from many IPs (any letter case), then the per-email limit stops it', async () => {
    const email = uniqueEmail('target');
    for (let i = 0; i < LOGIN; i++) {
      const variant = i % 2 ? email.toUpperCase() : ` ${email} `;
      const res = await gw.api.post('/api/v1/auth/login', { email: variant, password: 'Wrong-pass-1' }, { headers: from(newIp()) });
      expect(res.status).not.toBe(429);
    }
    expect429(await gw.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
    // Another email from a fresh IP is unaffected.
    const other = await gw.api.post('/api/v1/auth/login', { email: uniqueEmail('other'), password: 'Wrong-pass-1' }, { headers: from(newIp()) });
    expectErrorBody(other, 401);
  });

  test('When one IP registers too often, then 429; another IP can still register', async () => {
    const ip = newIp();
    for (let i = 0; i < REGISTER; i++) {
      const res = await gw.api.post('/api/v1/auth/register', { email: uniqueEmail('reg'), password: strongPassword(), full_name: 'R' }, { headers: from(ip) });
      expect(res.status).toBe(201);
    }
    expect429(await gw.api.post('/api/v1/auth/register', { email: uniqueEmail('reg'), password: strongPassword(), full_name: 'R' }, { headers: from(ip) }));
    const elsewhere = await gw.api.post('/api/v1/auth/register', { email: uniqueEmail('reg'), password: strongPassword(), full_name: 'R' }, { headers: from(newIp()) });
    expect(elsewhere.status).toBe(201);
  });

  test('When one IP exceeds the general limit across two gateway replicas, then the shared budget runs out (429 on any route)', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < GENERAL; i++) {
      const target = i % 2 ? replica : gw;
      const res = await target.api.get(i % 3 ? '/healthz' : '/api/v1/nope', { headers: from(ip) });
      statuses.push(res.status);
      expectRateLimitHeaders(res, GENERAL);
    }
    expect(statuses.every((s) => s === 200 || s === 404)).toBe(true);
    expect429(await gw.api.get('/healthz', { headers: from(ip) }));
    expect429(await replica.api.get('/openapi.json', { headers: from(ip) }));
    expect((await gw.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
  });

  test('When an IPv6 client rotates its address within its /64, then it still shares one budget (login and general)', async () => {
    const hex = () => randomBytes(2).toString('hex');
    const prefix = `2001:db8:${hex()}:${hex()}`;
    const rotating = () => ({ 'X-Forwarded-For': `${prefix}:${hex()}:${hex()}:${hex()}:${hex()}` });
    for (let i = 0; i < LOGIN; i++) {
      const res = await gw.api.post('/api/v1/auth/login', { email: uniqueEmail(`v6-${i}`), password: 'Wrong-pass-1' }, { headers: rotating() });
      expect(res.status).toBe(401);
    }
    expect429(await gw.api.post('/api/v1/auth/login', { email: uniqueEmail('v6-last'), password: 'Wrong-pass-1' }, { headers: rotating() }));
    // Another /64 is another client.
    const other = await gw.api.post('/api/v1/auth/login', { email: uniqueEmail('v6-other'), password: 'Wrong-pass-1' }, { headers: { 'X-Forwarded-For': `2001:db8:${hex()}:${hex()}::1` } });
    expect(other.status).toBe(401);

    const general: number[] = [];
    const gPrefix = `2001:db8:${hex()}:${hex()}`;
    for (let i = 0; i <= GENERAL; i++) {
      general.push((await gw.api.get('/healthz', { headers: { 'X-Forwarded-For': `${gPrefix}::${hex()}:${hex()}` } })).status);
    }
    expect(general.slice(0, GENERAL).every((s) => s === 200)).toBe(true);
    expect(general[GENERAL]).toBe(429);
  });

  test('When any response is sent (200, 401, 404, 422), then it carries the X-RateLimit headers', async () => {
    const ip = newIp();
    for (const res of [
      await gw.api.get('/healthz', { headers: from(ip) }),
      await gw.api.get('/api/v1/auth/me', { headers: from(ip) }),
      await gw.api.get('/nowhere', { headers: from(ip) }),
      await gw.api.post('/api/v1/auth/refresh', { refresh_token: 5 }, { headers: from(ip) }),
    ]) {
      expectRateLimitHeaders(res, GENERAL);
    }
  });

  test('When TRUST_PROXY is off, then X-Forwarded-For cannot be used to dodge the login limit', async () => {
    const email = uniqueEmail('spoof');
    const results: number[] = [];
    for (let i = 0; i < LOGIN + 1; i++) {
      const res = await untrusting.api.post('/api/v1/auth/login', { email: `${i}${email}`, password: 'Wrong-pass-1' }, { headers: from(newIp()) });
      results.push(res.status);
    }
    expect(results.slice(0, LOGIN).every((s) => s === 401)).toBe(true);
    expect(results[LOGIN]).toBe(429);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@lms/testing-fleet';
import { testEnv } from '@lms/kit/testing';
import { startReadyProcess } from './child-process';
import { registerAndLogin, uniqueEmail } from './auth';
import { GENEROUS_LIMITS, UNREACHABLE_BACKENDS, newIp, uniquePrefix } from './gateway';
import { Api, expectErrorBody, type ApiResponse } from './http';

/** Shared by the replica suites: two gateways in one process (replicas.test.ts) and two gateway processes (replicas-processes.test.ts). */

/** Requests as coming from `ip` (the gateways trust X-Forwarded-For: TRUST_PROXY=true). */
export const from = (ip: string) => ({ 'X-Forwarded-For': ip });

/** The rate limiter's refusal: 429 RATE_LIMITED in the error format, Retry-After ≥ 1 s, nothing remaining. */
export function expect429(res: ApiResponse): void {
  expectErrorBody(res, 429, 'RATE_LIMITED');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
}

/** The limits both replica suites set, small enough to spend in a test. */
export const GENERAL = 20;
export const LOGIN = 3;

/** auth's own failed-login lockouts high: the gateways' limits are what is under test. */
export const AUTH_LOCKOUTS_OFF = { LOGIN_IP_MAX_FAILURES: '100000', LOGIN_MAX_FAILURES: '1000' };

/** The settings both gateways of a pair share: one Redis key space, the client address from X-Forwarded-For, the limits. */
export function sharedLimitsEnv(label: string): Record<string, string> {
  return {
    REDIS_KEY_PREFIX: uniquePrefix(label),
    TRUST_PROXY: 'true',
    RATE_LIMIT_GENERAL_PER_MIN: String(GENERAL),
    RATE_LIMIT_LOGIN_PER_MIN: String(LOGIN),
    // a 10-minute window: a budget earns one request back every 30 s (general) or 200 s (login), far longer
    // than a loaded machine takes to send the budget, so the request that must be refused is refused
    RATE_LIMIT_WINDOW_MS: '600000',
  };
}

/**
 * The scenarios both replica suites prove for their pair (`pair()` once beforeAll has started it; `noun` names the
 * two in the test names): the general per-IP limit, the login limit per IP and per email hold for the SUM.
 */
export function limitsHoldForTheSum(noun: 'replicas' | 'processes', tag: string, pair: () => { a: { api: Api }; b: { api: Api } }): void {
  const replica = (i: number) => (i % 2 ? pair().b : pair().a);

  test(`When one IP alternates between the ${noun}, then the general limit holds for the sum: the (limit+1)-th request overall is 429 with Retry-After on both`, async () => {
    const { a, b } = pair();
    const ip = newIp();
    for (let i = 0; i < GENERAL; i++) {
      const res = await replica(i).api.get('/healthz', { headers: from(ip) });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(GENERAL));
      // each one reports the budget left for the sum, not for what it saw itself
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(GENERAL - 1 - i));
    }
    expect429(await a.api.get('/healthz', { headers: from(ip) }));
    expect429(await b.api.get('/healthz', { headers: from(ip) }));
    // The budget is per client: another address is untouched on either.
    expect((await a.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
    expect((await b.api.get('/healthz', { headers: from(newIp()) })).status).toBe(200);
  });

  test(`When one IP floods login across both ${noun}, then the strict login limit is reached for the sum: 429 with Retry-After on both, even for correct credentials`, async () => {
    const { a, b } = pair();
    const victim = await registerAndLogin(a.api, `${tag}-victim`, from(newIp()));
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

  test(`When one email is tried from many addresses across both ${noun}, then the per-email login limit stops it on both`, async () => {
    const { a, b } = pair();
    const email = uniqueEmail(`${tag}-target`);
    for (let i = 0; i < LOGIN; i++) {
      const res = await replica(i).api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) });
      expectErrorBody(res, 401);
    }
    expect429(await a.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
    expect429(await b.api.post('/api/v1/auth/login', { email, password: 'Wrong-pass-1' }, { headers: from(newIp()) }));
  });
}

export interface GatewayProcess {
  api: Api;
  base: string;
  pid: number;
  /** SIGTERM, SIGKILL after 15 s; resolves once it exited. */
  stop(): Promise<void>;
}

const ENTRY = path.resolve(__dirname, '../../dist/src/main.js');

/**
 * The real gateway as a process of its own, from its build (`npx tsc -b gateway`), on a free port of 127.0.0.1:
 * its own Redis connection, revocation mirror, caches and event loop, as one pod of a deployment. `env` on top of
 * test defaults (every backend but auth unreachable, limits generous, no metrics port). Ready when /readyz answers.
 */
export async function startGatewayProcess(authAddress: string, env: Record<string, string> = {}): Promise<GatewayProcess> {
  if (!fs.existsSync(ENTRY)) throw new Error('gateway/dist/src/main.js is not built: npx tsc -b libs/kit gateway');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = await startReadyProcess({
    name: 'the gateway process',
    args: [ENTRY],
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_ENABLED: 'false',
      AUTH_GRPC_ADDR: authAddress,
      ...UNREACHABLE_BACKENDS,
      REDIS_URL: testEnv.redisUrl,
      ...GENEROUS_LIMITS,
      GRPC_DEADLINE_MS: '5000',
      ...env,
    },
    ready: () => fetch(`${base}/readyz`).then((r) => r.ok),
    timeoutMs: 45_000,
  });
  return { api: new Api(base), base, pid: started.pid, stop: started.stop };
}

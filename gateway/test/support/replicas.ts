import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@lms/testing-fleet';
import { testEnv } from '@lms/kit/testing';
import { startReadyProcess } from './child-process';
import { GENEROUS_LIMITS, UNREACHABLE_BACKENDS } from './gateway';
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

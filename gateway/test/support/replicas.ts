import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@lms/testing-fleet';
import { testEnv } from '@lms/kit/testing';
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
  let output = '';
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_ENABLED: 'false',
      AUTH_GRPC_ADDR: authAddress,
      CATALOG_GRPC_ADDR: '127.0.0.1:1',
      ENROLLMENT_GRPC_ADDR: '127.0.0.1:1',
      QUIZ_GRPC_ADDR: '127.0.0.1:1',
      ANALYTICS_GRPC_ADDR: '127.0.0.1:1',
      MEDIA_GRPC_ADDR: '127.0.0.1:1',
      CERTIFICATE_GRPC_ADDR: '127.0.0.1:1',
      REDIS_URL: testEnv.redisUrl,
      RATE_LIMIT_GENERAL_PER_MIN: '100000',
      RATE_LIMIT_LOGIN_PER_MIN: '100000',
      RATE_LIMIT_REGISTER_PER_MIN: '100000',
      GRPC_DEADLINE_MS: '5000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    }
  };
  const deadline = Date.now() + 45_000;
  while (!(await fetch(`${base}/readyz`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the gateway process did not become ready:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { api: new Api(base), base, pid: child.pid!, stop };
}

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCatalogClient } from '@lms/kit/clients';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { testEnv, testLogger } from '@lms/kit/testing';
import type { Fleet } from '@lms/testing-fleet';
import { buildApp, type GatewayDeps } from '../../src/app';
import { createAuthClient } from '../../src/clients/auth.client';
import { loadGatewayConfig, type GatewayConfig } from '../../src/config';
import { start } from '../../src/main';
import { Api } from './http';

export interface TestGateway {
  api: Api;
  base: string;
  port: number;
  config: GatewayConfig;
  stop(): Promise<void>;
}

/** A fresh client address per call (with TRUST_PROXY=true, X-Forwarded-For decides req.ip): its own rate-limit budget. */
export const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

/** A unique Redis key prefix per suite, so suites never share rate-limit counters. */
export function uniquePrefix(label: string): string {
  return `lms:gw:test:${label}:${randomBytes(4).toString('hex')}:`;
}

/** Backends a test gateway does without: an address where nothing ever listens (the call fails at once). */
export const UNREACHABLE_BACKENDS = {
  CATALOG_GRPC_ADDR: '127.0.0.1:1',
  ENROLLMENT_GRPC_ADDR: '127.0.0.1:1',
  QUIZ_GRPC_ADDR: '127.0.0.1:1',
  ANALYTICS_GRPC_ADDR: '127.0.0.1:1',
  MEDIA_GRPC_ADDR: '127.0.0.1:1',
  CERTIFICATE_GRPC_ADDR: '127.0.0.1:1',
};

/** The gateway's addresses of the backends a test fleet runs (`<NAME>_GRPC_ADDR`), for startGateway's env. */
export function backendsOf(fleet: Fleet<string>): Record<string, string> {
  const services = { CATALOG: fleet.catalog, ENROLLMENT: fleet.enrollment, QUIZ: fleet.quiz, ANALYTICS: fleet.analytics, MEDIA: fleet.media, CERTIFICATE: fleet.certificate };
  return Object.fromEntries(Object.entries(services).flatMap(([name, handle]) => (handle ? [[`${name}_GRPC_ADDR`, handle.address]] : [])));
}

/** Rate limits no journey from 127.0.0.1 reaches; the rate-limit suites pass small ones. */
export const GENEROUS_LIMITS = {
  RATE_LIMIT_GENERAL_PER_MIN: '100000',
  RATE_LIMIT_LOGIN_PER_MIN: '100000',
  RATE_LIMIT_REGISTER_PER_MIN: '100000',
};

/**
 * Starts the real gateway on port 0. Limits are generous by default (a journey makes many calls from
 * 127.0.0.1); the rate-limit suite passes small ones.
 */
export async function startGateway(authAddress: string, env: Record<string, string> = {}): Promise<TestGateway> {
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    AUTH_GRPC_ADDR: authAddress,
    // Suites that need catalog pass its address; the default never reaches a catalog running locally.
    CATALOG_GRPC_ADDR: '127.0.0.1:1',
    QUIZ_GRPC_ADDR: '127.0.0.1:1',
    ANALYTICS_GRPC_ADDR: '127.0.0.1:1',
    MEDIA_GRPC_ADDR: '127.0.0.1:1',
    CERTIFICATE_GRPC_ADDR: '127.0.0.1:1',
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: uniquePrefix('gw'),
    RATE_LIMIT_GENERAL_PER_MIN: '100000',
    RATE_LIMIT_LOGIN_PER_MIN: '100000',
    RATE_LIMIT_REGISTER_PER_MIN: '100000',
    GRPC_DEADLINE_MS: '5000',
    ...env,
  });
  const running = await start(config, testLogger('gateway'));
  const base = `http://127.0.0.1:${running.port}`;
  return { api: new Api(base), base, port: running.port, config, stop: running.stop };
}

/**
 * The gateway's app (buildApp) on port 0 with scripted backend clients (`analytics`, `media`, `catalog`, …) in
 * place of real services: for suites that script what a backend answers, message by message, or count the calls.
 * Its own Redis connection (the kit's, to `env.REDIS_URL` if given: it may be unreachable) and auth client; backends
 * not given get unreachable addresses; limits generous unless `env` says otherwise.
 */
export async function startScriptedGateway(
  authAddress: string,
  label: string,
  clients: Pick<GatewayDeps, 'analytics' | 'media' | 'enrollment' | 'quiz' | 'certificate'> & { catalog?: GatewayDeps['catalog'] },
  env: Record<string, string> = {},
): Promise<{ api: Api; base: string; stop(): Promise<void> }> {
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_GRPC_ADDR: authAddress,
    ...UNREACHABLE_BACKENDS,
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: uniquePrefix(label),
    ...GENEROUS_LIMITS,
    ...env,
  });
  const redis = createRedis(config.REDIS_URL);
  await waitForRedis(redis, 2000);
  const auth = createAuthClient(authAddress, 5000);
  const catalog = clients.catalog ?? createCatalogClient(config.CATALOG_GRPC_ADDR, 500);
  const built = buildApp({ config, logger: testLogger('gateway'), auth, ...clients, catalog, redis });
  const server = http.createServer(built.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api: new Api(base),
    base,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (!clients.catalog) catalog.close(); // the caller's own client is the caller's to close
      auth.close();
      await closeRedis(redis);
    },
  };
}

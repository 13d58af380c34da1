import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, createTestVhost, testEnv, type TestResource } from '@lms/kit/testing';

/**
 * The local servers of scripts/infra.sh (`eval "$(bash scripts/infra.sh env)"` exports these; the
 * defaults are infra.sh's ports). The benchmark makes its own databases and vhost, all named
 * `bench_<what>_<random>`, and drops them at the end — with the kit's test helpers.
 */
// The kit reads NODE_ENV of the process (unset = production, which refuses the development service secret);
// every bench imports this module, so the in-process services and gateway get the development default here.
process.env.NODE_ENV ??= 'development';

export const infra = testEnv;

export const runId = randomBytes(4).toString('hex');

export type Resource = TestResource;

export function createDatabase(what: string): Promise<Resource> {
  return createTestDatabase(what, { name: `bench_${what}_${runId}` });
}

export function createVhost(what: string): Promise<Resource> {
  return createTestVhost(what, { name: `bench_${what}_${runId}` });
}

/** A positive number from the environment (a benchmark knob), or the fallback; `integer` refuses fractions. */
export function envNumber(name: string, fallback: number, integer = false): number {
  const v = process.env[name];
  const n = v === undefined ? fallback : Number(v);
  if (!(integer ? Number.isInteger(n) : Number.isFinite(n)) || n <= 0) throw new Error(`${name} must be a positive ${integer ? 'integer' : 'number'}`);
  return n;
}

/**
 * What a run must undo (databases, vhost, servers), undone in reverse order at the end or on Ctrl-C; a failing
 * step is logged and the others still run.
 */
export function cleanupStack(log: (msg: string) => void) {
  const steps: (() => Promise<unknown>)[] = [];
  // One cleanup at a time: after Ctrl-C the script's own `finally` calls run() too (its calls fail as servers
  // stop) and must wait for the cleanup under way instead of exiting in the middle of it.
  let running: Promise<void> = Promise.resolve();
  const run = () =>
    (running = running.then(async () => {
      for (const step of steps.splice(0).reverse()) await step().catch((err: Error) => log(`cleanup: ${err.message}`));
    }));
  // Ctrl-C reaches npx, tsx and node alike and may be relayed again (and npm may follow with SIGTERM): the first
  // signal starts the cleanup, later ones are ignored rather than killing the process half-way through it.
  let stopping = false;
  const stop = (code: number) => () => {
    if (stopping) return;
    stopping = true;
    void run().finally(() => process.exit(code));
  };
  process.on('SIGINT', stop(130));
  process.on('SIGTERM', stop(143));
  return { push: (step: () => Promise<unknown>) => steps.push(step), run };
}

/** Connects to the local Redis now and, at cleanup, deletes every key this run wrote under `prefix`. */
export async function redisKeysDropper(prefix: string): Promise<() => Promise<void>> {
  const redis = new Redis(infra.redisUrl, { lazyConnect: true });
  await redis.connect();
  return async () => {
    let cursor = '0';
    do {
      const [c, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = c;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  };
}

/**
 * The gateway's environment in a bench: the limits raised so the load measures the path, not the limiter
 * (the GCRA script still runs on every request), a deadline that a loaded box does not hit, and no
 * per-request access log line.
 */
export function benchGatewayEnv(redisKeyPrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    RATE_LIMIT_GENERAL_PER_MIN: '100000000',
    RATE_LIMIT_LOGIN_PER_MIN: '100000',
    RATE_LIMIT_REGISTER_PER_MIN: '100000',
    GRPC_DEADLINE_MS: '10000',
  };
}

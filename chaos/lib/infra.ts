import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, createTestVhost, testEnv, uniqueName, type TestResource } from '@lms/kit/testing';
import { REPO } from '../../bench/lib/processes';

const run = promisify(execFile);

/**
 * A private PostgreSQL, RabbitMQ and Redis of scripts/infra.sh (its own ports, state/data directory under .run/ and
 * RabbitMQ node name), which chaos may stop and start at will: the shared servers of the other suites are never
 * touched. `INFRA_STATE_DIR` (infra.sh) keeps its PID files and lock apart from the shared instance's.
 */
export interface ChaosInfra {
  /** A service's database (created by the service itself on the private instance, beforehand on the shared one). */
  databaseUrl(service: string): string;
  amqpUrl: string;
  mgmtUrl: string;
  /** The RabbitMQ vhost the fleet uses ('/' on the private instance). */
  vhost: string;
  redisUrl: string;
  /** The capture mailbox auth sends its mails to. */
  smtpUrl: string;
  /** Prefix of the Redis keys of catalog and the gateway (the shared Redis is shared with other suites). */
  redisKeyPrefix: string;
  up(): Promise<void>;
  down(): Promise<void>;
  /** Stops one server (PostgreSQL fast shutdown, RabbitMQ and Redis SIGTERM), waits for its exit, starts it again. */
  restart(server: 'postgres' | 'rabbitmq' | 'redis'): Promise<void>;
}

export function privateInfra(opts: { base?: number; dir?: string; log: (msg: string) => void }): ChaosInfra {
  // Ports base+432 (PostgreSQL) … far from the shared 55xxx/56xxx ones.
  const base = opts.base ?? 58000;
  const dir = opts.dir ?? path.join(REPO, '.run', `chaos-infra-${base}`);
  const ports = { pg: base + 432, amqp: base + 672, mgmt: base + 673, dist: base + 674, redis: base + 379, smtp: base + 25, s3: base + 568 };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    INFRA_STATE_DIR: dir,
    INFRA_PG_PORT: String(ports.pg),
    INFRA_AMQP_PORT: String(ports.amqp),
    INFRA_MGMT_PORT: String(ports.mgmt),
    INFRA_DIST_PORT: String(ports.dist),
    INFRA_REDIS_PORT: String(ports.redis),
    INFRA_SMTP_PORT: String(ports.smtp),
    INFRA_S3_PORT: String(ports.s3),
    INFRA_RABBITMQ_NODENAME: `chaos${base}@localhost`,
    // nothing here stores files in S3: an "external" endpoint keeps infra.sh from starting an s3rver
    S3_ENDPOINT: 'http://127.0.0.1:1',
  };
  const infra = async (...args: string[]) => {
    const { stderr } = await run('bash', [path.join(REPO, 'scripts/infra.sh'), ...args], { env, cwd: REPO, maxBuffer: 1 << 24 });
    return stderr;
  };
  const pids = async (): Promise<Record<string, number>> => {
    const { stdout } = await run('bash', [path.join(REPO, 'scripts/infra.sh'), 'status'], { env, cwd: REPO }).catch((err: { stdout: string }) => err);
    return Object.fromEntries([...stdout.matchAll(/^(\w+)\s+running\s.*pid=(\d+)/gm)].map((m) => [m[1], Number(m[2])]));
  };
  const gone = async (pid: number) => {
    for (let i = 0; i < 600; i++) {
      if (!fs.existsSync(`/proc/${pid}`)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`pid ${pid} still alive after 60 s`);
  };
  return {
    databaseUrl: (service) => `postgres://lms:lms@127.0.0.1:${ports.pg}/chaos_${service}`,
    amqpUrl: `amqp://guest:guest@127.0.0.1:${ports.amqp}`,
    mgmtUrl: `http://guest:guest@127.0.0.1:${ports.mgmt}`,
    vhost: '/',
    redisUrl: `redis://127.0.0.1:${ports.redis}`,
    smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
    redisKeyPrefix: 'lms:',
    up: async () => {
      fs.mkdirSync(dir, { recursive: true });
      opts.log(`private infrastructure in ${path.relative(REPO, dir)} (PostgreSQL ${ports.pg}, RabbitMQ ${ports.amqp}, Redis ${ports.redis})`);
      await infra('up');
    },
    down: async () => {
      await infra('down');
    },
    restart: async (server) => {
      const pid = (await pids())[server];
      if (!pid) throw new Error(`${server} is not running`);
      // PostgreSQL: SIGINT = fast shutdown (SIGTERM would wait for every client to disconnect).
      process.kill(pid, server === 'postgres' ? 'SIGINT' : 'SIGTERM');
      await gone(pid);
      await infra('up');
    },
  };
}

/**
 * The shared servers of scripts/infra.sh, for a run that only kills the fleet's own processes (the jest suite):
 * a new database per service and a new vhost, dropped at the end; the servers themselves are never restarted.
 */
export function sharedInfra(services: readonly string[]): ChaosInfra {
  const made: TestResource[] = [];
  const dbs = new Map<string, string>();
  let vhost: TestResource | undefined;
  const run = uniqueName('chaos');
  return {
    databaseUrl: (service) => {
      const url = dbs.get(service);
      if (!url) throw new Error(`no database for ${service}`);
      return url;
    },
    get amqpUrl() {
      return vhost!.url;
    },
    mgmtUrl: testEnv.rabbitMgmtUrl,
    get vhost() {
      return vhost!.name;
    },
    redisUrl: testEnv.redisUrl,
    smtpUrl: process.env.SMTP_URL ?? 'smtp://127.0.0.1:51025',
    redisKeyPrefix: `lms:${run}:`,
    up: async () => {
      for (const service of services) {
        const db = await createTestDatabase(`chaos_${service}`);
        made.push(db);
        dbs.set(service, db.url);
      }
      vhost = await createTestVhost('chaos');
      made.push(vhost);
    },
    down: async () => {
      for (const r of made.splice(0).reverse()) await r.drop();
    },
    restart: () => Promise.reject(new Error('the shared servers are never restarted')),
  };
}

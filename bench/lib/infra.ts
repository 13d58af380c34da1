import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The local servers of scripts/infra.sh (`eval "$(bash scripts/infra.sh env)"` exports these; the
 * defaults are infra.sh's ports). The benchmark makes its own databases and vhost, all named
 * `bench_<what>_<random>`, and drops them at the end.
 */
export const infra = {
  adminDatabaseUrl: process.env.DATABASE_URL ?? 'postgres://lms:lms@127.0.0.1:55432/postgres',
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:55672',
  rabbitMgmtUrl: process.env.RABBITMQ_MGMT_URL ?? 'http://guest:guest@127.0.0.1:55673',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:56379',
};

export const runId = randomBytes(4).toString('hex');

export interface Resource {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createDatabase(what: string): Promise<Resource> {
  const name = `bench_${what}_${runId}`;
  const admin = new Client({ connectionString: infra.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(infra.adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: infra.adminDatabaseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

async function mgmt(method: string, path: string, body?: unknown): Promise<void> {
  const base = new URL(infra.rabbitMgmtUrl);
  const auth = Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64');
  base.username = '';
  base.password = '';
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok && res.status !== 404) throw new Error(`RabbitMQ management ${method} ${path}: ${res.status}`);
}

export async function createVhost(what: string): Promise<Resource> {
  const name = `bench_${what}_${runId}`;
  const user = decodeURIComponent(new URL(infra.rabbitMgmtUrl).username || 'guest');
  await mgmt('PUT', `/api/vhosts/${encodeURIComponent(name)}`);
  await mgmt('PUT', `/api/permissions/${encodeURIComponent(name)}/${encodeURIComponent(user)}`, { configure: '.*', write: '.*', read: '.*' });
  const url = new URL(infra.amqpUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return { url: url.toString(), name, drop: () => mgmt('DELETE', `/api/vhosts/${encodeURIComponent(name)}`) };
}

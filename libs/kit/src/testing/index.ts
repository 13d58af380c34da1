import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import amqp from 'amqplib';

/**
 * Helpers for integration tests against the real servers started by scripts/infra.sh:
 * one database and one RabbitMQ vhost per suite, so suites run in parallel without sharing state.
 */
export const testEnv = {
  adminDatabaseUrl: process.env.DATABASE_URL ?? 'postgres://lms:lms@127.0.0.1:55432/postgres',
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:55672',
  rabbitMgmtUrl: process.env.RABBITMQ_MGMT_URL ?? 'http://guest:guest@127.0.0.1:55673',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:56379',
};

export function uniqueName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
}

export interface TestResource {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestResource> {
  const name = uniqueName(label);
  const admin = new Client({ connectionString: testEnv.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(testEnv.adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: testEnv.adminDatabaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function mgmt(method: string, path: string, body?: unknown): Promise<void> {
  const base = new URL(testEnv.rabbitMgmtUrl);
  const auth = Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64');
  base.username = '';
  base.password = '';
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok && res.status !== 404) throw new Error(`RabbitMQ management ${method} ${path}: ${res.status} ${await res.text()}`);
}

export async function createTestVhost(label: string): Promise<TestResource> {
  const name = uniqueName(label);
  const user = decodeURIComponent(new URL(testEnv.rabbitMgmtUrl).username || 'guest');
  await mgmt('PUT', `/api/vhosts/${encodeURIComponent(name)}`);
  await mgmt('PUT', `/api/permissions/${encodeURIComponent(name)}/${encodeURIComponent(user)}`, {
    configure: '.*',
    write: '.*',
    read: '.*',
  });
  const url = new URL(testEnv.amqpUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return { url: url.toString(), name, drop: () => mgmt('DELETE', `/api/vhosts/${encodeURIComponent(name)}`) };
}

/** A queue's ready-message count, straight from the broker (the management API's numbers lag by seconds). */
export async function queueDepth(amqpUrl: string, queue: string): Promise<number> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Retries an assertion until it passes or the time is up (then rethrows the last failure). */
export async function eventually<T>(fn: () => Promise<T> | T, timeoutMs = 15000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** Quiet logger for tests; LOG_LEVEL=debug shows everything. */
export function testLogger(service = 'test') {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent', base: { service } });
}

import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import { QueryTypes, type Sequelize } from 'sequelize';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { AppError } from '../errors';
import { EVENTS_EXCHANGE, type CloudEvent } from '../events/envelope';
import type { AuthClient } from '../auth/remote';

/**
 * Helpers for integration tests against the real servers started by scripts/infra.sh:
 * one database and one RabbitMQ vhost per suite, so suites run in parallel without sharing state.
 */
export const testEnv = {
  adminDatabaseUrl: process.env.DATABASE_URL ?? 'postgres://lms:lms@127.0.0.1:55432/postgres',
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:55672',
  rabbitMgmtUrl: process.env.RABBITMQ_MGMT_URL ?? 'http://guest:guest@127.0.0.1:55673',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:56379',
  /** The capture mailbox (scripts/mail-capture.mjs, started by scripts/infra.sh). */
  smtpUrl: process.env.SMTP_URL ?? 'smtp://127.0.0.1:51025',
  mailDir: process.env.MAIL_CAPTURE_DIR ?? path.resolve(__dirname, '../../../../.infra/mail'),
};

/** One message as the capture mailbox stored it. */
export interface CapturedMail {
  id: string;
  received_at: string;
  envelope: { from: string | null; to: string[] };
  from: string | null;
  to: string | null;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Every message the capture mailbox received for `address` (case-insensitive), oldest first. */
export async function mailTo(address: string, dir = testEnv.mailDir): Promise<CapturedMail[]> {
  const folder = path.join(dir, address.toLowerCase().replace(/[^a-z0-9@._+-]/g, '_')); // as scripts/lib/mailbox-name.mjs names it
  const names = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(names.map(async (f) => JSON.parse(await readFile(path.join(folder, f), 'utf8')) as CapturedMail));
}

/** Waits until a message for `address` matching `predicate` arrives (recipients are unique per test). */
// 45 s: on a loaded CI box the outbox → consumer → SMTP way of one mail has taken over 15 s.
export function waitForMail(address: string, predicate: (m: CapturedMail) => boolean = () => true, timeoutMs = 45_000): Promise<CapturedMail> {
  return eventually(async () => {
    const found = (await mailTo(address)).find(predicate);
    if (!found) throw new Error(`no mail to ${address} matching the expectation arrived in ${timeoutMs} ms`);
    return found;
  }, timeoutMs, 100);
}

export function uniqueName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
}

export interface TestResource {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database named after `label` (or exactly `options.name`), dropped by `drop()`. */
export async function createTestDatabase(label: string, options: { name?: string } = {}): Promise<TestResource> {
  const name = options.name ?? uniqueName(label);
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

/** A fresh RabbitMQ vhost named after `label` (or exactly `options.name`), deleted by `drop()`. */
export async function createTestVhost(label: string, options: { name?: string } = {}): Promise<TestResource> {
  const name = options.name ?? uniqueName(label);
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
    // A queue that does not exist (yet) closes the channel with a 404: that rejects checkQueue; the
    // channel's and connection's 'error' events must not become unhandled errors of the test process.
    connection.on('error', () => undefined);
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
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

/**
 * How many backends of `db`'s database wait for a lock with a statement matching every LIKE pattern (e.g. to see that
 * a call reached a statement a test holds a lock against). pg_stat_activity keeps only a statement's first 1 KB.
 */
export async function lockWaiters(db: Sequelize, ...statementLike: string[]): Promise<number> {
  const likes = statementLike.map((_, i) => ` AND query LIKE :like${i}`).join('');
  const rows = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'${likes}`,
    { type: QueryTypes.SELECT, replacements: Object.fromEntries(statementLike.map((like, i) => [`like${i}`, like])) },
  );
  return Number(rows[0].n);
}

/** Quiet logger for tests; LOG_LEVEL=debug shows everything. */
export function testLogger(service = 'test') {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent', base: { service } });
}

/** Asserts a rejected gRPC call: its status and, when given, the service's stable error code. */
export async function expectGrpcError(promise: Promise<unknown>, status: GrpcStatus, code?: string): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof AppError)) throw new Error(`expected the call to fail with gRPC ${GrpcStatus[status]}, it succeeded`);
  const actual = (caught.cause as ServiceError | undefined)?.code;
  if (actual !== status || (code !== undefined && caught.code !== code)) {
    throw new Error(
      `expected ${GrpcStatus[status]}${code ? ` (${code})` : ''}, got ${actual === undefined ? '?' : GrpcStatus[actual]} (${caught.code}): ${caught.message}`,
    );
  }
  return caught;
}

/** The gRPC status of a call: 'OK' or the status name (rethrows what is not a gRPC failure). */
export async function grpcStatusOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    const code = ((err as AppError).cause as ServiceError | undefined)?.code;
    if (code === undefined) throw err;
    return GrpcStatus[code];
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CapturedEvent = CloudEvent<Record<string, any>>;

/** Collects what is published to lms.events under the given routing keys, on a queue bound in the suite's vhost. */
export async function captureEvents(vhostUrl: string, keys: string[]) {
  const connection = await amqp.connect(vhostUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  for (const key of keys) await channel.bindQueue(queue, EVENTS_EXCHANGE, key);
  const received: { event: CapturedEvent; properties: amqp.MessageProperties }[] = [];
  await channel.consume(queue, (msg) => {
    if (!msg) return;
    received.push({ event: JSON.parse(msg.content.toString('utf8')), properties: msg.properties });
    channel.ack(msg);
  });
  return {
    received,
    /** Every event so far matching the predicate, in arrival order. */
    matching: (predicate: (event: CapturedEvent) => boolean) => received.map((r) => r.event).filter(predicate),
    /** Waits for the first event matching the predicate. */
    async waitFor(predicate: (event: CapturedEvent) => boolean, timeoutMs = 15_000) {
      return eventually(() => {
        const found = received.find((r) => predicate(r.event));
        if (!found) throw new Error(`no matching event yet (received ${received.map((r) => r.event.type).join(', ') || 'none'})`);
        return found;
      }, timeoutMs);
    },
    async close() {
      await connection.close().catch(() => undefined);
    },
  };
}

export type TestRole = 'admin' | 'instructor' | 'student';

/** A signed-in user of a test: the metadata to send is `user.auth`. */
export interface TestUser {
  userId: string;
  email: string;
  fullName: string;
  role: TestRole;
  auth: { authorization: string };
}

/** Logs in through the real auth service. */
export async function signIn(auth: AuthClient, email: string, password: string, fullName = ''): Promise<TestUser> {
  const tokens = await auth.Login({ email, password });
  const user = tokens.user!;
  return {
    userId: user.id,
    email,
    fullName: fullName || user.full_name,
    role: user.role as TestRole,
    auth: { authorization: `Bearer ${tokens.access_token}` },
  };
}

/** Registers a new user with a unique email (`<tag>.<random>@example.test`) and logs them in. */
export async function signUp(auth: AuthClient, role: 'instructor' | 'student', tag: string, password: string): Promise<TestUser> {
  const email = `${tag}.${randomBytes(5).toString('hex')}@example.test`;
  const fullName = `${tag[0].toUpperCase()}${tag.slice(1)} ${randomBytes(2).toString('hex')}`;
  await auth.Register({ email, password, full_name: fullName, role });
  return signIn(auth, email, password, fullName);
}

/** A Redis connection whose commands are recorded by name, for tests of how many round trips a path makes. */
export function countingRedis(url = testEnv.redisUrl): { redis: Redis; sent: string[] } {
  const redis = new Redis(url);
  const sent: string[] = [];
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command, stream) => {
    sent.push(command.name);
    return send(command, stream);
  }) as typeof redis.sendCommand;
  return { redis, sent };
}

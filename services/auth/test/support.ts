import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import type { ServiceError } from '@grpc/grpc-js';
import { createClient, GrpcStatus, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import { contextFromIncoming, runWithContext } from '@lms/kit';
import { AppError } from '@lms/kit/errors';
import { EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { createTestDatabase, createTestVhost, eventually, testEnv, testLogger, type TestResource } from '@lms/kit/testing';
import { loadAuthConfig, loadBootstrapAdminConfig, type AuthConfig } from '../src/config';
import { start, type RunningAuthService } from '../src/main';
import { runBootstrapAdmin } from '../src/cli/bootstrap-admin';

export type AuthClient = PromiseClient<AuthServiceDefinition>;

export const STRONG_PASSWORD = 'Correct-Horse-9';

export interface AuthHarness {
  config: AuthConfig;
  client: AuthClient;
  db: TestResource;
  vhost: TestResource;
  service: RunningAuthService;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the auth service in-process on its own database and vhost (port 0, bcrypt cost 4). */
export async function startAuth(label: string, overrides: Record<string, string> = {}): Promise<AuthHarness> {
  const db = await createTestDatabase(`auth_${label}`);
  const vhost = await createTestVhost(`auth_${label}`).catch(async (err: unknown) => {
    await db.drop();
    throw err;
  });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    GRPC_PORT: '0',
    DATABASE_URL: db.url,
    AMQP_URL: vhost.url,
    REDIS_URL: testEnv.redisUrl,
    BCRYPT_COST: '4',
    OUTBOX_POLL_MS: '100',
    ...overrides,
  };
  const config = loadAuthConfig(env);
  let service: RunningAuthService;
  try {
    service = await start(config, testLogger('auth'));
  } catch (err) {
    await vhost.drop();
    await db.drop();
    throw err;
  }
  const Ctor = loadService('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService');
  const client = createClient<AuthServiceDefinition>(Ctor, `127.0.0.1:${service.grpcPort}`, { deadlineMs: 15_000 });
  return {
    config,
    client,
    db,
    vhost,
    service,
    env,
    async close() {
      client.close();
      await service.stop();
      await vhost.drop();
      await db.drop();
    },
  };
}

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomBytes(5).toString('hex')}@Example.test`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Runs a call as if it came through the gateway from this client IP. */
export function fromIp<T>(ip: string, fn: () => Promise<T>): Promise<T> {
  return runWithContext(contextFromIncoming({ clientIp: ip, userAgent: 'jest' }), fn);
}

/** Registers and signs in a fresh user; returns the credentials and tokens. */
export async function signUpAndIn(client: AuthClient, label = 'user', password = STRONG_PASSWORD) {
  const email = uniqueEmail(label);
  const user = await client.Register({ email, password, full_name: `${label} Tester`, role: '' });
  const tokens = await client.Login({ email, password });
  return { email, password, user, tokens, auth: bearer(tokens.access_token) };
}

/** Ensures an administrator through the bootstrap command and signs in as them. */
export async function adminSession(h: AuthHarness) {
  const email = uniqueEmail('admin');
  await runBootstrapAdmin(
    loadAuthConfigForBootstrap(h, { ADMIN_EMAIL: email, ADMIN_PASSWORD: STRONG_PASSWORD, ADMIN_FULL_NAME: 'Ada Admin' }),
    testLogger('bootstrap'),
  );
  const tokens = await h.client.Login({ email, password: STRONG_PASSWORD });
  return { email, tokens, auth: bearer(tokens.access_token), userId: tokens.user!.id };
}

export function loadAuthConfigForBootstrap(h: AuthHarness, admin: Record<string, string>) {
  return loadBootstrapAdminConfig({ ...h.env, ...admin });
}

/** Asserts a rejected call: its gRPC status and, when given, the service's stable error code. */
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

/** Collects the events published to lms.events in the suite's vhost under the given routing keys. */
export async function captureEvents(vhostUrl: string, keys: string[]) {
  const connection: ChannelModel = await amqp.connect(vhostUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  for (const key of keys) await channel.bindQueue(queue, EVENTS_EXCHANGE, key);
  const received: { event: CloudEvent<Record<string, unknown>>; properties: amqp.MessageProperties }[] = [];
  await channel.consume(
    queue,
    (msg) => {
      if (!msg) return;
      received.push({ event: JSON.parse(msg.content.toString('utf8')), properties: msg.properties });
      channel.ack(msg);
    },
    { noAck: false },
  );
  return {
    received,
    /** Waits for the first event matching the predicate. */
    async waitFor(predicate: (event: CloudEvent<Record<string, unknown>>) => boolean, timeoutMs = 15_000) {
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

export { GrpcStatus };

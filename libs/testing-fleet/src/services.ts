import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createAnalyticsClient,
  createAuthClient,
  createCatalogClient,
  createCertificateClient,
  createEnrollmentClient,
  createMediaClient,
  createQuizClient,
} from '@lms/kit/clients';
import type { AnalyticsClient, AuthClient, CatalogClient, CertificateClient, EnrollmentClient, MediaClient, QuizClient } from '@lms/kit/clients';
import { createTestDatabase, createTestVhost, testEnv, testLogger, type TestResource } from '@lms/kit/testing';
import type { AuthConfig } from '@lms/auth/config';
import type { RunningAuthService } from '@lms/auth/main';
import type { CatalogConfig } from '@lms/catalog/config';
import type { RunningCatalogService } from '@lms/catalog/main';
import type { EnrollmentConfig } from '@lms/enrollment/config';
import type { RunningEnrollmentService } from '@lms/enrollment/main';
import type { QuizConfig } from '@lms/quiz/config';
import type { RunningQuizService } from '@lms/quiz/main';
import type { AnalyticsConfig } from '@lms/analytics/config';
import type { RunningAnalyticsService } from '@lms/analytics/main';
import type { MediaConfig } from '@lms/media/config';
import type { RunningMediaService } from '@lms/media/main';
import type { CertificateConfig } from '@lms/certificate/config';
import type { RunningCertificateService } from '@lms/certificate/main';

/** The fleet's services that can run in-process, in dependency order. */
export const SERVICES = ['auth', 'catalog', 'enrollment', 'quiz', 'analytics', 'media', 'certificate'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Deadline of the test-side gRPC clients: generous, a suite's own timeout decides. */
export const CLIENT_DEADLINE_MS = 20_000;

/** An address nothing listens on: a dependency a suite does not start is never reached by accident. */
const NOWHERE = '127.0.0.1:1';

export interface StartOptions {
  /** Names the service's new database (and its vhost when it gets its own). */
  label: string;
  /** The broker to use (a fleet's shared vhost); without it the service gets a new vhost of its own. */
  amqpUrl?: string;
  /** Configuration on top of the starter's defaults (the last word). */
  env?: Record<string, string>;
  /** Run on this database instead of a new one (it is then not dropped by close()). */
  database?: TestResource;
}

/**
 * One service running in-process on port 0 with its own database, and a gRPC client of it. `service`,
 * `config`, `client`, `address` and `port` are replaced by restart(); read them from the handle afterwards.
 */
export interface ServiceHandle<Client, Config, Running> {
  name: ServiceName;
  service: Running;
  config: Config;
  /** The configuration it was started from (defaults + links + overrides), for restarts and replicas. */
  env: Record<string, string>;
  client: Client;
  address: string;
  port: number;
  db: TestResource;
  /** Its own new vhost, or the broker it was given (then drop() does nothing). */
  vhost: TestResource;
  /** Stops the process (idempotent); the client stays open until restart() or close(). */
  stop(): Promise<void>;
  /** Stops it if running, then starts it again on the same database and broker, with `overrides` on top of `env`. */
  restart(overrides?: Record<string, string>): Promise<void>;
  /** Another process of the same service on the same database, broker and Redis prefix (a second replica). */
  replica(overrides?: Record<string, string>): Promise<ServiceHandle<Client, Config, Running>>;
  /** Stops it and its replicas, closes the client, drops what it created (database, own vhost). */
  close(): Promise<void>;
}

export type AuthHandle = ServiceHandle<AuthClient, AuthConfig, RunningAuthService> & {
  /** Ensures an active admin through auth's own bootstrap-admin command; returns the credentials. */
  createAdmin(admin?: { email?: string; password?: string; fullName?: string }): Promise<{ email: string; password: string }>;
};
export type CatalogHandle = ServiceHandle<CatalogClient, CatalogConfig, RunningCatalogService>;
export type EnrollmentHandle = ServiceHandle<EnrollmentClient, EnrollmentConfig, RunningEnrollmentService>;
export type QuizHandle = ServiceHandle<QuizClient, QuizConfig, RunningQuizService>;
export type AnalyticsHandle = ServiceHandle<AnalyticsClient, AnalyticsConfig, RunningAnalyticsService>;
export type MediaHandle = ServiceHandle<MediaClient, MediaConfig, RunningMediaService>;
export type CertificateHandle = ServiceHandle<CertificateClient, CertificateConfig, RunningCertificateService>;

type Closable = { close(): void };
type Runnable = { grpcPort: number; stop(): Promise<void> };

/** How to run one service: its config loader, its start(), its client (all the service's own). */
interface Recipe<Client, Config, Running> {
  name: ServiceName;
  load(env: Record<string, string>): Config;
  start(config: Config): Promise<Running>;
  connect(address: string): Client;
}

function recipe<Client, Config, Running>(
  name: ServiceName,
  load: (env: Record<string, string>) => Config,
  start: (config: Config, logger: ReturnType<typeof testLogger>) => Promise<Running>,
  connect: (address: string, deadlineMs: number) => Client,
): Recipe<Client, Config, Running> {
  return { name, load, start: (config) => start(config, testLogger(name)), connect: (address) => connect(address, CLIENT_DEADLINE_MS) };
}

/** What every service of a test fleet is configured with, before its own defaults and the caller's overrides. */
function commonEnv(databaseUrl: string, amqpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: String(testLogger().level), // TEST_LOG_LEVEL, as the kit's test logger
    GRPC_PORT: '0',
    DATABASE_URL: databaseUrl,
    AMQP_URL: amqpUrl,
    REDIS_URL: testEnv.redisUrl,
    // the capture server of scripts/infra.sh (also on its INFRA_SMTP_PORT), whose folder the mail tests read
    SMTP_URL: testEnv.smtpUrl,
    OUTBOX_POLL_MS: '100',
    EVENT_RETRY_BASE_MS: '100',
  };
}

/** A broker someone else owns, as a resource that close() leaves alone. */
export function given(amqpUrl: string): TestResource {
  return { url: amqpUrl, name: new URL(amqpUrl).pathname.slice(1) || '/', drop: async () => undefined };
}

async function launch<Client extends Closable, Config, Running extends Runnable>(
  recipe: Recipe<Client, Config, Running>,
  options: StartOptions,
  defaults: Record<string, string>,
): Promise<ServiceHandle<Client, Config, Running>> {
  const owned: TestResource[] = [];
  const dropOwned = async () => {
    for (const resource of owned.splice(0).reverse()) await resource.drop().catch(() => undefined);
  };
  try {
    const db = options.database ?? (await createTestDatabase(`${recipe.name}_${options.label}`));
    if (!options.database) owned.push(db);
    const vhost = options.amqpUrl ? given(options.amqpUrl) : await createTestVhost(`${recipe.name}_${options.label}`);
    if (!options.amqpUrl) owned.push(vhost);
    const env = { ...commonEnv(db.url, vhost.url), ...defaults, ...options.env };
    return await run(recipe, env, db, vhost, dropOwned);
  } catch (err) {
    await dropOwned();
    throw err;
  }
}

async function run<Client extends Closable, Config, Running extends Runnable>(
  recipe: Recipe<Client, Config, Running>,
  env: Record<string, string>,
  db: TestResource,
  vhost: TestResource,
  dropOwned: () => Promise<void>,
): Promise<ServiceHandle<Client, Config, Running>> {
  const config = recipe.load(env);
  const service = await recipe.start(config);
  const address = `127.0.0.1:${service.grpcPort}`;
  let running: Running | undefined = service;
  let connected = true;
  const disconnect = () => {
    if (connected) handle.client.close();
    connected = false;
  };
  const replicas: ServiceHandle<Client, Config, Running>[] = [];
  const handle: ServiceHandle<Client, Config, Running> = {
    name: recipe.name,
    service,
    config,
    env,
    client: recipe.connect(address),
    address,
    port: service.grpcPort,
    db,
    vhost,
    async stop() {
      const stopping = running;
      running = undefined;
      await stopping?.stop();
    },
    async restart(overrides = {}) {
      await handle.stop();
      disconnect();
      const config = recipe.load({ ...env, ...overrides });
      const service = await recipe.start(config);
      running = service;
      connected = true;
      const address = `127.0.0.1:${service.grpcPort}`;
      Object.assign(handle, { service, config, address, port: service.grpcPort, client: recipe.connect(address) });
    },
    async replica(overrides = {}) {
      const copy = await run(recipe, { ...env, GRPC_PORT: '0', ...overrides }, db, vhost, async () => undefined);
      replicas.push(copy);
      return copy;
    },
    async close() {
      for (const copy of replicas.splice(0).reverse()) await copy.close().catch(() => undefined);
      await handle.stop().catch(() => undefined);
      disconnect();
      await dropOwned();
    },
  };
  return handle;
}

/** Auth on port 0 (bcrypt cost 4). Each other service needs its address (AUTH_GRPC_ADDR) for JWKS and revocation. */
export async function startAuth(options: StartOptions): Promise<AuthHandle> {
  const [{ loadAuthConfig }, { start }] = await Promise.all([import('@lms/auth/config'), import('@lms/auth/main')]);
  // Catalog (course titles in enrolment emails) is unreachable unless the caller names it (startFleet does).
  const handle = await launch(recipe('auth', loadAuthConfig, start, createAuthClient), options, { BCRYPT_COST: '4', CATALOG_GRPC_ADDR: NOWHERE });
  return Object.assign(handle, {
    async createAdmin(admin: { email?: string; password?: string; fullName?: string } = {}) {
      const { runBootstrapAdmin } = await import('@lms/auth/cli/bootstrap-admin');
      const email = admin.email ?? `admin.${randomBytes(5).toString('hex')}@example.test`;
      const password = admin.password ?? PASSWORD;
      await runBootstrapAdmin(
        { ...handle.config, ADMIN_EMAIL: email, ADMIN_PASSWORD: password, ADMIN_FULL_NAME: admin.fullName ?? 'Ada Admin' },
        testLogger('bootstrap'),
      );
      return { email, password };
    },
  });
}

/** The password every fleet user is registered with (meets auth's policy). */
export const PASSWORD = 'Correct-Horse-9';

/** A unique Redis key prefix, so suites never share cache entries or counters. */
function uniqueRedisPrefix(label: string): string {
  return `lms:${label}:test:${randomBytes(4).toString('hex')}:`;
}

/** Catalog on port 0 with a unique Redis prefix; without `enrollmentAddress` it never reaches an enrollment service. */
export async function startCatalog(options: StartOptions & { authAddress: string; enrollmentAddress?: string }): Promise<CatalogHandle> {
  const [{ loadCatalogConfig }, { start }] = await Promise.all([import('@lms/catalog/config'), import('@lms/catalog/main')]);
  return launch(recipe('catalog', loadCatalogConfig, start, createCatalogClient), options, {
    REDIS_KEY_PREFIX: uniqueRedisPrefix('catalog'),
    AUTH_GRPC_ADDR: options.authAddress,
    ENROLLMENT_GRPC_ADDR: options.enrollmentAddress ?? NOWHERE,
  });
}

/** Enrollment on port 0, reading courses from catalog and verifying tokens with auth. */
export async function startEnrollment(options: StartOptions & { authAddress: string; catalogAddress: string }): Promise<EnrollmentHandle> {
  const [{ loadEnrollmentConfig }, { start }] = await Promise.all([import('@lms/enrollment/config'), import('@lms/enrollment/main')]);
  return launch(recipe('enrollment', loadEnrollmentConfig, start, createEnrollmentClient), options, {
    AUTH_GRPC_ADDR: options.authAddress,
    CATALOG_GRPC_ADDR: options.catalogAddress,
  });
}

/** Quiz on port 0, asking catalog about lessons and enrollment about enrolments. */
export async function startQuiz(
  options: StartOptions & { authAddress: string; catalogAddress: string; enrollmentAddress: string },
): Promise<QuizHandle> {
  const [{ loadQuizConfig }, { start }] = await Promise.all([import('@lms/quiz/config'), import('@lms/quiz/main')]);
  return launch(recipe('quiz', loadQuizConfig, start, createQuizClient), options, {
    AUTH_GRPC_ADDR: options.authAddress,
    CATALOG_GRPC_ADDR: options.catalogAddress,
    ENROLLMENT_GRPC_ADDR: options.enrollmentAddress,
  });
}

/**
 * Analytics on port 0: it calls auth (JWKS, revocation) and, for PDF reports, certificate (nowhere unless given);
 * everything else reaches it as events on its broker.
 */
export async function startAnalytics(options: StartOptions & { authAddress: string; certificateAddress?: string }): Promise<AnalyticsHandle> {
  const [{ loadAnalyticsConfig }, { start }] = await Promise.all([import('@lms/analytics/config'), import('@lms/analytics/main')]);
  return launch(recipe('analytics', loadAnalyticsConfig, start, createAnalyticsClient), options, {
    AUTH_GRPC_ADDR: options.authAddress,
    CERTIFICATE_GRPC_ADDR: options.certificateAddress ?? NOWHERE,
  });
}

/**
 * Object storage of its own for a service under test: a new temporary directory (in `directoryVariable`) and, with
 * STORAGE_PROVIDER=s3 in the environment (the suite's env or the process's, e.g. `infra.sh env`), a bucket of its own
 * created at start on the S3 server of the environment (s3rver from scripts/infra.sh). `cleanup` removes the directory.
 */
async function ownStorage(
  service: ServiceName,
  options: StartOptions,
  directoryVariable: string,
): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), `lms-${service}-${options.label}-`));
  const ambientNames = ['STORAGE_PROVIDER', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'];
  const ambient = Object.fromEntries(ambientNames.flatMap((name) => (process.env[name] !== undefined ? [[name, process.env[name]!]] : [])));
  const bucket = `${service}-${options.label.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-${randomBytes(3).toString('hex')}`.slice(0, 63);
  return {
    env: { ...ambient, [directoryVariable]: directory, S3_BUCKET: bucket, S3_CREATE_BUCKET: 'true' },
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}

/** Runs `start` with storage of its own (ownStorage), removed again by close() or when the start fails. */
async function withOwnStorage<H extends { close(): Promise<void> }>(
  service: ServiceName,
  options: StartOptions,
  directoryVariable: string,
  start: (storageEnv: Record<string, string>) => Promise<H>,
): Promise<H> {
  const storage = await ownStorage(service, options, directoryVariable);
  try {
    const handle = await start(storage.env);
    const close = handle.close.bind(handle);
    return Object.assign(handle, {
      async close() {
        await close();
        await storage.cleanup();
      },
    });
  } catch (err) {
    await storage.cleanup();
    throw err;
  }
}

/**
 * Media on port 0 with its own storage (ownStorage). Without `catalogAddress` it never reaches a catalog (lesson
 * attachments are then readable by their uploader and admins only).
 */
export async function startMedia(options: StartOptions & { authAddress: string; catalogAddress?: string }): Promise<MediaHandle> {
  const [{ loadMediaConfig }, { start }] = await Promise.all([import('@lms/media/config'), import('@lms/media/main')]);
  return withOwnStorage('media', options, 'UPLOAD_DIR', (storageEnv) =>
    launch(recipe('media', loadMediaConfig, start, (address, deadlineMs) => createMediaClient(address, deadlineMs)), options, {
      ...storageEnv,
      AUTH_GRPC_ADDR: options.authAddress,
      CATALOG_GRPC_ADDR: options.catalogAddress ?? NOWHERE,
    }),
  );
}

/**
 * Certificate on port 0 with its own PDF storage (ownStorage), snapshotting from auth, catalog, enrollment and quiz
 * (any not given: nowhere). Its Chromium is Debian's (CHROMIUM_PATH); one browser per started process.
 */
export async function startCertificate(
  options: StartOptions & { authAddress: string; catalogAddress?: string; enrollmentAddress?: string; quizAddress?: string },
): Promise<CertificateHandle> {
  const [{ loadCertificateConfig }, { start }] = await Promise.all([import('@lms/certificate/config'), import('@lms/certificate/main')]);
  return withOwnStorage('certificate', options, 'CERTIFICATE_DIR', (storageEnv) =>
    launch(recipe('certificate', loadCertificateConfig, start, createCertificateClient), options, {
      ...storageEnv,
      AUTH_GRPC_ADDR: options.authAddress,
      CATALOG_GRPC_ADDR: options.catalogAddress ?? NOWHERE,
      ENROLLMENT_GRPC_ADDR: options.enrollmentAddress ?? NOWHERE,
      QUIZ_GRPC_ADDR: options.quizAddress ?? NOWHERE,
    }),
  );
}

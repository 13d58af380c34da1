import { createAuthClient, createRemoteVerifier } from '@lms/kit/auth';
import { createDatabase, ensureDatabase, migrate } from '@lms/kit/db';
import { Broker, EventConsumer, Outbox, OutboxRelay } from '@lms/kit/events';
import { GrpcServer, loadService } from '@lms/kit/grpc';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import { runService } from '@lms/kit/lifecycle';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../migrations';
import { createEnrollmentDeps, type EnrollmentDeps } from './app/deps';
import { Recomputer } from './app/commands/recompute';
import { loadEnrollmentConfig, type EnrollmentConfig } from './config';
import { enrollmentHandlers } from './grpc/enrollment.handlers';
import { createCatalogClient } from './infra/catalog.client';
import { contentChangedConsumer, coursePublishedConsumer, courseStatusConsumer, lessonDeletedConsumer } from './events/course-events.consumer';
import { quizPassedConsumer } from './events/quiz-passed.consumer';

export const SERVICE_NAME = 'enrollment';

export interface RunningEnrollmentService {
  grpcPort: number;
  /** For tests and benchmarks: the wired use-case dependencies and the background recompute. */
  deps: EnrollmentDeps;
  recomputer: Recomputer;
  consumer: EventConsumer;
  relay: OutboxRelay;
  broker: Broker;
  stop(): Promise<void>;
}

/**
 * Starts the enrollment service: database (created outside production, migrated when MIGRATE_ON_START),
 * Redis (revocation marks for token verification), clients of auth and catalog, the broker with the
 * outbox relay and the consumers (catalog's course facts, quiz.passed), the background recompute, then
 * the gRPC server, which reports SERVING once everything is in place. Start-up never waits for the broker.
 */
export async function start(
  config: EnrollmentConfig,
  logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL),
): Promise<RunningEnrollmentService> {
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: config.DATABASE_POOL_MAX });
  const cleanup: (() => Promise<unknown>)[] = [() => sequelize.close()];
  const closeAll = async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    await sequelize.authenticate();
    if (config.MIGRATE_ON_START) await migrate(sequelize, config.DATABASE_URL, migrations, logger);

    const redis = createRedis(config.REDIS_URL, logger);
    cleanup.push(() => closeRedis(redis));
    await waitForRedis(redis, 2000, logger);

    const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
    const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
    cleanup.push(async () => {
      auth.close();
      catalog.close();
    });
    const verifier = createRemoteVerifier({
      auth,
      redis,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      revocationPrefix: config.REVOCATION_KEY_PREFIX,
    });

    const outbox = new Outbox(sequelize);
    const deps = createEnrollmentDeps({ config, logger, sequelize, outbox, catalog, auth, verifier });
    const recomputer = new Recomputer(deps);
    deps.requestRecompute = (courseId) => recomputer.request(courseId);

    const broker = new Broker({ url: config.AMQP_URL, logger, name: SERVICE_NAME });
    const consumer = new EventConsumer({
      broker,
      sequelize,
      logger,
      prefetch: config.EVENT_PREFETCH,
      maxRetries: config.EVENT_MAX_RETRIES,
      retryBaseMs: config.EVENT_RETRY_BASE_MS,
    });
    consumer
      .register(coursePublishedConsumer(deps))
      .register(courseStatusConsumer(deps))
      .register(lessonDeletedConsumer(deps))
      .register(contentChangedConsumer(deps))
      .register(quizPassedConsumer(deps));
    await consumer.start();
    await broker.start();
    cleanup.push(() => broker.close());
    const relay = new OutboxRelay({ sequelize, outbox, broker, logger, pollMs: config.OUTBOX_POLL_MS });
    relay.start();
    cleanup.push(() => relay.stop());
    cleanup.push(() => consumer.stop());
    recomputer.start();
    cleanup.push(() => recomputer.stop());

    const server = new GrpcServer({ logger });
    const definition = loadService('lms/enrollment/v1/enrollment.proto', 'lms.enrollment.v1.EnrollmentService')
      .service as unknown as EnrollmentServiceDefinition;
    server.addService(definition, enrollmentHandlers(deps));
    const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
    cleanup.push(() => server.stop(config.SHUTDOWN_TIMEOUT_MS));
    server.setServing(true);
    logger.info({ host: config.GRPC_HOST, port: grpcPort }, 'enrollment service ready');

    let stopped: Promise<void> | undefined;
    return {
      grpcPort,
      deps,
      recomputer,
      consumer,
      relay,
      broker,
      // NOT_SERVING and stop the server, then the recompute, consumers, relay, broker, clients, Redis and the pool.
      stop: () => (stopped ??= closeAll()),
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

if (require.main === module) runService(SERVICE_NAME, loadEnrollmentConfig, start);

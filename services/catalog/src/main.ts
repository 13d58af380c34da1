import { createAuthClient } from '@lms/kit/auth';
import { createDatabase, ensureDatabase, migrate } from '@lms/kit/db';
import { Broker, EventConsumer, Outbox, OutboxRelay } from '@lms/kit/events';
import { GrpcServer, loadService } from '@lms/kit/grpc';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import { runService } from '@lms/kit/lifecycle';
import { createLogger, type Logger } from '@lms/kit/logging';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { migrations } from '../migrations';
import { createCatalogDeps } from './app/deps';
import { loadCatalogConfig, type CatalogConfig } from './config';
import { enrollmentStatsConsumer } from './events/enrollment-stats.consumer';
import { catalogHandlers } from './grpc/catalog.handlers';

export const SERVICE_NAME = 'catalog';

export interface RunningCatalogService {
  grpcPort: number;
  stop(): Promise<void>;
}

/**
 * Starts the catalog service: database (created outside production, migrated when MIGRATE_ON_START),
 * Redis (cache and token revocation marks; start-up goes on without it), the auth client (public keys
 * and instructor names), the broker with the outbox relay and the enrolment-stats consumer (start-up
 * never waits for the broker), then the gRPC server, which reports SERVING once everything is in place.
 */
export async function start(
  config: CatalogConfig,
  logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL),
): Promise<RunningCatalogService> {
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger });
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
    cleanup.push(async () => auth.close());

    const outbox = new Outbox(sequelize);
    const deps = createCatalogDeps({ config, logger, sequelize, outbox, redis, auth });

    const broker = new Broker({ url: config.AMQP_URL, logger, name: SERVICE_NAME });
    const consumer = new EventConsumer({
      broker,
      sequelize,
      logger,
      prefetch: config.EVENT_PREFETCH,
      maxRetries: config.EVENT_MAX_RETRIES,
      retryBaseMs: config.EVENT_RETRY_BASE_MS,
    }).register(enrollmentStatsConsumer(deps));
    await consumer.start();
    await broker.start();
    cleanup.push(() => broker.close());
    cleanup.push(() => consumer.stop());
    const relay = new OutboxRelay({ sequelize, outbox, broker, logger, pollMs: config.OUTBOX_POLL_MS });
    relay.start();
    cleanup.push(() => relay.stop());

    const server = new GrpcServer({ logger });
    const definition = loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService')
      .service as unknown as CatalogServiceDefinition;
    server.addService(definition, catalogHandlers(deps));
    const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
    cleanup.push(() => server.stop(config.SHUTDOWN_TIMEOUT_MS));
    server.setServing(true);
    logger.info({ host: config.GRPC_HOST, port: grpcPort }, 'catalog service ready');

    let stopped: Promise<void> | undefined;
    return {
      grpcPort,
      // NOT_SERVING and stop the server, then the relay, the consumer, the broker, the auth client, Redis and the pool.
      stop: () => (stopped ??= closeAll()),
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

if (require.main === module) runService(SERVICE_NAME, loadCatalogConfig, start);

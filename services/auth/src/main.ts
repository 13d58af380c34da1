import { createDatabase, ensureDatabase, migrate } from '@lms/kit/db';
import { Broker, Outbox, OutboxRelay } from '@lms/kit/events';
import { GrpcServer, loadService } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import { runService } from '@lms/kit/lifecycle';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../migrations';
import { createAuthDeps } from './app/deps';
import { loadAuthConfig, type AuthConfig } from './config';
import { authHandlers } from './grpc/auth.handlers';
import { pruneExpired } from './app/commands/housekeeping';

export const SERVICE_NAME = 'auth';
const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

export interface RunningAuthService {
  grpcPort: number;
  stop(): Promise<void>;
}

/**
 * Starts the auth service: database (created outside production, migrated when MIGRATE_ON_START),
 * a signing key, Redis for revocation marks, the broker and outbox relay (start-up never waits for
 * the broker: the outbox keeps events until it is back), then the gRPC server, which reports
 * SERVING once everything is in place.
 */
export async function start(
  config: AuthConfig,
  logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL),
): Promise<RunningAuthService> {
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

    const outbox = new Outbox(sequelize);
    const deps = createAuthDeps({ config, logger, sequelize, outbox, redis });
    await deps.keys.ensureActiveKey();
    await deps.keys.activeKey();

    const broker = new Broker({ url: config.AMQP_URL, logger, name: SERVICE_NAME });
    await broker.start();
    cleanup.push(() => broker.close());
    const relay = new OutboxRelay({ sequelize, outbox, broker, logger, pollMs: config.OUTBOX_POLL_MS });
    relay.start();
    cleanup.push(() => relay.stop());

    const housekeeping = setInterval(() => {
      pruneExpired(deps).catch((err: Error) => logger.warn({ err: err.message }, 'housekeeping failed'));
    }, HOUSEKEEPING_INTERVAL_MS);
    housekeeping.unref();
    cleanup.push(async () => clearInterval(housekeeping));

    const server = new GrpcServer({ logger });
    const definition = loadService('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService')
      .service as unknown as AuthServiceDefinition;
    server.addService(definition, authHandlers(deps));
    const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
    cleanup.push(() => server.stop(config.SHUTDOWN_TIMEOUT_MS));
    server.setServing(true);
    logger.info({ host: config.GRPC_HOST, port: grpcPort }, 'auth service ready');

    let stopped: Promise<void> | undefined;
    return {
      grpcPort,
      // NOT_SERVING and stop the server, then the relay, the broker, Redis and the pool, in that order.
      stop: () => (stopped ??= closeAll()),
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

if (require.main === module) runService(SERVICE_NAME, loadAuthConfig, start);

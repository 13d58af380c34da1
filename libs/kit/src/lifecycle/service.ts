import type { ServiceDefinition } from '@grpc/grpc-js';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { Migration } from '../db';
import type { Broker, ConsumerDefinition, EventConsumer, EventLogOptions, Outbox, OutboxRelay } from '../events';
import type { EventLogServiceDefinition } from '../generated/lms/eventlog/v1/EventLogService';
import type { MetricsSettings } from '../metrics/endpoint';
import { GrpcServer, loadService, type GrpcHandlers } from '../grpc';
import { closeRedis, createRedis, waitForRedis } from '../redis';
import { EVENT_LOG_PROTO, EVENT_LOG_SERVICE, eventLogHandlers } from './event-log';

// The database and the broker (sequelize, pg, amqplib: ~270 modules, ~8 MB of heap) are required when a
// service starts, not when this module loads: the gateway imports runService from this folder and never opens either.
const db = () => require('../db') as typeof import('../db');
const events = () => require('../events') as typeof import('../events');
// prom-client too: only a process that serves metrics loads it.
const metricsKit = () => require('../metrics') as typeof import('../metrics');

/** The settings every gRPC service process shares (commonServiceConfig + its own port and database). */
export interface ServiceRuntimeConfig extends MetricsSettings {
  NODE_ENV: string;
  DATABASE_URL: string;
  DATABASE_POOL_MAX?: number;
  MIGRATE_ON_START: boolean;
  REDIS_URL: string;
  AMQP_URL: string;
  GRPC_HOST: string;
  GRPC_PORT: number;
  SHUTDOWN_TIMEOUT_MS: number;
  EVENT_PREFETCH: number;
  EVENT_MAX_RETRIES: number;
  EVENT_RETRY_BASE_MS: number;
  OUTBOX_POLL_MS: number;
  /** Days the event log is kept (0 = for ever); only used when the service keeps one (`ServiceParts.eventLog`). */
  EVENT_LOG_RETENTION_DAYS?: number;
}

/** What the kit has built when a service's own wiring runs. */
export interface ServiceInfra {
  logger: Logger;
  sequelize: Sequelize;
  redis: Redis;
  outbox: Outbox;
  broker: Broker;
  /** Registers a step to run at stop; steps run in the reverse order of registration. */
  onStop(step: () => unknown): void;
}

/** How long a starting service waits for RabbitMQ (and its queue bindings) before serving without it. */
const BROKER_START_WAIT_MS = 5000;

/** What a service plugs into its process: its gRPC handlers, its consumers, its background work. */
export interface ServiceParts<D extends ServiceDefinition> {
  /** Unary handlers, or for a contract with streaming methods e.g. `ServiceHandlers<D, 'Upload', 'Download'>`. */
  grpc: { protoFile: string; service: string; handlers: GrpcHandlers<D> };
  consumers?: ConsumerDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * The service's event log: its published events of these public types stay in the outbox
   * (EVENT_LOG_RETENTION_DAYS) and are served as lms.eventlog.v1.EventLogService/ReadEvents to the services in
   * `readers` (default analytics). Never list secret-carrying or internal types.
   */
  eventLog?: EventLogOptions;
  /** Runs once the broker, relay and consumers are started, just before the server reports SERVING. */
  beforeServing?(): Promise<void> | void;
}

export interface RunningService {
  grpcPort: number;
  /** Where /metrics is served (METRICS_PORT=0: the port picked); undefined when metrics are off or the port was taken. */
  metricsPort?: number;
  broker: Broker;
  relay: OutboxRelay;
  consumer: EventConsumer;
  stop(): Promise<void>;
}

/**
 * Starts a service process the same way everywhere: database (created outside production, migrated
 * when MIGRATE_ON_START, under an advisory lock), Redis (start-up goes on without it), the outbox and
 * the broker (start-up never waits for the broker: the outbox holds events until it is back), the
 * service's own wiring, its consumers, the outbox relay, then the gRPC server, which reports SERVING
 * last. stop() undoes it in reverse: NOT_SERVING and drain the server, stop consuming, stop the relay,
 * close the broker, Redis and the pool. A failed start closes what was opened and rethrows.
 */
export async function startService<D extends ServiceDefinition>(options: {
  name: string;
  config: ServiceRuntimeConfig;
  logger: Logger;
  migrations: Migration[];
  setup(infra: ServiceInfra): Promise<ServiceParts<D>> | ServiceParts<D>;
}): Promise<RunningService> {
  const { name, config, logger } = options;
  const { createDatabase, ensureDatabase, migrate } = db();
  const { Broker, EventConsumer, Outbox, OutboxRelay } = events();
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: config.DATABASE_POOL_MAX });
  const steps: (() => unknown)[] = [() => sequelize.close()];
  const onStop = (step: () => unknown) => void steps.push(step);
  const closeAll = async () => {
    for (const step of steps.splice(0).reverse()) {
      try {
        await step();
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'shutdown step failed');
      }
    }
  };
  try {
    await sequelize.authenticate();
    if (config.MIGRATE_ON_START) await migrate(sequelize, config.DATABASE_URL, options.migrations, logger);

    const redis = createRedis(config.REDIS_URL, logger);
    onStop(() => closeRedis(redis));
    await waitForRedis(redis, 2000, logger);

    const outbox = new Outbox(sequelize);
    const broker = new Broker({ url: config.AMQP_URL, logger, name });
    onStop(() => broker.close());

    const parts = await options.setup({ logger, sequelize, redis, outbox, broker, onStop });

    // Metrics (on unless METRICS_ENABLED=false): one registry for this service; the hooks below feed it.
    const metrics =
      config.METRICS_ENABLED === false
        ? undefined
        : metricsKit().createServiceMetrics({
            logger,
            sequelize,
            queues: (parts.consumers ?? []).map(({ queue }) => ({ queue, parkingLot: events().parkingLotQueue(queue) })),
            queueDepths: (queues) => broker.queueDepths(queues),
          });
    if (metrics) {
      metricsKit().countRedisErrors(metrics.registry, redis);
      onStop(metricsKit().registerClientMetrics(name, metrics.grpcClient));
    }

    const relay = new OutboxRelay({
      sequelize,
      outbox,
      broker,
      logger,
      pollMs: config.OUTBOX_POLL_MS,
      eventLogTypes: parts.eventLog?.types,
      eventLogRetentionDays: config.EVENT_LOG_RETENTION_DAYS,
      metrics: metrics?.relay,
    });
    onStop(() => relay.stop());
    const consumer = new EventConsumer({
      service: name,
      broker,
      sequelize,
      logger,
      prefetch: config.EVENT_PREFETCH,
      maxRetries: config.EVENT_MAX_RETRIES,
      retryBaseMs: config.EVENT_RETRY_BASE_MS,
      metrics: metrics?.consumer,
    });
    for (const definition of parts.consumers ?? []) consumer.register(definition);
    onStop(() => consumer.stop());
    await consumer.start();
    // Wait (bounded) for the broker: its connect hooks declare and bind the consumers' queues, so a service
    // that reports SERVING already receives the events published from then on. A broker that is down does
    // not stop the start — the outbox keeps events and the consumers bind when it comes back.
    await broker.start(BROKER_START_WAIT_MS);
    relay.start();

    const server = new GrpcServer({ logger, metrics: metrics?.grpcServer });
    const definition = loadService(parts.grpc.protoFile, parts.grpc.service).service as unknown as D;
    server.addService(definition, parts.grpc.handlers);
    if (parts.eventLog) {
      const eventLog = loadService(EVENT_LOG_PROTO, EVENT_LOG_SERVICE).service as unknown as EventLogServiceDefinition;
      server.addService(eventLog, eventLogHandlers(sequelize, parts.eventLog));
    }
    const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
    onStop(() => server.stop(config.SHUTDOWN_TIMEOUT_MS));
    const endpoint = metrics && (await metricsKit().serveMetrics(metrics.registry, config.METRICS_HOST ?? '127.0.0.1', metricsKit().metricsPortFor(config, config.GRPC_PORT), logger));
    if (endpoint) onStop(() => endpoint.close());
    await parts.beforeServing?.();
    server.setServing(true);
    logger.info({ host: config.GRPC_HOST, port: grpcPort }, `${name} service ready`);

    let stopped: Promise<void> | undefined;
    return { grpcPort, metricsPort: endpoint?.port, broker, relay, consumer, stop: () => (stopped ??= closeAll()) };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** The `migrate` command of every service: apply pending migrations (creating the database outside production). */
export async function runMigrations(config: Pick<ServiceRuntimeConfig, 'NODE_ENV' | 'DATABASE_URL'>, migrations: Migration[], logger: Logger) {
  const { createDatabase, ensureDatabase, migrate } = db();
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: 2 });
  try {
    await migrate(sequelize, config.DATABASE_URL, migrations, logger);
  } finally {
    await sequelize.close();
  }
}

/** Entry point of a `migrate` CLI: run, log, exit 0 or 1. */
export function runMigrationsCli(name: string, config: Pick<ServiceRuntimeConfig, 'NODE_ENV' | 'DATABASE_URL'> & { LOG_LEVEL: string }, migrations: Migration[]): void {
  const { createLogger } = require('../logging') as typeof import('../logging');
  const logger = createLogger(`${name}-migrate`, config.LOG_LEVEL);
  runMigrations(config, migrations, logger).then(
    () => {
      logger.info('migrations up to date');
      process.exit(0);
    },
    (err: unknown) => {
      logger.fatal({ err }, 'migration failed');
      process.exit(1);
    },
  );
}

import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Sequelize } from 'sequelize';
import { Children, grpcClientMetrics } from './common';
import type { ConsumerMetrics, GrpcClientMetrics, GrpcServerMetrics, RelayMetrics } from './hooks';
import { InHandMessages, Throttled, consumerLagSeconds } from './lag';

/** How often the scrape-time reads (outbox SQL, queue checks) may run at most: scrapes in between reuse their values. */
export const SCRAPE_READ_TTL_MS = 5000;

/** Unsent outbox rows and the age of the oldest: the partial index `outbox_pending_idx` keeps this to the backlog. */
const OUTBOX_BACKLOG_SQL = `SELECT count(*)::int AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
  FROM outbox WHERE published_at IS NULL`;

export interface ServiceMetricsOptions {
  logger: Logger;
  sequelize: Sequelize;
  /** The consumers' work queues and their parking lots. */
  queues: { queue: string; parkingLot: string }[];
  /** Ready messages per queue (the broker's checkQueue); throws when the broker is not connected. */
  queueDepths(queues: string[]): Promise<Map<string, number>>;
  readTtlMs?: number;
}

/** A service process's metrics: one registry (never prom-client's global one) and the hooks the kit calls. */
export interface ServiceMetrics {
  registry: Registry;
  grpcServer: GrpcServerMetrics;
  grpcClient: GrpcClientMetrics;
  relay: RelayMetrics;
  consumer: ConsumerMetrics;
}

export function createServiceMetrics(options: ServiceMetricsOptions): ServiceMetrics {
  const registry = new Registry();
  const ttl = options.readTtlMs ?? SCRAPE_READ_TTL_MS;
  const metrics: ServiceMetrics = {
    registry,
    grpcServer: grpcServerMetrics(registry),
    grpcClient: grpcClientMetrics(registry),
    relay: relayMetrics(registry, options, ttl),
    consumer: consumerMetrics(registry, options, ttl),
  };
  poolMetrics(registry, options.sequelize);
  return metrics;
}

/** sequelize's pool (sequelize-pool), read at scrape time. */
interface PoolCounts {
  using?: number;
  available?: number;
  waiting?: number;
}

function poolMetrics(registry: Registry, sequelize: Sequelize): void {
  new Gauge({
    name: 'lms_db_pool_connections',
    help: 'Database pool: connections in use, idle, and acquisitions waiting for one (state)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = (sequelize as unknown as { connectionManager?: { pool?: PoolCounts } }).connectionManager?.pool;
      if (!pool) return;
      this.labels('in_use').set(pool.using ?? 0);
      this.labels('idle').set(pool.available ?? 0);
      this.labels('waiting').set(pool.waiting ?? 0);
    },
  });
}

function grpcServerMetrics(registry: Registry): GrpcServerMetrics {
  const handled = new Counter({
    name: 'lms_grpc_server_handled_total',
    help: 'gRPC calls answered (refusals included), by service, method and status code',
    labelNames: ['service', 'method', 'code'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'lms_grpc_server_handling_seconds',
    help: 'Time from a gRPC call admitted to its answer, by service and method',
    labelNames: ['service', 'method'],
    registers: [registry],
  });
  // `/lms.catalog.v1.CatalogService/GetCourse` → service and method, once per path.
  const byPath = new Map<string, { service: string; method: string; duration: Histogram.Internal<string>; counts: Map<string, Counter.Internal> }>();
  return {
    handled(path, code, elapsed) {
      let entry = byPath.get(path);
      if (!entry) {
        const [, service = '', method = ''] = path.split('/');
        byPath.set(path, (entry = { service, method, duration: seconds.labels(service, method), counts: new Map() }));
      }
      let count = entry.counts.get(code);
      if (!count) entry.counts.set(code, (count = handled.labels(entry.service, entry.method, code)));
      count.inc();
      if (elapsed !== undefined) entry.duration.observe(elapsed);
    },
  };
}

/** `lms_events_published_total{type}` and the outbox backlog gauges (one SQL at scrape, at most every `ttl`). */
function relayMetrics(registry: Registry, options: ServiceMetricsOptions, ttl: number): RelayMetrics {
  const published = new Counter({
    name: 'lms_events_published_total',
    help: 'Events the outbox relay published and the broker confirmed, by type',
    labelNames: ['type'],
    registers: [registry],
  });
  const backlog = new Throttled(
    async () => {
      const [rows] = await options.sequelize.query(OUTBOX_BACKLOG_SQL);
      const row = (rows as { rows: number; age: number }[])[0];
      return { rows: Number(row?.rows ?? 0), age: Number(row?.age ?? 0) };
    },
    ttl,
    (err) => options.logger.warn({ err: err.message }, 'metrics: outbox backlog not read'),
  );
  new Gauge({
    name: 'lms_outbox_backlog_rows',
    help: 'Outbox rows not yet published (events committed but not confirmed by the broker)',
    registers: [registry],
    async collect() {
      const value = await backlog.get();
      if (value) this.set(value.rows);
    },
  });
  new Gauge({
    name: 'lms_outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when none)',
    registers: [registry],
    async collect() {
      const value = await backlog.get();
      if (value) this.set(value.age);
    },
  });
  const types = new Map<string, Counter.Internal>();
  return {
    published(type) {
      let child = types.get(type);
      if (!child) types.set(type, (child = published.labels(type)));
      child.inc();
    },
  };
}

/**
 * Consumption counters and the queue gauges. Lag uses what this process holds (exact) and, for the rest, the
 * queue depths of a throttled checkQueue (see lag.ts); the parking lots' depths come from the same check.
 */
function consumerMetrics(registry: Registry, options: ServiceMetricsOptions, ttl: number): ConsumerMetrics {
  const consumed = new Counter({
    name: 'lms_events_consumed_total',
    help: 'Events consumed, by queue, type and outcome (handled, duplicate, retried, parked, failed)',
    labelNames: ['queue', 'type', 'outcome'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'lms_event_handling_seconds',
    help: 'Time to handle an event (prepare + transaction; a batch counts for each of its events), by queue',
    labelNames: ['queue'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const started = Date.now();
  const inHand = new Map(options.queues.map(({ queue }) => [queue, new InHandMessages(started)]));
  const all = options.queues.flatMap(({ queue, parkingLot }) => [queue, parkingLot]);
  const depths = new Throttled(
    () => options.queueDepths(all),
    ttl,
    (err) => options.logger.debug({ err: err.message }, 'metrics: queue depths not read'),
  );
  new Gauge({
    name: 'lms_consumer_queue_messages',
    help: 'Messages waiting in a consumer queue (ready, not yet delivered to a consumer)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const known = await depths.get();
      for (const { queue } of options.queues) {
        const depth = known?.get(queue);
        if (depth !== undefined) this.labels(queue).set(depth);
      }
    },
  });
  new Gauge({
    name: 'lms_parking_lot_messages',
    help: 'Messages in the parking lot of a consumer queue (poison or out of retries; need an operator)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const known = await depths.get();
      for (const { queue, parkingLot } of options.queues) {
        const depth = known?.get(parkingLot);
        if (depth !== undefined) this.labels(queue).set(depth);
      }
    },
  });
  new Gauge({
    name: 'lms_consumer_lag_seconds',
    help: 'Age of the oldest unhandled message of a consumer queue (in hand: since it was published; waiting only: since the last progress)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const known = await depths.get();
      const nowMs = Date.now();
      for (const [queue, messages] of inHand) {
        this.labels(queue).set(consumerLagSeconds({ nowMs, oldestInHandMs: messages.oldest(), waiting: known?.get(queue) ?? 0, lastProgressMs: messages.lastProgressMs }));
      }
    },
  });
  const durations = new Map<string, Histogram.Internal<string>>();
  const outcomes = new Children(() => new Map<string, Counter.Internal>());
  return {
    received(queue, message, sinceMs) {
      inHand.get(queue)?.add(message, sinceMs);
    },
    settled(queue, message) {
      inHand.get(queue)?.delete(message, Date.now());
    },
    outcome(queue, type, outcome, elapsed) {
      const byOutcome = outcomes.get(queue, type);
      let child = byOutcome.get(outcome);
      if (!child) byOutcome.set(outcome, (child = consumed.labels(queue, type, outcome)));
      child.inc();
      if (elapsed === undefined) return;
      let duration = durations.get(queue);
      if (!duration) durations.set(queue, (duration = seconds.labels(queue)));
      duration.observe(elapsed);
    },
  };
}

import type { Sequelize, Transaction, QueryInterface } from 'sequelize';
import { QueryTypes } from 'sequelize';
import type { Logger } from 'pino';
import { currentContext, formatTraceparent, newSpanId } from '../context';
import type { Migration } from '../db';
import type { Broker } from './broker';
import { EVENTS_EXCHANGE, type CloudEvent } from './envelope';

/** The outbox and inbox tables; every service lists this migration first. */
export const eventTablesMigration: Migration = {
  name: '0000-kit-outbox-inbox',
  async up(qi: QueryInterface) {
    await qi.sequelize.query(`
      CREATE TABLE IF NOT EXISTS outbox (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        seq bigserial NOT NULL,
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX IF NOT EXISTS outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL;
      CREATE INDEX IF NOT EXISTS outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;
      CREATE TABLE IF NOT EXISTS inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
    `);
  },
  async down(qi: QueryInterface) {
    await qi.sequelize.query('DROP TABLE IF EXISTS outbox; DROP TABLE IF EXISTS inbox;');
  },
};

/**
 * Writes events in the caller's transaction: the event exists if and only if the state change committed.
 * After the commit the relay is nudged so publication is immediate rather than waiting for a poll.
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly sequelize: Sequelize) {}

  async add(transaction: Transaction, ...events: CloudEvent[]): Promise<void> {
    if (!events.length) return;
    const ctx = currentContext();
    const headers = ctx
      ? { 'x-request-id': ctx.requestId, traceparent: formatTraceparent({ traceId: ctx.traceId, spanId: newSpanId() }) }
      : {};
    for (const event of events) {
      const payload = { ...event, traceparent: event.traceparent ?? headers.traceparent };
      await this.sequelize.query(
        'INSERT INTO outbox (id, type, payload, headers) VALUES (:id, :type, CAST(:payload AS jsonb), CAST(:headers AS jsonb))',
        {
          transaction,
          replacements: { id: event.id, type: event.type, payload: JSON.stringify(payload), headers: JSON.stringify(headers) },
        },
      );
    }
    transaction.afterCommit(() => this.listeners.forEach((notify) => notify()));
  }

  onAdded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface OutboxRelayOptions {
  sequelize: Sequelize;
  outbox: Outbox;
  broker: Broker;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
  /** Published rows are deleted after this long (kept a while for debugging/replay). */
  retentionHours?: number;
}

interface OutboxRow {
  id: string;
  type: string;
  payload: CloudEvent;
  headers: Record<string, string>;
}

/**
 * Publishes pending outbox rows in order with publisher confirms, marking them sent only after the
 * broker's ack. Rows are claimed with FOR UPDATE SKIP LOCKED so several replicas can run a relay.
 * A broker outage just leaves rows pending; they go out when the connection is back.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private unsubscribe?: () => void;
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.options.outbox.onAdded(() => this.kick());
    this.options.broker.on('connected', this.onConnected);
    this.kick();
  }

  /** Runs a publish pass now (coalesced with one already running). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.options.pollMs ?? 500);
      }
    });
  }

  /** Stops polling after the pass in flight; pending rows stay for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.options.broker.off('connected', this.onConnected);
    await this.running;
  }

  /** Publishes until nothing is pending (used by tests and at shutdown). Returns how many were sent. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0) return total;
    }
  }

  private readonly onConnected = () => this.kick();

  private async drainLoop(): Promise<void> {
    try {
      while (!this.stopped && this.options.broker.connected) {
        const sent = await this.publishBatch();
        if (sent < (this.options.batchSize ?? 100)) break;
      }
      await this.cleanup();
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'outbox relay pass failed; will retry');
    }
  }

  private async publishBatch(): Promise<number> {
    const { sequelize, broker, logger } = this.options;
    if (!broker.connected) return 0;
    return sequelize.transaction(async (transaction) => {
      const rows = await sequelize.query<OutboxRow>(
        `SELECT id, type, payload, headers FROM outbox WHERE published_at IS NULL
         ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED`,
        { transaction, type: QueryTypes.SELECT, replacements: { limit: this.options.batchSize ?? 100 } },
      );
      if (!rows.length) return 0;
      // Publish in order on one confirm channel; wait for every confirm, keep the ones the broker acked.
      const results = await Promise.allSettled(
        rows.map((row) =>
          broker.publish(EVENTS_EXCHANGE, row.type, Buffer.from(JSON.stringify(row.payload)), {
            messageId: row.id,
            type: row.type,
            contentType: 'application/cloudevents+json',
            timestamp: Math.floor(Date.parse(row.payload.time) / 1000),
            appId: row.payload.source,
            headers: row.headers,
          }),
        ),
      );
      const sent = rows.filter((_, i) => results[i].status === 'fulfilled').map((row) => row.id);
      const failed = rows.filter((_, i) => results[i].status === 'rejected').map((row) => row.id);
      if (failed.length) {
        const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
        logger.warn({ err: reason.message, pending: failed.length }, 'outbox publish interrupted');
        await sequelize.query('UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id IN (:ids)', {
          transaction,
          replacements: { error: String(reason.message).slice(0, 500), ids: failed },
        });
      }
      if (sent.length) {
        await sequelize.query('UPDATE outbox SET published_at = now() WHERE id IN (:ids)', {
          transaction,
          replacements: { ids: sent },
        });
        logger.debug({ count: sent.length }, 'outbox published');
      }
      return sent.length;
    });
  }

  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.options.sequelize.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(hours => :hours)`,
      { replacements: { hours: this.options.retentionHours ?? 72 } },
    );
  }
}

import type { Sequelize, Transaction, QueryInterface } from 'sequelize';
import { QueryTypes } from 'sequelize';
import type { Logger } from 'pino';
import { currentContext, formatTraceparent, newSpanId, runDetached } from '../context';
import type { Migration } from '../db/migration';
import { preparedStatement, SqlSession } from '../db/sql-session';
import type { RelayMetrics } from '../metrics/hooks';
import { tracing } from '../telemetry/bridge';
import type { Broker } from './broker';
import { EVENTS_EXCHANGE, type CloudEvent } from './envelope';
import { EVENT_LOG_INDEX_SQL } from './event-log';

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
        last_error text,
        claimed_until timestamptz
      );
      CREATE INDEX IF NOT EXISTS outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL;
      CREATE INDEX IF NOT EXISTS outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;
      -- the event log's reads by seq (event-log.ts); databases migrated before it get it from the relay
      CREATE INDEX IF NOT EXISTS outbox_log_idx ON outbox (seq) WHERE published_at IS NOT NULL;
      CREATE TABLE IF NOT EXISTS inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
      CREATE INDEX IF NOT EXISTS inbox_processed_idx ON inbox (processed_at);
    `);
  },
  async down(qi: QueryInterface) {
    await qi.sequelize.query('DROP TABLE IF EXISTS outbox; DROP TABLE IF EXISTS inbox;');
  },
};

/** Rows inserted in the order of the array (`ORDER BY n`), so `seq` (the relay's order) follows the order of `events`. */
const OUTBOX_INSERT = preparedStatement(
  'kit_outbox_insert',
  `INSERT INTO outbox (id, type, payload, headers)
   SELECT CAST(r->>'id' AS uuid), r->>'type', r->'payload', r->'headers'
   FROM jsonb_array_elements(CAST(:rows AS jsonb)) WITH ORDINALITY AS x(r, n) ORDER BY n`,
);

/**
 * Writes events in the caller's transaction: the event exists if and only if the state change committed.
 * After the commit the relay is nudged so publication is immediate rather than waiting for a poll.
 */
export class Outbox {
  private readonly listeners = new Set<(ids: readonly string[]) => void>();

  constructor(private readonly sequelize: Sequelize) {}

  async add(transaction: Transaction, ...events: CloudEvent[]): Promise<void> {
    if (!events.length) return;
    const ctx = currentContext();
    // The writer's trace context, stored with the row: the relay publishes the event as its child (a PRODUCER span
    // parented here with tracing on), so one trace runs from the request into the consumers.
    const otel = tracing();
    const traceparent = ctx && (otel ? otel.traceparent() : formatTraceparent({ traceId: ctx.traceId, spanId: newSpanId() }));
    const headers: { 'x-request-id'?: string; traceparent?: string } = ctx
      ? { 'x-request-id': ctx.requestId, ...(traceparent ? { traceparent } : {}) }
      : {};
    // One prepared statement for all of them (a completion emits three), the rows as one JSON parameter: each round
    // trip here is made while the caller's transaction holds its row locks, and it is on every write's path.
    const rows = events.map((event) => ({
      id: event.id,
      type: event.type,
      payload: { ...event, traceparent: event.traceparent ?? headers.traceparent },
      headers,
    }));
    await new SqlSession(this.sequelize, transaction).prepared(OUTBOX_INSERT, { rows: JSON.stringify(rows) });
    const ids = events.map((event) => event.id);
    transaction.afterCommit(() => this.listeners.forEach((notify) => notify(ids)));
  }

  /** `listener` gets the ids of the events of each commit, after it. */
  onAdded(listener: (ids: readonly string[]) => void): () => void {
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
  /**
   * The event log (event-log.ts): published rows of these types are kept `eventLogRetentionDays` instead of
   * `retentionHours`, and read by seq. Empty (default): no log, every published row goes after retentionHours.
   */
  eventLogTypes?: string[];
  /** How long logged rows are kept, in days; 0 (default) = for ever. */
  eventLogRetentionDays?: number;
  /**
   * Inbox rows (processed event ids) are deleted after this long. Must exceed the longest time an event can
   * still be redelivered (retries: seconds to minutes; a broker outage: hours); default 7 days.
   */
  inboxRetentionHours?: number;
  /** How long the relay waits for the broker's confirms of one batch before giving up on the channel. */
  confirmTimeoutMs?: number;
  /** `stop()` waits at most this long for the pass in flight (rows not confirmed stay pending). */
  stopTimeoutMs?: number;
  /** Counts the events the broker confirmed (kit metrics, when the process serves them). */
  metrics?: RelayMetrics;
}

export const DEFAULT_INBOX_RETENTION_HOURS = 7 * 24;

/** Marks the rows whose ids are in `:sent` (a JSON array) sent: only ever rows the broker confirmed. */
const MARK_SENT_SQL = `UPDATE outbox SET published_at = now(), claimed_until = NULL
  WHERE id IN (SELECT CAST(jsonb_array_elements_text(CAST(:sent AS jsonb)) AS uuid))`;

interface OutboxRow {
  id: string;
  type: string;
  payload: CloudEvent;
  headers: Record<string, string>;
  seq: string;
}

/**
 * Publishes pending outbox rows in order with publisher confirms, marking them sent only after the
 * broker's ack. A broker outage just leaves rows pending; they go out when the connection is back.
 *
 * No transaction and no row lock is held while waiting for the broker: a batch is claimed in one short
 * statement (FOR UPDATE SKIP LOCKED + a `claimed_until` lease, so replicas don't publish the same rows),
 * published with a bounded wait for confirms (`confirmTimeoutMs`; on expiry the channel is abandoned
 * and the unconfirmed rows stay pending), then marked sent — only once confirmed. The mark rides on the
 * next pass's claim when that pass follows at once (under load: one statement per pass instead of two);
 * when none follows (idle, broker gone, stop, flush) the relay marks them in a statement of its own before
 * it waits, so a confirmed row stays unmarked — still leased, so no replica re-claims it — for one pass at
 * most. While the broker blocks publishers (resource alarm) the relay pauses. A duplicate publish (a lease
 * that expired mid-wait, a crash between the confirm and the mark) is harmless: consumers deduplicate
 * through their inbox.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private unsubscribe?: () => void;
  private lastCleanup = 0;
  private schemaChecked = false;
  /** Ends the confirm wait of the batch in flight (stop()). */
  private abortWait?: () => void;
  /** Ids the broker confirmed that are not marked sent yet (the next claim, or `markConfirmed`, marks them). */
  private confirmed: string[] = [];
  /** Ids claimed by the last two claims that found rows (see `onCommitted`). */
  private claimedNow = new Set<string>();
  private claimedBefore = new Set<string>();

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.options.outbox.onAdded((ids) => this.onCommitted(ids));
    this.options.broker.on('connected', this.onConnected);
    this.options.broker.on('unblocked', this.onConnected);
    this.kick();
  }

  /** Runs a publish pass now (coalesced with one already running), never inside the request whose commit woke it. */
  kick(): void {
    runDetached(() => this.kickNow());
  }

  private kickNow(): void {
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
        this.kickNow();
      } else {
        this.timer = setTimeout(() => this.kickNow(), this.options.pollMs ?? 500);
      }
    });
  }

  /**
   * Stops polling; a pass waiting for confirms stops waiting (unconfirmed rows stay pending for the next
   * start). Bounded: returns after `stopTimeoutMs` even if the database does not answer.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.options.broker.off('connected', this.onConnected);
    this.options.broker.off('unblocked', this.onConnected);
    this.abortWait?.();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      // the pass in flight, then the marks of what the broker confirmed (no later pass will carry them)
      Promise.resolve(this.running).then(() => this.markConfirmed()).catch((err: Error) => {
        this.options.logger.warn({ err: err.message }, 'outbox relay stop: could not mark the confirmed rows (they will be re-published)');
      }),
      new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.options.logger.warn('outbox relay stop: the pass in flight did not finish in time');
          resolve();
        }, this.options.stopTimeoutMs ?? 5000);
      }),
    ]);
    clearTimeout(timer);
  }

  /** Publishes until nothing is pending (used by tests and at shutdown). Returns how many were sent. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0) {
        await this.markConfirmed();
        return total;
      }
    }
  }

  private readonly onConnected = () => this.kick();

  /**
   * A commit's events: a pass for them, unless a recent claim already took them all — under concurrent commits
   * a running pass often claims a commit's rows before its notification arrives, and a pass for those alone
   * would claim nothing. (Rows whose publish fails stay pending: the poll retries them.)
   */
  private onCommitted(ids: readonly string[]): void {
    if (ids.every((id) => this.claimedNow.has(id) || this.claimedBefore.has(id))) return;
    this.kick();
  }

  private async drainLoop(): Promise<void> {
    try {
      while (!this.stopped && this.options.broker.connected && !this.options.broker.blocked) {
        const sent = await this.publishBatch();
        if (sent < (this.options.batchSize ?? 100)) break;
      }
      // A commit that kicked the relay during this pass starts the next one at once: its claim carries the marks.
      // Otherwise mark now, so no confirmed row waits for a poll (or for the lease to expire) to be marked.
      if (!this.again || this.stopped) await this.markConfirmed();
      await this.cleanup();
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'outbox relay pass failed; will retry');
    }
  }

  /**
   * Brings tables created before the lease and the inbox retention up to date (once per relay): the
   * `claimed_until` column (metadata-only ALTER) and the inbox's `processed_at` index.
   */
  private async ensureSchema(): Promise<void> {
    if (this.schemaChecked) return;
    const { sequelize } = this.options;
    const present = await sequelize.query(
      `SELECT 1 FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'outbox' AND column_name = 'claimed_until'`,
      { type: QueryTypes.SELECT },
    );
    if (!present.length) await sequelize.query('ALTER TABLE outbox ADD COLUMN IF NOT EXISTS claimed_until timestamptz');
    const indexed = await sequelize.query(
      `SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'inbox_processed_idx'`,
      { type: QueryTypes.SELECT },
    );
    // for the inbox retention job; CONCURRENTLY so consumers keep writing while it builds
    if (!indexed.length) await sequelize.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS inbox_processed_idx ON inbox (processed_at)');
    if (this.options.eventLogTypes?.length) {
      const logIndexed = await sequelize.query(
        `SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'outbox_log_idx'`,
        { type: QueryTypes.SELECT },
      );
      if (!logIndexed.length) await sequelize.query(EVENT_LOG_INDEX_SQL);
    }
    this.schemaChecked = true;
  }

  private async publishBatch(): Promise<number> {
    const { sequelize, broker, logger } = this.options;
    if (!broker.connected || broker.blocked) return 0;
    await this.ensureSchema();
    const confirmTimeoutMs = this.options.confirmTimeoutMs ?? 10_000;
    // 1. Claim (one autocommitted statement): the lease outlives the confirm wait, then the rows are free again.
    //    The same statement marks sent the rows of the previous pass that the broker confirmed (excluded from the
    //    claim: one statement must not update a row twice); if it fails, they are marked by a later one.
    const marking = this.takeConfirmed();
    const claimed = await sequelize
      .query<OutboxRow>(
        `WITH sent AS (${MARK_SENT_SQL})
         UPDATE outbox o SET claimed_until = now() + make_interval(secs => :leaseSeconds)
         FROM (SELECT id FROM outbox
               WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                 AND id NOT IN (SELECT CAST(jsonb_array_elements_text(CAST(:sent AS jsonb)) AS uuid))
               ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED) pending
         WHERE o.id = pending.id
         RETURNING o.id, o.type, o.payload, o.headers, o.seq`,
        {
          type: QueryTypes.SELECT,
          replacements: { sent: JSON.stringify(marking), limit: this.options.batchSize ?? 100, leaseSeconds: Math.ceil((confirmTimeoutMs * 3) / 1000) },
        },
      )
      .catch((err: unknown) => {
        this.confirmed.unshift(...marking);
        throw err;
      });
    if (marking.length) logger.debug({ count: marking.length }, 'outbox published');
    if (!claimed.length) return 0;
    this.claimedBefore = this.claimedNow;
    this.claimedNow = new Set(claimed.map((row) => row.id));
    const rows = [...claimed].sort((a, b) => Number(a.seq) - Number(b.seq));
    // 2. Publish in order on one confirm channel; wait for the confirms, but not forever.
    const outcome = new Map<string, Error | null>();
    const otel = tracing();
    const publishRow = (row: OutboxRow) =>
      broker.publish(EVENTS_EXCHANGE, row.type, Buffer.from(JSON.stringify(row.payload)), {
        messageId: row.id,
        type: row.type,
        contentType: 'application/cloudevents+json',
        timestamp: Math.floor(Date.parse(row.payload.time) / 1000),
        appId: row.payload.source,
        headers: row.headers,
      });
    const publishAll = () =>
      Promise.all(
        rows.map((row) =>
          (otel ? otel.publish(row.type, row.id, row.headers, () => publishRow(row)) : publishRow(row)).then(
            () => void outcome.set(row.id, null),
            (err: Error) => void outcome.set(row.id, err),
          ),
        ),
      );
    // With tracing on, each message is published in the context its writer stored (see Tracing.publish).
    const all = otel ? otel.relayPass(rows.length, publishAll) : publishAll();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      all.then(() => 'confirmed' as const),
      new Promise<'timeout' | 'stopped'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), confirmTimeoutMs);
        this.abortWait = () => resolve('stopped');
      }),
    ]);
    clearTimeout(timer);
    this.abortWait = undefined;
    if (finished !== 'confirmed') {
      logger.warn({ confirmed: [...outcome.values()].filter((e) => e === null).length, batch: rows.length, reason: finished }, 'outbox confirms did not arrive in time');
      if (finished === 'timeout') broker.abandonPublishChannel(`no confirms within ${confirmTimeoutMs} ms`);
    }
    // 3. Record the outcome (no transaction held across the wait): the confirmed rows are marked by the next
    //    claim or markConfirmed, the failed ones now.
    const sent = rows.filter((row) => outcome.get(row.id) === null).map((row) => row.id);
    const failed = rows.filter((row) => outcome.get(row.id) !== null).map((row) => row.id);
    this.confirmed.push(...sent);
    const { metrics } = this.options;
    if (metrics) for (const row of rows) if (outcome.get(row.id) === null) metrics.published(row.type);
    if (failed.length) {
      const reason = rows.map((row) => outcome.get(row.id)).find((e): e is Error => !!e)?.message ?? `confirm wait ended (${finished})`;
      logger.warn({ err: reason, pending: failed.length }, 'outbox publish interrupted');
      await sequelize.query(
        'UPDATE outbox SET attempts = attempts + 1, last_error = :error, claimed_until = NULL WHERE id IN (:ids)',
        { replacements: { error: String(reason).slice(0, 500), ids: failed } },
      );
    }
    // A batch with a failure stops this pass (order): the next pass retries from the first pending row.
    return failed.length ? 0 : sent.length;
  }

  private takeConfirmed(): string[] {
    const ids = this.confirmed;
    this.confirmed = [];
    return ids;
  }

  /** Marks sent, in a statement of its own, the confirmed rows no claim has marked yet. */
  private async markConfirmed(): Promise<void> {
    const marking = this.takeConfirmed();
    if (!marking.length) return;
    try {
      await this.options.sequelize.query(MARK_SENT_SQL, { replacements: { sent: JSON.stringify(marking) } });
    } catch (err) {
      this.confirmed.unshift(...marking);
      throw err;
    }
    this.options.logger.debug({ count: marking.length }, 'outbox published');
  }

  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    const logged = JSON.stringify(this.options.eventLogTypes ?? []);
    // Rows of the event log's types are not pruned with the others: they go after eventLogRetentionDays (0 = never).
    await this.options.sequelize.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(hours => :hours)
         AND type NOT IN (SELECT jsonb_array_elements_text(CAST(:logged AS jsonb)))`,
      { replacements: { hours: this.options.retentionHours ?? 72, logged } },
    );
    const days = this.options.eventLogRetentionDays ?? 0;
    if (days > 0 && this.options.eventLogTypes?.length) {
      await this.options.sequelize.query(
        `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => :days)
           AND type IN (SELECT jsonb_array_elements_text(CAST(:logged AS jsonb)))`,
        { replacements: { days, logged } },
      );
    }
    await pruneInbox(this.options.sequelize, this.options.inboxRetentionHours ?? DEFAULT_INBOX_RETENTION_HOURS);
  }
}

/**
 * Deletes inbox rows older than the retention, in bounded chunks (no long lock on a big table). An event
 * redelivered after its row is gone would be handled again, so the retention must exceed the longest
 * redelivery horizon (retry queues: minutes; parked messages replayed by an operator: within days).
 */
export async function pruneInbox(sequelize: Sequelize, retentionHours: number, chunk = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await sequelize.query<{ event_id: string }>(
      `DELETE FROM inbox WHERE ctid IN (
         SELECT ctid FROM inbox WHERE processed_at < now() - make_interval(hours => :hours) LIMIT :chunk)
       RETURNING event_id`,
      { type: QueryTypes.SELECT, replacements: { hours: retentionHours, chunk } },
    );
    total += deleted.length;
    if (deleted.length < chunk) return total;
  }
}

import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Sequelize, Transaction } from 'sequelize';
import type { ZodType } from 'zod';
import type { Logger } from 'pino';
import { contextFromIncoming, runWithContext } from '../context';
import { withTransaction } from '../db/transaction';
import { SqlSession } from '../db/sql-session';
import { toAppError } from '../errors';
import { tracing } from '../telemetry/bridge';
import type { Broker } from './broker';
import { EVENTS_EXCHANGE, parseEnvelope, type CloudEvent } from './envelope';
import { InboxRepository } from './inbox';
import type { ConsumerMetrics } from '../metrics/hooks';

export interface ConsumerDefinition<T, P = unknown> {
  /** Durable queue name, `<service>.<purpose>`, e.g. `enrollment.lesson-completed`. */
  queue: string;
  /** Routing keys (event types) bound to the queue; topic wildcards allowed. */
  bindings: string[];
  /** Validates `data`; a message that fails it is poison and goes straight to the parking lot. */
  schema: ZodType<T>;
  /**
   * Optional I/O the effect needs (a gRPC call, a read from another service), done BEFORE the inbox
   * transaction opens so no transaction (and no second pool connection) is held across it. It may run for
   * a duplicate too (the inbox check is inside the transaction), so it must not change anything. A failure
   * is retried like a failing `handle`.
   */
  prepare?(event: CloudEvent<T>): Promise<P>;
  /**
   * The effect, inside the same transaction as the inbox row: it happens once or not at all. DB-only (the
   * transaction is retried on deadlocks): what it needs from elsewhere comes from `prepare`.
   */
  handle(event: CloudEvent<T>, transaction: Transaction, prepared: P): Promise<void>;
  /**
   * Makes the consumer a timer: an event that arrives before the time returned here waits in RabbitMQ
   * (see `delayQueue`) and `handle` runs once at or after it. `null` = due now. No cron, no timer in the
   * process: a service that is down at the due time handles the event when it comes back.
   */
  dueAt?(event: CloudEvent<T>): Date | null;
  /**
   * Events handled per transaction (opt-in; absent or 1 = one transaction per event). When > 1, the events
   * in hand are handled together as soon as this many are queued or on the next macrotask (no waiting: under
   * low load a batch is one event): `prepare` for each outside the transaction, then ONE transaction with one
   * multi-row inbox insert and `handle` for each new event in arrival order, then every message is acked.
   * If that transaction fails, nothing of it is kept and each event goes through the one-event path (its own
   * transaction, retries, parking lot), so a bad event is retried alone. A batch can't exceed the prefetch.
   * `handle` must not rely on being alone in its transaction (it sees the batch's earlier effects). The batches
   * of one definition run one at a time, in arrival order (concurrent batches of one queue would lock the same
   * rows in different orders); the messages arriving meanwhile make the next one. Not with `dueAt`.
   */
  batchSize?: number;
  /**
   * Unacked messages this queue's consumer may hold (default: the consumer's `prefetch`). Lower it for work
   * bounded elsewhere (e.g. a renderer with two pages), so the rest stays in the queue for other replicas
   * instead of waiting in this process.
   */
  prefetch?: number;
}

/** The batches of one batching definition: the messages waiting, and whether a flush is scheduled or running. */
interface Batching {
  queued: Queued[];
  scheduled: boolean;
  running: boolean;
}

/** A parsed message waiting for its batch. */
interface Queued {
  channel: ConfirmChannel;
  msg: ConsumeMessage;
  event: CloudEvent;
}

export interface EventConsumerOptions {
  broker: Broker;
  sequelize: Sequelize;
  logger: Logger;
  /**
   * The service whose handlers run here: calls a handler makes to other services are signed as it (several
   * services can share one process in tests, so a process-wide name would sign them as the wrong one).
   */
  service?: string;
  prefetch?: number;
  /** Retries before a failing message is parked. */
  maxRetries?: number;
  /** Delay of the first retry; each next one doubles. */
  retryBaseMs?: number;
  /** Redeliveries (e.g. crashes mid-handling) a quorum queue allows before dead-lettering. */
  deliveryLimit?: number;
  /**
   * Handler transactions open at once across all queues of this consumer. Prefetch is per queue, so
   * prefetch × queues messages can be in hand; only this many hold a pool connection, the rest wait in the
   * process (not in the pool's acquire queue, which times out and would starve gRPC requests too).
   * Default: half the database pool (at least 1), leaving the other half to requests.
   */
  maxConcurrentHandlers?: number;
  /** Counts outcomes and tracks the messages in hand for the lag (kit metrics, when the process serves them). */
  metrics?: ConsumerMetrics;
}

const RETRY_HEADER = 'x-retry-count';

export const parkingLotQueue = (queue: string) => `${queue}.parking-lot`;
/**
 * Retry (backoff) and delay (timer) queues: quorum queues that dead-letter back to the work queue AT LEAST ONCE
 * (RabbitMQ ≥ 3.10). The classic queues they replace dead-lettered at most once: a message that fell due while
 * the broker was restarting was dropped, losing quiz deadlines and retries (found by `make chaos`). Their names
 * changed with their type (a queue's arguments cannot change); see `retireLegacyQueues`.
 */
export const retryQueue = (queue: string, attempt: number) => `${queue}.backoff.${attempt}`;
export const delayQueue = (queue: string, level: number) => `${queue}.hold.${level}`;
/** The classic retry and delay queues of earlier releases, deleted once empty. */
const legacyRetryQueue = (queue: string, attempt: number) => `${queue}.retry.${attempt}`;
const legacyDelayQueue = (queue: string, level: number) => `${queue}.delay.${level}`;
/** The most retry levels an earlier release can have declared (EVENT_MAX_RETRIES ≤ 50). */
const LEGACY_MAX_RETRIES = 50;

/** Arguments of a queue that holds messages for `ttlMs`, then hands them back to `workQueue` (at least once). */
function timedQueueArguments(workQueue: string, ttlMs: number) {
  return {
    'x-queue-type': 'quorum',
    'x-message-ttl': ttlMs,
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': workQueue,
    // at-least-once dead-lettering keeps a message in this queue until the work queue confirms it has it;
    // RabbitMQ requires reject-publish overflow for it (there is no length limit, so it never rejects).
    'x-dead-letter-strategy': 'at-least-once',
    'x-overflow': 'reject-publish',
  };
}

/**
 * Delay levels of a timer consumer: level k holds a message for DELAY_BASE_MS × 2^k (250 ms … ~18 h), then
 * dead-letters it back to the work queue. Every queue has ONE fixed TTL, so its messages expire in FIFO order
 * (RabbitMQ only expires at the head); a message hops through the largest level that fits the time left,
 * so any delay takes at most log2(delay / 250 ms) hops, and a longer one repeats the top level.
 */
const DELAY_BASE_MS = 250;
const DELAY_LEVELS = 19;
/** A message due within this much waits in the process (holding its prefetch slot) rather than another hop. */
const DUE_WAIT_IN_PROCESS_MS = DELAY_BASE_MS;

export function delayLevelFor(remainingMs: number): number {
  const level = Math.floor(Math.log2(Math.max(remainingMs, DELAY_BASE_MS) / DELAY_BASE_MS));
  return Math.min(DELAY_LEVELS - 1, Math.max(0, level));
}

/**
 * Consumes events idempotently. Per definition: a quorum work queue bound to `lms.events`, one quorum
 * queue per retry level (TTL, then dead-lettered back to the work queue at least once: backoff without a
 * timer in our process), the delay levels of a timer consumer, and a parking-lot queue. Manual acks after
 * the transaction commits, bounded prefetch, and everything re-declared and re-consumed after the broker
 * reconnects.
 */
export class EventConsumer {
  private readonly definitions: ConsumerDefinition<unknown>[] = [];
  private channel?: ConfirmChannel;
  private started = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly slots: Semaphore;
  private readonly maxRetries: number;
  /** Messages of batching definitions waiting for their flush. */
  private readonly batches = new Map<ConsumerDefinition<unknown>, Batching>();

  constructor(private readonly options: EventConsumerOptions) {
    const poolMax = (options.sequelize as unknown as { config?: { pool?: { max?: number } } }).config?.pool?.max ?? 10;
    this.slots = new Semaphore(options.maxConcurrentHandlers ?? Math.max(1, Math.floor(poolMax / 2)));
    this.maxRetries = options.maxRetries ?? 5;
  }

  register<T, P>(definition: ConsumerDefinition<T, P>): this {
    const size = definition.batchSize;
    if (size !== undefined && (!Number.isInteger(size) || size < 1)) throw new Error(`${definition.queue}: batchSize must be an integer >= 1`);
    if (size !== undefined && size > 1 && definition.dueAt) throw new Error(`${definition.queue}: batchSize and dueAt cannot be combined`);
    this.definitions.push(definition as unknown as ConsumerDefinition<unknown>);
    return this;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.options.broker.onConnect((connection) => this.setup(connection));
  }

  /** Stops taking new messages and waits for the ones being handled. */
  async stop(): Promise<void> {
    this.started = false;
    const channel = this.channel;
    this.channel = undefined;
    // Messages queued for a batch stay unacked: the broker redelivers them once the channel closes. A running
    // batch is in `inFlight`, and no next one starts.
    for (const [def, batch] of this.batches) this.settle(def, batch.queued.splice(0));
    await Promise.allSettled([...this.inFlight]);
    await channel?.close().catch(() => undefined);
  }

  private async setup(connection: ChannelModel): Promise<void> {
    if (!this.started) return;
    const channel = await connection.createConfirmChannel();
    channel.on('error', (err) => this.options.logger.warn({ err: err.message }, 'consumer channel error'));
    const maxRetries = this.maxRetries;
    const base = this.options.retryBaseMs ?? 1000;
    for (const def of this.definitions) {
      await channel.assertQueue(def.queue, {
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-delivery-limit': this.options.deliveryLimit ?? 20,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': parkingLotQueue(def.queue),
        },
      });
      await channel.assertQueue(parkingLotQueue(def.queue), { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      for (let attempt = 1; attempt <= maxRetries; attempt++) {
        await channel.assertQueue(retryQueue(def.queue, attempt), { durable: true, arguments: timedQueueArguments(def.queue, base * 2 ** (attempt - 1)) });
      }
      if (def.dueAt) {
        for (let level = 0; level < DELAY_LEVELS; level++) {
          await channel.assertQueue(delayQueue(def.queue, level), { durable: true, arguments: timedQueueArguments(def.queue, DELAY_BASE_MS * 2 ** level) });
        }
      }
      for (const key of def.bindings) await channel.bindQueue(def.queue, EVENTS_EXCHANGE, key);
      // basic.qos without `global` applies to the consumers started after it on this channel: one limit per queue
      await channel.prefetch(def.prefetch ?? this.options.prefetch ?? 16);
      await channel.consume(def.queue, (msg) => {
        if (!msg) return; // consumer cancelled by the broker (queue deleted); reconnect logic re-creates it
        // Lag counts from the publication (second precision: the AMQP timestamp), a timer's from its arrival when due.
        const since = def.dueAt || typeof msg.properties.timestamp !== 'number' ? Date.now() : msg.properties.timestamp * 1000;
        this.options.metrics?.received(def.queue, msg, since);
        tracing()?.delivered(msg);
        if ((def.batchSize ?? 1) > 1) this.enqueue(channel, def, msg);
        else this.track(this.handleMessage(channel, def, msg, maxRetries), () => this.options.metrics?.settled(def.queue, msg));
      });
    }
    this.channel = channel;
    void this.retireLegacyQueues(connection);
  }

  /**
   * Deletes the classic retry and delay queues of earlier releases once they are empty. Until then they still
   * hand their messages back to the work queue (their own TTL and dead-letter arguments), so an upgrade loses
   * nothing it did not lose before, and a later start deletes what is left. In the background, never delaying
   * consumption. The first level of each family is deleted last, so when it is gone the family is: on a broker
   * that never had them this costs one check per family.
   */
  private async retireLegacyQueues(connection: ChannelModel): Promise<void> {
    let channel: Channel | undefined;
    /** undefined when the broker closed the channel: a missing queue (check) or a non-empty one (delete). */
    const attempt = async <T>(op: (ch: Channel) => Promise<T>): Promise<T | undefined> => {
      try {
        if (!channel) {
          channel = await connection.createChannel();
          channel.on('error', () => undefined); // expected, see above
        }
        return await op(channel);
      } catch {
        channel = undefined;
        return undefined;
      }
    };
    // deleting a queue that does not exist is a no-op
    const deleteIfEmpty = async (name: string) => (await attempt((ch) => ch.deleteQueue(name, { ifEmpty: true }))) !== undefined;
    const kept: string[] = [];
    for (const def of this.definitions) {
      const families = [Array.from({ length: LEGACY_MAX_RETRIES }, (_, i) => legacyRetryQueue(def.queue, i + 1))];
      if (def.dueAt) families.push(Array.from({ length: DELAY_LEVELS }, (_, level) => legacyDelayQueue(def.queue, level)));
      for (const [first, ...others] of families) {
        if (!this.started || (await attempt((ch) => ch.checkQueue(first))) === undefined) continue;
        const left: string[] = [];
        for (const name of others) if (!(await deleteIfEmpty(name))) left.push(name);
        if (left.length || !(await deleteIfEmpty(first))) kept.push(first, ...left);
      }
    }
    await (channel as Channel | undefined)?.close().catch(() => undefined);
    if (kept.length) this.options.logger.info({ queues: kept }, 'legacy retry/delay queues still hold messages: kept until empty');
  }

  /** Keeps `work` until it ends (stop() waits for it); `done` runs after it, whatever its outcome. */
  private track(work: Promise<void>, done: () => void): void {
    const tracked = work.finally(() => {
      this.inFlight.delete(tracked);
      done();
    });
    this.inFlight.add(tracked);
  }

  /** These messages are no longer in this process's hands (metrics: consumer lag). */
  private settle(def: ConsumerDefinition<unknown>, items: readonly { msg: ConsumeMessage }[]): void {
    const { metrics } = this.options;
    if (metrics) for (const { msg } of items) metrics.settled(def.queue, msg);
  }

  /** The validated event of a message, or undefined when it is poison (then it is already parked). */
  private parse(channel: ConfirmChannel, def: ConsumerDefinition<unknown>, msg: ConsumeMessage): CloudEvent | undefined {
    try {
      const event = parseEnvelope(msg.content);
      const parsed = def.schema.safeParse(event.data);
      if (!parsed.success) throw new Error(`invalid ${event.type} payload: ${parsed.error.issues[0]?.message}`);
      return { ...event, data: parsed.data };
    } catch (err) {
      this.options.logger.error({ queue: def.queue, err: (err as Error).message }, 'poison message parked');
      this.options.metrics?.outcome(def.queue, 'invalid', 'parked');
      // nack without requeue: the queue's dead-letter route takes it to the parking lot.
      safely(() => channel.nack(msg, false, false));
      return undefined;
    }
  }

  /** The request context of an event's handling (with tracing on: called in its handling span, which it annotates). */
  private contextOf(msg: ConsumeMessage, event: CloudEvent) {
    const headers = msg.properties.headers ?? {};
    const context = contextFromIncoming({
      requestId: String(headers['x-request-id'] ?? event.id),
      traceparent: String(headers.traceparent ?? event.traceparent ?? ''),
      service: this.options.service,
    });
    tracing()?.annotate({ 'lms.request_id': context.requestId });
    return context;
  }

  /** Runs an event's handling in its span when tracing is on (Tracing.handle), as it is otherwise. */
  private traced<R>(def: ConsumerDefinition<unknown>, msg: ConsumeMessage, event: CloudEvent, fn: () => Promise<R>): Promise<R> {
    const otel = tracing();
    return otel ? otel.handle(msg, def.queue, event, fn) : fn();
  }

  private async handleMessage(
    channel: ConfirmChannel,
    def: ConsumerDefinition<unknown>,
    msg: ConsumeMessage,
    maxRetries: number,
  ): Promise<void> {
    const event = this.parse(channel, def, msg);
    if (!event) return;
    const due = def.dueAt?.(event);
    const remaining = due ? due.getTime() - Date.now() : 0;
    if (remaining > DUE_WAIT_IN_PROCESS_MS) {
      await this.holdUntilDue(channel, def, msg, event, remaining);
      return;
    }
    // Never early: the handler may rely on the due time having passed.
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining + 1));
    await this.handleOne(channel, def, msg, event, maxRetries);
  }

  /** One event in its own transaction: acked once handled (or a duplicate), else retried or parked. */
  private async handleOne(
    channel: ConfirmChannel,
    def: ConsumerDefinition<unknown>,
    msg: ConsumeMessage,
    event: CloudEvent,
    maxRetries: number,
  ): Promise<void> {
    const { logger, sequelize } = this.options;
    await this.traced(def, msg, event, () => runWithContext(this.contextOf(msg, event), async () => {
      try {
        const startedAt = performance.now();
        const prepared = def.prepare ? await def.prepare(event) : undefined;
        const handled = await this.slots.run(() =>
          withTransaction(sequelize, async (transaction) => {
            const inbox = new InboxRepository(new SqlSession(sequelize, transaction));
            if (!(await inbox.record(def.queue, event))) return false; // already processed: a redelivery or a duplicate publish
            await def.handle(event, transaction, prepared);
            return true;
          }),
        );
        logger.debug({ queue: def.queue, event_id: event.id, type: event.type, duplicate: !handled }, 'event handled');
        safely(() => channel.ack(msg));
        this.options.metrics?.outcome(def.queue, event.type, handled ? 'handled' : 'duplicate', (performance.now() - startedAt) / 1000);
      } catch (err) {
        await this.retryOrPark(channel, def, msg, event, err as Error, maxRetries);
      }
    }));
  }

  /** Queues a message of a batching definition; its batch is flushed when full or on the next macrotask. */
  private enqueue(channel: ConfirmChannel, def: ConsumerDefinition<unknown>, msg: ConsumeMessage): void {
    const event = this.started ? this.parse(channel, def, msg) : undefined;
    if (!event) {
      // stopping (unacked: redelivered once the channel closes) or poison (parked)
      this.settle(def, [{ msg }]);
      return;
    }
    let batch = this.batches.get(def);
    if (!batch) this.batches.set(def, (batch = { queued: [], scheduled: false, running: false }));
    batch.queued.push({ channel, msg, event });
    if (batch.queued.length >= (def.batchSize ?? 1)) this.flush(def);
    else if (!batch.scheduled) {
      batch.scheduled = true;
      const scheduled = batch;
      setImmediate(() => {
        scheduled.scheduled = false;
        this.flush(def);
      });
    }
  }

  /**
   * Starts the next batch unless one of this definition is running: its batches run one at a time (concurrent
   * batches of one queue touch the same rows in different orders: lock waits and deadlocks), and the messages
   * arriving meanwhile make the next one; it starts as soon as the running one ends.
   */
  private flush(def: ConsumerDefinition<unknown>): void {
    const batch = this.batches.get(def);
    if (!batch || batch.running || batch.queued.length === 0 || !this.started) return;
    const queued = batch.queued.splice(0, def.batchSize ?? 1);
    batch.running = true;
    this.track(
      this.handleBatch(def, queued, this.maxRetries).finally(() => {
        batch.running = false;
        this.flush(def);
      }),
      () => this.settle(def, queued),
    );
  }

  /**
   * A batch in one transaction (see `ConsumerDefinition.batchSize`). Every message is acked or nacked once:
   * a failed `prepare` sends its message alone to retryOrPark; a failed transaction sends each message of the
   * batch through `handleOne`; otherwise all are acked after the commit (duplicates too).
   */
  private async handleBatch(def: ConsumerDefinition<unknown>, queued: Queued[], maxRetries: number): Promise<void> {
    const { logger, sequelize } = this.options;
    if (queued.length === 1) return this.handleOne(queued[0].channel, def, queued[0].msg, queued[0].event, maxRetries); // as without batching
    const prepared = await Promise.all(
      queued.map((item) =>
        this.traced(def, item.msg, item.event, () => {
          const context = this.contextOf(item.msg, item.event); // once per message: prepare and handle run in it
          return runWithContext(context, async () => {
            try {
              return { ...item, context, prepared: def.prepare ? await def.prepare(item.event) : undefined };
            } catch (err) {
              await this.retryOrPark(item.channel, def, item.msg, item.event, err as Error, maxRetries);
              return undefined;
            }
          });
        }),
      ),
    );
    const ready = prepared.filter((item) => item !== undefined);
    if (ready.length === 0) return;
    const startedAt = Date.now();
    let handled: number;
    /** The events of the batch that were new (the metrics' outcomes); the transaction may run more than once. */
    const fresh = new Set<string>();
    const otel = tracing();
    const inBatchSpan = <R>(fn: () => Promise<R>) => (otel ? otel.batch(def.queue, ready.map((item) => item.msg), fn) : fn());
    try {
      handled = await inBatchSpan(() => this.slots.run(() =>
        withTransaction(sequelize, async (transaction) => {
          const inbox = new InboxRepository(new SqlSession(sequelize, transaction));
          const recorded = await inbox.recordMany(
            def.queue,
            ready.map((item) => item.event),
          );
          fresh.clear();
          for (const item of ready) {
            if (!recorded.delete(item.event.id)) continue; // already processed, or earlier in this batch
            await runWithContext(item.context, () => def.handle(item.event, transaction, item.prepared));
            fresh.add(item.event.id);
          }
          return fresh.size;
        }),
      ));
    } catch (err) {
      logger.warn({ queue: def.queue, events: ready.length, err: (err as Error).message }, 'event batch failed; handling its events one by one');
      for (const item of ready) await this.handleOne(item.channel, def, item.msg, item.event, maxRetries);
      return;
    }
    logger.debug({ queue: def.queue, events: ready.length, handled, duplicates: ready.length - handled, ms: Date.now() - startedAt }, 'event batch handled');
    for (const item of ready) safely(() => item.channel.ack(item.msg));
    const { metrics } = this.options;
    if (metrics) for (const item of ready) metrics.outcome(def.queue, item.event.type, fresh.has(item.event.id) ? 'handled' : 'duplicate', (Date.now() - startedAt) / 1000);
  }

  /** Parks an early message in the delay level that fits the time left; it comes back to the work queue. */
  private async holdUntilDue(
    channel: ConfirmChannel,
    def: ConsumerDefinition<unknown>,
    msg: ConsumeMessage,
    event: CloudEvent,
    remainingMs: number,
  ): Promise<void> {
    const target = delayQueue(def.queue, delayLevelFor(remainingMs));
    // x-death grows with every dead-lettering; the hop count is all we need to keep.
    const { 'x-death': _death, ...headers } = msg.properties.headers ?? {};
    try {
      await untraced(() =>
        new Promise<void>((resolve, reject) =>
          channel.sendToQueue(target, msg.content, { ...msg.properties, headers, persistent: true }, (e) => (e ? reject(e) : resolve())),
        ),
      );
      channel.ack(msg);
      this.options.logger.debug({ queue: def.queue, event_id: event.id, remaining_ms: remainingMs, delay_queue: target }, 'event held until due');
    } catch (publishErr) {
      // The original stays unacked and is redelivered when the channel comes back.
      this.options.logger.warn({ err: (publishErr as Error).message }, 'could not hold event until due');
    }
  }

  private async retryOrPark(
    channel: ConfirmChannel,
    def: ConsumerDefinition<unknown>,
    msg: ConsumeMessage,
    event: CloudEvent,
    err: Error,
    maxRetries: number,
  ): Promise<void> {
    const { logger } = this.options;
    tracing()?.fail(toAppError(err).code, err.message.slice(0, 300));
    const retries = Number(msg.properties.headers?.[RETRY_HEADER] ?? 0);
    const next = retries + 1;
    const target = next <= maxRetries ? retryQueue(def.queue, next) : parkingLotQueue(def.queue);
    const headers = {
      ...msg.properties.headers,
      [RETRY_HEADER]: next,
      'x-last-error': String(err.message).slice(0, 500),
    };
    try {
      await untraced(() =>
        new Promise<void>((resolve, reject) =>
          channel.sendToQueue(target, msg.content, { ...msg.properties, headers, persistent: true }, (e) =>
            e ? reject(e) : resolve(),
          ),
        ),
      );
      channel.ack(msg);
      if (next <= maxRetries) {
        logger.warn({ queue: def.queue, event_id: event.id, retry: next, err: err.message }, 'event failed; retry scheduled');
      } else {
        logger.error({ queue: def.queue, event_id: event.id, retries, err: err.message }, 'event failed; parked');
      }
      this.options.metrics?.outcome(def.queue, event.type, next <= maxRetries ? 'retried' : 'parked');
    } catch (publishErr) {
      // The original stays unacked and is redelivered when the channel comes back.
      logger.warn({ err: (publishErr as Error).message }, 'could not schedule retry');
      this.options.metrics?.outcome(def.queue, event.type, 'failed');
    }
  }
}

/** Bounds how many handler transactions are open at once; the others wait in FIFO order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<R>(fn: () => Promise<R>): Promise<R> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes on
      else this.active--;
    }
  }
}

/**
 * A message re-sent as it is (to a retry or delay queue) keeps the trace context it carries: the next attempt has the
 * same parent as the first, not the failed attempt's span (tracing off: `fn` as it is).
 */
function untraced<R>(fn: () => R): R {
  const otel = tracing();
  return otel ? otel.untraced(fn) : fn();
}

function safely(fn: () => void) {
  try {
    fn();
  } catch {
    // the channel closed under us; the broker redelivers the message
  }
}

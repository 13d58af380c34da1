import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import type { Transaction } from 'sequelize';
import { currentContext } from '../src/context';
import { createEvent, EventConsumer, EVENTS_EXCHANGE, parkingLotQueue, type CloudEvent } from '../src/events';
import { createTestDatabase, createTestVhost, eventually, queueDepth, type TestResource } from '../src/testing';
import { buildEventRig, noteSchema } from './helpers';

const QUEUE = 'kit-test.batched-notes';

describe('events: a batching consumer (batchSize > 1; real PostgreSQL + RabbitMQ)', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  let consumer: EventConsumer;
  /** Handler calls per event id (rolled-back attempts included), and events handled per transaction. */
  const calls = new Map<string, number>();
  const perTransaction = new Map<Transaction, number>();
  const requestIds = new Map<string, string | undefined>();

  beforeAll(async () => {
    db = await createTestDatabase('kit_batch');
    vhost = await createTestVhost('kit_batch');
    rig = await buildEventRig(db.url, vhost.url);
    consumer = new EventConsumer({ broker: rig.broker, sequelize: rig.sequelize, logger: rig.logger, prefetch: 256, maxRetries: 2, retryBaseMs: 50 });
    consumer.register({
      queue: QUEUE,
      bindings: ['note.written'],
      schema: noteSchema,
      batchSize: 100,
      handle: async (event, transaction) => {
        const id = event.data.note_id;
        calls.set(id, (calls.get(id) ?? 0) + 1);
        perTransaction.set(transaction, (perTransaction.get(transaction) ?? 0) + 1);
        requestIds.set(id, currentContext()?.requestId);
        if (event.data.body === 'always-fails') throw new Error('handler refuses this note');
        await rig.recordEffect(event, transaction);
      },
    });
    await consumer.start();
    expect(await rig.broker.start(10000)).toBe(true);
  });

  afterAll(async () => {
    await consumer?.stop();
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  const note = (body = 'n') => createEvent({ type: 'note.written', source: 'lms/kit-test', data: { note_id: randomUUID(), body } });

  /** Publishes raw messages in this order through one confirm channel, as fast as the broker takes them. */
  async function publish(events: (CloudEvent | Buffer)[]) {
    const conn = await amqp.connect(vhost.url);
    const ch = await conn.createConfirmChannel();
    for (const e of events) {
      const body = Buffer.isBuffer(e) ? e : Buffer.from(JSON.stringify(e));
      const headers = Buffer.isBuffer(e) ? {} : { 'x-request-id': `req-${(e.data as { note_id: string }).note_id}` };
      ch.publish(EVENTS_EXCHANGE, 'note.written', body, { persistent: true, headers });
    }
    await ch.waitForConfirms();
    await conn.close();
  }

  const idOf = (e: CloudEvent) => (e.data as { note_id: string }).note_id;

  async function expectOnce(events: CloudEvent[]) {
    await eventually(async () => {
      for (const e of events) expect(await rig.effects(idOf(e))).toBe(1);
      expect(await queueDepth(vhost.url, QUEUE)).toBe(0);
    }, 30000);
  }

  test('When 500 events arrive at once, then each is handled exactly once, many per transaction, each in its own request context', async () => {
    perTransaction.clear();
    const events = Array.from({ length: 500 }, () => note());
    await publish(events);
    await expectOnce(events);
    for (const e of events) {
      expect(calls.get(idOf(e))).toBe(1);
      expect(requestIds.get(idOf(e))).toBe(`req-${idOf(e)}`);
    }
    const sizes = [...perTransaction.values()];
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(500);
    expect(sizes.length).toBeLessThan(500);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
  }, 60000);

  test('When an event is duplicated within a batch and across batches, then it has one effect', async () => {
    const events = Array.from({ length: 50 }, () => note('dup'));
    await publish(events.flatMap((e) => [e, e])); // twice in a row: the same batch
    await expectOnce(events);
    await publish(events.slice(0, 10)); // again, later: another batch
    const marker = note();
    await publish([marker]);
    await expectOnce([marker]);
    await eventually(async () => expect(await queueDepth(vhost.url, QUEUE)).toBe(0));
    for (const e of events) {
      expect(calls.get(idOf(e))).toBe(1);
      expect(await rig.effects(idOf(e))).toBe(1);
    }
  }, 60000);

  test('When one event of a batch fails in its handler, then the others are applied once and it alone is retried, then parked', async () => {
    const parkedBefore = await queueDepth(vhost.url, parkingLotQueue(QUEUE));
    const good = Array.from({ length: 60 }, () => note('ok'));
    const bad = note('always-fails');
    await publish([...good.slice(0, 30), bad, ...good.slice(30)]);
    await expectOnce(good);
    await eventually(async () => expect(await queueDepth(vhost.url, parkingLotQueue(QUEUE))).toBe(parkedBefore + 1), 30000);
    expect(await rig.effects(idOf(bad))).toBe(0);
    // 3 deliveries (the first and 2 retries, maxRetries 2); each runs the handler once alone, plus once more when the
    // delivery came in a batch with others (rolled back, then alone) — a retry can meet other messages too
    await eventually(() => expect(calls.get(idOf(bad))).toBeGreaterThanOrEqual(1 + 2));
    expect(calls.get(idOf(bad))).toBeLessThanOrEqual(2 * (1 + 2));
    // the good events before it in the batch ran twice (rolled back, then alone), after it at most twice; applied once each
    for (const e of good) {
      expect(calls.get(idOf(e))).toBeLessThanOrEqual(2);
      expect(await rig.effects(idOf(e))).toBe(1);
    }
  }, 60000);

  test('When a message of a batch is poison, then it is parked at once and the rest are handled', async () => {
    const parkedBefore = await queueDepth(vhost.url, parkingLotQueue(QUEUE));
    const good = Array.from({ length: 20 }, () => note());
    await publish([...good.slice(0, 10), Buffer.from('{not json'), ...good.slice(10)]);
    await expectOnce(good);
    await eventually(async () => expect(await queueDepth(vhost.url, parkingLotQueue(QUEUE))).toBe(parkedBefore + 1));
    for (const e of good) expect(calls.get(idOf(e))).toBe(1);
  }, 60000);

  test('A batching definition cannot be a timer, and its batch size is a positive integer', () => {
    const c = new EventConsumer({ broker: rig.broker, sequelize: rig.sequelize, logger: rig.logger });
    const base = { queue: 'kit-test.invalid', bindings: ['x'], schema: noteSchema, handle: async () => undefined };
    expect(() => c.register({ ...base, batchSize: 10, dueAt: () => null })).toThrow('batchSize and dueAt');
    expect(() => c.register({ ...base, batchSize: 0 })).toThrow('batchSize must be');
    expect(() => c.register({ ...base, batchSize: 1, dueAt: () => null })).not.toThrow();
  });
});

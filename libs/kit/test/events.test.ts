import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { QueryTypes } from 'sequelize';
import { createEvent, EVENTS_EXCHANGE, parkingLotQueue } from '../src/events';
import { createTestDatabase, createTestVhost, eventually, queueDepth, type TestResource } from '../src/testing';
import { buildEventRig, noteSchema, pendingOutbox } from './helpers';

describe('events: outbox, inbox, retries and parking lot (real PostgreSQL + RabbitMQ)', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const calls = new Map<string, number>();
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);

  beforeAll(async () => {
    db = await createTestDatabase('kit_events');
    vhost = await createTestVhost('kit_events');
    rig = await buildEventRig(db.url, vhost.url, { maxRetries: 2, retryBaseMs: 50 });
    rig.consumer.register({
      queue: 'kit-test.notes',
      bindings: ['note.written'],
      schema: noteSchema,
      handle: async (event, transaction) => {
        count(event.data.note_id);
        if (event.data.body === 'always-fails') throw new Error('handler refuses this note');
        if (event.data.body === 'fails-once' && calls.get(event.data.note_id) === 1) throw new Error('transient failure');
        await rig.recordEffect(event, transaction);
      },
    });
    await rig.consumer.start();
    expect(await rig.broker.start(10000)).toBe(true);
    rig.relay.start();
  });

  afterAll(async () => {
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  /** Publishes a raw message straight to the exchange, as a duplicate-producing publisher would. */
  async function publishRaw(body: Buffer | object) {
    const conn = await amqp.connect(vhost.url);
    const ch = await conn.createConfirmChannel();
    ch.publish(EVENTS_EXCHANGE, 'note.written', Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)), { persistent: true });
    await ch.waitForConfirms();
    await conn.close();
  }

  test('When a state change commits, then its event is published and handled once', async () => {
    const id = randomUUID();
    await rig.writeNote(id, 'hello');
    await eventually(async () => expect(await rig.effects(id)).toBe(1));
    // The relay marks the row sent after the broker's confirm, in a statement of its own: a fast consumer may
    // handle the event first.
    await eventually(async () => expect(await pendingOutbox(rig.sequelize)).toBe(0));
  });

  test('When one call adds several events, then they are written in one statement, in order, and each handled once', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const events = ids.map((id, i) => createEvent({ type: 'note.written', source: 'lms/kit-test', subject: id, data: { note_id: id, body: `batch ${i}` } }));
    let inserts = 0;
    await rig.sequelize.transaction(async (transaction) => {
      await rig.outbox.add(transaction, ...events);
      // cmin: the command (statement) of the inserting transaction that wrote each row
      inserts = Number(
        (await rig.sequelize.query<{ n: string }>('SELECT count(DISTINCT cmin::text) AS n FROM outbox WHERE id IN (:ids)', {
          type: QueryTypes.SELECT,
          transaction,
          replacements: { ids: events.map((e) => e.id) },
        }))[0].n,
      );
    });
    expect(inserts).toBe(1);
    const order = await rig.sequelize.query<{ id: string }>('SELECT id FROM outbox WHERE id IN (:ids) ORDER BY seq', {
      type: QueryTypes.SELECT,
      replacements: { ids: events.map((e) => e.id) },
    });
    expect(order.map((r) => r.id)).toEqual(events.map((e) => e.id));
    await eventually(async () => {
      for (const id of ids) expect(await rig.effects(id)).toBe(1);
    });
  });

  test('When the transaction rolls back, then no event is ever published', async () => {
    const id = randomUUID();
    await expect(rig.writeNote(id, 'never', true)).rejects.toThrow('rolled back');
    const marker = randomUUID();
    await rig.writeNote(marker, 'marker');
    await eventually(async () => expect(await rig.effects(marker)).toBe(1));
    expect(calls.get(id)).toBeUndefined();
  });

  test('When the same event is delivered twice, then it has one effect', async () => {
    const id = randomUUID();
    const event = createEvent({ type: 'note.written', source: 'lms/kit-test', data: { note_id: id, body: 'dup' } });
    await publishRaw(event);
    await publishRaw(event);
    await eventually(async () => {
      expect(calls.get(id)).toBe(1);
      expect(await queueDepth(vhost.url, 'kit-test.notes')).toBe(0);
    });
    expect(await rig.effects(id)).toBe(1);
  });

  test('When a handler fails once, then the retry through the delay queue succeeds', async () => {
    const id = randomUUID();
    await rig.writeNote(id, 'fails-once');
    await eventually(async () => expect(await rig.effects(id)).toBe(1));
    expect(calls.get(id)).toBe(2);
  });

  test('When a handler always fails, then the message ends in the parking lot after the configured retries', async () => {
    const id = randomUUID();
    await rig.writeNote(id, 'always-fails');
    await eventually(async () => expect(await queueDepth(vhost.url, parkingLotQueue('kit-test.notes'))).toBeGreaterThanOrEqual(1));
    expect(calls.get(id)).toBe(3); // first delivery + 2 retries
    expect(await rig.effects(id)).toBe(0);
    const conn = await amqp.connect(vhost.url);
    const ch = await conn.createChannel();
    let parked: amqp.GetMessage | false = false;
    for (let i = 0; i < 10 && !parked; i++) {
      const msg = await ch.get(parkingLotQueue('kit-test.notes'));
      if (msg && JSON.parse(msg.content.toString()).data.note_id === id) parked = msg;
      if (msg) ch.ack(msg);
    }
    expect(parked).toBeTruthy();
    expect((parked as amqp.GetMessage).properties.headers?.['x-last-error']).toMatch(/refuses/);
    await conn.close();
  });

  test('When a message is not a valid event, then it is parked at once without calling the handler', async () => {
    const before = await queueDepth(vhost.url, parkingLotQueue('kit-test.notes'));
    await publishRaw(Buffer.from('this is not json'));
    await publishRaw(createEvent({ type: 'note.written', source: 'x', data: { note_id: 'not-a-uuid', body: 1 } }));
    await eventually(async () => expect(await queueDepth(vhost.url, parkingLotQueue('kit-test.notes'))).toBe(before + 2));
  });

  test('When an event is published, then it is a CloudEvent with trace headers and a message id', async () => {
    const conn = await amqp.connect(vhost.url);
    const ch = await conn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    await ch.bindQueue(queue, EVENTS_EXCHANGE, 'note.written');
    const id = randomUUID();
    await rig.writeNote(id, 'inspect me');
    const msg = await eventually(async () => {
      const m = await ch.get(queue, { noAck: true });
      if (!m || JSON.parse(m.content.toString()).data.note_id !== id) throw new Error('not yet');
      return m;
    });
    const body = JSON.parse(msg.content.toString());
    expect(body).toMatchObject({ specversion: '1.0', type: 'note.written', source: 'lms/kit-test', subject: id, datacontenttype: 'application/json' });
    expect(msg.properties.messageId).toBe(body.id);
    expect(msg.properties.deliveryMode).toBe(2);
    await conn.close();
  });
});

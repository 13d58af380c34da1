import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { createEvent } from '../src/events';
import { createTestDatabase, createTestVhost, eventually, queueDepth, type TestResource } from '../src/testing';
import { buildEventRig, noteSchema } from './helpers';

/**
 * Upgrading from the classic retry/delay queues (`<queue>.retry.<n>`, `<queue>.delay.<n>`) to the quorum ones: the
 * consumer deletes the old queues that are empty, keeps one that still holds a message until that message is back in
 * the work queue, and deletes it on a later start.
 */
const QUEUE = 'kit-test.legacy-notes';
const exists = (url: string, name: string) => queueDepth(url, name).then(() => true, () => false);

describe('events: the classic retry and delay queues of earlier releases', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const handled: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('kit_legacy');
    vhost = await createTestVhost('kit_legacy');
    rig = await buildEventRig(db.url, vhost.url, { maxRetries: 2 });
    rig.consumer.register({
      queue: QUEUE,
      bindings: ['note.written'],
      schema: noteSchema,
      dueAt: () => null,
      handle: async (event, transaction) => {
        handled.push(event.data.note_id);
        await rig.recordEffect(event, transaction);
      },
    });
  });

  afterAll(async () => {
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  test('When an earlier release left them, then the empty ones are deleted and a held message still reaches the work queue', async () => {
    // What an earlier release declared: retry levels 1…3 (its EVENT_MAX_RETRIES) and 19 delay levels, classic queues.
    const connection = await amqp.connect(vhost.url);
    const channel = await connection.createConfirmChannel();
    const legacy = (name: string, ttl: number) =>
      channel.assertQueue(name, { durable: true, arguments: { 'x-message-ttl': ttl, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': QUEUE } });
    for (let n = 1; n <= 3; n++) await legacy(`${QUEUE}.retry.${n}`, 5000 * 2 ** (n - 1));
    for (let level = 0; level < 19; level++) await legacy(`${QUEUE}.delay.${level}`, 250 * 2 ** level);
    // one retry still waiting in level 2 (10 s: long after the new consumer started)
    const noteId = randomUUID();
    const event = createEvent({ type: 'note.written', source: 'lms/kit-test', subject: noteId, data: { note_id: noteId, body: 'held' } });
    channel.sendToQueue(`${QUEUE}.retry.2`, Buffer.from(JSON.stringify(event)), { persistent: true });
    await channel.waitForConfirms();
    await connection.close();

    await rig.consumer.start();
    expect(await rig.broker.start(10000)).toBe(true);

    await eventually(async () => {
      expect(await exists(vhost.url, `${QUEUE}.retry.3`)).toBe(false);
      expect(await exists(vhost.url, `${QUEUE}.delay.0`)).toBe(false);
      expect(await exists(vhost.url, `${QUEUE}.delay.18`)).toBe(false);
    }, 20_000);
    expect(await exists(vhost.url, `${QUEUE}.retry.2`)).toBe(true); // still holds the message
    expect(await exists(vhost.url, `${QUEUE}.retry.1`)).toBe(true); // the family's first level goes last
    expect(await exists(vhost.url, `${QUEUE}.backoff.1`)).toBe(true);
    expect(await exists(vhost.url, `${QUEUE}.hold.18`)).toBe(true);

    // the held message comes back through the legacy queue's own dead-lettering, once
    await eventually(async () => expect(await rig.effects(noteId)).toBe(1), 30_000);

    // a later start finds it empty and deletes it
    await rig.consumer.stop();
    await rig.consumer.start();
    await eventually(async () => {
      expect(await exists(vhost.url, `${QUEUE}.retry.2`)).toBe(false);
      expect(await exists(vhost.url, `${QUEUE}.retry.1`)).toBe(false);
    }, 20_000);
    expect(handled.filter((id) => id === noteId)).toHaveLength(1);
  }, 90_000);
});

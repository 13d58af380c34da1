import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { delayLevelFor, delayQueue, type ConsumerDefinition } from '../src/events';
import { createTestDatabase, createTestVhost, eventually, queueDepth, type TestResource } from '../src/testing';
import { buildEventRig, noteSchema } from './helpers';

/** A timer consumer: the note's body is the time at which it is due. */
function dueNotes(rig: Awaited<ReturnType<typeof buildEventRig>>, handled: Map<string, number>): ConsumerDefinition<{ note_id: string; body: string }> {
  return {
    queue: 'kit-test.due-notes',
    bindings: ['note.written'],
    schema: noteSchema,
    dueAt: (event) => (event.data.body ? new Date(event.data.body) : null),
    handle: async (event, transaction) => {
      handled.set(event.data.note_id, Date.now());
      await rig.recordEffect(event, transaction);
    },
  };
}

describe('events: consumers with a due time (delayed through RabbitMQ, no cron)', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const handled = new Map<string, number>();

  beforeAll(async () => {
    db = await createTestDatabase('kit_due');
    vhost = await createTestVhost('kit_due');
    rig = await buildEventRig(db.url, vhost.url);
    rig.consumer.register(dueNotes(rig, handled));
    await rig.consumer.start();
    expect(await rig.broker.start(10000)).toBe(true);
    rig.relay.start();
  });

  afterAll(async () => {
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  const effectTime = async (noteId: string) => {
    const rows = await rig.sequelize.query<{ at: Date }>('SELECT at FROM effects WHERE note_id = :noteId', {
      type: QueryTypes.SELECT,
      replacements: { noteId },
    });
    return rows.map((r) => new Date(r.at).getTime());
  };

  test('delay levels: the largest fixed TTL that fits the time left', () => {
    expect(delayLevelFor(0)).toBe(0);
    expect(delayLevelFor(249)).toBe(0);
    expect(delayLevelFor(500)).toBe(1);
    expect(delayLevelFor(999)).toBe(1);
    expect(delayLevelFor(60_000)).toBe(7); // 250 ms × 2^7 = 32 s; then 16 s, 8 s, …
    expect(delayLevelFor(10 * 24 * 3600 * 1000)).toBe(18); // longer than the top level: repeat it
  });

  test('When an event is due in the future, then it is handled once, not before its due time', async () => {
    const id = randomUUID();
    const due = new Date(Date.now() + 1800);
    await rig.writeNote(id, due.toISOString());
    await new Promise((r) => setTimeout(r, 700));
    expect(handled.has(id)).toBe(false);
    await eventually(async () => expect(await effectTime(id)).toHaveLength(1), 10_000);
    const [at] = await effectTime(id);
    expect(at).toBeGreaterThanOrEqual(due.getTime());
  });

  test('When an event is due already (or has no due time), then it is handled at once', async () => {
    const past = randomUUID();
    const none = randomUUID();
    await rig.writeNote(past, new Date(Date.now() - 60_000).toISOString());
    await rig.writeNote(none, '');
    await eventually(async () => {
      expect(await effectTime(past)).toHaveLength(1);
      expect(await effectTime(none)).toHaveLength(1);
    });
  });

  test('When an event is due in hours, then it waits in a delay queue, not in the process', async () => {
    const id = randomUUID();
    const due = new Date(Date.now() + 3 * 3600 * 1000);
    await rig.writeNote(id, due.toISOString());
    const level = delayLevelFor(due.getTime() - Date.now());
    await eventually(async () => expect(await queueDepth(vhost.url, delayQueue('kit-test.due-notes', level))).toBeGreaterThanOrEqual(1));
    expect(await effectTime(id)).toHaveLength(0);
  });

  test('When the consumer is down at the due time, then the event is handled once after it comes back', async () => {
    const id = randomUUID();
    const due = new Date(Date.now() + 1200);
    await rig.writeNote(id, due.toISOString());
    await eventually(async () => expect(await queueDepth(vhost.url, 'kit-test.due-notes')).toBe(0));
    await rig.close();
    await new Promise((r) => setTimeout(r, 2500)); // past due while nothing consumes
    rig = await buildEventRig(db.url, vhost.url);
    rig.consumer.register(dueNotes(rig, handled));
    await rig.consumer.start();
    expect(await rig.broker.start(10000)).toBe(true);
    rig.relay.start();
    await eventually(async () => expect(await effectTime(id)).toHaveLength(1), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await effectTime(id)).toHaveLength(1);
  });
});

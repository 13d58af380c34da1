import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { createTestDatabase, eventually, type TestResource } from '../src/testing';
import { buildEventRig, noteSchema, pendingOutbox } from './helpers';

/**
 * Runs its own private RabbitMQ node so that stopping and restarting "the broker" disturbs no other suite.
 */
const REPO = path.resolve(__dirname, '../../..');
const NODE = ['kit-restart', '31682', '31684', path.join(REPO, '.infra/rabbitmq-kit-restart')];
const node = (cmd: string) => execFileSync('bash', [path.join(REPO, 'scripts/rabbitmq-node.sh'), cmd, ...NODE], { stdio: 'pipe', timeout: 120_000 });

describe('events across a broker outage and restart (private RabbitMQ node)', () => {
  let db: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const handled = new Set<string>();
  /** Committed handlings per queue and note, and failed first attempts of the flaky consumer. */
  const committed = new Map<string, number>();
  const failedOnce = new Set<string>();
  const countCommit = (queue: string, noteId: string, transaction: Transaction) =>
    transaction.afterCommit(() => void committed.set(`${queue}:${noteId}`, (committed.get(`${queue}:${noteId}`) ?? 0) + 1));
  const handledBy = (queue: string, noteIds: string[]) => noteIds.map((id) => committed.get(`${queue}:${id}`) ?? 0);

  beforeAll(async () => {
    node('start');
    db = await createTestDatabase('kit_restart');
    // Retries wait 8 s, then 16 s: the first one falls due while the broker is down.
    rig = await buildEventRig(db.url, 'amqp://guest:guest@127.0.0.1:31682', { retryBaseMs: 8000, maxRetries: 2 });
    rig.consumer.register({
      queue: 'kit-restart.notes',
      bindings: ['note.written'],
      schema: noteSchema,
      handle: async (event, transaction) => {
        handled.add(event.data.note_id);
        await rig.recordEffect(event, transaction);
      },
    });
    // A timer consumer: a note whose body is a time is due then (other notes at once).
    rig.consumer.register({
      queue: 'kit-restart.due-notes',
      bindings: ['note.written'],
      schema: noteSchema,
      dueAt: (event) => (/^\d{4}-/.test(event.data.body) ? new Date(event.data.body) : null),
      handle: async (event, transaction) => countCommit('due-notes', event.data.note_id, transaction),
    });
    // A consumer whose first attempt at a note written 'flaky' fails: that note goes through a retry queue.
    rig.consumer.register({
      queue: 'kit-restart.flaky',
      bindings: ['note.written'],
      schema: noteSchema,
      handle: async (event, transaction) => {
        if (event.data.body === 'flaky' && !failedOnce.has(event.data.note_id)) {
          failedOnce.add(event.data.note_id);
          throw new Error('first attempt fails on purpose');
        }
        countCommit('flaky', event.data.note_id, transaction);
      },
    });
    await rig.consumer.start();
    expect(await rig.broker.start(20000)).toBe(true);
    rig.relay.start();
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
    await db?.drop();
    node('stop');
  }, 120_000);

  test('When an event is written while the broker is down, then it is published after the broker comes back, and the consumer resumes', async () => {
    const before = randomUUID();
    await rig.writeNote(before, 'before the outage');
    await eventually(async () => expect(await rig.effects(before)).toBe(1));

    node('stop_app');
    await eventually(() => expect(rig.broker.connected).toBe(false), 20000);

    const during = randomUUID();
    await rig.writeNote(during, 'written while the broker is down');
    await new Promise((r) => setTimeout(r, 500));
    expect(await pendingOutbox(rig.sequelize)).toBe(1); // kept, not lost, not half-sent
    expect(handled.has(during)).toBe(false);

    node('start_app');
    await eventually(() => expect(rig.broker.connected).toBe(true), 60000);
    await eventually(async () => expect(await rig.effects(during)).toBe(1), 30000);
    expect(await pendingOutbox(rig.sequelize)).toBe(0);

    // the consumer was re-attached to its queue after the restart: new events keep flowing
    const after = randomUUID();
    await rig.writeNote(after, 'after the restart');
    await eventually(async () => expect(await rig.effects(after)).toBe(1), 30000);
  }, 180_000);

  test('When timers and retries fall due while the broker is down, then after its restart each is handled exactly once (none lost)', async () => {
    const timers = Array.from({ length: 10 }, () => randomUUID());
    const flaky = Array.from({ length: 5 }, () => randomUUID());
    const due = new Date(Date.now() + 8000).toISOString();
    for (const id of timers) await rig.writeNote(id, due);
    for (const id of flaky) await rig.writeNote(id, 'flaky');
    // Published and consumed once: every first attempt failed (retry queue) and every timer is held (delay queues).
    await eventually(() => expect(flaky.every((id) => failedOnce.has(id))).toBe(true), 20_000);
    await eventually(async () => expect(await pendingOutbox(rig.sequelize)).toBe(0), 20_000);
    expect(handledBy('due-notes', timers)).toEqual(timers.map(() => 0));

    node('stop');
    await eventually(() => expect(rig.broker.connected).toBe(false), 20000);
    // Everything falls due during the outage: timers at `due`, the first retries 8 s after their failure.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(due) + 2000 - Date.now()) + 8000));
    node('start');
    await eventually(() => expect(rig.broker.connected).toBe(true), 60000);

    await eventually(() => {
      expect(handledBy('due-notes', timers)).toEqual(timers.map(() => 1));
      expect(handledBy('flaky', flaky)).toEqual(flaky.map(() => 1));
    }, 60_000);
    // and not twice a little later (at-least-once dead-lettering may redeliver; the inbox absorbs it)
    await new Promise((r) => setTimeout(r, 3000));
    expect(handledBy('due-notes', timers)).toEqual(timers.map(() => 1));
    expect(handledBy('flaky', flaky)).toEqual(flaky.map(() => 1));
  }, 240_000);
});

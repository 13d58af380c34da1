import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
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

  beforeAll(async () => {
    node('start');
    db = await createTestDatabase('kit_restart');
    rig = await buildEventRig(db.url, 'amqp://guest:guest@127.0.0.1:31682', {});
    rig.consumer.register({
      queue: 'kit-restart.notes',
      bindings: ['note.written'],
      schema: noteSchema,
      handle: async (event, transaction) => {
        handled.add(event.data.note_id);
        await rig.recordEffect(event, transaction);
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
});

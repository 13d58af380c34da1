import { QueryTypes } from 'sequelize';
import { OutboxRelay, pruneInbox } from '../src/events';
import { createTestDatabase, createTestVhost, eventually, type TestResource } from '../src/testing';
import { buildEventRig, relayMaker } from './helpers';

/** Issue 10 B7: processed event ids (the inbox) are kept for a retention, then pruned like the outbox. */
describe('events: inbox retention (real PostgreSQL)', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const relays: OutboxRelay[] = [];

  const newRelay = relayMaker(() => rig, relays);

  beforeAll(async () => {
    db = await createTestDatabase('kit_inbox');
    vhost = await createTestVhost('kit_inbox');
    rig = await buildEventRig(db.url, vhost.url);
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  test('When inbox rows are older than the retention, then the relay prunes them and keeps the recent ones', async () => {
    await rig.sequelize.query(
      `INSERT INTO inbox (consumer, event_id, event_type, processed_at) VALUES
         ('kit-test.notes', 'old-1', 'note.written', now() - interval '8 days'),
         ('kit-test.notes', 'old-2', 'note.written', now() - interval '30 days'),
         ('kit-test.notes', 'recent', 'note.written', now() - interval '6 days')`,
    );
    const relay = newRelay({ inboxRetentionHours: 7 * 24 });
    relay.start(); // the retention job runs on the first pass, then at most once a minute
    const ids = async () =>
      (await rig.sequelize.query<{ event_id: string }>('SELECT event_id FROM inbox ORDER BY event_id', { type: QueryTypes.SELECT })).map((r) => r.event_id);
    await eventually(async () => expect(await ids()).toEqual(['recent']));
    // chunked deletion: a small chunk still removes everything past the retention
    await rig.sequelize.query(
      `INSERT INTO inbox (consumer, event_id, event_type, processed_at)
       SELECT 'kit-test.notes', 'bulk-' || g, 'note.written', now() - interval '10 days' FROM generate_series(1, 25) g`,
    );
    expect(await pruneInbox(rig.sequelize, 7 * 24, 10)).toBe(25);
    expect(await ids()).toEqual(['recent']);
  });
});

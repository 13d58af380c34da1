import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { QueryTypes, type Sequelize } from 'sequelize';
import { EVENTS_EXCHANGE, OutboxRelay, type Outbox } from '../src/events';
import { createTestDatabase, createTestVhost, eventually, type TestResource } from '../src/testing';
import { buildEventRig, relayMaker } from './helpers';

/**
 * Issue 10 B6: the relay never holds a transaction or row locks while it waits for the broker, gives up
 * on confirms that never come, pauses while the broker blocks publishers, stops in bounded time.
 */
describe('events: outbox relay against a broker that does not confirm (real PostgreSQL + RabbitMQ)', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const relays: OutboxRelay[] = [];

  const newRelay = relayMaker(() => rig, relays);

  const row = async (id: string) =>
    (
      await rig.sequelize.query<{ published_at: Date | null; attempts: number; claimed_until: Date | null; last_error: string | null }>(
        'SELECT published_at, attempts, claimed_until, last_error FROM outbox WHERE id = :id',
        { type: QueryTypes.SELECT, replacements: { id } },
      )
    )[0];

  const outboxIdOf = async (noteId: string) =>
    (
      await rig.sequelize.query<{ id: string }>(`SELECT id FROM outbox WHERE payload->'data'->>'note_id' = :noteId`, {
        type: QueryTypes.SELECT,
        replacements: { noteId },
      })
    )[0].id;

  /** Proves nobody holds a lock on the row: a NOWAIT lock from another transaction succeeds at once. */
  const lockableNow = (id: string) =>
    rig.sequelize.transaction(async (transaction) => {
      await rig.sequelize.query('SELECT id FROM outbox WHERE id = :id FOR UPDATE NOWAIT', { transaction, replacements: { id } });
      return true;
    });

  const idleInTransaction = async () =>
    Number(
      (
        await rig.sequelize.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
          { type: QueryTypes.SELECT },
        )
      )[0].n,
    );

  beforeAll(async () => {
    db = await createTestDatabase('kit_relay');
    vhost = await createTestVhost('kit_relay');
    rig = await buildEventRig(db.url, vhost.url);
    expect(await rig.broker.start(10000)).toBe(true);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await eventually(() => expect(rig.broker.connected).toBe(true), 10000);
    // leave nothing pending for the next test
    await rig.sequelize.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
  });

  afterAll(async () => {
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  test('When the broker never confirms, then the relay holds no transaction or row lock, gives up after its timeout and the rows stay pending', async () => {
    const original = rig.broker.publish.bind(rig.broker);
    let published = 0;
    rig.broker.publish = () => {
      published++;
      return new Promise<void>(() => undefined); // a blocked broker: the confirm never comes
    };
    try {
      const noteId = randomUUID();
      await rig.writeNote(noteId, 'never confirmed');
      const id = await outboxIdOf(noteId);
      const relay = newRelay({ confirmTimeoutMs: 1500 });
      relay.start();
      await eventually(() => expect(published).toBeGreaterThan(0));
      // mid-wait: the row is leased but not locked, and no connection sits idle in a transaction
      expect((await row(id)).claimed_until).not.toBeNull();
      expect(await lockableNow(id)).toBe(true);
      expect(await idleInTransaction()).toBe(0);
      // after the timeout: still pending, the failure recorded, the lease released
      await eventually(async () => expect((await row(id)).attempts).toBeGreaterThanOrEqual(1), 10000);
      const after = await row(id);
      expect(after.published_at).toBeNull();
      expect(after.last_error).toMatch(/timeout/);
    } finally {
      rig.broker.publish = original;
    }
  });

  test('When stop() is called while confirms never come, then it returns within a bound and the rows stay pending', async () => {
    const original = rig.broker.publish.bind(rig.broker);
    let published = 0;
    rig.broker.publish = () => {
      published++;
      return new Promise<void>(() => undefined);
    };
    try {
      const noteId = randomUUID();
      await rig.writeNote(noteId, 'stop while waiting');
      const id = await outboxIdOf(noteId);
      const relay = newRelay({ confirmTimeoutMs: 60_000, stopTimeoutMs: 3000 });
      relay.start();
      await eventually(() => expect(published).toBeGreaterThan(0));
      const started = Date.now();
      await relay.stop();
      expect(Date.now() - started).toBeLessThan(3000);
      const after = await row(id);
      expect(after.published_at).toBeNull();
      expect(after.claimed_until).toBeNull(); // released: another replica (or the next start) takes it at once
    } finally {
      rig.broker.publish = original;
    }
  });

  test('When the broker nacks (a full queue that rejects publishes), then the rows stay pending and go out once it accepts', async () => {
    const conn = await amqp.connect(vhost.url);
    const ch = await conn.createChannel();
    await ch.assertQueue('kit-relay.full', { durable: false, arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
    await ch.bindQueue('kit-relay.full', EVENTS_EXCHANGE, 'note.written');
    try {
      const noteId = randomUUID();
      await rig.writeNote(noteId, 'rejected');
      const id = await outboxIdOf(noteId);
      const relay = newRelay({ confirmTimeoutMs: 2000 });
      relay.start();
      await eventually(async () => expect((await row(id)).attempts).toBeGreaterThanOrEqual(1), 10000);
      expect((await row(id)).published_at).toBeNull();
      expect(await lockableNow(id)).toBe(true);
      await ch.deleteQueue('kit-relay.full');
      await eventually(async () => expect((await row(id)).published_at).not.toBeNull(), 10000);
    } finally {
      await conn.close().catch(() => undefined);
    }
  });

  test('When the broker blocks publishers, then the relay pauses, and resumes on unblocked', async () => {
    const relay = newRelay({ confirmTimeoutMs: 2000 });
    relay.start();
    const warmUp = randomUUID();
    await rig.writeNote(warmUp, 'before the alarm');
    const warmUpId = await outboxIdOf(warmUp);
    await eventually(async () => expect((await row(warmUpId)).published_at).not.toBeNull());
    await new Promise((r) => setTimeout(r, 200)); // the pass that published it has ended
    const connection = (rig.broker as unknown as { connection: NodeJS.EventEmitter }).connection;
    connection.emit('blocked', 'low on memory (test)');
    expect(rig.broker.blocked).toBe(true);
    const noteId = randomUUID();
    await rig.writeNote(noteId, 'while blocked');
    const id = await outboxIdOf(noteId);
    await new Promise((r) => setTimeout(r, 700)); // several poll intervals
    expect((await row(id)).published_at).toBeNull();
    expect((await row(id)).attempts).toBe(0); // not even tried
    connection.emit('unblocked');
    await eventually(async () => expect((await row(id)).published_at).not.toBeNull(), 10000);
  });
  test('When a commit arrives during a pass, then the next pass marks the confirmed rows in its claim, and the last pass marks its own before it idles', async () => {
    // The relay's statements that mark rows sent, with the ids they mark (the claim carries the previous pass's).
    const marks: { claim: boolean; sent: string[] }[] = [];
    const recording = Object.create(rig.sequelize) as Sequelize;
    recording.query = ((sql: string, options?: { replacements?: { sent?: string } }) => {
      if (options?.replacements?.sent !== undefined) marks.push({ claim: sql.includes('claimed_until = now() +'), sent: JSON.parse(options.replacements.sent) });
      return rig.sequelize.query(sql, options as never);
    }) as Sequelize['query'];
    const original = rig.broker.publish.bind(rig.broker);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let published = 0;
    rig.broker.publish = (...args) => (++published === 1 ? gate.then(() => original(...args)) : original(...args));
    try {
      // no poll during the test: only commits (and the end of a pass) move the relay
      const relay = newRelay({ sequelize: recording, pollMs: 60_000 });
      relay.start();
      const first = randomUUID();
      await rig.writeNote(first, 'pass N');
      const firstId = await outboxIdOf(first);
      await eventually(() => expect(published).toBe(1));
      const second = randomUUID();
      await rig.writeNote(second, 'committed while pass N waits for its confirm');
      const secondId = await outboxIdOf(second);
      release();
      await eventually(async () => expect((await row(secondId)).published_at).not.toBeNull(), 10000);
      expect((await row(firstId)).published_at).not.toBeNull();
      // pass N+1's claim marked pass N's row; nothing follows pass N+1, so it marked its own row at once
      expect(marks.filter((m) => m.sent.includes(firstId))).toEqual([{ claim: true, sent: [firstId] }]);
      expect(marks.filter((m) => m.sent.includes(secondId))).toEqual([{ claim: false, sent: [secondId] }]);
      expect((await row(secondId)).claimed_until).toBeNull();
    } finally {
      rig.broker.publish = original;
    }
  });
  test('When a recent claim already took all of a commit\'s events, then its notification starts no pass (no claim that finds nothing)', async () => {
    // the commits' notifications, sent by the test (the rows are written through the rig's own outbox)
    let notify!: (ids: readonly string[]) => void;
    const commits = { onAdded: (listener: typeof notify) => ((notify = listener), () => undefined) } as unknown as Outbox;
    let claims = 0;
    const recording = Object.create(rig.sequelize) as Sequelize;
    recording.query = ((sql: string, options?: object) => {
      if (sql.includes('claimed_until = now() +')) claims++;
      return rig.sequelize.query(sql, options as never);
    }) as Sequelize['query'];
    const relay = newRelay({ outbox: commits, sequelize: recording, pollMs: 60_000 });
    relay.start();
    await eventually(() => expect(claims).toBe(1)); // the pass of start()
    const noteId = randomUUID();
    await rig.writeNote(noteId, 'claimed before its notification arrives');
    const id = await outboxIdOf(noteId);
    notify([id]);
    await eventually(async () => expect((await row(id)).published_at).not.toBeNull(), 10000);
    const after = claims;
    notify([id]); // a late notification of rows a pass already took
    await new Promise((r) => setTimeout(r, 300));
    expect(claims).toBe(after);
    notify([id, randomUUID()]); // one id no claim took (another replica's, or not committed yet): a pass
    await eventually(() => expect(claims).toBe(after + 1));
  });
});

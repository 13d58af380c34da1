import { randomUUID } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { createEventLogClient, type EventLogClient } from '../src/clients';
import { GrpcStatus, GrpcServer, loadService } from '../src/grpc';
import { createEvent, type OutboxRelay } from '../src/events';
import { EVENT_LOG_PROTO, EVENT_LOG_SERVICE, eventLogHandlers } from '../src/lifecycle';
import type { EventLogServiceDefinition } from '../src/generated/lms/eventlog/v1/EventLogService';
import { createTestDatabase, createTestVhost, eventually, expectGrpcError, testLogger, type TestResource } from '../src/testing';
import { buildEventRig, relayMaker } from './helpers';

/**
 * Issue 13 A3: the event log — published public events stay in the outbox (other types keep the 72 h pruning)
 * and are served by seq over lms.eventlog.v1.EventLogService/ReadEvents, only to allowed readers, never past
 * a row that may still commit below what was returned.
 */
describe('events: the event log (real PostgreSQL + RabbitMQ)', () => {
  let db: TestResource;
  let vhost: TestResource;
  let rig: Awaited<ReturnType<typeof buildEventRig>>;
  const relays: OutboxRelay[] = [];
  const newRelay = relayMaker(() => rig, relays);
  const server = new GrpcServer({ logger: testLogger(), serviceName: 'catalog' });
  let asAnalytics: EventLogClient;
  let asEnrollment: EventLogClient;
  const LOGGED = ['note.written', 'note.edited'];

  beforeAll(async () => {
    db = await createTestDatabase('kit_event_log');
    vhost = await createTestVhost('kit_event_log');
    rig = await buildEventRig(db.url, vhost.url);
    expect(await rig.broker.start(10000)).toBe(true);
    const definition = loadService(EVENT_LOG_PROTO, EVENT_LOG_SERVICE).service as unknown as EventLogServiceDefinition;
    server.addService(definition, eventLogHandlers(rig.sequelize, { types: LOGGED }));
    const address = `127.0.0.1:${await server.start('127.0.0.1', 0)}`;
    server.setServing(true);
    asAnalytics = createEventLogClient(address, 5000, 'analytics');
    asEnrollment = createEventLogClient(address, 5000, 'enrollment');
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    asAnalytics?.close();
    asEnrollment?.close();
    await server.stop();
    await rig?.close();
    await vhost?.drop();
    await db?.drop();
  });

  /** Writes one event of `type` in its own transaction; returns its id. */
  const write = async (type: string, transaction?: Transaction) => {
    const noteId = randomUUID();
    const event = createEvent({ type, source: 'lms/kit-test', subject: noteId, data: { note_id: noteId, body: type } });
    if (transaction) await rig.outbox.add(transaction, event);
    else await rig.sequelize.transaction((t) => rig.outbox.add(t, event));
    return event.id;
  };

  const publishAll = async () => {
    const relay = newRelay({ eventLogTypes: LOGGED });
    await relay.flush();
  };

  /** Reads the whole log from `after` to its horizon, page by page. */
  const readAll = async (after = '', limit = 2, types: string[] = []) => {
    const ids: string[] = [];
    const seqs: string[] = [];
    let cursor = after;
    for (;;) {
      const page = await asAnalytics.ReadEvents({ after_seq: cursor, limit, types });
      for (const e of page.events) {
        ids.push((JSON.parse(e.cloud_event_json) as { id: string }).id);
        seqs.push(e.seq);
      }
      if (page.events.length) cursor = page.next_after_seq;
      if (page.end) return { ids, seqs, cursor };
    }
  };

  const exists = async (id: string) =>
    (await rig.sequelize.query('SELECT 1 FROM outbox WHERE id = :id', { type: QueryTypes.SELECT, replacements: { id } })).length > 0;

  test('When published rows are older than the retention, then only the logged types stay (and those go after EVENT_LOG_RETENTION_DAYS when set)', async () => {
    const logged = await write('note.written');
    const internal = await write('note.secret');
    const oldLogged = await write('note.edited');
    await publishAll();
    await rig.sequelize.query(`UPDATE outbox SET published_at = now() - interval '100 hours' WHERE id IN (:ids)`, { replacements: { ids: [logged, internal] } });
    await rig.sequelize.query(`UPDATE outbox SET published_at = now() - interval '6 days' WHERE id = :id`, { replacements: { id: oldLogged } });

    newRelay({ eventLogTypes: LOGGED }).start(); // a new relay prunes on its first pass
    await eventually(async () => expect(await exists(internal)).toBe(false));
    expect(await exists(logged)).toBe(true);
    expect(await exists(oldLogged)).toBe(true);

    newRelay({ eventLogTypes: LOGGED, eventLogRetentionDays: 5 }).start();
    await eventually(async () => expect(await exists(oldLogged)).toBe(false));
    expect(await exists(logged)).toBe(true);
  });

  test('When the log is read page by page, then every published event of the logged types comes once, in seq order, and a types filter narrows it', async () => {
    const start = (await readAll()).cursor;
    const written: string[] = [];
    for (let i = 0; i < 12; i++) written.push(await write(i % 2 ? 'note.edited' : 'note.written')); // positions cross a power of ten
    const secret = await write('note.secret');
    await publishAll();

    const all = await readAll(start, 2);
    expect(all.ids).toEqual(written);
    expect(all.ids).not.toContain(secret);
    expect(all.seqs.map(Number)).toEqual([...all.seqs.map(Number)].sort((a, b) => a - b));

    const edited = await readAll(start, 2, ['note.edited', 'note.secret']);
    expect(edited.ids).toEqual(written.filter((_, i) => i % 2));

    const again = await asAnalytics.ReadEvents({ after_seq: all.cursor, limit: 0, types: [] });
    expect(again).toEqual({ events: [], next_after_seq: all.cursor, end: true });
  });

  test('When a transaction that took a smaller seq commits after a later one was published, then the reader does not pass it and gets it later (nothing skipped)', async () => {
    const start = (await readAll()).cursor;
    const before = await write('note.written');
    await publishAll();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let lateId = '';
    const slow = rig.sequelize.transaction(async (t) => {
      lateId = await write('note.written', t); // takes its seq now, commits later
      await held;
    });
    await eventually(() => expect(lateId).not.toBe(''));
    const after = await write('note.written');
    await publishAll();

    const during = await readAll(start);
    expect(during.ids).toEqual([before]); // `after` has a larger seq but is beyond the horizon while `slow` runs

    release();
    await slow;
    const blocked = await readAll(during.cursor); // committed, not yet published: still the horizon
    expect(blocked.ids).toEqual([]);
    await publishAll();
    const rest = await readAll(during.cursor);
    expect(rest.ids).toEqual([lateId, after]);
  });

  test('When a service not in the readers calls, then PERMISSION_DENIED; a malformed position or limit is INVALID_ARGUMENT', async () => {
    await expectGrpcError(asEnrollment.ReadEvents({ after_seq: '', limit: 0, types: [] }), GrpcStatus.PERMISSION_DENIED, 'EVENT_LOG.READER_NOT_ALLOWED');
    await expectGrpcError(asAnalytics.ReadEvents({ after_seq: '-1', limit: 0, types: [] }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(asAnalytics.ReadEvents({ after_seq: '', limit: 2001, types: [] }), GrpcStatus.INVALID_ARGUMENT);
  });
});

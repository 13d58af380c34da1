import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { z } from 'zod';
import { createDatabase, migrate } from '../src/db';
import { Broker, EventConsumer, Outbox, OutboxRelay, createEvent, eventTablesMigration, type CloudEvent } from '../src/events';
import { testLogger } from '../src/testing';

/** A miniature service for the kit's event tests: a notes table, an outbox, a relay and a consumer. */
export async function buildEventRig(databaseUrl: string, amqpUrl: string, options: { maxRetries?: number; retryBaseMs?: number } = {}) {
  const logger = testLogger('kit-test');
  const sequelize = createDatabase({ url: databaseUrl, logger, poolMax: 5 });
  await migrate(sequelize, databaseUrl, [
    eventTablesMigration,
    {
      name: '0001-notes',
      up: async (qi) => {
        await qi.sequelize.query(`CREATE TABLE notes (id uuid PRIMARY KEY, body text NOT NULL);
          CREATE TABLE effects (event_id text NOT NULL, note_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
      },
    },
  ], logger);
  const broker = new Broker({ url: amqpUrl, logger, name: 'kit-test', reconnectMinMs: 100, reconnectMaxMs: 500 });
  const outbox = new Outbox(sequelize);
  const relay = new OutboxRelay({ sequelize, outbox, broker, logger, pollMs: 100 });
  const consumer = new EventConsumer({ broker, sequelize, logger, prefetch: 8, maxRetries: options.maxRetries ?? 2, retryBaseMs: options.retryBaseMs ?? 50 });

  const writeNote = (id: string, body: string, fail = false) =>
    sequelize.transaction(async (transaction: Transaction) => {
      await sequelize.query('INSERT INTO notes (id, body) VALUES (:id, :body)', { transaction, replacements: { id, body } });
      await outbox.add(transaction, createEvent({ type: 'note.written', source: 'lms/kit-test', subject: id, data: { note_id: id, body } }));
      if (fail) throw new Error('rolled back on purpose');
    });

  const effects = async (noteId: string) =>
    Number(
      (await sequelize.query<{ n: string }>('SELECT count(*) AS n FROM effects WHERE note_id = :noteId', { type: QueryTypes.SELECT, replacements: { noteId } }))[0].n,
    );

  const recordEffect = (event: CloudEvent<{ note_id: string }>, transaction: Transaction) =>
    sequelize.query('INSERT INTO effects (event_id, note_id) VALUES (:id, :noteId)', { transaction, replacements: { id: event.id, noteId: event.data.note_id } }).then(() => undefined);

  const close = async () => {
    await consumer.stop();
    await relay.stop();
    await broker.close();
    await sequelize.close();
  };
  return { sequelize, broker, outbox, relay, consumer, writeNote, effects, recordEffect, close, logger };
}

export const noteSchema = z.object({ note_id: z.string().uuid(), body: z.string() });

export async function pendingOutbox(sequelize: Sequelize): Promise<number> {
  const rows = await sequelize.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL', { type: QueryTypes.SELECT });
  return Number(rows[0].n);
}

type EventRig = Awaited<ReturnType<typeof buildEventRig>>;
type RelayOptions = Partial<ConstructorParameters<typeof OutboxRelay>[0]>;

/** Relays over a rig's database and broker (100 ms polling unless overridden), remembered in `started` so the suite can stop them. */
export function relayMaker(rig: () => EventRig, started: OutboxRelay[]) {
  return (options: RelayOptions = {}) => {
    const r = rig();
    const relay = new OutboxRelay({ sequelize: r.sequelize, outbox: r.outbox, broker: r.broker, logger: r.logger, pollMs: 100, ...options });
    started.push(relay);
    return relay;
  };
}

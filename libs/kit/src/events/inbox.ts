import { QueryTypes } from 'sequelize';
import type { SqlSession } from '../db/sql-session';

/**
 * The inbox of one transaction: `record` inserts (consumer, event id) and says whether it is new. The kit's
 * EventConsumer calls it before a handler; a replay of a log (e.g. `analytics rebuild`) calls it the same
 * way under the live consumer's name, so a live event and its replay have one effect between them.
 */
export class InboxRepository {
  constructor(private readonly sql: SqlSession) {}

  /** True when the event was not yet recorded for this consumer (handle it); false for a duplicate. */
  async record(consumer: string, event: { id: string; type: string }): Promise<boolean> {
    const inserted = await this.sql.query<{ event_id: string }>(
      `INSERT INTO inbox (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      { type: QueryTypes.SELECT, replacements: { consumer, id: event.id, type: event.type } },
    );
    return inserted.length > 0;
  }

  /**
   * `record` for many events in one statement: the ids that were not yet recorded for this consumer (an id
   * given twice is new at most once).
   */
  async recordMany(consumer: string, events: readonly { id: string; type: string }[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const inserted = await this.sql.query<{ event_id: string }>(
      `INSERT INTO inbox (consumer, event_id, event_type)
       SELECT :consumer, e.id, e.type FROM unnest(ARRAY[:ids]::text[], ARRAY[:types]::text[]) AS e(id, type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      { type: QueryTypes.SELECT, replacements: { consumer, ids: events.map((e) => e.id), types: events.map((e) => e.type) } },
    );
    return new Set(inserted.map((row) => row.event_id));
  }
}

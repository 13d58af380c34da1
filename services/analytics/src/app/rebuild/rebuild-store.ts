import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** Tables of the analytics database that are not read models: the kit's outbox/inbox and the migrations' ledger. */
const NOT_READ_MODELS = ['outbox', 'inbox', 'schema_migrations'];

/**
 * The SQL of `analytics rebuild` that ingestion never does: emptying the read models and the consumer's inbox.
 * Every table of the analytics database but the kit's is a read model (built only from events), so the list is
 * read from the catalogue: a table a later migration adds is emptied too.
 */
export class RebuildStore {
  constructor(private readonly sql: SqlSession) {}

  async readModelTables(): Promise<string[]> {
    const rows = await this.sql.query<{ name: string }>(
      `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN (:excluded) ORDER BY 1`,
      { type: QueryTypes.SELECT, replacements: { excluded: NOT_READ_MODELS } },
    );
    return rows.map((row) => row.name);
  }

  /** TRUNCATE every read model and forget what `consumer` handled (in the caller's transaction). */
  async empty(consumer: string): Promise<string[]> {
    const tables = await this.readModelTables();
    if (tables.length) await this.sql.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    await this.sql.query('DELETE FROM inbox WHERE consumer = :consumer', { replacements: { consumer } });
    return tables;
  }
}

import { Client } from 'pg';
import type { Logger } from 'pino';
import type { QueryInterface, Sequelize } from 'sequelize';

/** One versioned schema change, applied in order by `migrate` and recorded in `schema_migrations`. */
export interface Migration {
  name: string;
  up(queryInterface: QueryInterface, sequelize: Sequelize): Promise<void>;
  down?(queryInterface: QueryInterface, sequelize: Sequelize): Promise<void>;
}

/**
 * Applies pending migrations in order, recorded in `schema_migrations`. A PostgreSQL advisory lock,
 * held on a dedicated connection, makes concurrent replicas wait instead of racing.
 *
 * The loop is ours rather than umzug's: umzug loads its CLI with it (~180 modules, ~3 MiB of heap that every
 * service kept for its whole life after migrating once at start-up). The table is the one umzug's
 * SequelizeStorage made (`name varchar(255)` primary key, one row per applied migration), so databases migrated
 * before read the same.
 */
export async function migrate(sequelize: Sequelize, url: string, migrations: Migration[], logger?: Logger) {
  const lockClient = new Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock(hashtext('lms.schema_migrations'))");
    await sequelize.query('CREATE TABLE IF NOT EXISTS schema_migrations (name varchar(255) PRIMARY KEY)');
    const [rows] = (await sequelize.query('SELECT name FROM schema_migrations')) as [{ name: string }[], unknown];
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      try {
        await m.up(sequelize.getQueryInterface(), sequelize);
      } catch (err) {
        throw new Error(`Migration ${m.name} (up) failed: ${(err as Error).message}`, { cause: err });
      }
      // Recorded once it succeeded (as umzug did): a failed migration is retried whole at the next start.
      await sequelize.query('INSERT INTO schema_migrations (name) VALUES (:name)', { replacements: { name: m.name } });
      applied.push(m.name);
    }
    if (applied.length) logger?.info({ migrations: applied }, 'migrations applied');
  } finally {
    await lockClient.query("SELECT pg_advisory_unlock(hashtext('lms.schema_migrations'))").catch(() => undefined);
    await lockClient.end();
  }
}

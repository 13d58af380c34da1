import { QueryTypes, type Sequelize } from 'sequelize';
import { createDatabase, migrate, type Migration } from '../src/db';
import { createTestDatabase, testLogger, type TestResource } from '../src/testing';

/** A migration that appends its name to `runs` (created by the first), so a test sees what ran and in which order. */
const step = (name: string, fail = false): Migration => ({
  name,
  up: async (_qi, sequelize) => {
    await sequelize.query('CREATE TABLE IF NOT EXISTS runs (seq serial PRIMARY KEY, name text NOT NULL)');
    await sequelize.query('INSERT INTO runs (name) VALUES (:name)', { replacements: { name } });
    if (fail) throw new Error('broken on purpose');
  },
});

describe('migrate (kit)', () => {
  let db: TestResource;
  let sequelize: Sequelize;
  const logger = testLogger('kit-migrate');

  beforeEach(async () => {
    db = await createTestDatabase('kit_migrate');
    sequelize = createDatabase({ url: db.url, logger, poolMax: 4 });
  });

  afterEach(async () => {
    await sequelize.close();
    await db.drop();
  });

  const runs = async () => (await sequelize.query<{ name: string }>('SELECT name FROM runs ORDER BY seq', { type: QueryTypes.SELECT })).map((r) => r.name);
  const recorded = async () =>
    (await sequelize.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name', { type: QueryTypes.SELECT })).map((r) => r.name);

  it('applies pending migrations in the given order, records each, and skips those recorded', async () => {
    await migrate(sequelize, db.url, [step('0001-a'), step('0002-b')], logger);
    expect(await runs()).toEqual(['0001-a', '0002-b']);
    await migrate(sequelize, db.url, [step('0001-a'), step('0002-b'), step('0003-c')], logger);
    expect(await runs()).toEqual(['0001-a', '0002-b', '0003-c']);
    expect(await recorded()).toEqual(['0001-a', '0002-b', '0003-c']);
  });

  it('reads a table made by umzug (databases migrated before the kit ran its own loop)', async () => {
    // The DDL umzug's SequelizeStorage issued for `schema_migrations`.
    await sequelize.query('CREATE TABLE IF NOT EXISTS "schema_migrations" ("name" VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ("name"))');
    await sequelize.query("INSERT INTO schema_migrations (name) VALUES ('0001-a')");
    await migrate(sequelize, db.url, [step('0001-a'), step('0002-b')], logger);
    expect(await runs()).toEqual(['0002-b']);
  });

  it('stops at a failing migration, keeps the ones before it, and retries it at the next run', async () => {
    await expect(migrate(sequelize, db.url, [step('0001-a'), step('0002-b', true), step('0003-c')], logger)).rejects.toThrow(
      'Migration 0002-b (up) failed: broken on purpose',
    );
    expect(await recorded()).toEqual(['0001-a']);
    await migrate(sequelize, db.url, [step('0001-a'), step('0002-b'), step('0003-c')], logger);
    expect(await recorded()).toEqual(['0001-a', '0002-b', '0003-c']);
  });

  it('applies each migration once when replicas migrate at the same time (advisory lock)', async () => {
    const other = createDatabase({ url: db.url, logger, poolMax: 4 });
    try {
      const list = [step('0001-a'), step('0002-b'), step('0003-c')];
      await Promise.all([migrate(sequelize, db.url, list, logger), migrate(other, db.url, list, logger), migrate(sequelize, db.url, list, logger)]);
    } finally {
      await other.close();
    }
    expect(await runs()).toEqual(['0001-a', '0002-b', '0003-c']);
  });
});

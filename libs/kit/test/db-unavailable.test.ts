import { QueryTypes, type Sequelize } from 'sequelize';
import { createDatabase } from '../src/db';
import { toAppError } from '../src/errors';
import { createTestDatabase, testLogger, type TestResource } from '../src/testing';

/**
 * A database that is down, or that drops the connection under a query (a restart, a failover), is `unavailable`
 * (503 + Retry-After at the gateway: try again), never an internal error (500). Found by `make chaos`: completions
 * during a PostgreSQL restart answered 500.
 */
describe('errors: a database that cannot answer now', () => {
  let db: TestResource;
  const opened: Sequelize[] = [];
  const open = (url: string) => {
    const sequelize = createDatabase({ url, logger: testLogger('kit-test'), poolMax: 2 });
    opened.push(sequelize);
    return sequelize;
  };

  beforeAll(async () => {
    db = await createTestDatabase('kit_unavailable');
  });

  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => undefined);
    await db?.drop();
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err);

  test('When the server refuses connections, then the error is unavailable', async () => {
    const url = new URL(db.url);
    url.port = '1'; // nothing listens there
    const err = await failure(open(url.toString()).query('SELECT 1'));
    expect(err).toBeDefined();
    expect(toAppError(err).kind).toBe('unavailable');
  });

  test('When the server terminates the session under a transaction, then the error is unavailable', async () => {
    const victim = open(db.url);
    const admin = open(db.url);
    const err = await failure(
      victim.transaction(async (transaction) => {
        const [{ pid }] = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', { type: QueryTypes.SELECT, transaction });
        await admin.query('SELECT pg_terminate_backend(:pid)', { replacements: { pid } });
        await victim.query('SELECT 1', { transaction });
      }),
    );
    expect(err).toBeDefined();
    expect(toAppError(err).kind).toBe('unavailable');
    // the pool recovers: the next statement gets a new connection
    await expect(victim.query('SELECT 1 AS one', { type: QueryTypes.SELECT })).resolves.toEqual([{ one: 1 }]);
  });

  test('When a statement is simply wrong, then it stays an internal error', async () => {
    const err = await failure(open(db.url).query('SELECT * FROM no_such_table'));
    expect(toAppError(err).kind).toBe('internal');
  });
});

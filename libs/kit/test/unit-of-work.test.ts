import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createDatabase, isUniqueViolation, migrate, preparedStatement, UnitsOfWork, type SqlSession } from '../src/db';
import { Outbox, eventTablesMigration, type DomainEvent } from '../src/events';
import { createTestDatabase, testLogger, type TestResource } from '../src/testing';

const INSERT_NOTE = preparedStatement('kit_test_insert_note', 'INSERT INTO notes (id, body) VALUES (:id, :body) RETURNING id, body');
const FIND_NOTE = preparedStatement('kit_test_find_note', 'SELECT id, body FROM notes WHERE id = :id');

/** A repository as services write them: bound to a session, no transaction argument anywhere. */
class NoteRepository {
  constructor(private readonly sql: SqlSession) {}

  async insert(id: string, body: string): Promise<void> {
    await this.sql.query('INSERT INTO notes (id, body) VALUES (:id, :body)', { replacements: { id, body } });
  }

  async count(): Promise<number> {
    const rows = await this.sql.query<{ n: string }>('SELECT count(*) AS n FROM notes', { type: QueryTypes.SELECT });
    return Number(rows[0].n);
  }

  /** Inserts unless the id exists, rolling back only its own statement (savepoint). */
  async insertIfNew(id: string, body: string): Promise<boolean> {
    try {
      await this.sql.savepoint(() => this.insert(id, body));
      return true;
    } catch {
      return false;
    }
  }

  insertPrepared(id: string, body: string): Promise<{ id: string; body: string }[]> {
    return this.sql.prepared(INSERT_NOTE, { id, body });
  }

  findPrepared(id: string): Promise<{ id: string; body: string }[]> {
    return this.sql.prepared(FIND_NOTE, { id });
  }

  /** The named statements this session's connection has prepared. */
  async preparedHere(): Promise<string[]> {
    const rows = await this.sql.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'kit_test_%'", { type: QueryTypes.SELECT });
    return rows.map((r) => r.name);
  }

  inTransaction(): boolean {
    return this.sql.transaction !== undefined;
  }
}

const noteWritten = (id: string): DomainEvent<{ note_id: string }> => ({ type: 'note.written', subject: id, data: { note_id: id }, time: new Date() });

describe('Units of work (kit)', () => {
  let db: TestResource;
  let sequelize: Sequelize;
  let units: UnitsOfWork<{ notes: NoteRepository }>;

  beforeAll(async () => {
    db = await createTestDatabase('kit_uow');
    sequelize = createDatabase({ url: db.url, logger: testLogger('kit-uow'), poolMax: 4 });
    await migrate(sequelize, db.url, [
      eventTablesMigration,
      { name: '0001-notes', up: async (qi) => void (await qi.sequelize.query('CREATE TABLE notes (id uuid PRIMARY KEY, body text NOT NULL)')) },
    ]);
    units = new UnitsOfWork({ sequelize, outbox: new Outbox(sequelize), source: 'lms/kit-test', repositories: (sql) => ({ notes: new NoteRepository(sql) }) });
  });

  afterAll(async () => {
    await sequelize.close();
    await db.drop();
  });

  const outboxRows = (subject: string) =>
    sequelize.query<{ type: string; source: string; subject: string }>(
      "SELECT payload->>'type' AS type, payload->>'source' AS source, payload->>'subject' AS subject FROM outbox WHERE payload->>'subject' = :subject",
      { type: QueryTypes.SELECT, replacements: { subject } },
    );

  it('When the use case returns, then its writes and its events commit together, events enveloped with the service source', async () => {
    const id = randomUUID();
    const result = await units.run(async (uow) => {
      await uow.notes.insert(id, 'hello');
      await uow.emit(noteWritten(id));
      return 'done';
    });
    expect(result).toBe('done');
    expect(await units.read.notes.count()).toBeGreaterThanOrEqual(1);
    expect(await outboxRows(id)).toEqual([{ type: 'note.written', source: 'lms/kit-test', subject: id }]);
  });

  it('When the use case throws, then neither its writes nor its events exist and after-commit hooks never run', async () => {
    const id = randomUUID();
    let hookRan = false;
    await expect(
      units.run(async (uow) => {
        await uow.notes.insert(id, 'doomed');
        await uow.emit(noteWritten(id));
        uow.afterCommit(() => {
          hookRan = true;
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const rows = await sequelize.query('SELECT 1 FROM notes WHERE id = :id', { type: QueryTypes.SELECT, replacements: { id } });
    expect(rows).toHaveLength(0);
    expect(await outboxRows(id)).toHaveLength(0);
    expect(hookRan).toBe(false);
  });

  it('When the unit of work commits, then after-commit hooks run once', async () => {
    let runs = 0;
    await units.run(async (uow) => {
      await uow.notes.insert(randomUUID(), 'x');
      uow.afterCommit(() => {
        runs++;
      });
    });
    expect(runs).toBe(1);
  });

  it('When an after-commit hook is asynchronous, then run resolves only after it; when it fails, run rejects with the data committed', async () => {
    const order: string[] = [];
    await units.run(async (uow) => {
      uow.afterCommit(async () => {
        await new Promise((r) => setTimeout(r, 30));
        order.push('hook');
      });
    });
    order.push('resolved');
    expect(order).toEqual(['hook', 'resolved']);

    const id = randomUUID();
    await expect(
      units.run(async (uow) => {
        await uow.notes.insert(id, 'committed before the hook failed');
        uow.afterCommit(async () => {
          throw new Error('redis down');
        });
      }),
    ).rejects.toThrow('redis down');
    const rows = await sequelize.query('SELECT 1 FROM notes WHERE id = :id', { type: QueryTypes.SELECT, replacements: { id } });
    expect(rows).toHaveLength(1);
  });

  it('When a use case joins a transaction someone else owns, then its writes commit or roll back with that transaction', async () => {
    const kept = randomUUID();
    const dropped = randomUUID();
    await sequelize.transaction((transaction) => units.join(transaction, (uow) => uow.notes.insert(kept, 'kept')));
    await expect(
      sequelize.transaction(async (transaction) => {
        await units.join(transaction, (uow) => uow.notes.insert(dropped, 'dropped'));
        throw new Error('owner rolls back');
      }),
    ).rejects.toThrow('owner rolls back');
    const ids = (await sequelize.query<{ id: string }>('SELECT id FROM notes WHERE id IN (:ids)', { type: QueryTypes.SELECT, replacements: { ids: [kept, dropped] } })).map((r) => r.id);
    expect(ids).toEqual([kept]);
  });

  it('When a statement fails inside a savepoint, then the rest of the unit of work still commits', async () => {
    const id = randomUUID();
    const other = randomUUID();
    const outcome = await units.run(async (uow) => {
      await uow.notes.insert(id, 'first');
      const duplicate = await uow.notes.insertIfNew(id, 'again');
      await uow.notes.insert(other, 'after the failed savepoint');
      return duplicate;
    });
    expect(outcome).toBe(false);
    const n = await sequelize.query('SELECT 1 FROM notes WHERE id IN (:ids)', { type: QueryTypes.SELECT, replacements: { ids: [id, other] } });
    expect(n).toHaveLength(2);
  });

  it('When repositories are used for reads, then they run outside any transaction; inside a unit of work they are bound to it', async () => {
    expect(units.read.notes.inTransaction()).toBe(false);
    expect(await units.run(async (uow) => uow.notes.inTransaction())).toBe(true);
  });

  it('When a prepared statement runs in a unit of work, then it runs on the transaction\'s connection, commits or rolls back with it, and is parsed once per connection', async () => {
    const [a, b, doomed] = [randomUUID(), randomUUID(), randomUUID()];
    const seen = await units.run(async (uow) => {
      expect(await uow.notes.insertPrepared(a, 'prepared')).toEqual([{ id: a, body: 'prepared' }]);
      await uow.notes.insertPrepared(b, 'prepared again');
      // the same transaction sees its own writes, and its connection holds the statement once
      return { count: await uow.notes.count(), prepared: await uow.notes.preparedHere() };
    });
    expect(seen.count).toBeGreaterThanOrEqual(2);
    expect(seen.prepared).toContain('kit_test_insert_note');
    expect(seen.prepared.filter((n) => n === 'kit_test_insert_note')).toHaveLength(1);
    await expect(
      units.run(async (uow) => {
        await uow.notes.insertPrepared(doomed, 'rolled back');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // a read session runs it on a pooled connection (and gives it back)
    expect(await units.read.notes.findPrepared(a)).toEqual([{ id: a, body: 'prepared' }]);
    expect(await units.read.notes.findPrepared(doomed)).toEqual([]);
  });

  it('When a prepared statement fails, then the error carries the PostgreSQL code as sequelize\'s do (unique violations recognised)', async () => {
    const id = randomUUID();
    const error = await units
      .run(async (uow) => {
        await uow.notes.insertPrepared(id, 'first');
        await uow.notes.insertPrepared(id, 'duplicate');
      })
      .catch((err: unknown) => err);
    expect(isUniqueViolation(error)).toBe(true);
    expect((error as { original?: { code?: string } }).original?.code).toBe('23505');
    expect(await units.read.notes.findPrepared(id)).toEqual([]);
  });

  it('When a prepared statement is declared, then its :name parameters become $n in order (a ::cast is no parameter), and a name keeps one text', () => {
    const statement = preparedStatement('kit_test_shape', 'SELECT :a::text AS a, :b AS b, :a AS again');
    expect(statement).toEqual({ name: 'kit_test_shape', text: 'SELECT $1::text AS a, $2 AS b, $1 AS again', params: ['a', 'b'] });
    expect(preparedStatement('kit_test_shape', 'SELECT :a::text AS a, :b AS b, :a AS again')).toEqual(statement);
    expect(() => preparedStatement('kit_test_shape', 'SELECT :a AS a')).toThrow('declared twice');
  });
});

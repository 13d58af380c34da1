import type { Client } from 'pg';
import { DatabaseError, type QueryOptions, type QueryOptionsWithType, type QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** A named (server-side prepared) statement: `text` with `$1…$n` in place of the `:name` parameters of `sql`. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
  /** The parameter names, in `$n` order. */
  readonly params: readonly string[];
}

const preparedTexts = new Map<string, string>();

/**
 * Declares a named statement for `SqlSession.prepared` (once, at module load). PostgreSQL parses and plans it
 * once per connection instead of once per call, and no per-call SQL text is built, escaped or sent — for the
 * hot statements only: the rest stays on `query`. `sql` uses the same `:name` parameters as `query`'s
 * replacements (a `::type` cast is not a parameter). A name is one text for the whole process: pg refuses a
 * known name with another text on a connection, so a second declaration with another text throws here.
 */
export function preparedStatement(name: string, sql: string): PreparedStatement {
  const params: string[] = [];
  const text = sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_, param: string) => {
    const at = params.indexOf(param);
    if (at >= 0) return `$${at + 1}`;
    params.push(param);
    return `$${params.length}`;
  });
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement "${name}" declared twice with different SQL`);
  preparedTexts.set(name, text);
  return { name, text, params };
}

/**
 * SQL bound to one transaction (or to none, for reads). Repositories are built on a session, so a method
 * never takes a transaction argument and cannot run outside the unit of work that created it.
 */
export class SqlSession {
  constructor(
    private readonly sequelize: Sequelize,
    /** The unit of work's transaction; undefined for a read-only session (autocommit reads). */
    readonly transaction?: Transaction,
  ) {}

  query<T extends object>(sql: string, options: QueryOptionsWithType<QueryTypes.SELECT> & { plain: true }): Promise<T | null>;
  query<T extends object>(sql: string, options: QueryOptionsWithType<QueryTypes.SELECT>): Promise<T[]>;
  query(sql: string, options?: QueryOptions): Promise<[unknown[], unknown]>;
  query(sql: string, options: QueryOptions = {}): Promise<unknown> {
    return this.sequelize.query(sql, { ...options, transaction: this.transaction });
  }

  /**
   * Runs a statement of `preparedStatement` on this session's connection (the transaction's own; a pooled one
   * for a read session) straight through `pg`, and returns its rows. Values are sent as parameters, typed by
   * the server (a Date is a timestamptz, an array a PostgreSQL array); the rows are parsed like `query`'s (the
   * connection's type parsers). Errors are sequelize's `DatabaseError` (`original.code`), so `withTransaction`
   * still retries deadlocks and `isUniqueViolation` still applies.
   */
  async prepared<T extends object>(statement: PreparedStatement, values: Record<string, unknown>): Promise<T[]> {
    const args = statement.params.map((param) => {
      if (!(param in values)) throw new Error(`prepared statement "${statement.name}": no value for :${param}`);
      return values[param];
    });
    const manager = this.sequelize.connectionManager;
    const own = (this.transaction as (Transaction & { connection?: Client }) | undefined)?.connection;
    const client = own ?? ((await manager.getConnection({ type: 'read' })) as Client);
    try {
      const result = await client.query<T>({ name: statement.name, text: statement.text, values: args });
      return result.rows;
    } catch (err) {
      throw new DatabaseError(Object.assign(err as Error, { sql: statement.text, parameters: args }) as never);
    } finally {
      if (!own) manager.releaseConnection(client as never);
    }
  }

  /**
   * Runs `fn` in a savepoint of this transaction, so a failure inside it (a unique violation the caller
   * handles) rolls back only what `fn` did. Outside a transaction it simply runs `fn`.
   */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.transaction) return fn();
    return this.sequelize.transaction({ transaction: this.transaction }, () => fn());
  }
}

import type { Client } from 'pg';
import { DatabaseError, type QueryOptions, type QueryOptionsWithType, type QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Outbox } from '../events/outbox';
import { toCloudEvent, type DomainEvent } from '../events/domain-event';
import { withTransaction } from './transaction';

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

/** What a use case gets besides its repositories: the outbox and after-commit hooks of the same transaction. */
export interface UnitOfWorkCore {
  /** Adds domain events to the outbox in this transaction: they exist if and only if the change commits. */
  emit(...events: DomainEvent<unknown>[]): Promise<void>;
  /**
   * Runs after the commit (cache invalidation, a revocation mark, nudging a background job); never if it
   * rolls back. Hooks are awaited in order before `run` resolves, so the caller's answer comes after them;
   * a hook that fails makes `run` reject although the transaction committed (the caller sees the failure,
   * e.g. UNAVAILABLE, and retries an idempotent operation).
   */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** Repositories bound to one transaction, plus its outbox. A use case holding one cannot open a second. */
export type UnitOfWork<R> = R & UnitOfWorkCore;

export interface UnitsOfWorkOptions<R> {
  sequelize: Sequelize;
  outbox: Outbox;
  /** CloudEvents source of the events emitted, e.g. `lms/enrollment`. */
  source: string;
  /** Builds the service's repositories on a session. */
  repositories: (sql: SqlSession) => R;
}

/**
 * The only place a service opens transactions. Entry points (gRPC handlers, consumers, background
 * jobs) call `run` — or `join` when the kit's inbox already opened the transaction — and hand the unit
 * of work to the use case; queries read through `read`.
 */
export class UnitsOfWork<R extends object> {
  /** Repositories on autocommit reads: for queries, which never write. */
  readonly read: R;

  constructor(private readonly options: UnitsOfWorkOptions<R>) {
    this.read = options.repositories(new SqlSession(options.sequelize));
  }

  /**
   * Runs `fn` in a new transaction and commits. Serialization failures and deadlocks re-run the whole
   * function, so `fn` must be DB-only: remote calls belong before it, side effects in `afterCommit`.
   */
  run<T>(fn: (uow: UnitOfWork<R>) => Promise<T>, options: { isolationLevel?: Transaction.ISOLATION_LEVELS; retries?: number } = {}): Promise<T> {
    return withTransaction(this.options.sequelize, (transaction) => fn(this.bind(transaction)), options);
  }

  /** Runs `fn` inside a transaction someone else owns (a consumer's inbox transaction). */
  join<T>(transaction: Transaction, fn: (uow: UnitOfWork<R>) => Promise<T>): Promise<T> {
    return fn(this.bind(transaction));
  }

  private bind(transaction: Transaction): UnitOfWork<R> {
    const { sequelize, outbox, source, repositories } = this.options;
    const core: UnitOfWorkCore = {
      emit: (...events) => outbox.add(transaction, ...events.map((event) => toCloudEvent(source, event))),
      afterCommit: (fn) => transaction.afterCommit(async () => {
        await fn();
      }),
    };
    return Object.assign(repositories(new SqlSession(sequelize, transaction)), core);
  }
}

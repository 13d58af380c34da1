import type { QueryOptions, QueryOptionsWithType, QueryTypes, Sequelize, Transaction } from 'sequelize';
import type { Outbox } from '../events/outbox';
import { toCloudEvent, type DomainEvent } from '../events/domain-event';
import { withTransaction } from './transaction';

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

import type { Sequelize, Transaction } from 'sequelize';
import type { Outbox } from '../events/outbox';
import { toCloudEvent, type DomainEvent } from '../events/domain-event';
import { SqlSession } from './sql-session';
import { withTransaction } from './transaction';

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

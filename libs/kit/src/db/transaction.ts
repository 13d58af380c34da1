import type { Sequelize, Transaction } from 'sequelize';

const RETRYABLE_PG_CODES = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `fn` in one transaction; retries the whole function on serialization failures and deadlocks,
 * which are safe to retry because nothing was committed.
 *
 * Callbacks must be DB-only: `fn` may run up to `retries + 1` times, so everything it does besides
 * queries on `transaction` (gRPC calls, publishing, a second transaction, mutating in-memory state) is
 * repeated on a retry — and holds this transaction's connection and locks while it waits. Fetch what you
 * need before the transaction, and defer side effects with `transaction.afterCommit(...)` or the outbox.
 */
export async function withTransaction<T>(
  sequelize: Sequelize,
  fn: (transaction: Transaction) => Promise<T>,
  options: { isolationLevel?: Transaction.ISOLATION_LEVELS; retries?: number } = {},
): Promise<T> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await sequelize.transaction({ isolationLevel: options.isolationLevel }, fn);
    } catch (err) {
      const code = (err as { original?: { code?: string }; parent?: { code?: string } }).original?.code;
      if (attempt < retries && code && RETRYABLE_PG_CODES.has(code)) {
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt + Math.random() * 10));
        continue;
      }
      throw err;
    }
  }
}

import { QueryTypes, type Sequelize } from 'sequelize';
import { withTransaction } from '@lms/kit/db';
import { recordFailure, type ThrottlePolicy, type ThrottleState } from '../domain/login-throttle';

interface ThrottleRow {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
  lock_count: number;
}

/** Failed sign-in counters in PostgreSQL, so every replica sees the same lock. */
export class LoginThrottleRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async load(keys: string[]): Promise<Map<string, ThrottleState>> {
    const rows = keys.length
      ? await this.sequelize.query<ThrottleRow>('SELECT * FROM login_throttle WHERE key IN (:keys)', {
          type: QueryTypes.SELECT,
          replacements: { keys },
        })
      : [];
    return new Map(
      rows.map((r) => [
        r.key,
        { failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until, lockCount: r.lock_count },
      ]),
    );
  }

  /** Counts one failure for the key (row-locked, so concurrent failures all count); returns the new state. */
  async recordFailure(key: string, now: Date, policy: ThrottlePolicy): Promise<{ state: ThrottleState; lockedNow: boolean }> {
    return withTransaction(this.sequelize, async (transaction) => {
      await this.sequelize.query(
        `INSERT INTO login_throttle (key, failures, window_started_at, lock_count) VALUES (:key, 0, :now, 0)
         ON CONFLICT (key) DO NOTHING`,
        { transaction, replacements: { key, now } },
      );
      const rows = await this.sequelize.query<ThrottleRow>('SELECT * FROM login_throttle WHERE key = :key FOR UPDATE', {
        transaction,
        type: QueryTypes.SELECT,
        replacements: { key },
      });
      const row = rows[0];
      const current: ThrottleState | null =
        row.failures === 0 && row.lock_count === 0 && !row.locked_until
          ? null
          : { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until, lockCount: row.lock_count };
      const result = recordFailure(current, now, policy);
      await this.sequelize.query(
        `UPDATE login_throttle SET failures = :failures, window_started_at = :windowStartedAt,
           locked_until = :lockedUntil, lock_count = :lockCount, updated_at = :now WHERE key = :key`,
        { transaction, replacements: { key, now, ...result.state } },
      );
      return result;
    });
  }

  async reset(key: string): Promise<void> {
    await this.sequelize.query('DELETE FROM login_throttle WHERE key = :key', { replacements: { key } });
  }

  /** Drops counters nobody has touched for a day and that hold no lock (housekeeping). */
  async prune(now: Date): Promise<number> {
    const rows = await this.sequelize.query<{ key: string }>(
      `DELETE FROM login_throttle WHERE updated_at < :cutoff AND (locked_until IS NULL OR locked_until < :cutoff) RETURNING key`,
      { type: QueryTypes.SELECT, replacements: { cutoff: new Date(now.getTime() - 86_400_000) } },
    );
    return rows.length;
  }
}

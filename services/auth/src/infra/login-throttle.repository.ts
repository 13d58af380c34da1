import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import { registerAttempt, type AttemptVerdict, type ThrottlePolicy, type ThrottleState } from '../domain/login-throttle';

interface ThrottleRow {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
  lock_count: number;
}

/** Failed sign-in counters in PostgreSQL, so every replica sees the same lock. */
export class LoginThrottleRepository {
  constructor(private readonly sql: SqlSession) {}

  /**
   * Counts one attempt on each key atomically, before the password is checked: each row is created or
   * locked by `INSERT … ON CONFLICT DO UPDATE … RETURNING` (keys in a fixed order, so two attempts
   * never deadlock), the verdict is decided on the returned state and written back in the same
   * transaction. N parallel guesses therefore queue on the row and at most the limit get through.
   * The row locks are what make it atomic, so it only runs inside a unit of work, which the caller
   * commits before the password is checked.
   */
  async attempt(keys: { key: string; policy: ThrottlePolicy }[], now: Date): Promise<Map<string, AttemptVerdict>> {
    if (!this.sql.transaction) throw new Error('LoginThrottleRepository.attempt needs a unit of work (its row locks make it atomic)');
    const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const verdicts = new Map<string, AttemptVerdict>();
    for (const { key, policy } of ordered) {
      const rows = await this.sql.query<ThrottleRow>(
        `INSERT INTO login_throttle (key, failures, window_started_at, lock_count, updated_at) VALUES (:key, 0, :now, 0, :now)
         ON CONFLICT (key) DO UPDATE SET updated_at = login_throttle.updated_at
         RETURNING *`,
        { type: QueryTypes.SELECT, replacements: { key, now } },
      );
      const row = rows[0];
      const current: ThrottleState | null =
        row.failures === 0 && row.lock_count === 0 && !row.locked_until
          ? null
          : { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until, lockCount: row.lock_count };
      const verdict = registerAttempt(current, now, policy);
      if (verdict.allowed) {
        await this.sql.query(
          `UPDATE login_throttle SET failures = :failures, window_started_at = :windowStartedAt,
             locked_until = :lockedUntil, lock_count = :lockCount, updated_at = :now WHERE key = :key`,
          { replacements: { key, now, ...verdict.state } },
        );
      }
      verdicts.set(key, verdict);
    }
    return verdicts;
  }

  /** Takes back the provisional count of a successful attempt (a shared IP is not charged for it). */
  async refund(key: string): Promise<void> {
    await this.sql.query('UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = :key', {
      replacements: { key },
    });
  }

  async reset(key: string): Promise<void> {
    await this.sql.query('DELETE FROM login_throttle WHERE key = :key', { replacements: { key } });
  }

  /** Deletes every key starting with `prefix` (e.g. all account+IP keys of one account). */
  async resetPrefix(prefix: string): Promise<void> {
    await this.sql.query('DELETE FROM login_throttle WHERE starts_with(key, :prefix)', { replacements: { prefix } });
  }

  /** Drops counters nobody has touched for a day and that hold no lock (housekeeping). */
  async prune(now: Date): Promise<number> {
    const rows = await this.sql.query<{ key: string }>(
      `DELETE FROM login_throttle WHERE updated_at < :cutoff AND (locked_until IS NULL OR locked_until < :cutoff) RETURNING key`,
      { type: QueryTypes.SELECT, replacements: { cutoff: new Date(now.getTime() - 86_400_000) } },
    );
    return rows.length;
  }
}

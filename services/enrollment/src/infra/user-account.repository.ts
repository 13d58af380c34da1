import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/**
 * "The newest fact wins" for one contact column of an upsert: the incoming value is taken only when it
 * carries a time (`<column>_at`) and none newer set the stored one (`tie` '<=': an equal time takes it too);
 * the column's time only moves forward.
 */
function newestFact(column: 'email' | 'full_name', tie: '<' | '<='): string {
  const at = `${column}_at`;
  return `${column} = CASE WHEN EXCLUDED.${at} IS NOT NULL AND (user_accounts.${at} IS NULL OR user_accounts.${at} ${tie} EXCLUDED.${at})
                   THEN EXCLUDED.${column} ELSE user_accounts.${column} END,
         ${at} = GREATEST(user_accounts.${at}, EXCLUDED.${at})`;
}

/**
 * The read model of auth's activation facts (`user.deactivated`, `user.activated`, `user.deleted`): only
 * users we heard about are here; a user we never heard about is taken as active (auth answers for unknown
 * or deleted ids itself). A fact older than the one applied changes nothing.
 */
export class UserAccountRepository {
  constructor(private readonly sql: SqlSession) {}

  async apply(userId: string, isActive: boolean, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO user_accounts (user_id, is_active, status_at) VALUES (:userId, :isActive, :at)
       ON CONFLICT (user_id) DO UPDATE SET is_active = EXCLUDED.is_active, status_at = EXCLUDED.status_at
       WHERE user_accounts.status_at <= EXCLUDED.status_at`,
      { replacements: { userId, isActive, at } },
    );
  }

  /**
   * auth's user.registered: the email and name we may show a course's instructor (the status is left as it
   * is). Like `changeContact`, each value is only taken when no newer fact set it.
   */
  async register(userId: string, email: string, fullName: string, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO user_accounts (user_id, is_active, status_at, email, full_name, email_at, full_name_at)
       VALUES (:userId, true, :at, :email, :fullName, :at, :at)
       ON CONFLICT (user_id) DO UPDATE SET ${newestFact('email', '<=')}, ${newestFact('full_name', '<=')}`,
      { replacements: { userId, email, fullName, at } },
    );
  }

  /**
   * auth's user.profile_changed: the new email and/or name (absent = unchanged), each applied only when
   * newer than the fact that set the stored value (newest fact wins, whatever the delivery order).
   */
  async changeContact(userId: string, change: { email?: string; fullName?: string }, at: Date): Promise<void> {
    const email = change.email ?? null;
    const fullName = change.fullName ?? null;
    await this.sql.query(
      `INSERT INTO user_accounts (user_id, is_active, status_at, email, full_name, email_at, full_name_at)
       VALUES (:userId, true, '-infinity', CAST(:email AS text), CAST(:fullName AS text),
               CASE WHEN CAST(:email AS text) IS NULL THEN NULL ELSE CAST(:at AS timestamptz) END,
               CASE WHEN CAST(:fullName AS text) IS NULL THEN NULL ELSE CAST(:at AS timestamptz) END)
       ON CONFLICT (user_id) DO UPDATE SET ${newestFact('email', '<')}, ${newestFact('full_name', '<')}`,
      { replacements: { userId, email, fullName, at } },
    );
  }

  /** user.deleted: the account's contact details are forgotten, for good (no later fact brings them back). */
  async forgetContact(userId: string): Promise<void> {
    await this.sql.query(
      `UPDATE user_accounts SET email = NULL, full_name = NULL, email_at = 'infinity', full_name_at = 'infinity' WHERE user_id = :userId`,
      { replacements: { userId } },
    );
  }

  /** Email and registered name of the users we heard about (one query). */
  async contacts(userIds: string[]): Promise<Map<string, { email: string; fullName: string }>> {
    if (!userIds.length) return new Map();
    const rows = await this.sql.query<{ user_id: string; email: string | null; full_name: string | null }>(
      'SELECT user_id, email, full_name FROM user_accounts WHERE user_id = ANY(CAST(:ids AS uuid[]))',
      { type: QueryTypes.SELECT, replacements: { ids: `{${userIds.join(',')}}` } },
    );
    return new Map(rows.map((r) => [r.user_id, { email: r.email ?? '', fullName: r.full_name ?? '' }]));
  }

  /** The ids among `userIds` known to be deactivated. */
  async inactiveAmong(userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.sql.query<{ user_id: string }>(
      'SELECT user_id FROM user_accounts WHERE NOT is_active AND user_id = ANY(CAST(:ids AS uuid[]))',
      { type: QueryTypes.SELECT, replacements: { ids: `{${userIds.join(',')}}` } },
    );
    return new Set(rows.map((r) => r.user_id));
  }
}

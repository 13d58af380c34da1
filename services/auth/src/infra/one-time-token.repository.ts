import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

export type OneTimePurpose = 'password_reset' | 'email_verification';

export interface OneTimeTokenRecord {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Single-use tokens (password reset, email verification), stored as SHA-256 only. */
export class OneTimeTokenRepository {
  constructor(private readonly sql: SqlSession) {}

  /** Stores a new token and voids the user's earlier unused tokens of the same purpose. */
  async issue(token: { userId: string; purpose: OneTimePurpose; tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
    await this.sql.query(
      `UPDATE one_time_tokens SET used_at = :now WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL`,
      { replacements: token },
    );
    await this.sql.query(
      `INSERT INTO one_time_tokens (id, user_id, purpose, token_hash, created_at, expires_at)
       VALUES (:id, :userId, :purpose, :tokenHash, :now, :expiresAt)`,
      { replacements: { id: randomUUID(), ...token } },
    );
  }

  async lock(tokenHash: string, purpose: OneTimePurpose): Promise<OneTimeTokenRecord | undefined> {
    return this.select(tokenHash, purpose, ' FOR UPDATE');
  }

  /** The token without locking it (the mail consumer checks it is still good before emailing it). */
  async find(tokenHash: string, purpose: OneTimePurpose): Promise<OneTimeTokenRecord | undefined> {
    return this.select(tokenHash, purpose, '');
  }

  private async select(tokenHash: string, purpose: OneTimePurpose, lock: '' | ' FOR UPDATE'): Promise<OneTimeTokenRecord | undefined> {
    const rows = await this.sql.query<{ id: string; user_id: string; expires_at: Date; used_at: Date | null }>(
      `SELECT id, user_id, expires_at, used_at FROM one_time_tokens WHERE token_hash = :tokenHash AND purpose = :purpose${lock}`,
      { type: QueryTypes.SELECT, replacements: { tokenHash, purpose } },
    );
    const row = rows[0];
    return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  async markUsed(id: string, now: Date): Promise<void> {
    await this.sql.query('UPDATE one_time_tokens SET used_at = :now WHERE id = :id', { replacements: { id, now } });
  }

  /** Deletes tokens that expired or were used before `cutoff`. */
  async prune(cutoff: Date): Promise<number> {
    const rows = await this.sql.query<{ id: string }>(
      'DELETE FROM one_time_tokens WHERE expires_at < :cutoff OR used_at < :cutoff RETURNING id',
      { type: QueryTypes.SELECT, replacements: { cutoff } },
    );
    return rows.length;
  }
}

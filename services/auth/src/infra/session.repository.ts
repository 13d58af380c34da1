import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { RevocationReason } from '../domain/tokens';

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  /** Refresh-token rotations so far (the sign-in's token is rotation 0). */
  rotationCount: number;
  revokedAt: Date | null;
  revokedReason: string | null;
  userAgent: string;
  ip: string;
}

export interface RefreshTokenRecord {
  id: string;
  sessionId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  absolute_expires_at: Date;
  rotation_count: number;
  revoked_at: Date | null;
  revoked_reason: string | null;
  user_agent: string;
  ip: string;
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    rotationCount: row.rotation_count,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
    userAgent: row.user_agent,
    ip: row.ip,
  };
}

/** Sessions and their refresh tokens (a session is one refresh-token family). */
export class SessionRepository {
  constructor(private readonly sql: SqlSession) {}

  async create(session: {
    userId: string;
    now: Date;
    expiresAt: Date;
    absoluteExpiresAt: Date;
    userAgent: string;
    ip: string;
  }): Promise<SessionRecord> {
    const rows = await this.sql.query<SessionRow>(
      `INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, absolute_expires_at, user_agent, ip)
       VALUES (:id, :userId, :now, :now, :expiresAt, :absoluteExpiresAt, :userAgent, :ip) RETURNING *`,
      {
        type: QueryTypes.SELECT,
        replacements: {
          id: randomUUID(),
          ...session,
          userAgent: session.userAgent.slice(0, 512),
          ip: session.ip.slice(0, 100),
        },
      },
    );
    return toSession(rows[0]);
  }

  async addRefreshToken(token: { sessionId: string; tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
    await this.sql.query(
      `INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
       VALUES (:id, :sessionId, :tokenHash, :now, :expiresAt)`,
      { replacements: { id: randomUUID(), ...token } },
    );
  }

  /** The token row, locked: concurrent refreshes of one token queue up here and only one finds it unused. */
  async lockRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const rows = await this.sql.query<{ id: string; session_id: string; expires_at: Date; used_at: Date | null }>(
      'SELECT id, session_id, expires_at, used_at FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE',
      { type: QueryTypes.SELECT, replacements: { tokenHash } },
    );
    const row = rows[0];
    return row && { id: row.id, sessionId: row.session_id, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const rows = await this.sql.query<{ id: string; session_id: string; expires_at: Date; used_at: Date | null }>(
      'SELECT id, session_id, expires_at, used_at FROM refresh_tokens WHERE token_hash = :tokenHash',
      { type: QueryTypes.SELECT, replacements: { tokenHash } },
    );
    const row = rows[0];
    return row && { id: row.id, sessionId: row.session_id, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  async markRefreshTokenUsed(id: string, now: Date): Promise<void> {
    await this.sql.query('UPDATE refresh_tokens SET used_at = :now WHERE id = :id', { replacements: { id, now } });
  }

  /** `forUpdate` locks the row until the unit of work ends. */
  async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<SessionRecord | undefined> {
    const rows = await this.sql.query<SessionRow>(
      `SELECT * FROM sessions WHERE id = :id${options.forUpdate ? ' FOR UPDATE' : ''}`,
      { type: QueryTypes.SELECT, replacements: { id } },
    );
    return rows[0] && toSession(rows[0]);
  }

  /** A rotation: the session is used now, slides to `expiresAt` and counts one more rotation. */
  async touch(id: string, update: { now: Date; expiresAt: Date; userAgent?: string; ip?: string }): Promise<void> {
    await this.sql.query(
      `UPDATE sessions SET last_used_at = :now, expires_at = :expiresAt, rotation_count = rotation_count + 1,
         user_agent = COALESCE(:userAgent, user_agent), ip = COALESCE(:ip, ip)
       WHERE id = :id`,
      {
        replacements: {
          id,
          now: update.now,
          expiresAt: update.expiresAt,
          userAgent: update.userAgent ? update.userAgent.slice(0, 512) : null,
          ip: update.ip ? update.ip.slice(0, 100) : null,
        },
      },
    );
  }

  /** Revokes one session; returns whether it was live until now. */
  async revoke(id: string, reason: RevocationReason, now: Date): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
       WHERE id = :id AND revoked_at IS NULL RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, reason, now } },
    );
    return rows.length > 0;
  }

  /** Revokes every live session of a user (but `exceptSessionId`); returns the revoked ids. */
  async revokeAllOfUser(userId: string, reason: RevocationReason, now: Date, exceptSessionId?: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
       WHERE user_id = :userId AND revoked_at IS NULL ${exceptSessionId ? 'AND id <> :exceptSessionId' : ''}
       RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { userId, reason, now, exceptSessionId: exceptSessionId ?? null } },
    );
    return rows.map((r) => r.id);
  }

  /** Live sessions, most recently used first, at most `limit` (the per-user cap keeps them few anyway). */
  async listActive(userId: string, now: Date, limit: number): Promise<SessionRecord[]> {
    const rows = await this.sql.query<SessionRow>(
      `SELECT * FROM sessions WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
       ORDER BY last_used_at DESC, id LIMIT :limit`,
      { type: QueryTypes.SELECT, replacements: { userId, now, limit } },
    );
    return rows.map(toSession);
  }

  /**
   * Revokes the user's oldest live sessions beyond the newest `keep` (called in the sign-in
   * transaction, after the user row is locked); returns the revoked ids.
   */
  async revokeBeyondCap(userId: string, keep: number, now: Date): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
       WHERE id IN (
         SELECT id FROM sessions WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
         ORDER BY created_at DESC, id DESC OFFSET :keep
       ) RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { userId, keep, now, reason: 'session_limit' } },
    );
    return rows.map((r) => r.id);
  }

  async countActive(userId: string, now: Date): Promise<number> {
    const rows = await this.sql.query<{ n: string }>(
      'SELECT count(*) AS n FROM sessions WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now',
      { type: QueryTypes.SELECT, replacements: { userId, now } },
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Deletes sessions (and their refresh tokens) that ended before `cutoff` (expired or revoked). */
  async pruneEnded(cutoff: Date): Promise<number> {
    const rows = await this.sql.query<{ id: string }>(
      'DELETE FROM sessions WHERE expires_at < :cutoff OR revoked_at < :cutoff RETURNING id',
      { type: QueryTypes.SELECT, replacements: { cutoff } },
    );
    return rows.length;
  }

  /** Deletes spent refresh tokens of live sessions once they can no longer matter for reuse detection. */
  async pruneSpentTokens(cutoff: Date): Promise<number> {
    const rows = await this.sql.query<{ id: string }>(
      'DELETE FROM refresh_tokens WHERE expires_at < :cutoff RETURNING id',
      { type: QueryTypes.SELECT, replacements: { cutoff } },
    );
    return rows.length;
  }
}

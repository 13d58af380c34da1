import type { Migration } from '@lms/kit/db';

/**
 * Sessions (one per sign-in) and their refresh tokens (one per rotation; only the SHA-256 is kept).
 * A session is a refresh-token family: revoking it kills every token in it.
 */
export const sessionsMigration: Migration = {
  name: '0002-sessions',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text NOT NULL DEFAULT '',
        ip text NOT NULL DEFAULT ''
      );
      CREATE INDEX sessions_user_active_idx ON sessions (user_id, created_at DESC) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS refresh_tokens; DROP TABLE IF EXISTS sessions;');
  },
};

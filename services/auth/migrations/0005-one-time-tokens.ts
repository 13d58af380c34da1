import type { Migration } from '@lms/kit/db';

/** Single-use tokens for password resets and email verification (only the SHA-256 is kept). */
export const oneTimeTokensMigration: Migration = {
  name: '0005-one-time-tokens',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE one_time_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose) WHERE used_at IS NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS one_time_tokens');
  },
};

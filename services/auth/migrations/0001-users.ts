import type { Migration } from '@lms/kit/db';

/** Users. Emails are stored lower-cased and unique among accounts that are not deleted. */
export const usersMigration: Migration = {
  name: '0001-users',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        password_hash text NOT NULL,
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('admin', 'instructor', 'student')),
        is_active boolean NOT NULL DEFAULT true,
        email_verified boolean NOT NULL DEFAULT false,
        bio text NOT NULL DEFAULT '' CHECK (length(bio) <= 2000),
        avatar_url text NOT NULL DEFAULT '' CHECK (length(avatar_url) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        role_changed_at timestamptz,
        deleted_at timestamptz
      );
      CREATE UNIQUE INDEX users_email_uq ON users (lower(email)) WHERE deleted_at IS NULL;
      CREATE INDEX users_listing_idx ON users (created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX users_role_idx ON users (role) WHERE deleted_at IS NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS users');
  },
};

import type { Migration } from '@lms/kit/db';

/**
 * Time-limited access: a course may grant access for `access_days` (null = lifetime, from catalog's
 * outline); an enrolment's `expires_at` is `enrolled_at + access_days` (or as extended; null = lifetime).
 * The `expired` status is set at that time by the access-expiry timer consumer. `user_accounts` is the
 * read model of auth's activation facts (bulk enrolment by user id refuses deactivated accounts).
 */
export const accessExpiryMigration: Migration = {
  name: '0005-access-expiry',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE courses ADD COLUMN access_days integer CHECK (access_days IS NULL OR access_days > 0);
      ALTER TABLE enrollments ADD COLUMN expires_at timestamptz;
      CREATE INDEX enrollments_expires_at ON enrollments (expires_at) WHERE expires_at IS NOT NULL AND status = 'active';
      CREATE TABLE user_accounts (
        user_id uuid PRIMARY KEY,
        is_active boolean NOT NULL,
        status_at timestamptz NOT NULL
      );
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      DROP TABLE user_accounts;
      DROP INDEX enrollments_expires_at;
      ALTER TABLE enrollments DROP COLUMN expires_at;
      ALTER TABLE courses DROP COLUMN access_days;
    `);
  },
};

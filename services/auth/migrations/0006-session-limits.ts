import type { Migration } from '@lms/kit/db';

/**
 * Sessions get an absolute lifetime (issue 10 A12): refreshing slides `expires_at`, never past
 * `absolute_expires_at`. Existing sessions get 30 days from their creation (the default).
 */
export const sessionLimitsMigration: Migration = {
  name: '0006-session-limits',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE sessions ADD COLUMN absolute_expires_at timestamptz;
      UPDATE sessions SET absolute_expires_at = created_at + interval '30 days';
      ALTER TABLE sessions ALTER COLUMN absolute_expires_at SET NOT NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('ALTER TABLE sessions DROP COLUMN IF EXISTS absolute_expires_at');
  },
};

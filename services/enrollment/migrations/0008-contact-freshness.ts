import type { Migration } from '@lms/kit/db';

/**
 * Issue 12 item 3 (contacts stay current): auth's `user.profile_changed` updates the email or the name of
 * `user_accounts`, each with the time of the fact that set it, so an older fact (redelivered, or overtaken
 * on the queue) never overwrites a newer one. `user.deleted` sets both to 'infinity': nothing later
 * restores a forgotten contact. Rows filled before this migration count as set at their status time.
 */
export const contactFreshnessMigration: Migration = {
  name: '0008-contact-freshness',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE user_accounts ADD COLUMN email_at timestamptz, ADD COLUMN full_name_at timestamptz;
      UPDATE user_accounts SET email_at = status_at, full_name_at = status_at WHERE email IS NOT NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('ALTER TABLE user_accounts DROP COLUMN email_at, DROP COLUMN full_name_at;');
  },
};

import type { Migration } from '@lms/kit/db';

/**
 * Issue 12 items 7–8: a session counts its refresh-token rotations (refused after REFRESH_MAX_ROTATIONS,
 * the seed's 50), and users get an optional `phone` (the seed's String(20)).
 */
export const rotationsAndPhoneMigration: Migration = {
  name: '0007-rotations-and-phone',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE sessions ADD COLUMN rotation_count integer NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN phone varchar(20);
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      ALTER TABLE sessions DROP COLUMN IF EXISTS rotation_count;
      ALTER TABLE users DROP COLUMN IF EXISTS phone;
    `);
  },
};

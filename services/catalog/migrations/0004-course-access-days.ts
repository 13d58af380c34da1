import type { Migration } from '@lms/kit/db';

/** Time-limited access: `access_days` (null = lifetime) is what an enrolment in the course grants. */
export const courseAccessDaysMigration: Migration = {
  name: '0004-course-access-days',
  async up(qi) {
    await qi.sequelize.query(
      'ALTER TABLE courses ADD COLUMN access_days integer CHECK (access_days IS NULL OR access_days BETWEEN 1 AND 3650)',
    );
  },
  async down(qi) {
    await qi.sequelize.query('ALTER TABLE courses DROP COLUMN access_days');
  },
};

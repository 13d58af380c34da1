import type { Migration } from '@lms/kit/db';

/**
 * Indexes of dashboard reads (index-only migration, owned by the queries): a learner's lesson milestones read
 * the n-th completed lesson of one student (`ORDER BY completed_at OFFSET n-1`) — without this index that is a
 * scan of every progress row.
 */
export const dashboardIndexesMigration: Migration = {
  name: '0002-dashboard-indexes',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE INDEX lesson_progress_student_completed_idx ON lesson_progress (student_id, completed_at) WHERE completed_at IS NOT NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP INDEX IF EXISTS lesson_progress_student_completed_idx;');
  },
};

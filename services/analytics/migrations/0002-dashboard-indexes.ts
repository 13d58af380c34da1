import type { Migration } from '@lms/kit/db';

/**
 * Indexes of dashboard reads (index-only migration, owned by the queries):
 * - a learner's lesson milestones read the n-th completed lesson of one student (`ORDER BY completed_at
 *   OFFSET n-1`) — without it, a scan of every progress row;
 * - item analysis pages through a quiz's graded attempts by attempt id (keyset) — without it, every page
 *   would read and sort all the quiz's attempts again.
 */
export const dashboardIndexesMigration: Migration = {
  name: '0002-dashboard-indexes',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE INDEX lesson_progress_student_completed_idx ON lesson_progress (student_id, completed_at) WHERE completed_at IS NOT NULL;
      CREATE INDEX attempts_quiz_graded_idx ON attempts (quiz_id, attempt_id) WHERE percentage IS NOT NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP INDEX IF EXISTS lesson_progress_student_completed_idx, attempts_quiz_graded_idx;');
  },
};

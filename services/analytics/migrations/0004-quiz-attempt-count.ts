import type { Migration } from '@lms/kit/db';

/**
 * Every attempt of a quiz (started, whatever became of it), kept by delta like the other quiz_stats counters:
 * the system overview's `total_quiz_attempts` sums it instead of counting the attempts table (hundreds of
 * thousands of rows) on every read. Filled from the fact rows for a database that already has attempts.
 */
export const quizAttemptCountMigration: Migration = {
  name: '0004-quiz-attempt-count',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE quiz_stats ADD COLUMN attempts integer NOT NULL DEFAULT 0;
      UPDATE quiz_stats s SET attempts = a.n FROM (SELECT quiz_id, count(*) AS n FROM attempts GROUP BY quiz_id) a WHERE a.quiz_id = s.quiz_id;
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`ALTER TABLE quiz_stats DROP COLUMN IF EXISTS attempts`);
  },
};

import type { Migration } from '@lms/kit/db';

/** A quiz whose catalog lesson (or course) was deleted is retired: unpublished for good. */
export const lessonDeletedMigration: Migration = {
  name: '0002-quiz-lesson-deleted',
  up: async (qi) => {
    await qi.sequelize.query('ALTER TABLE quizzes ADD COLUMN lesson_deleted_at timestamptz NULL');
  },
  down: async (qi) => {
    await qi.sequelize.query('ALTER TABLE quizzes DROP COLUMN lesson_deleted_at');
  },
};

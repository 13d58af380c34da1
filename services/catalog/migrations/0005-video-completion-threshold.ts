import type { Migration } from '@lms/kit/db';

/** Video completion rule: a video lesson's progress update at this percentage completes it (80 as the seed). */
export const videoCompletionThresholdMigration: Migration = {
  name: '0005-video-completion-threshold',
  async up(qi) {
    await qi.sequelize.query(
      'ALTER TABLE courses ADD COLUMN video_completion_threshold integer NOT NULL DEFAULT 80 CHECK (video_completion_threshold BETWEEN 1 AND 100)',
    );
  },
  async down(qi) {
    await qi.sequelize.query('ALTER TABLE courses DROP COLUMN video_completion_threshold');
  },
};

import type { Migration } from '@lms/kit/db';

/**
 * Video completion rule: the course's `video_completion_threshold` (percent, from catalog's outline; 80 as
 * the seed until an outline says otherwise). A progress update of a video lesson reaching it completes it.
 */
export const videoCompletionThresholdMigration: Migration = {
  name: '0006-video-completion-threshold',
  async up(qi) {
    await qi.sequelize.query(
      'ALTER TABLE courses ADD COLUMN video_completion_threshold integer NOT NULL DEFAULT 80 CHECK (video_completion_threshold BETWEEN 1 AND 100)',
    );
  },
  async down(qi) {
    await qi.sequelize.query('ALTER TABLE courses DROP COLUMN video_completion_threshold');
  },
};

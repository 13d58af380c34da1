import type { Migration } from '@lms/kit/db';

/**
 * The number of lessons counting toward completion in the course's newest published version
 * (`course.published` → `countable_lesson_ids`): the `total_lessons` of an enrolment that has no
 * `enrollment.progressed` yet (a fresh enrolment), as the enrollment service itself reports it.
 */
export const countableLessonsMigration: Migration = {
  name: '0003-countable-lessons',
  async up(qi) {
    await qi.sequelize.query(`ALTER TABLE courses ADD COLUMN countable_lessons integer NOT NULL DEFAULT 0`);
  },
  async down(qi) {
    await qi.sequelize.query(`ALTER TABLE courses DROP COLUMN IF EXISTS countable_lessons`);
  },
};

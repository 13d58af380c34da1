import type { Migration } from '@lms/kit/db';

/**
 * Issue 12 items 3-5. `lesson_titles`: each lesson's current title (from catalog's outline and
 * `course.published`; the newest fact wins), for the progress list without a call per lesson. Titles are
 * not part of a course version (renaming a lesson makes none), so they live beside `course_lessons`.
 * `enrollments.reviewer_name`: the reviewer's full name when they last reviewed (public course reviews
 * show it, and only it, of the student). `user_accounts.email`/`full_name`: auth's `user.registered`, for
 * the course enrolment list's emails (auth's BatchGetUsers answers public profiles only).
 */
export const titlesReviewsContactsMigration: Migration = {
  name: '0007-titles-reviews-contacts',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE lesson_titles (
        lesson_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        title text NOT NULL,
        title_at timestamptz NOT NULL
      );
      ALTER TABLE enrollments ADD COLUMN reviewer_name text;
      CREATE INDEX enrollments_course_reviews ON enrollments (course_id, reviewed_at DESC, id) WHERE rating IS NOT NULL;
      ALTER TABLE user_accounts ADD COLUMN email text, ADD COLUMN full_name text;
      ALTER TABLE user_accounts ALTER COLUMN is_active SET DEFAULT true;
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      ALTER TABLE user_accounts DROP COLUMN email, DROP COLUMN full_name, ALTER COLUMN is_active DROP DEFAULT;
      DROP INDEX enrollments_course_reviews;
      ALTER TABLE enrollments DROP COLUMN reviewer_name;
      DROP TABLE lesson_titles;
    `);
  },
};

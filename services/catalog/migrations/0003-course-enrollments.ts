import type { Migration } from '@lms/kit/db';

/**
 * The local read model fed by the enrollment service's events: one row per enrolment, from which a
 * course's enrollment_count, average_rating and rating_count are derived (never `+1`), so redelivered
 * and reordered events leave exact numbers. `status_at` / `rated_at` are the times of the facts last
 * applied: an older fact arriving late does not overwrite a newer one.
 */
export const courseEnrollmentsMigration: Migration = {
  name: '0003-course-enrollments',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE course_enrollments (
        enrollment_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        student_id uuid NOT NULL,
        active boolean NOT NULL DEFAULT false,
        status_at timestamptz,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rated_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX course_enrollments_course_idx ON course_enrollments (course_id);
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS course_enrollments');
  },
};

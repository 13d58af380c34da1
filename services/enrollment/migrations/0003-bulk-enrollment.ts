import type { Migration } from '@lms/kit/db';

/** Bulk enrolment jobs (admin, or the course's instructor) with one result per input row. */
export const bulkEnrollmentMigration: Migration = {
  name: '0003-bulk-enrollment',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE bulk_enrollment_jobs (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        requested_by uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed')),
        total integer NOT NULL DEFAULT 0,
        enrolled integer NOT NULL DEFAULT 0,
        already_enrolled integer NOT NULL DEFAULT 0,
        unknown_user integer NOT NULL DEFAULT 0,
        invalid integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX bulk_enrollment_jobs_course_idx ON bulk_enrollment_jobs (course_id, created_at DESC);

      CREATE TABLE bulk_enrollment_results (
        job_id uuid NOT NULL REFERENCES bulk_enrollment_jobs (id) ON DELETE CASCADE,
        row integer NOT NULL,
        input text NOT NULL,
        user_id uuid,
        result text NOT NULL CHECK (result IN ('enrolled', 'already_enrolled', 'unknown_user', 'invalid')),
        enrollment_id uuid,
        detail text NOT NULL DEFAULT '',
        PRIMARY KEY (job_id, row)
      );
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS bulk_enrollment_results; DROP TABLE IF EXISTS bulk_enrollment_jobs;');
  },
};

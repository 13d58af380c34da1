import type { Migration } from '@lms/kit/db';

/**
 * Enrolment counts per (course, status), kept by triggers in the same transaction as every insert,
 * delete and status change, so a course's list answers its `total` without counting 100k rows. Progress
 * changes do not touch it (the trigger only fires when the status really changes): completions of
 * different students of one course never queue on a shared counter row.
 */
export const courseEnrollmentCountsMigration: Migration = {
  name: '0004-course-enrollment-counts',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE course_enrollment_counts (
        course_id uuid NOT NULL,
        status text NOT NULL,
        n bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (course_id, status)
      );

      -- bulk-friendly: one upsert per statement, aggregated over the transition table
      CREATE FUNCTION enrollment_counts_statement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO course_enrollment_counts (course_id, status, n)
            SELECT course_id, status, count(*) FROM new_rows GROUP BY course_id, status ORDER BY course_id, status
          ON CONFLICT (course_id, status) DO UPDATE SET n = course_enrollment_counts.n + EXCLUDED.n;
        ELSE
          UPDATE course_enrollment_counts c SET n = c.n - d.k
            FROM (SELECT course_id, status, count(*) AS k FROM old_rows GROUP BY course_id, status) d
           WHERE c.course_id = d.course_id AND c.status = d.status;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enrollments_counts_insert AFTER INSERT ON enrollments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_counts_statement();
      CREATE TRIGGER enrollments_counts_delete AFTER DELETE ON enrollments
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_counts_statement();

      -- status transitions (rare: enrol again, drop, complete); both rows touched in a fixed order
      CREATE FUNCTION enrollment_counts_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO course_enrollment_counts (course_id, status, n)
          SELECT x.course_id, x.status, x.d FROM (VALUES (OLD.course_id, OLD.status, -1), (NEW.course_id, NEW.status, 1)) AS x(course_id, status, d)
          ORDER BY x.course_id, x.status
        ON CONFLICT (course_id, status) DO UPDATE SET n = course_enrollment_counts.n + EXCLUDED.n;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enrollments_counts_transition AFTER UPDATE OF status, course_id ON enrollments
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.course_id IS DISTINCT FROM NEW.course_id)
        EXECUTE FUNCTION enrollment_counts_transition();

      INSERT INTO course_enrollment_counts (course_id, status, n)
        SELECT course_id, status, count(*) FROM enrollments GROUP BY course_id, status;
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      DROP TRIGGER IF EXISTS enrollments_counts_transition ON enrollments;
      DROP TRIGGER IF EXISTS enrollments_counts_delete ON enrollments;
      DROP TRIGGER IF EXISTS enrollments_counts_insert ON enrollments;
      DROP FUNCTION IF EXISTS enrollment_counts_transition();
      DROP FUNCTION IF EXISTS enrollment_counts_statement();
      DROP TABLE IF EXISTS course_enrollment_counts;
    `);
  },
};

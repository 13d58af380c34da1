import type { Migration } from '@lms/kit/db';

/**
 * Distinct learners per instructor, kept as enrolments arrive, so the instructor dashboard's `total_students` and
 * the system's top instructors read one row per instructor instead of counting DISTINCT over their enrolments.
 * `courses.learners_counted` marks a course whose enrolments are in `instructor_learners` (set once its instructor
 * is known, with the enrolments that arrived before); it serializes with new enrolments through a per-course
 * advisory lock (see AggregateRepository). Filled from the fact rows for a database that already has data.
 */
export const instructorLearnersMigration: Migration = {
  name: '0005-instructor-learners',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE instructor_learners (
        instructor_id uuid NOT NULL,
        student_id uuid NOT NULL,
        enrollments integer NOT NULL DEFAULT 0,
        PRIMARY KEY (instructor_id, student_id)
      );
      CREATE TABLE instructor_stats (
        instructor_id uuid PRIMARY KEY,
        learners integer NOT NULL DEFAULT 0
      );
      CREATE INDEX instructor_stats_rank_idx ON instructor_stats (learners DESC, instructor_id);
      ALTER TABLE courses ADD COLUMN learners_counted boolean NOT NULL DEFAULT false;
      UPDATE courses SET learners_counted = true WHERE instructor_id IS NOT NULL;
      INSERT INTO instructor_learners (instructor_id, student_id, enrollments)
        SELECT c.instructor_id, e.student_id, count(*) FROM enrollments e JOIN courses c ON c.course_id = e.course_id
         WHERE c.learners_counted GROUP BY 1, 2;
      INSERT INTO instructor_stats (instructor_id, learners) SELECT instructor_id, count(*) FROM instructor_learners GROUP BY 1;
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      DROP TABLE IF EXISTS instructor_stats, instructor_learners;
      ALTER TABLE courses DROP COLUMN IF EXISTS learners_counted;
    `);
  },
};

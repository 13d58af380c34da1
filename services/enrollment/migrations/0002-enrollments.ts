import type { Migration } from '@lms/kit/db';

/**
 * Enrolments with their aggregate counters, and per-lesson progress. The counters are maintained in
 * O(1) per completion (a completion row that transitions bumps the counter, under the enrolment's row
 * lock) and recomputed set-based when a new course version arrives.
 */
export const enrollmentsMigration: Migration = {
  name: '0002-enrollments',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY,
        student_id uuid NOT NULL,
        course_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'completed', 'dropped', 'expired')),
        enrolled_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        dropped_at timestamptz,
        reactivated_at timestamptz,
        last_accessed_at timestamptz NOT NULL,
        progress_percentage double precision NOT NULL DEFAULT 0 CHECK (progress_percentage BETWEEN 0 AND 100),
        completed_lessons_count integer NOT NULL DEFAULT 0 CHECK (completed_lessons_count >= 0),
        total_lessons_count integer NOT NULL DEFAULT 0 CHECK (total_lessons_count >= 0),
        total_time_spent_seconds bigint NOT NULL DEFAULT 0 CHECK (total_time_spent_seconds >= 0),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        review text NOT NULL DEFAULT '',
        reviewed_at timestamptz,
        has_new_content boolean NOT NULL DEFAULT false,
        course_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrollments_student_course_key UNIQUE (student_id, course_id),
        CONSTRAINT enrollments_counts_check CHECK (completed_lessons_count <= total_lessons_count)
      );
      -- the course's list sorted by progress or by last activity (keyset-friendly: id breaks ties)
      CREATE INDEX enrollments_course_progress_idx ON enrollments (course_id, progress_percentage, id);
      CREATE INDEX enrollments_course_accessed_idx ON enrollments (course_id, last_accessed_at, id);
      -- recompute batches walk a course's enrolments in id order; stats group a course by status
      CREATE INDEX enrollments_course_id_idx ON enrollments (course_id, id) INCLUDE (status, course_version);
      -- "my courses"
      CREATE INDEX enrollments_student_idx ON enrollments (student_id, status, enrolled_at DESC);

      CREATE TABLE lesson_progress (
        id uuid PRIMARY KEY,
        enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('in_progress', 'completed')),
        completion_percentage double precision NOT NULL DEFAULT 0 CHECK (completion_percentage BETWEEN 0 AND 100),
        time_spent_seconds bigint NOT NULL DEFAULT 0 CHECK (time_spent_seconds >= 0),
        last_position_seconds bigint NOT NULL DEFAULT 0 CHECK (last_position_seconds >= 0),
        notes text NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by text,
        last_accessed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- one row per (enrolment, lesson): a completion can happen once
        CONSTRAINT lesson_progress_enrollment_lesson_key UNIQUE (enrollment_id, lesson_id)
      );
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS lesson_progress; DROP TABLE IF EXISTS enrollments;');
  },
};

import type { Migration } from '@lms/kit/db';

/**
 * The local read model of each course, fed by catalog's `course.published` (or, when an event is late,
 * by an outline fetched over gRPC): one immutable snapshot per course version with its lessons, the
 * drip/prerequisite rules and which lessons count toward completion.
 */
export const courseModelMigration: Migration = {
  name: '0001-course-model',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE courses (
        course_id uuid PRIMARY KEY,
        instructor_id uuid,
        title text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('published', 'unpublished', 'archived')),
        current_version integer NOT NULL,
        -- every enrolment of the course is at least at this version (the background recompute's mark)
        recomputed_version integer NOT NULL DEFAULT 0,
        published_at timestamptz,
        -- time of the fact that set \`status\` (events can arrive out of order: an older fact never wins)
        status_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX courses_recompute_pending_idx ON courses (course_id) WHERE recomputed_version < current_version;

      CREATE TABLE course_versions (
        course_id uuid NOT NULL REFERENCES courses (course_id) ON DELETE CASCADE,
        version integer NOT NULL,
        countable_lesson_ids uuid[] NOT NULL,
        total_countable integer NOT NULL,
        lesson_count integer NOT NULL,
        source text NOT NULL CHECK (source IN ('event', 'outline')),
        -- the lesson list changes without a new version when lessons that do not count move, appear or
        -- change their drip/prerequisite rules: the snapshot's lessons are then replaced in place
        lessons_fingerprint text NOT NULL DEFAULT '',
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, version)
      );

      CREATE TABLE course_lessons (
        course_id uuid NOT NULL,
        version integer NOT NULL,
        lesson_id uuid NOT NULL,
        position integer NOT NULL,
        section_id uuid,
        section_position integer NOT NULL,
        order_index integer NOT NULL DEFAULT 0,
        lesson_type text NOT NULL DEFAULT '',
        unlock_at timestamptz,
        unlock_after_days integer NOT NULL DEFAULT 0,
        prerequisite text NOT NULL DEFAULT '',
        countable boolean NOT NULL,
        PRIMARY KEY (course_id, version, lesson_id),
        FOREIGN KEY (course_id, version) REFERENCES course_versions (course_id, version) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX course_lessons_position_idx ON course_lessons (course_id, version, position);
      CREATE INDEX course_lessons_lesson_idx ON course_lessons (lesson_id);

      CREATE TABLE deleted_lessons (
        lesson_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
  async down(qi) {
    await qi.sequelize.query(
      'DROP TABLE IF EXISTS deleted_lessons; DROP TABLE IF EXISTS course_lessons; DROP TABLE IF EXISTS course_versions; DROP TABLE IF EXISTS courses;',
    );
  },
};

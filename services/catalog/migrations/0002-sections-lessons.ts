import type { Migration } from '@lms/kit/db';

/**
 * Sections and lessons. Positions are contiguous from 0 (sections within a course, lessons within a
 * section); the unique constraints are DEFERRABLE INITIALLY DEFERRED so a reorder or a shift can pass
 * through intermediate duplicates inside its transaction and is checked at commit.
 */
export const sectionsLessonsMigration: Migration = {
  name: '0002-sections-lessons',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE sections (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        order_index integer NOT NULL CHECK (order_index >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sections_order_uq UNIQUE (course_id, order_index) DEFERRABLE INITIALLY DEFERRED
      );

      CREATE TABLE lessons (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        section_id uuid NOT NULL REFERENCES sections (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        slug text NOT NULL CHECK (char_length(slug) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        content text NOT NULL DEFAULT '',
        lesson_type text NOT NULL CHECK (lesson_type IN ('video', 'text', 'quiz', 'assignment')),
        order_index integer NOT NULL CHECK (order_index >= 0),
        duration_minutes integer NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
        video_url text NOT NULL DEFAULT '' CHECK (char_length(video_url) <= 500),
        resources jsonb NOT NULL DEFAULT '[]'::jsonb,
        is_preview boolean NOT NULL DEFAULT false,
        is_published boolean NOT NULL DEFAULT false,
        counts_toward_completion boolean NOT NULL DEFAULT true,
        unlock_at timestamptz,
        unlock_after_days integer NOT NULL DEFAULT 0 CHECK (unlock_after_days BETWEEN 0 AND 3650),
        prerequisite text NOT NULL DEFAULT '' CHECK (prerequisite IN ('', 'previous_lesson', 'previous_section')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lessons_slug_uq UNIQUE (course_id, slug),
        CONSTRAINT lessons_order_uq UNIQUE (section_id, order_index) DEFERRABLE INITIALLY DEFERRED
      );
      CREATE INDEX lessons_course_idx ON lessons (course_id);
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS lessons; DROP TABLE IF EXISTS sections;');
  },
};

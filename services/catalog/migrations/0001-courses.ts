import type { Migration } from '@lms/kit/db';

/**
 * Courses. `search` is a generated tsvector (title A, tags B, description C) in the `simple`
 * configuration, so Arabic and every other language is indexed word by word (no stemming, no stop
 * words); GIN-indexed and queried with websearch_to_tsquery. `published_countable_ids` is the snapshot of
 * the ordered countable lessons at the last publication: the course version changes with it.
 */
export const coursesMigration: Migration = {
  name: '0001-courses',
  async up(qi) {
    await qi.sequelize.query(`
      -- array_to_string is only STABLE (it could depend on an element type's output function); for text[]
      -- it is immutable, which a generated column requires.
      CREATE FUNCTION catalog_tags_text(tags text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$;

      CREATE TABLE courses (
        id uuid PRIMARY KEY,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
        slug text NOT NULL CHECK (char_length(slug) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        long_description text NOT NULL DEFAULT '' CHECK (char_length(long_description) <= 20000),
        category text NOT NULL DEFAULT '' CHECK (char_length(category) <= 100),
        difficulty_level text NOT NULL DEFAULT 'beginner' CHECK (difficulty_level IN ('beginner', 'intermediate', 'advanced')),
        price_cents bigint NOT NULL DEFAULT 0 CHECK (price_cents BETWEEN 0 AND 100000000),
        currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        thumbnail_url text NOT NULL DEFAULT '' CHECK (char_length(thumbnail_url) <= 500),
        preview_video_url text NOT NULL DEFAULT '' CHECK (char_length(preview_video_url) <= 500),
        requirements text[] NOT NULL DEFAULT '{}',
        learning_objectives text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        instructor_id uuid NOT NULL,
        is_published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 0,
        published_countable_ids uuid[],
        total_lessons integer NOT NULL DEFAULT 0,
        total_quizzes integer NOT NULL DEFAULT 0,
        estimated_duration_minutes integer NOT NULL DEFAULT 0,
        enrollment_count integer NOT NULL DEFAULT 0,
        average_rating numeric(3, 2) NOT NULL DEFAULT 0,
        rating_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, title), 'A') ||
          setweight(to_tsvector('simple'::regconfig, catalog_tags_text(tags)), 'B') ||
          setweight(to_tsvector('simple'::regconfig, description), 'C')
        ) STORED,
        CONSTRAINT courses_slug_uq UNIQUE (slug),
        CONSTRAINT courses_published_not_archived CHECK (NOT (is_published AND archived_at IS NOT NULL))
      );
      CREATE INDEX courses_search_idx ON courses USING gin (search);
      CREATE INDEX courses_public_newest_idx ON courses ((coalesce(published_at, created_at)) DESC, id DESC) WHERE is_published;
      CREATE INDEX courses_public_popular_idx ON courses (enrollment_count DESC) WHERE is_published;
      CREATE INDEX courses_public_category_idx ON courses (lower(category)) WHERE is_published;
      CREATE INDEX courses_instructor_idx ON courses (instructor_id, created_at DESC);
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS courses; DROP FUNCTION IF EXISTS catalog_tags_text(text[]);');
  },
};

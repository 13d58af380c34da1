import type { Migration } from '@lms/kit/db';

/**
 * Quizzes, pools, questions with immutable versions, attempts (pinned paper, answers, results) and the
 * audit of regrades. An attempt pins (question_id, version) pairs in `paper`; versions are never updated
 * or deleted, so an attempt can always be rendered and graded as it was taken.
 */
export const quizzesMigration: Migration = {
  name: '0001-quizzes',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE quizzes (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        lesson_id uuid NOT NULL,
        instructor_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        quiz_type text NOT NULL CHECK (quiz_type IN ('graded', 'practice')),
        passing_score numeric(5,2) NOT NULL CHECK (passing_score BETWEEN 0 AND 100),
        time_limit_minutes integer NOT NULL DEFAULT 0 CHECK (time_limit_minutes >= 0),
        max_attempts integer NOT NULL DEFAULT 0 CHECK (max_attempts >= 0),
        scoring_policy text NOT NULL CHECK (scoring_policy IN ('highest', 'latest', 'average', 'first')),
        shuffle_questions boolean NOT NULL DEFAULT false,
        shuffle_options boolean NOT NULL DEFAULT false,
        show_correct_answers text NOT NULL CHECK (show_correct_answers IN ('never', 'after_submit', 'after_pass', 'after_last_attempt')),
        available_from timestamptz,
        available_until timestamptz,
        is_published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- one quiz per quiz lesson
        CONSTRAINT quizzes_lesson_key UNIQUE (lesson_id)
      );
      CREATE INDEX quizzes_course_idx ON quizzes (course_id, created_at);

      CREATE TABLE question_pools (
        id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
        title text NOT NULL,
        draw_count integer NOT NULL CHECK (draw_count >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX question_pools_quiz_idx ON question_pools (quiz_id);

      CREATE TABLE questions (
        id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
        pool_id uuid REFERENCES question_pools (id) ON DELETE SET NULL,
        order_index integer NOT NULL,
        current_version integer NOT NULL DEFAULT 1,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX questions_quiz_idx ON questions (quiz_id, order_index) WHERE deleted_at IS NULL;
      CREATE INDEX questions_pool_idx ON questions (pool_id) WHERE pool_id IS NOT NULL;

      -- immutable: one row per (question, version), never updated or deleted while the quiz exists
      CREATE TABLE question_versions (
        question_id uuid NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        question_type text NOT NULL,
        question_text text NOT NULL,
        points numeric(8,2) NOT NULL CHECK (points > 0),
        explanation text NOT NULL DEFAULT '',
        body jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (question_id, version)
      );

      CREATE TABLE attempts (
        id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL REFERENCES quizzes (id) ON DELETE RESTRICT,
        course_id uuid NOT NULL,
        lesson_id uuid NOT NULL,
        student_id uuid NOT NULL,
        attempt_number integer NOT NULL CHECK (attempt_number >= 1),
        status text NOT NULL CHECK (status IN ('in_progress', 'pending_review', 'graded')),
        seed bigint NOT NULL,
        paper jsonb NOT NULL,
        answers jsonb NOT NULL DEFAULT '{}',
        results jsonb NOT NULL DEFAULT '{}',
        started_at timestamptz NOT NULL,
        deadline_at timestamptz,
        last_saved_at timestamptz,
        submitted_at timestamptz,
        auto_submitted boolean NOT NULL DEFAULT false,
        graded_at timestamptz,
        graded_by text,
        score numeric(10,2) NOT NULL DEFAULT 0,
        max_score numeric(10,2) NOT NULL DEFAULT 0,
        percentage numeric(5,2) NOT NULL DEFAULT 0,
        passed boolean NOT NULL DEFAULT false,
        time_spent_seconds integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attempts_number_key UNIQUE (quiz_id, student_id, attempt_number)
      );
      -- at most one attempt in progress per (quiz, student)
      CREATE UNIQUE INDEX attempts_one_in_progress_idx ON attempts (quiz_id, student_id) WHERE status = 'in_progress';
      CREATE INDEX attempts_student_idx ON attempts (student_id, status);
      CREATE INDEX attempts_quiz_idx ON attempts (quiz_id, status);

      CREATE TABLE regrade_runs (
        id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
        requested_by uuid NOT NULL,
        dry_run boolean NOT NULL,
        question_ids jsonb NOT NULL DEFAULT '[]',
        attempts_examined integer NOT NULL DEFAULT 0,
        changes jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX regrade_runs_quiz_idx ON regrade_runs (quiz_id, created_at DESC);
    `);
  },
  async down(qi) {
    await qi.sequelize.query(
      'DROP TABLE IF EXISTS regrade_runs; DROP TABLE IF EXISTS attempts; DROP TABLE IF EXISTS question_versions; DROP TABLE IF EXISTS questions; DROP TABLE IF EXISTS question_pools; DROP TABLE IF EXISTS quizzes;',
    );
  },
};

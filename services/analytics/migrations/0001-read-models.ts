import type { Migration } from '@lms/kit/db';

/**
 * The read models, fed only by events (the consumer `analytics.facts`). Two kinds of tables:
 *
 * - **fact rows**, one per thing another service owns (user, course, lesson, enrolment, lesson progress,
 *   quiz, attempt, answer), holding the newest value of each field together with the time of the fact that set
 *   it (`*_at` columns), so an older event arriving late changes nothing ("newest fact wins"), and
 *   first/last times kept with LEAST/GREATEST so they are right whatever the order;
 * - **aggregates** (`course_stats`, `lesson_stats`, `quiz_stats`, `question_stats`, the `*_daily` series,
 *   `course_pairs`) kept by deltas: a handler locks the fact row, computes its contribution to each aggregate
 *   before and after the change, and adds the difference in the same transaction. The inbox makes every
 *   event count once, so the aggregates equal a recount of the fact rows (`analytics rebuild` checks it).
 *
 * Dashboards read aggregates and index ranges of one student/course/quiz; nothing scans all progress rows.
 * Days are UTC dates. Counters of the whole platform are spread over 16 `shard` rows per day (hash of the
 * entity id) so concurrent handlers do not queue on one hot row; readers sum the shards.
 */
export const readModelsMigration: Migration = {
  name: '0001-read-models',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE users (
        user_id uuid PRIMARY KEY,
        full_name text NOT NULL DEFAULT '',
        name_at timestamptz,
        role text NOT NULL DEFAULT 'student',
        role_at timestamptz,
        registered_at timestamptz,
        deleted_at timestamptz
      );
      CREATE INDEX users_registered_idx ON users (registered_at);

      CREATE TABLE courses (
        course_id uuid PRIMARY KEY,
        instructor_id uuid,
        title text NOT NULL DEFAULT '',
        title_at timestamptz,
        price_cents bigint NOT NULL DEFAULT 0,
        currency text NOT NULL DEFAULT 'USD',
        price_at timestamptz,
        created_at timestamptz,
        -- publication state: newest of published / unpublished / archived / unarchived facts wins
        is_published boolean NOT NULL DEFAULT false,
        is_archived boolean NOT NULL DEFAULT false,
        state_at timestamptz,
        version integer NOT NULL DEFAULT 0,
        deleted_at timestamptz
      );
      CREATE INDEX courses_instructor_idx ON courses (instructor_id);

      -- Lessons: course order from the newest course.published (position), titles newest-wins.
      CREATE TABLE lessons (
        lesson_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        title text NOT NULL DEFAULT '',
        title_at timestamptz,
        lesson_type text NOT NULL DEFAULT 'text',
        position integer,                 -- 1-based course order among published lessons; NULL = not published
        position_version integer NOT NULL DEFAULT 0,
        is_published boolean NOT NULL DEFAULT false,
        published_at timestamptz,         -- time of the fact that set is_published
        deleted_at timestamptz
      );
      CREATE INDEX lessons_course_idx ON lessons (course_id, position);

      CREATE TABLE enrollments (
        enrollment_id uuid PRIMARY KEY,
        student_id uuid NOT NULL,
        course_id uuid NOT NULL,
        enrolled_at timestamptz,          -- NULL until enrollment.created arrives (a later fact may come first)
        price_cents bigint,               -- list price at enrolment (enrollment.created), NULL = unknown
        currency text,
        -- status facts; status is derived from them (enrollmentStatus in src/domain)
        dropped_at timestamptz,           -- newest drop
        expired_at timestamptz,           -- newest expiry
        reactivated_at timestamptz,       -- newest reactivation
        completed_at timestamptz,         -- first completion (sticky)
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'dropped', 'expired')),
        -- progress: the newest enrollment.progressed by (course_version, completed_lessons)
        progress_percentage numeric(5,2) NOT NULL DEFAULT 0,
        completed_lessons integer NOT NULL DEFAULT 0,
        total_lessons integer NOT NULL DEFAULT 0,
        progress_version integer NOT NULL DEFAULT -1,
        lessons_completed integer NOT NULL DEFAULT 0, -- lesson.completed facts (any lesson, countable or not)
        time_spent_seconds bigint NOT NULL DEFAULT 0,
        first_activity_at timestamptz,
        last_activity_at timestamptz,
        last_lesson_id uuid,              -- lesson of the newest lesson activity (last_lesson_at)
        last_lesson_at timestamptz,
        rating smallint,
        review text,
        reviewed_at timestamptz
      );
      CREATE INDEX enrollments_student_idx ON enrollments (student_id);
      CREATE INDEX enrollments_course_activity_idx ON enrollments (course_id, last_activity_at);
      CREATE INDEX enrollments_course_student_idx ON enrollments (course_id, student_id);
      CREATE INDEX enrollments_course_enrolled_idx ON enrollments (course_id, enrolled_at DESC);
      CREATE INDEX enrollments_course_reviewed_idx ON enrollments (course_id, reviewed_at DESC) WHERE reviewed_at IS NOT NULL;

      CREATE TABLE lesson_progress (
        enrollment_id uuid NOT NULL,
        lesson_id uuid NOT NULL,
        course_id uuid NOT NULL,
        student_id uuid NOT NULL,
        started_at timestamptz,           -- LEAST of lesson.started and completion times
        completed_at timestamptz,         -- the first lesson.completed
        time_spent_seconds bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (enrollment_id, lesson_id)
      );

      -- One row per (enrolment, UTC day) with any activity: learner-days for session figures.
      CREATE TABLE enrollment_days (
        enrollment_id uuid NOT NULL,
        day date NOT NULL,
        PRIMARY KEY (enrollment_id, day)
      );

      CREATE TABLE quizzes (
        quiz_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        lesson_id uuid,
        title text NOT NULL DEFAULT '',
        passing_score numeric(5,2),
        is_published boolean NOT NULL DEFAULT false,
        state_at timestamptz,             -- time of the quiz.published/unpublished that set is_published
        definition_at timestamptz         -- time of the quiz.published (defined_at) that set title/questions
      );
      CREATE INDEX quizzes_course_idx ON quizzes (course_id);

      CREATE TABLE questions (
        question_id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL,
        position integer NOT NULL DEFAULT 0,
        question_type text NOT NULL DEFAULT '',
        text text NOT NULL DEFAULT '',
        points numeric(8,2) NOT NULL DEFAULT 0,
        options jsonb NOT NULL DEFAULT '[]'::jsonb  -- [{option_id, text, is_correct}]
      );
      CREATE INDEX questions_quiz_idx ON questions (quiz_id, position);

      CREATE TABLE attempts (
        attempt_id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL,
        course_id uuid NOT NULL,
        lesson_id uuid,
        student_id uuid NOT NULL,
        attempt_number integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        submitted_at timestamptz,
        graded_at timestamptz,            -- time of the newest grade (graded or regraded) applied
        percentage numeric(5,2),          -- NULL until graded
        passed boolean,
        answers_at timestamptz            -- time of the grade fact whose answers are stored (newest with answers wins)
      );
      CREATE INDEX attempts_student_idx ON attempts (student_id);
      CREATE INDEX attempts_quiz_student_idx ON attempts (quiz_id, student_id);
      CREATE INDEX attempts_course_student_idx ON attempts (course_id, student_id);

      CREATE TABLE attempt_answers (
        attempt_id uuid NOT NULL,
        question_id uuid NOT NULL,
        quiz_id uuid NOT NULL,
        selected_option_ids uuid[] NOT NULL DEFAULT '{}',
        is_correct boolean,               -- NULL = not auto-gradable and not graded yet
        points_earned numeric(8,2) NOT NULL DEFAULT 0,
        max_points numeric(8,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (attempt_id, question_id)
      );
      CREATE INDEX attempt_answers_quiz_idx ON attempt_answers (quiz_id, question_id);

      CREATE TABLE certificates (
        certificate_id uuid PRIMARY KEY,
        certificate_number text NOT NULL DEFAULT '',
        student_id uuid NOT NULL,
        course_id uuid NOT NULL,
        enrollment_id uuid,
        issued_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX certificates_student_idx ON certificates (student_id);

      -- ---------------------------------------------------------------- aggregates (kept by deltas)

      CREATE TABLE course_stats (
        course_id uuid PRIMARY KEY,
        enrollments integer NOT NULL DEFAULT 0,       -- every enrolment ever (any status)
        active integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0,
        dropped integer NOT NULL DEFAULT 0,
        expired integer NOT NULL DEFAULT 0,
        progress_sum numeric(14,2) NOT NULL DEFAULT 0,
        time_spent_seconds bigint NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        rating_count integer NOT NULL DEFAULT 0,
        written_reviews integer NOT NULL DEFAULT 0,
        ratings smallint[] NOT NULL DEFAULT '{0,0,0,0,0}', -- count of ratings 1..5
        revenue_cents bigint NOT NULL DEFAULT 0,
        paid_enrollments integer NOT NULL DEFAULT 0
      );

      CREATE TABLE lesson_stats (
        lesson_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        started integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0,
        time_spent_seconds bigint NOT NULL DEFAULT 0,
        learners_with_time integer NOT NULL DEFAULT 0,
        completion_seconds_sum bigint NOT NULL DEFAULT 0, -- Σ (completed_at - started_at) over completed
        completion_timed integer NOT NULL DEFAULT 0
      );
      CREATE INDEX lesson_stats_course_idx ON lesson_stats (course_id);

      CREATE TABLE quiz_stats (
        quiz_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        graded_attempts integer NOT NULL DEFAULT 0,
        passed_attempts integer NOT NULL DEFAULT 0,
        percentage_sum numeric(14,2) NOT NULL DEFAULT 0,
        submitted_attempts integer NOT NULL DEFAULT 0,
        duration_seconds_sum bigint NOT NULL DEFAULT 0,  -- Σ (submitted_at - started_at) over attempts with both
        timed_attempts integer NOT NULL DEFAULT 0,
        unique_students integer NOT NULL DEFAULT 0
      );
      CREATE INDEX quiz_stats_course_idx ON quiz_stats (course_id);

      -- One row per (quiz, student) with a graded attempt: unique students, repeated failures.
      CREATE TABLE quiz_students (
        quiz_id uuid NOT NULL,
        student_id uuid NOT NULL,
        course_id uuid NOT NULL,
        graded_attempts integer NOT NULL DEFAULT 0,
        failed_attempts integer NOT NULL DEFAULT 0,
        PRIMARY KEY (quiz_id, student_id)
      );
      CREATE INDEX quiz_students_course_idx ON quiz_students (course_id, student_id);

      CREATE TABLE question_stats (
        question_id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL,
        answered integer NOT NULL DEFAULT 0,
        correct integer NOT NULL DEFAULT 0
      );
      CREATE INDEX question_stats_quiz_idx ON question_stats (quiz_id);

      CREATE TABLE student_daily (
        student_id uuid NOT NULL,
        day date NOT NULL,
        lessons_completed integer NOT NULL DEFAULT 0,
        time_spent_seconds bigint NOT NULL DEFAULT 0,
        quizzes_taken integer NOT NULL DEFAULT 0,     -- attempts submitted that day
        PRIMARY KEY (student_id, day)
      );

      CREATE TABLE course_daily (
        course_id uuid NOT NULL,
        day date NOT NULL,
        new_enrollments integer NOT NULL DEFAULT 0,
        completions integer NOT NULL DEFAULT 0,
        active_learners integer NOT NULL DEFAULT 0,  -- enrollment_days rows of that day
        time_spent_seconds bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (course_id, day)
      );

      CREATE TABLE system_daily (
        day date NOT NULL,
        shard smallint NOT NULL,
        new_users integer NOT NULL DEFAULT 0,
        new_enrollments integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, shard)
      );

      -- Co-enrolment: learners enrolled in both courses (both directions stored), for recommendations.
      CREATE TABLE course_pairs (
        course_id uuid NOT NULL,
        other_course_id uuid NOT NULL,
        students integer NOT NULL DEFAULT 0,
        PRIMARY KEY (course_id, other_course_id)
      );
      CREATE INDEX course_pairs_rank_idx ON course_pairs (course_id, students DESC);
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      DROP TABLE IF EXISTS course_pairs, system_daily, course_daily, student_daily, question_stats, quiz_students,
        quiz_stats, lesson_stats, course_stats, certificates, attempt_answers, attempts, questions, quizzes,
        enrollment_days, lesson_progress, enrollments, lessons, courses, users;
    `);
  },
};

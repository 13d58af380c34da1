import { performance } from 'node:perf_hooks';
import { QueryTypes, type Sequelize } from 'sequelize';
import { recountQuery } from '../../services/analytics/src/infra/recount.repository';

/**
 * Bulk loader of the analytics read models (bench only): the tables ingestion would produce for a year of a
 * platform, written with set-based SQL instead of millions of events.
 *
 * How it stays equal to what ingestion makes:
 * - **fact rows** (users, courses, lessons, quizzes, questions, enrollments, lesson_progress, attempts,
 *   enrollment_days) are written as the handlers would leave them after a plausible history: every lesson
 *   of an enrolment up to the one it stopped at started (lesson i at enrolled_at + span·(i−1+0.05)/lessons),
 *   each before it completed (0.1–0.7 of a step later, so a learner's activity is strictly increasing in
 *   lesson order), time recorded on the day the lesson started (one lesson.time_recorded at started_at);
 *   quiz lessons that were completed have 1–3 attempts inside the lesson's own start→completion window
 *   (each failing but the last, which passes 85 % of the time); enrolments carry what the handlers derive
 *   from those facts — lessons_completed and time as sums of their rows, first/last activity and the
 *   last lesson (the one they stopped at), status by the service's rule (completed when every lesson is,
 *   else dropped 12 % / expired 3 % after the last activity / active), progress as the enrolment service
 *   reports it (completed / total of the newest enrollment.progressed; none — version −1 — before the first
 *   completed lesson), ratings on 25 % of started enrolments (half with a text); every time at millisecond
 *   precision, as events carry them;
 *   enrollment_days = the UTC days of every activity (lesson started, completed, attempt started).
 * - **aggregates** are NOT computed by the loader's own arithmetic: each is filled from the fact rows with
 *   the recount queries of services/analytics/src/infra/recount.repository.ts (the `expected` side of every
 *   check, taken by `recountQuery` and wrapped in an INSERT), plus the three amounts a recount cannot see
 *   (time per day — here the day the lesson started — and system_daily's shard = last hex digit of the id,
 *   as `shardOf`). So they are consistent by construction, and the bench then runs the service's own
 *   `recountMismatches` (what `analytics rebuild --check` runs) and prints its count, which must be 0.
 *
 * `checkLoaderAgainstIngestion` (analytics-load-check.ts) proves the fact rows too on a small history: it
 * derives the events behind the loaded rows, applies them through `ingestFact` to an empty database and
 * compares every table row by row.
 *
 * Indexes of the four big tables are dropped for the load and recreated from their own definitions after
 * (same names, same DDL as the migrations left them), then VACUUM ANALYZE — so the database has the state a
 * long-running service would have (visibility map set, statistics current).
 */
export interface LoadShape {
  courses: number;
  learnersPerCourse: number;
  students: number;
  instructors: number;
}

export interface LoadResult {
  seconds: number;
  steps: Record<string, number>;
  rows: Record<string, number>;
}

/** Staging tables (b_*) the bench keeps until the end: the ids and shape of what was loaded. */
const STAGING = ['b_students', 'b_instructors', 'b_courses', 'b_lessons', 'b_quizzes', 'b_enr', 'b_enr_lp', 'b_att'];
const BULK_TABLES = ['enrollments', 'lesson_progress', 'enrollment_days', 'attempts'];

export async function dropStaging(db: Sequelize): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${STAGING.join(', ')}`);
}

export async function bulkLoadAnalytics(
  db: Sequelize,
  shape: LoadShape,
  options: { realInstructorId?: string; log?: (msg: string) => void } = {},
): Promise<LoadResult> {
  const { courses: C, learnersPerCourse: L, students: S, instructors: I } = shape;
  if (L > S) throw new Error('more learners per course than students');
  // Learner k of course c is student (k · 7919 + c · 104729) mod S: k ↦ k · 7919 mod S is one-to-one when 7919 (a
  // prime) does not divide S, so a course's L learners are distinct; the course offset spreads co-enrolments.
  if (S % 7919 === 0) throw new Error('BENCH_STUDENTS must not be a multiple of 7919');
  const log = options.log ?? (() => undefined);
  const steps: Record<string, number> = {};
  const t0 = performance.now();
  const step = async (name: string, sql: string) => {
    const s = performance.now();
    await db.query(sql);
    steps[name] = Math.round((performance.now() - s) / 100) / 10;
    log(`load: ${name} ${steps[name]} s`);
  };
  await db.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
  await dropStaging(db);

  // Indexes and constraints of the big tables (recreated after the load from these very definitions).
  const constraints = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid = ANY(ARRAY[${BULK_TABLES.map((t) => `'${t}'::regclass`).join(', ')}]) AND contype IN ('p', 'u')`,
    { type: QueryTypes.SELECT },
  );
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (:tables)
       AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`,
    { type: QueryTypes.SELECT, replacements: { tables: BULK_TABLES } },
  );
  for (const c of constraints) await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await db.query(`DROP INDEX ${i.name}`);

  await step(
    'users',
    `CREATE UNLOGGED TABLE b_students AS
       SELECT g AS n, gen_random_uuid() AS id, date_trunc('milliseconds', now() - random() * interval '365 days') AS registered_at FROM generate_series(0, ${S - 1}) g;
     CREATE UNLOGGED TABLE b_instructors AS
       SELECT g AS n, gen_random_uuid() AS id, date_trunc('milliseconds', now() - interval '400 days' + g * interval '1 hour') AS registered_at FROM generate_series(0, ${I - 1}) g;
     ${options.realInstructorId ? `UPDATE b_instructors SET id = '${options.realInstructorId}' WHERE n = 0;` : ''}
     CREATE UNIQUE INDEX ON b_students (n);
     CREATE UNIQUE INDEX ON b_instructors (n);
     INSERT INTO users (user_id, full_name, name_at, role, role_at, registered_at)
       SELECT id, 'Bench Student ' || n, registered_at, 'student', registered_at, registered_at FROM b_students
       UNION ALL
       SELECT id, 'Bench Instructor ' || n, registered_at, 'instructor', registered_at, registered_at FROM b_instructors;`,
  );
  await step(
    'courses, lessons, quizzes',
    `CREATE UNLOGGED TABLE b_courses AS
       SELECT g AS n, gen_random_uuid() AS id, i.id AS instructor_id, 40 + (g * 37) % 81 AS lessons,
         CASE WHEN g % 10 < 3 THEN 0 ELSE 990 + (g * 131) % 9000 END AS price_cents,
         date_trunc('milliseconds', now() - interval '380 days' + g * interval '10 minutes') AS created_at, g % 25 <> 24 AS published
       FROM generate_series(0, ${C - 1}) g JOIN b_instructors i ON i.n = g % ${I};
     CREATE UNIQUE INDEX ON b_courses (n);
     INSERT INTO courses (course_id, instructor_id, title, title_at, price_cents, currency, price_at, created_at, is_published, is_archived, state_at, version,
         countable_lessons, learners_counted)
       SELECT id, instructor_id, 'Bench course ' || n, created_at + interval '1 day', price_cents, 'USD', created_at, created_at, published, false,
         created_at + CASE WHEN published THEN interval '1 day' ELSE interval '2 days' END, 1, lessons, true FROM b_courses;
     CREATE UNLOGGED TABLE b_lessons AS
       SELECT c.n AS course_n, c.id AS course_id, p AS position, gen_random_uuid() AS id,
         CASE WHEN p % 10 = 0 THEN 'quiz' WHEN p % 3 = 0 THEN 'video' ELSE 'text' END AS lesson_type, c.created_at
       FROM b_courses c CROSS JOIN LATERAL generate_series(1, c.lessons) p;
     CREATE UNIQUE INDEX ON b_lessons (course_n, position);
     INSERT INTO lessons (lesson_id, course_id, title, title_at, lesson_type, position, position_version, is_published, published_at)
       SELECT id, course_id, 'Lesson ' || position, created_at + interval '1 day', lesson_type, position, 1, true, created_at + interval '1 day'
       FROM b_lessons;
     CREATE UNLOGGED TABLE b_quizzes AS
       SELECT gen_random_uuid() AS id, course_n, course_id, id AS lesson_id, position, created_at FROM b_lessons WHERE lesson_type = 'quiz';
     CREATE UNIQUE INDEX ON b_quizzes (lesson_id);
     INSERT INTO quizzes (quiz_id, course_id, lesson_id, title, passing_score, is_published, state_at, definition_at)
       SELECT id, course_id, lesson_id, 'Quiz ' || position, 70, true, created_at + interval '1 day', created_at + interval '1 day' FROM b_quizzes;
     INSERT INTO questions (question_id, quiz_id, position, question_type, text, points, options)
       SELECT gen_random_uuid(), q.id, k, 'multiple_choice', 'Question ' || k, 1,
         jsonb_build_array(jsonb_build_object('option_id', gen_random_uuid(), 'text', 'right', 'is_correct', true),
                           jsonb_build_object('option_id', gen_random_uuid(), 'text', 'wrong', 'is_correct', false))
       FROM b_quizzes q CROSS JOIN generate_series(1, 5) k;`,
  );
  await step(
    'enrolment plan',
    `CREATE UNLOGGED TABLE b_enr AS
       WITH base AS (
         SELECT g, c.n AS course_n, c.id AS course_id, c.lessons, c.price_cents, s.id AS student_id,
           date_trunc('milliseconds', s.registered_at + random() * (now() - s.registered_at)) AS enrolled_at,
           random() AS u_full, random() AS u_touch, random() AS u_span, random() AS u_status, random() AS u_rating
         FROM generate_series(0, ${C * L - 1}) g
         JOIN b_courses c ON c.n = g / ${L}
         JOIN b_students s ON s.n = ((g % ${L})::bigint * 7919 + (g / ${L})::bigint * 104729) % ${S})
       SELECT gen_random_uuid() AS id, base.*,
         CASE WHEN u_full < 0.3 THEN lessons ELSE floor(lessons * u_touch)::int END AS touched,
         -- the time the learner takes over the course's lessons: up to 90 days, never past now
         least(interval '90 days', now() - enrolled_at) * (0.2 + 0.8 * u_span) AS span
       FROM base;
     CREATE UNIQUE INDEX ON b_enr (id);`,
  );
  await step(
    'lesson_progress',
    `INSERT INTO lesson_progress (enrollment_id, lesson_id, course_id, student_id, started_at, completed_at, time_spent_seconds)
       SELECT e.id, l.id, e.course_id, e.student_id,
         date_trunc('milliseconds', e.enrolled_at + e.span / e.lessons * (l.position - 1 + 0.05)),
         CASE WHEN l.position < e.touched OR e.touched = e.lessons
           THEN date_trunc('milliseconds', e.enrolled_at + e.span / e.lessons * (l.position - 1 + 0.15 + 0.6 * random())) END,
         1 + floor(random() * 1800)::int
       FROM b_enr e JOIN b_lessons l ON l.course_n = e.course_n AND l.position <= e.touched;`,
  );
  await step(
    'attempts',
    `CREATE UNLOGGED TABLE b_att AS
       WITH taken AS (
         SELECT lp.*, q.id AS quiz_id, CASE WHEN r < 0.6 THEN 1 WHEN r < 0.9 THEN 2 ELSE 3 END AS tries
         FROM (SELECT lp.*, random() AS r FROM lesson_progress lp JOIN b_lessons l ON l.id = lp.lesson_id AND l.lesson_type = 'quiz'
               WHERE lp.completed_at IS NOT NULL) lp
         JOIN b_quizzes q ON q.lesson_id = lp.lesson_id)
       SELECT gen_random_uuid() AS attempt_id, t.enrollment_id, t.quiz_id, t.course_id, t.lesson_id, t.student_id, k AS attempt_number,
         date_trunc('milliseconds', t.started_at + (t.completed_at - t.started_at) * (0.3 * k - 0.2)) AS started_at,
         date_trunc('milliseconds', t.started_at + (t.completed_at - t.started_at) * (0.3 * k - 0.05)) AS submitted_at,
         CASE WHEN k = t.tries AND random() < 0.85 THEN 70 + round((random() * 30)::numeric, 2) ELSE 30 + round((random() * 39.99)::numeric, 2) END AS percentage
       FROM taken t CROSS JOIN LATERAL generate_series(1, t.tries) k;
     INSERT INTO attempts (attempt_id, quiz_id, course_id, lesson_id, student_id, attempt_number, started_at, submitted_at, graded_at, percentage, passed)
       SELECT attempt_id, quiz_id, course_id, lesson_id, student_id, attempt_number, started_at, submitted_at, submitted_at, percentage, percentage >= 70
       FROM b_att;`,
  );
  await step(
    'enrollments',
    `CREATE UNLOGGED TABLE b_enr_lp AS
       SELECT enrollment_id, count(completed_at)::int AS completed, sum(time_spent_seconds) AS time_spent,
         min(started_at) AS first_at, max(COALESCE(completed_at, started_at)) AS last_at
       FROM lesson_progress GROUP BY enrollment_id;
     INSERT INTO enrollments (enrollment_id, student_id, course_id, enrolled_at, price_cents, currency, dropped_at, expired_at, completed_at, status,
         progress_percentage, completed_lessons, total_lessons, progress_version, lessons_completed, time_spent_seconds,
         first_activity_at, last_activity_at, last_lesson_id, last_lesson_at, rating, review, reviewed_at)
       SELECT e.id, e.student_id, e.course_id, e.enrolled_at, e.price_cents, 'USD',
         CASE WHEN e.touched < e.lessons AND e.u_status < 0.12 THEN date_trunc('milliseconds', least(now(), COALESCE(a.last_at, e.enrolled_at) + interval '3 days')) END,
         CASE WHEN e.touched < e.lessons AND e.u_status >= 0.12 AND e.u_status < 0.15 THEN date_trunc('milliseconds', least(now(), COALESCE(a.last_at, e.enrolled_at) + interval '30 days')) END,
         CASE WHEN e.touched = e.lessons THEN a.last_at END,
         CASE WHEN e.touched = e.lessons THEN 'completed' WHEN e.u_status < 0.12 THEN 'dropped' WHEN e.u_status < 0.15 THEN 'expired' ELSE 'active' END,
         -- progress as the newest enrollment.progressed left it (none before the first completed lesson)
         round(COALESCE(a.completed, 0) * 100.0 / e.lessons, 2), COALESCE(a.completed, 0),
         CASE WHEN a.completed > 0 THEN e.lessons ELSE 0 END, CASE WHEN a.completed > 0 THEN 1 ELSE -1 END,
         COALESCE(a.completed, 0), COALESCE(a.time_spent, 0),
         a.first_at, a.last_at, l.id, a.last_at,
         CASE WHEN a.last_at IS NOT NULL AND e.u_rating < 0.25 THEN (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + floor(e.u_rating * 40)::int] END,
         CASE WHEN a.last_at IS NOT NULL AND e.u_rating < 0.125 THEN 'Bench review' END,
         CASE WHEN a.last_at IS NOT NULL AND e.u_rating < 0.25 THEN date_trunc('milliseconds', least(now(), a.last_at + interval '1 hour')) END
       FROM b_enr e LEFT JOIN b_enr_lp a ON a.enrollment_id = e.id
       LEFT JOIN b_lessons l ON l.course_n = e.course_n AND l.position = e.touched;`,
  );
  await step(
    'enrollment_days',
    `INSERT INTO enrollment_days (enrollment_id, day)
       SELECT DISTINCT enrollment_id, day FROM (
         SELECT enrollment_id, (started_at AT TIME ZONE 'UTC')::date AS day FROM lesson_progress
         UNION ALL SELECT enrollment_id, (completed_at AT TIME ZONE 'UTC')::date FROM lesson_progress WHERE completed_at IS NOT NULL
         UNION ALL SELECT enrollment_id, (started_at AT TIME ZONE 'UTC')::date FROM b_att
       ) d;`,
  );
  const s = performance.now();
  for (const c of constraints) await db.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
  for (const i of indexes) await db.query(i.def);
  steps['indexes'] = Math.round((performance.now() - s) / 100) / 10;
  log(`load: indexes ${steps['indexes']} s`);

  // ---------------------------------------------------------------- aggregates, from the recount's queries
  // Each `recountQuery(name)` below is the `expected` query of the check of the same name in
  // services/analytics/src/infra/recount.repository.ts (one source of truth).
  await step(
    'aggregates',
    `INSERT INTO course_stats (course_id, enrollments, active, completed, dropped, expired, progress_sum, time_spent_seconds, rating_sum, rating_count,
         written_reviews, ratings, revenue_cents, paid_enrollments)
       SELECT course_id, enrollments, active, completed, dropped, expired, progress_sum, time_spent_seconds, COALESCE(rating_sum, 0), rating_count,
         written_reviews, ARRAY[rating_1, rating_2, rating_3, rating_4, rating_5]::smallint[], revenue_cents, paid_enrollments
       FROM (${recountQuery('course_stats')}) e;

     INSERT INTO lesson_stats (lesson_id, course_id, started, completed, time_spent_seconds, learners_with_time, completion_seconds_sum, completion_timed)
       SELECT e.lesson_id, l.course_id, started, completed, time_spent_seconds, learners_with_time, completion_seconds_sum, completion_timed
       FROM (${recountQuery('lesson_stats')}) e JOIN lessons l USING (lesson_id);

     INSERT INTO quiz_stats (quiz_id, course_id, attempts, graded_attempts, passed_attempts, percentage_sum, submitted_attempts, duration_seconds_sum, timed_attempts, unique_students)
       SELECT e.quiz_id, q.course_id, attempts, graded_attempts, passed_attempts, COALESCE(percentage_sum, 0), submitted_attempts, duration_seconds_sum, timed_attempts, unique_students
       FROM (${recountQuery('quiz_stats')}) e JOIN quizzes q USING (quiz_id);

     INSERT INTO quiz_students (quiz_id, student_id, course_id, graded_attempts, failed_attempts)
       SELECT e.quiz_id, e.student_id, q.course_id, graded_attempts, failed_attempts
       FROM (${recountQuery('quiz_students')}) e JOIN quizzes q USING (quiz_id) WHERE graded_attempts > 0;

     INSERT INTO question_stats (question_id, quiz_id, answered, correct)
       SELECT e.question_id, q.quiz_id, answered, correct
       FROM (${recountQuery('question_stats')}) e
       JOIN questions q USING (question_id);

     -- + time per day: each lesson's time was recorded on the day it started (the recount checks totals per student/course)
     INSERT INTO student_daily (student_id, day, lessons_completed, quizzes_taken, time_spent_seconds)
       SELECT student_id, day, sum(lessons_completed), sum(quizzes_taken), sum(time_spent_seconds) FROM (
         SELECT student_id, day, lessons_completed, quizzes_taken, 0 AS time_spent_seconds
         FROM (${recountQuery('student_daily')}) e
         UNION ALL
         SELECT student_id, (started_at AT TIME ZONE 'UTC')::date, 0, 0, time_spent_seconds FROM lesson_progress WHERE time_spent_seconds > 0
       ) x GROUP BY student_id, day;

     INSERT INTO course_daily (course_id, day, new_enrollments, completions, active_learners, time_spent_seconds)
       SELECT course_id, day, sum(new_enrollments), sum(completions), sum(active_learners), sum(time_spent_seconds) FROM (
         SELECT course_id, day, new_enrollments, completions, active_learners, 0 AS time_spent_seconds
         FROM (${recountQuery('course_daily')}) e
         UNION ALL
         SELECT course_id, (started_at AT TIME ZONE 'UTC')::date, 0, 0, 0, time_spent_seconds FROM lesson_progress WHERE time_spent_seconds > 0
       ) x GROUP BY course_id, day;

     -- per shard (shardOf: the id's last hex digit); the recount sums the shards of a day
     INSERT INTO system_daily (day, shard, new_users, new_enrollments)
       SELECT day, shard, sum(u), sum(n) FROM (
         SELECT (registered_at AT TIME ZONE 'UTC')::date AS day, position(right(user_id::text, 1) IN '0123456789abcdef') - 1 AS shard, 1 AS u, 0 AS n
         FROM users WHERE registered_at IS NOT NULL
         UNION ALL
         SELECT (enrolled_at AT TIME ZONE 'UTC')::date, position(right(enrollment_id::text, 1) IN '0123456789abcdef') - 1, 0, 1
         FROM enrollments WHERE enrolled_at IS NOT NULL) f
       GROUP BY day, shard;

     INSERT INTO instructor_learners (instructor_id, student_id, enrollments)
       ${recountQuery('instructor_learners')};

     INSERT INTO instructor_stats (instructor_id, learners)
       ${recountQuery('instructor_stats')};

     INSERT INTO course_pairs (course_id, other_course_id, students)
       ${recountQuery('course_pairs')};`,
  );
  await step('vacuum analyze', 'VACUUM ANALYZE');
  const rows: Record<string, number> = {};
  for (const t of ['users', 'courses', 'lessons', 'quizzes', 'enrollments', 'lesson_progress', 'enrollment_days', 'attempts', 'student_daily', 'course_daily', 'course_pairs']) {
    const [r] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`, { type: QueryTypes.SELECT });
    rows[t] = Number(r.n);
  }
  return { seconds: Math.round((performance.now() - t0) / 100) / 10, steps, rows };
}

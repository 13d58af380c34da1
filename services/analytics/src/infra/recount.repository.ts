import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** One aggregate check: the aggregate as stored (`actual`) against a recount from the fact rows (`expected`). */
interface Check {
  name: string;
  keys: string[];
  columns: string[];
  expected: string;
  actual: string;
}

const epoch = (from: string, to: string) => `floor(extract(epoch FROM (${to} - ${from})))`;

const CHECKS: Check[] = [
  {
    name: 'course_stats',
    keys: ['course_id'],
    columns: ['enrollments', 'active', 'completed', 'dropped', 'expired', 'progress_sum', 'time_spent_seconds', 'rating_sum', 'rating_count',
      'written_reviews', 'rating_1', 'rating_2', 'rating_3', 'rating_4', 'rating_5', 'revenue_cents', 'paid_enrollments'],
    expected: `SELECT course_id, count(*) AS enrollments,
        count(*) FILTER (WHERE status = 'active') AS active, count(*) FILTER (WHERE status = 'completed') AS completed,
        count(*) FILTER (WHERE status = 'dropped') AS dropped, count(*) FILTER (WHERE status = 'expired') AS expired,
        sum(progress_percentage) AS progress_sum, sum(time_spent_seconds) AS time_spent_seconds,
        sum(rating) AS rating_sum, count(rating) AS rating_count,
        count(*) FILTER (WHERE rating IS NOT NULL AND btrim(COALESCE(review, '')) <> '') AS written_reviews,
        count(*) FILTER (WHERE rating = 1) AS rating_1, count(*) FILTER (WHERE rating = 2) AS rating_2,
        count(*) FILTER (WHERE rating = 3) AS rating_3, count(*) FILTER (WHERE rating = 4) AS rating_4,
        count(*) FILTER (WHERE rating = 5) AS rating_5,
        sum(COALESCE(price_cents, 0)) AS revenue_cents, count(*) FILTER (WHERE price_cents > 0) AS paid_enrollments
      FROM enrollments GROUP BY course_id`,
    actual: `SELECT course_id, enrollments, active, completed, dropped, expired, progress_sum, time_spent_seconds, rating_sum, rating_count,
        written_reviews, ratings[1] AS rating_1, ratings[2] AS rating_2, ratings[3] AS rating_3, ratings[4] AS rating_4, ratings[5] AS rating_5,
        revenue_cents, paid_enrollments FROM course_stats`,
  },
  {
    name: 'lesson_stats',
    keys: ['lesson_id'],
    columns: ['started', 'completed', 'time_spent_seconds', 'learners_with_time', 'completion_seconds_sum', 'completion_timed'],
    expected: `SELECT lesson_id, count(started_at) AS started, count(completed_at) AS completed, sum(time_spent_seconds) AS time_spent_seconds,
        count(*) FILTER (WHERE time_spent_seconds > 0) AS learners_with_time,
        COALESCE(sum(${epoch('started_at', 'completed_at')}) FILTER (WHERE started_at IS NOT NULL AND completed_at IS NOT NULL), 0) AS completion_seconds_sum,
        count(*) FILTER (WHERE started_at IS NOT NULL AND completed_at IS NOT NULL) AS completion_timed
      FROM lesson_progress GROUP BY lesson_id`,
    actual: `SELECT lesson_id, started, completed, time_spent_seconds, learners_with_time, completion_seconds_sum, completion_timed FROM lesson_stats`,
  },
  {
    name: 'quiz_stats',
    keys: ['quiz_id'],
    columns: ['attempts', 'graded_attempts', 'passed_attempts', 'percentage_sum', 'submitted_attempts', 'duration_seconds_sum', 'timed_attempts', 'unique_students'],
    expected: `SELECT quiz_id, count(*) AS attempts, count(percentage) AS graded_attempts, count(*) FILTER (WHERE percentage IS NOT NULL AND passed) AS passed_attempts,
        sum(percentage) AS percentage_sum, count(submitted_at) AS submitted_attempts,
        COALESCE(sum(${epoch('started_at', 'submitted_at')}) FILTER (WHERE started_at IS NOT NULL AND submitted_at IS NOT NULL), 0) AS duration_seconds_sum,
        count(*) FILTER (WHERE started_at IS NOT NULL AND submitted_at IS NOT NULL) AS timed_attempts,
        count(DISTINCT student_id) FILTER (WHERE percentage IS NOT NULL) AS unique_students
      FROM attempts GROUP BY quiz_id`,
    actual: `SELECT quiz_id, attempts, graded_attempts, passed_attempts, percentage_sum, submitted_attempts, duration_seconds_sum, timed_attempts, unique_students FROM quiz_stats`,
  },
  {
    name: 'quiz_students',
    keys: ['quiz_id', 'student_id'],
    columns: ['graded_attempts', 'failed_attempts'],
    expected: `SELECT quiz_id, student_id, count(percentage) AS graded_attempts, count(*) FILTER (WHERE percentage IS NOT NULL AND passed = false) AS failed_attempts
      FROM attempts GROUP BY quiz_id, student_id`,
    actual: `SELECT quiz_id, student_id, graded_attempts, failed_attempts FROM quiz_students`,
  },
  {
    name: 'question_stats',
    keys: ['question_id'],
    columns: ['answered', 'correct'],
    expected: `SELECT question_id, count(is_correct) AS answered, count(*) FILTER (WHERE is_correct) AS correct FROM attempt_answers GROUP BY question_id`,
    actual: `SELECT question_id, answered, correct FROM question_stats`,
  },
  {
    name: 'student_daily',
    keys: ['student_id', 'day'],
    columns: ['lessons_completed', 'quizzes_taken'],
    expected: `SELECT student_id, day, sum(lessons_completed) AS lessons_completed, sum(quizzes_taken) AS quizzes_taken FROM (
        SELECT student_id, (completed_at AT TIME ZONE 'UTC')::date AS day, 1 AS lessons_completed, 0 AS quizzes_taken FROM lesson_progress WHERE completed_at IS NOT NULL
        UNION ALL
        SELECT student_id, (submitted_at AT TIME ZONE 'UTC')::date, 0, 1 FROM attempts WHERE submitted_at IS NOT NULL) f
      GROUP BY student_id, day`,
    actual: `SELECT student_id, day, lessons_completed, quizzes_taken FROM student_daily`,
  },
  {
    name: 'student_time',
    keys: ['student_id'],
    columns: ['time_spent_seconds'],
    expected: `SELECT student_id, sum(time_spent_seconds) AS time_spent_seconds FROM lesson_progress GROUP BY student_id`,
    actual: `SELECT student_id, sum(time_spent_seconds) AS time_spent_seconds FROM student_daily GROUP BY student_id`,
  },
  {
    name: 'course_daily',
    keys: ['course_id', 'day'],
    columns: ['new_enrollments', 'completions', 'active_learners'],
    expected: `SELECT course_id, day, sum(n) AS new_enrollments, sum(c) AS completions, sum(a) AS active_learners FROM (
        SELECT course_id, (enrolled_at AT TIME ZONE 'UTC')::date AS day, 1 AS n, 0 AS c, 0 AS a FROM enrollments WHERE enrolled_at IS NOT NULL
        UNION ALL
        SELECT course_id, (completed_at AT TIME ZONE 'UTC')::date, 0, 1, 0 FROM enrollments WHERE completed_at IS NOT NULL
        UNION ALL
        SELECT e.course_id, d.day, 0, 0, 1 FROM enrollment_days d JOIN enrollments e USING (enrollment_id)) f
      GROUP BY course_id, day`,
    actual: `SELECT course_id, day, new_enrollments, completions, active_learners FROM course_daily`,
  },
  {
    name: 'course_time',
    keys: ['course_id'],
    columns: ['time_spent_seconds'],
    expected: `SELECT course_id, sum(time_spent_seconds) AS time_spent_seconds FROM enrollments GROUP BY course_id`,
    actual: `SELECT course_id, sum(time_spent_seconds) AS time_spent_seconds FROM course_daily GROUP BY course_id`,
  },
  {
    name: 'system_daily',
    keys: ['day'],
    columns: ['new_users', 'new_enrollments'],
    expected: `SELECT day, sum(u) AS new_users, sum(n) AS new_enrollments FROM (
        SELECT (registered_at AT TIME ZONE 'UTC')::date AS day, 1 AS u, 0 AS n FROM users WHERE registered_at IS NOT NULL
        UNION ALL
        SELECT (enrolled_at AT TIME ZONE 'UTC')::date, 0, 1 FROM enrollments WHERE enrolled_at IS NOT NULL) f
      GROUP BY day`,
    actual: `SELECT day, sum(new_users) AS new_users, sum(new_enrollments) AS new_enrollments FROM system_daily GROUP BY day`,
  },
  {
    name: 'instructor_learners',
    keys: ['instructor_id', 'student_id'],
    columns: ['enrollments'],
    expected: `SELECT c.instructor_id, e.student_id, count(*) AS enrollments
      FROM enrollments e JOIN courses c ON c.course_id = e.course_id WHERE c.instructor_id IS NOT NULL GROUP BY 1, 2`,
    actual: `SELECT instructor_id, student_id, enrollments FROM instructor_learners`,
  },
  {
    name: 'instructor_stats',
    keys: ['instructor_id'],
    columns: ['learners'],
    expected: `SELECT c.instructor_id, count(DISTINCT e.student_id) AS learners
      FROM enrollments e JOIN courses c ON c.course_id = e.course_id WHERE c.instructor_id IS NOT NULL GROUP BY 1`,
    actual: `SELECT instructor_id, learners FROM instructor_stats`,
  },
  {
    name: 'course_pairs',
    keys: ['course_id', 'other_course_id'],
    columns: ['students'],
    expected: `SELECT a.course_id, b.course_id AS other_course_id, count(DISTINCT a.student_id) AS students
      FROM enrollments a JOIN enrollments b ON b.student_id = a.student_id AND b.course_id <> a.course_id
      GROUP BY a.course_id, b.course_id`,
    actual: `SELECT course_id, other_course_id, students FROM course_pairs`,
  },
  {
    name: 'enrollment_lessons',
    keys: ['enrollment_id'],
    columns: ['lessons_completed', 'time_spent_seconds'],
    expected: `SELECT enrollment_id, count(completed_at) AS lessons_completed, sum(time_spent_seconds) AS time_spent_seconds FROM lesson_progress GROUP BY enrollment_id`,
    actual: `SELECT enrollment_id, lessons_completed, time_spent_seconds FROM enrollments`,
  },
];

/** The recount (`expected`) query of the check named `name`: what the aggregate table should hold (the bench loader fills aggregates with it). */
export function recountQuery(name: string): string {
  const check = CHECKS.find((c) => c.name === name);
  if (!check) throw new Error(`no recount check named ${name}`);
  return check.expected;
}

export interface AggregateMismatch {
  check: string;
  key: Record<string, unknown>;
  expected: Record<string, unknown> | null;
  actual: Record<string, unknown> | null;
}

/**
 * Recounts every aggregate from the fact rows (full scans: for rebuild checks and tests, never on a request
 * path) and lists the rows that differ (missing rows count as zeros).
 */
export class RecountRepository {
  constructor(protected readonly sql: SqlSession) {}

  async mismatches(limitPerCheck = 20): Promise<AggregateMismatch[]> {
    const out: AggregateMismatch[] = [];
    for (const check of CHECKS) {
      const zero = (side: string) => check.columns.map((c) => `COALESCE(${side}.${c}, 0)`).join(', ');
      const rows = await this.sql.query<{ key: Record<string, unknown>; expected: Record<string, unknown> | null; actual: Record<string, unknown> | null }>(
        `WITH e AS (${check.expected}), a AS (${check.actual})
         SELECT jsonb_build_object(${check.keys.map((k) => `'${k}', ${k}`).join(', ')}) AS key,
           CASE WHEN e IS NULL THEN NULL ELSE to_jsonb(e) END AS expected, CASE WHEN a IS NULL THEN NULL ELSE to_jsonb(a) END AS actual
         FROM e FULL JOIN a USING (${check.keys.join(', ')})
         WHERE (${zero('e')}) IS DISTINCT FROM (${zero('a')})
         LIMIT ${Math.max(1, Math.floor(limitPerCheck))}`,
        { type: QueryTypes.SELECT },
      );
      out.push(...rows.map((r) => ({ check: check.name, key: r.key, expected: r.expected, actual: r.actual })));
    }
    return out;
  }
}

import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import { delta, type AggregateTable, type Contribution } from '../domain/contributions';
import { SqlBatch } from './sql-batch';

/** The primary key of each aggregate table (the upsert's conflict target), in lock order. */
const KEYS: Record<AggregateTable, string[]> = {
  course_stats: ['course_id'],
  lesson_stats: ['lesson_id'],
  quiz_stats: ['quiz_id'],
  question_stats: ['question_id'],
  student_daily: ['student_id', 'day'],
  course_daily: ['course_id', 'day'],
  system_daily: ['day', 'shard'],
};
/** Tables are always changed in this order (and rows of one table in key order), so handlers do not deadlock. */
const ORDER: AggregateTable[] = ['course_stats', 'lesson_stats', 'quiz_stats', 'question_stats', 'student_daily', 'course_daily', 'system_daily'];
const CAST: Record<string, string> = { day: 'date', shard: 'smallint', course_id: 'uuid', lesson_id: 'uuid', quiz_id: 'uuid', question_id: 'uuid', student_id: 'uuid' };
const COLUMN = /^[a-z_][a-z0-9_]*$/;
const RATING = /^rating_([1-5])$/;

/** Aggregates kept by deltas (`contribution(after) − contribution(before)`), and the co-enrolment pairs. */
export class AggregateRepository {
  constructor(protected readonly sql: SqlSession) {}

  /** Adds the amounts to their aggregate rows (created when missing), in one statement. */
  async add(deltas: Contribution[]): Promise<void> {
    const batch = new SqlBatch();
    this.addTo(batch, deltas);
    await batch.run(this.sql);
  }

  /** Runs a batch of writes built by the repositories' `…To(batch)` methods (one round trip). */
  async run(batch: SqlBatch): Promise<void> {
    await batch.run(this.sql);
  }

  /**
   * Adds to `batch` one upsert per aggregate row (tables in a fixed order, rows in key order, amounts of one
   * row merged). `activeDays`: days of activity of an enrolment, recorded in enrollment_days; each day that is
   * new there counts one active learner of the course that day (course_daily), decided in the same statement.
   */
  addTo(batch: SqlBatch, deltas: Contribution[], activeDays?: { enrollmentId: string; courseId: string; days: string[] }): void {
    const rows: (Contribution & { exprs?: Record<string, string> })[] = delta([], deltas);
    if (activeDays && activeDays.days.length > 0) {
      const days = [...new Set(activeDays.days)].sort();
      const inserted = batch.add(
        `INSERT INTO enrollment_days (enrollment_id, day)
         SELECT ${batch.param(activeDays.enrollmentId, 'uuid')}, d FROM unnest(${batch.param(days, 'date[]')}) AS d ORDER BY d
         ON CONFLICT DO NOTHING RETURNING day`,
      );
      for (const day of days) {
        const key = { course_id: activeDays.courseId, day };
        let row = rows.find((r) => r.table === 'course_daily' && r.key.course_id === key.course_id && r.key.day === day);
        if (!row) {
          row = { table: 'course_daily', key, values: {} };
          rows.push(row);
        }
        row.exprs = { active_learners: `(SELECT count(*) FROM ${inserted} WHERE day = ${batch.param(day, 'date')})::int` };
      }
    }
    rows.sort((a, b) => ORDER.indexOf(a.table) - ORDER.indexOf(b.table) || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
    for (const d of rows) {
      const keys = KEYS[d.table];
      const columns: string[] = [];
      const values: string[] = [];
      const sets: string[] = [];
      for (const column of keys) {
        columns.push(column);
        values.push(batch.param(d.key[column], CAST[column]));
      }
      for (const [column, value] of Object.entries(d.attrs ?? {})) {
        if (!COLUMN.test(column)) throw new Error(`bad column ${column}`);
        columns.push(column);
        values.push(batch.param(value, CAST[column]));
      }
      const ratings: number[] = [0, 0, 0, 0, 0];
      let hasRatings = false;
      const amounts: [string, string][] = Object.entries(d.values).flatMap(([column, amount]): [string, string][] => {
        const rating = RATING.exec(column);
        if (rating) {
          ratings[Number(rating[1]) - 1] = amount;
          hasRatings = true;
          return [];
        }
        return [[column, batch.param(amount)]];
      });
      for (const [column, expr] of Object.entries(d.exprs ?? {})) amounts.push([column, expr]);
      for (const [column, value] of amounts) {
        if (!COLUMN.test(column)) throw new Error(`bad column ${column}`);
        columns.push(column);
        values.push(value);
        sets.push(`${column} = ${d.table}.${column} + EXCLUDED.${column}`);
      }
      if (hasRatings) {
        columns.push('ratings');
        values.push(batch.param(ratings, 'smallint[]'));
        sets.push(`ratings = ARRAY[${ratings.map((_, i) => `${d.table}.ratings[${i + 1}] + EXCLUDED.ratings[${i + 1}]`).join(', ')}]::smallint[]`);
      }
      batch.add(
        `INSERT INTO ${d.table} (${columns.join(', ')}) VALUES (${values.join(', ')})
         ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sets.join(', ')}`,
      );
    }
  }

  /**
   * Serializes, per student, the steps that read rows other transactions of the same student create: the
   * co-enrolment pairs and the quiz activity of a new enrolment row (transaction-level advisory lock,
   * re-entrant, released at commit).
   */
  async lockStudent(studentId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended($studentId::text, 13))`, { bind: { studentId }, type: QueryTypes.SELECT });
  }

  /**
   * A new enrolment of `studentId` in `courseId`: +1 to (course, other) and (other, course) for every other
   * course the student is enrolled in. Serialized per student (transaction-level advisory lock, taken before
   * reading), so of two enrolments of one student created at the same time exactly one counts their pair.
   */
  async addCoursePairs(studentId: string, courseId: string): Promise<void> {
    await this.lockStudent(studentId);
    await this.sql.query(
      `INSERT INTO course_pairs (course_id, other_course_id, students)
       SELECT x.a, x.b, 1
       FROM (SELECT DISTINCT course_id AS other FROM enrollments WHERE student_id = $studentId AND course_id <> $courseId) e
       CROSS JOIN LATERAL (VALUES ($courseId::uuid, e.other), (e.other, $courseId::uuid)) AS x(a, b)
       ORDER BY 1, 2
       ON CONFLICT (course_id, other_course_id) DO UPDATE SET students = course_pairs.students + 1`,
      { bind: { studentId, courseId } },
    );
  }

  /**
   * A new enrolment of `studentId` in `courseId`: one more enrolment of the learner with the course's instructor
   * (instructor_learners; a first one adds a learner to instructor_stats) — once the course's enrolments are counted
   * (`learners_counted`). Under the course's shared advisory lock: `countCourseLearners` takes it exclusively, so
   * each enrolment is counted by exactly one of the two, whatever the order in which they commit.
   */
  async addInstructorLearner(studentId: string, courseId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($courseId::text, 29))`, { bind: { courseId }, type: QueryTypes.SELECT });
    await this.sql.query(
      `WITH course AS (SELECT instructor_id FROM courses WHERE course_id = $courseId AND learners_counted),
       learner AS (
         INSERT INTO instructor_learners (instructor_id, student_id, enrollments) SELECT instructor_id, $studentId, 1 FROM course
         ON CONFLICT (instructor_id, student_id) DO UPDATE SET enrollments = instructor_learners.enrollments + 1
         RETURNING instructor_id, (xmax = 0) AS inserted)
       INSERT INTO instructor_stats (instructor_id, learners) SELECT instructor_id, 1 FROM learner WHERE inserted
       ON CONFLICT (instructor_id) DO UPDATE SET learners = instructor_stats.learners + 1`,
      { bind: { studentId, courseId } },
    );
  }

  /**
   * The course's instructor is known: the first time, mark it counted and count the enrolments that arrived
   * before (one statement per step; nothing when already counted). Exclusive per-course advisory lock, see
   * `addInstructorLearner`.
   */
  async countCourseLearners(courseId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended($courseId::text, 29))`, { bind: { courseId }, type: QueryTypes.SELECT });
    await this.sql.query(
      `WITH course AS (
         UPDATE courses SET learners_counted = true
          WHERE course_id = $courseId AND instructor_id IS NOT NULL AND NOT learners_counted
         RETURNING instructor_id),
       learner AS (
         INSERT INTO instructor_learners (instructor_id, student_id, enrollments)
         SELECT course.instructor_id, e.student_id, count(*) FROM course JOIN enrollments e ON e.course_id = $courseId
          GROUP BY 1, 2 ORDER BY 1, 2
         ON CONFLICT (instructor_id, student_id) DO UPDATE SET enrollments = instructor_learners.enrollments + EXCLUDED.enrollments
         RETURNING instructor_id, (xmax = 0) AS inserted)
       INSERT INTO instructor_stats (instructor_id, learners)
       SELECT instructor_id, count(*) FROM learner WHERE inserted GROUP BY instructor_id
       ON CONFLICT (instructor_id) DO UPDATE SET learners = instructor_stats.learners + EXCLUDED.learners`,
      { bind: { courseId } },
    );
  }
}

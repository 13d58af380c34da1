import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import { delta, type AggregateTable, type Contribution } from '../domain/contributions';

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

  /**
   * Adds the amounts to their aggregate rows (created when missing) in ONE statement: one upsert per
   * row as data-modifying CTEs, tables in a fixed order and rows in key order.
   */
  async add(deltas: Contribution[]): Promise<void> {
    // One upsert per aggregate row (a statement may not change a row twice): merge amounts of the same row.
    const sorted = delta([], deltas).sort(
      (a, b) => ORDER.indexOf(a.table) - ORDER.indexOf(b.table) || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)),
    );
    const bind: Record<string, unknown> = {};
    let n = 0;
    const param = (value: unknown, cast?: string) => {
      const name = `p${n++}`;
      bind[name] = value;
      return cast ? `$${name}::${cast}` : `$${name}`;
    };
    if (sorted.length === 0) return;
    const statements = sorted.map((d) => {
      const keys = KEYS[d.table];
      const columns: string[] = [];
      const values: string[] = [];
      const sets: string[] = [];
      for (const column of keys) {
        columns.push(column);
        values.push(param(d.key[column], CAST[column]));
      }
      for (const [column, value] of Object.entries(d.attrs ?? {})) {
        if (!COLUMN.test(column)) throw new Error(`bad column ${column}`);
        columns.push(column);
        values.push(param(value, CAST[column]));
      }
      const ratings: number[] = [0, 0, 0, 0, 0];
      let hasRatings = false;
      for (const [column, amount] of Object.entries(d.values)) {
        const rating = RATING.exec(column);
        if (rating) {
          ratings[Number(rating[1]) - 1] = amount;
          hasRatings = true;
          continue;
        }
        if (!COLUMN.test(column)) throw new Error(`bad column ${column}`);
        columns.push(column);
        values.push(param(amount));
        sets.push(`${column} = ${d.table}.${column} + EXCLUDED.${column}`);
      }
      if (hasRatings) {
        columns.push('ratings');
        values.push(param(ratings, 'smallint[]'));
        sets.push(`ratings = ARRAY[${ratings.map((_, i) => `${d.table}.ratings[${i + 1}] + EXCLUDED.ratings[${i + 1}]`).join(', ')}]::smallint[]`);
      }
      return `INSERT INTO ${d.table} (${columns.join(', ')}) VALUES (${values.join(', ')})
        ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
    });
    if (statements.length === 1) {
      await this.sql.query(statements[0], { bind });
      return;
    }
    const ctes = statements.map((s, i) => `d${i} AS (${s} RETURNING 1)`);
    await this.sql.query(`WITH ${ctes.join(',\n')} SELECT ${statements.map((_, i) => `(SELECT count(*) FROM d${i})`).join(' + ')}`, {
      bind,
      type: QueryTypes.SELECT,
    });
  }

  /**
   * A new enrolment of `studentId` in `courseId`: +1 to (course, other) and (other, course) for every other
   * course the student is enrolled in. Serialized per student (transaction-level advisory lock, taken before
   * reading), so of two enrolments of one student created at the same time exactly one counts their pair.
   */
  async addCoursePairs(studentId: string, courseId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended($studentId::text, 13))`, { bind: { studentId }, type: QueryTypes.SELECT });
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
}

import type { SqlSession } from '@lms/kit/db';
import { LISTED_COURSE, ReadSql, displayName, num, numOrNull, text, time, type Row } from './figures-sql';

export interface StudentTotals {
  total: number;
  active: number;
  completed: number;
  averageActiveProgress: number | null;
  timeSpentSeconds: number;
  lessonsCompleted: number;
  quizzesTaken: number;
  quizzesPassed: number;
  averageQuizScore: number | null;
}

export interface StudentEnrollmentRow {
  enrollmentId: string;
  courseId: string;
  courseTitle: string;
  status: string;
  enrolledAt: Date | null;
  progress: number;
  completedLessons: number;
  totalLessons: number;
  timeSpentSeconds: number;
  lastActivityAt: Date | null;
  quizzesTaken: number;
  averageQuizScore: number | null;
}

export interface StudentDayRow {
  day: string;
  lessonsCompleted: number;
  timeSpentSeconds: number;
  quizzesTaken: number;
}

export interface RecommendationRow {
  courseId: string;
  title: string;
  instructorName: string;
  studentsInCommon: number;
  enrollments: number;
  ratingSum: number;
  ratingCount: number;
}

/** Learner figures: index ranges of one student (enrollments, attempts, student_daily, lesson_progress). */
export class StudentFiguresRepository {
  private readonly q: ReadSql;

  constructor(sql: SqlSession) {
    this.q = new ReadSql(sql);
  }

  /** The name to show for a user ("" unknown, "Deleted user"). */
  async userName(userId: string): Promise<string> {
    return displayName(await this.q.one('SELECT full_name, deleted_at FROM users WHERE user_id = :userId', { userId }));
  }

  /** Names of several users at once (missing ones are absent from the map). */
  async userNames(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.q.rows<Row>('SELECT user_id, full_name, deleted_at FROM users WHERE user_id IN (:userIds)', { userIds: [...new Set(userIds)] });
    return new Map(rows.map((r) => [text(r.user_id), displayName(r)]));
  }

  async totals(studentId: string): Promise<StudentTotals> {
    const [e, a] = await Promise.all([
      this.q.one<Row>(
        `SELECT count(*) AS total,
                count(*) FILTER (WHERE e.status = 'active') AS active,
                count(*) FILTER (WHERE e.status = 'completed') AS completed,
                avg(e.progress_percentage) FILTER (WHERE e.status = 'active') AS avg_progress,
                coalesce(sum(e.time_spent_seconds), 0) AS seconds,
                coalesce(sum(e.lessons_completed), 0) AS lessons
           FROM enrollments e LEFT JOIN courses c ON c.course_id = e.course_id
          WHERE e.student_id = :studentId AND c.deleted_at IS NULL`,
        { studentId },
      ),
      this.q.one<Row>(
        `SELECT count(*) AS taken, count(*) FILTER (WHERE a.passed) AS passed, avg(a.percentage) AS average
           FROM attempts a LEFT JOIN courses c ON c.course_id = a.course_id
          WHERE a.student_id = :studentId AND a.percentage IS NOT NULL AND c.deleted_at IS NULL`,
        { studentId },
      ),
    ]);
    return {
      total: num(e?.total),
      active: num(e?.active),
      completed: num(e?.completed),
      averageActiveProgress: numOrNull(e?.avg_progress),
      timeSpentSeconds: num(e?.seconds),
      lessonsCompleted: num(e?.lessons),
      quizzesTaken: num(a?.taken),
      quizzesPassed: num(a?.passed),
      averageQuizScore: numOrNull(a?.average),
    };
  }

  /** Every enrolment of the student (deleted courses left out), newest first, with its graded attempts. */
  async enrollments(studentId: string): Promise<StudentEnrollmentRow[]> {
    const rows = await this.q.rows<Row>(
      `SELECT e.enrollment_id, e.course_id, c.title, e.status, e.enrolled_at, e.progress_percentage, e.completed_lessons,
              CASE WHEN e.progress_version < 0 THEN COALESCE(c.countable_lessons, 0) ELSE e.total_lessons END AS total_lessons, e.time_spent_seconds, e.last_activity_at, q.taken, q.average
         FROM enrollments e
         LEFT JOIN courses c ON c.course_id = e.course_id
         LEFT JOIN LATERAL (
           SELECT count(*) AS taken, avg(a.percentage) AS average FROM attempts a
            WHERE a.course_id = e.course_id AND a.student_id = e.student_id AND a.percentage IS NOT NULL) q ON true
        WHERE e.student_id = :studentId AND c.deleted_at IS NULL
        ORDER BY e.enrolled_at DESC NULLS LAST, e.enrollment_id`,
      { studentId },
    );
    return rows.map((r) => ({
      enrollmentId: text(r.enrollment_id),
      courseId: text(r.course_id),
      courseTitle: text(r.title),
      status: text(r.status),
      enrolledAt: time(r.enrolled_at),
      progress: num(r.progress_percentage),
      completedLessons: num(r.completed_lessons),
      totalLessons: num(r.total_lessons),
      timeSpentSeconds: num(r.time_spent_seconds),
      lastActivityAt: time(r.last_activity_at),
      quizzesTaken: num(r.taken),
      averageQuizScore: numOrNull(r.average),
    }));
  }

  /** student_daily rows from `fromDay` on (inclusive). */
  async days(studentId: string, fromDay: string): Promise<StudentDayRow[]> {
    const rows = await this.q.rows<Row>(
      `SELECT day::text AS day, lessons_completed, time_spent_seconds, quizzes_taken FROM student_daily
        WHERE student_id = :studentId AND day >= :fromDay::date ORDER BY day`,
      { studentId, fromDay },
    );
    return rows.map((r) => ({
      day: text(r.day),
      lessonsCompleted: num(r.lessons_completed),
      timeSpentSeconds: num(r.time_spent_seconds),
      quizzesTaken: num(r.quizzes_taken),
    }));
  }

  /** Completed enrolments (first completion time) of courses not deleted. */
  async completions(studentId: string): Promise<{ courseId: string; courseTitle: string; at: Date }[]> {
    const rows = await this.q.rows<Row>(
      `SELECT e.course_id, c.title, e.completed_at FROM enrollments e LEFT JOIN courses c ON c.course_id = e.course_id
        WHERE e.student_id = :studentId AND e.completed_at IS NOT NULL AND c.deleted_at IS NULL`,
      { studentId },
    );
    return rows.map((r) => ({ courseId: text(r.course_id), courseTitle: text(r.title), at: time(r.completed_at)! }));
  }

  /** Certificates issued and not revoked. */
  async certificates(studentId: string): Promise<{ courseId: string; courseTitle: string; number: string; at: Date }[]> {
    const rows = await this.q.rows<Row>(
      `SELECT k.course_id, c.title, k.certificate_number, k.issued_at FROM certificates k LEFT JOIN courses c ON c.course_id = k.course_id
        WHERE k.student_id = :studentId AND k.issued_at IS NOT NULL AND k.revoked_at IS NULL`,
      { studentId },
    );
    return rows.map((r) => ({ courseId: text(r.course_id), courseTitle: text(r.title), number: text(r.certificate_number), at: time(r.issued_at)! }));
  }

  /** For each milestone n reached: the completion time of the student's n-th completed lesson. */
  async lessonMilestones(studentId: string, milestones: readonly number[]): Promise<{ value: number; at: Date }[]> {
    const rows = await this.q.rows<Row>(
      `SELECT m.n, (SELECT p.completed_at FROM lesson_progress p
                     WHERE p.student_id = :studentId AND p.completed_at IS NOT NULL
                     ORDER BY p.completed_at, p.lesson_id OFFSET m.n - 1 LIMIT 1) AS at
         FROM unnest(ARRAY[:milestones]::int[]) AS m(n)`,
      { studentId, milestones: [...milestones] },
    );
    return rows.filter((r) => r.at).map((r) => ({ value: num(r.n), at: time(r.at)! }));
  }

  /** The first 100 % graded attempt of each quiz. */
  async perfectQuizzes(studentId: string): Promise<{ courseId: string; courseTitle: string; quizTitle: string; at: Date }[]> {
    const rows = await this.q.rows<Row>(
      `SELECT DISTINCT ON (a.quiz_id) a.quiz_id, a.course_id, c.title AS course_title,
              COALESCE(NULLIF(q.title, ''), l.title, '') AS quiz_title, coalesce(a.submitted_at, a.graded_at) AS at
         FROM attempts a LEFT JOIN quizzes q ON q.quiz_id = a.quiz_id LEFT JOIN courses c ON c.course_id = a.course_id
         LEFT JOIN lessons l ON l.lesson_id = COALESCE(q.lesson_id, a.lesson_id)
        WHERE a.student_id = :studentId AND a.percentage >= 100 AND c.deleted_at IS NULL
        ORDER BY a.quiz_id, coalesce(a.submitted_at, a.graded_at), a.attempt_id`,
      { studentId },
    );
    return rows.map((r) => ({ courseId: text(r.course_id), courseTitle: text(r.course_title), quizTitle: text(r.quiz_title), at: time(r.at)! }));
  }

  /**
   * Courses taken by learners of the student's courses ("also taken"), listed, not deleted, not the student's,
   * ranked by learners in common then enrolments; at most `limit`.
   */
  async alsoTaken(studentId: string, limit: number): Promise<RecommendationRow[]> {
    const rows = await this.q.rows<Row>(
      `WITH mine AS (SELECT DISTINCT course_id FROM enrollments WHERE student_id = :studentId),
            ranked AS (
              SELECT p.other_course_id AS course_id, sum(p.students) AS common
                FROM course_pairs p JOIN mine m ON m.course_id = p.course_id
               WHERE p.students > 0 AND p.other_course_id NOT IN (SELECT course_id FROM mine)
               GROUP BY p.other_course_id)
       SELECT c.course_id, c.title, u.full_name, u.deleted_at, r.common, cs.enrollments, cs.rating_sum, cs.rating_count
         FROM ranked r JOIN courses c ON c.course_id = r.course_id
         LEFT JOIN course_stats cs ON cs.course_id = c.course_id
         LEFT JOIN users u ON u.user_id = c.instructor_id
        WHERE ${LISTED_COURSE}
        ORDER BY r.common DESC, coalesce(cs.enrollments, 0) DESC, c.course_id
        LIMIT :limit`,
      { studentId, limit },
    );
    return rows.map(recommendation);
  }

  /** The most enrolled listed courses the student is not enrolled in, leaving out `exclude`. */
  async popularFor(studentId: string, exclude: string[], limit: number): Promise<RecommendationRow[]> {
    if (limit <= 0) return [];
    const rows = await this.q.rows<Row>(
      `SELECT c.course_id, c.title, u.full_name, u.deleted_at, 0 AS common, cs.enrollments, cs.rating_sum, cs.rating_count
         FROM course_stats cs JOIN courses c ON c.course_id = cs.course_id
         LEFT JOIN users u ON u.user_id = c.instructor_id
        WHERE ${LISTED_COURSE}
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.student_id = :studentId AND e.course_id = c.course_id)
          AND c.course_id NOT IN (:exclude)
        ORDER BY cs.active + cs.completed DESC, cs.enrollments DESC, c.course_id
        LIMIT :limit`,
      { studentId, exclude: exclude.length ? exclude : ['00000000-0000-0000-0000-000000000000'], limit },
    );
    return rows.map(recommendation);
  }
}

function recommendation(r: Row): RecommendationRow {
  return {
    courseId: text(r.course_id),
    title: text(r.title),
    instructorName: displayName(r),
    studentsInCommon: num(r.common),
    enrollments: num(r.enrollments),
    ratingSum: num(r.rating_sum),
    ratingCount: num(r.rating_count),
  };
}

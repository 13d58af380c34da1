import type { SqlSession } from '@lms/kit/db';
import { statsOf, type CourseStatsRow } from './course-figures.repository';
import { LISTED_COURSE, PUBLISHED_LESSON, ReadSql, displayName, num, text, time, type Row } from './figures-sql';

export interface InstructorCourseRow {
  courseId: string;
  title: string;
  isPublished: boolean;
  currency: string;
  stats: CourseStatsRow;
}

export interface RecentEnrollmentRow {
  studentName: string;
  courseId: string;
  courseTitle: string;
  at: Date;
}

export interface RecentReviewRow extends RecentEnrollmentRow {
  rating: number;
  review: string;
}

export interface OverviewRow {
  users: number;
  students: number;
  instructors: number;
  courses: number;
  publishedCourses: number;
  enrollments: number;
  activeEnrollments: number;
  lessons: number;
  quizzes: number;
  attempts: number;
}

export interface PopularCourseRow {
  courseId: string;
  title: string;
  instructorName: string;
  withAccess: number;
  stats: CourseStatsRow;
}

/** Instructor and platform figures: aggregates (course_stats, system_daily) and per-course index ranges. */
export class PlatformFiguresRepository {
  private readonly q: ReadSql;

  constructor(sql: SqlSession) {
    this.q = new ReadSql(sql);
  }

  /** The instructor's courses (not deleted), newest first, with their stats. */
  async instructorCourses(instructorId: string): Promise<InstructorCourseRow[]> {
    const rows = await this.q.rows<Row>(
      `SELECT cs.*, c.course_id, c.title, c.is_published, c.is_archived, c.currency
         FROM courses c LEFT JOIN course_stats cs ON cs.course_id = c.course_id
        WHERE c.instructor_id = :instructorId AND c.deleted_at IS NULL
        ORDER BY c.created_at DESC NULLS LAST, c.course_id`,
      { instructorId },
    );
    return rows.map((r) => ({
      courseId: text(r.course_id),
      title: text(r.title),
      isPublished: Boolean(r.is_published) && !r.is_archived,
      currency: text(r.currency),
      stats: statsOf(r.enrollments === null || r.enrollments === undefined ? null : r),
    }));
  }

  /** Distinct learners over the instructor's courses (instructor_stats, kept as enrolments arrive). */
  async distinctLearners(instructorId: string): Promise<number> {
    const r = await this.q.one<Row>('SELECT learners FROM instructor_stats WHERE instructor_id = :instructorId', { instructorId });
    return num(r?.learners);
  }

  /** The newest `limit` enrolments over the given courses (the newest of each course's index, merged). */
  async recentEnrollments(courseIds: string[], limit: number): Promise<RecentEnrollmentRow[]> {
    if (courseIds.length === 0) return [];
    const rows = await this.q.rows<Row>(
      `SELECT x.student_id, x.course_id, c.title, x.enrolled_at, u.full_name, u.deleted_at
         FROM unnest(ARRAY[:courseIds]::uuid[]) AS ids(course_id)
         CROSS JOIN LATERAL (
           SELECT e.student_id, e.course_id, e.enrolled_at, e.enrollment_id FROM enrollments e
            WHERE e.course_id = ids.course_id AND e.enrolled_at IS NOT NULL
            ORDER BY e.enrolled_at DESC LIMIT :limit) x
         JOIN courses c ON c.course_id = x.course_id
         LEFT JOIN users u ON u.user_id = x.student_id
        ORDER BY x.enrolled_at DESC, x.enrollment_id LIMIT :limit`,
      { courseIds, limit },
    );
    return rows.map((r) => ({ studentName: displayName(r), courseId: text(r.course_id), courseTitle: text(r.title), at: time(r.enrolled_at)! }));
  }

  /** The newest `limit` ratings over the given courses. */
  async recentReviews(courseIds: string[], limit: number): Promise<RecentReviewRow[]> {
    if (courseIds.length === 0) return [];
    const rows = await this.q.rows<Row>(
      `SELECT x.student_id, x.course_id, c.title, x.reviewed_at, x.rating, x.review, u.full_name, u.deleted_at
         FROM unnest(ARRAY[:courseIds]::uuid[]) AS ids(course_id)
         CROSS JOIN LATERAL (
           SELECT e.student_id, e.course_id, e.reviewed_at, e.rating, e.review, e.enrollment_id FROM enrollments e
            WHERE e.course_id = ids.course_id AND e.reviewed_at IS NOT NULL AND e.rating IS NOT NULL
            ORDER BY e.reviewed_at DESC LIMIT :limit) x
         JOIN courses c ON c.course_id = x.course_id
         LEFT JOIN users u ON u.user_id = x.student_id
        ORDER BY x.reviewed_at DESC, x.enrollment_id LIMIT :limit`,
      { courseIds, limit },
    );
    return rows.map((r) => ({
      studentName: displayName(r),
      courseId: text(r.course_id),
      courseTitle: text(r.title),
      at: time(r.reviewed_at)!,
      rating: num(r.rating),
      review: text(r.review),
    }));
  }

  async overview(): Promise<OverviewRow> {
    const r = await this.q.one<Row>(
      `SELECT
         u.users, u.students, u.instructors,
         (SELECT count(*) FROM courses c WHERE c.deleted_at IS NULL) AS courses,
         (SELECT count(*) FROM courses c WHERE ${LISTED_COURSE}) AS published_courses,
         (SELECT coalesce(sum(cs.enrollments), 0) FROM course_stats cs JOIN courses c ON c.course_id = cs.course_id WHERE c.deleted_at IS NULL) AS enrollments,
         (SELECT coalesce(sum(cs.active), 0) FROM course_stats cs JOIN courses c ON c.course_id = cs.course_id WHERE c.deleted_at IS NULL) AS active,
         (SELECT count(*) FROM lessons l JOIN courses c ON c.course_id = l.course_id WHERE ${PUBLISHED_LESSON} AND c.deleted_at IS NULL) AS lessons,
         (SELECT count(*) FROM quizzes q JOIN courses c ON c.course_id = q.course_id WHERE q.is_published AND c.deleted_at IS NULL) AS quizzes,
         (SELECT coalesce(sum(attempts), 0) FROM quiz_stats) AS attempts
         FROM (SELECT count(*) AS users, count(*) FILTER (WHERE role = 'student') AS students,
                      count(*) FILTER (WHERE role = 'instructor') AS instructors
                 FROM users WHERE deleted_at IS NULL) u`,
    );
    return {
      users: num(r?.users),
      students: num(r?.students),
      instructors: num(r?.instructors),
      courses: num(r?.courses),
      publishedCourses: num(r?.published_courses),
      enrollments: num(r?.enrollments),
      activeEnrollments: num(r?.active),
      lessons: num(r?.lessons),
      quizzes: num(r?.quizzes),
      attempts: num(r?.attempts),
    };
  }

  /** system_daily summed over shards from `fromDay` on, and the totals before it. */
  async systemDays(fromDay: string): Promise<{ rows: { day: string; users: number; enrollments: number }[]; before: { users: number; enrollments: number } }> {
    const [rows, before] = await Promise.all([
      this.q.rows<Row>(
        `SELECT day::text AS day, sum(new_users) AS users, sum(new_enrollments) AS enrollments FROM system_daily
          WHERE day >= :fromDay::date GROUP BY day ORDER BY day`,
        { fromDay },
      ),
      this.q.one<Row>(
        `SELECT coalesce(sum(new_users), 0) AS users, coalesce(sum(new_enrollments), 0) AS enrollments FROM system_daily WHERE day < :fromDay::date`,
        { fromDay },
      ),
    ]);
    return {
      rows: rows.map((r) => ({ day: text(r.day), users: num(r.users), enrollments: num(r.enrollments) })),
      before: { users: num(before?.users), enrollments: num(before?.enrollments) },
    };
  }

  /** Listed courses by enrolments with access (active + completed), then all enrolments. */
  async popularCourses(limit: number): Promise<PopularCourseRow[]> {
    const rows = await this.q.rows<Row>(
      `SELECT cs.*, c.course_id, c.title, u.full_name, u.deleted_at
         FROM course_stats cs JOIN courses c ON c.course_id = cs.course_id
         LEFT JOIN users u ON u.user_id = c.instructor_id
        WHERE ${LISTED_COURSE}
        ORDER BY cs.active + cs.completed DESC, cs.enrollments DESC, c.course_id
        LIMIT :limit`,
      { limit },
    );
    return rows.map((r) => {
      const stats = statsOf(r);
      return { courseId: text(r.course_id), title: text(r.title), instructorName: displayName(r), withAccess: stats.active + stats.completed, stats };
    });
  }

  /**
   * Instructors by distinct learners over their courses (instructor_stats, kept as enrolments arrive), then courses
   * (not deleted), then id: one index range of the ranking plus the instructors tied with the last one.
   */
  async topInstructors(limit: number): Promise<{ instructorId: string; name: string; students: number; courses: number }[]> {
    const rows = await this.q.rows<Row>(
      `WITH ranked AS (
         SELECT s.instructor_id, s.learners FROM instructor_stats s
          WHERE s.learners >= COALESCE((SELECT learners FROM instructor_stats ORDER BY learners DESC, instructor_id LIMIT 1 OFFSET :last), 0))
       SELECT r.instructor_id, r.learners, count(c.course_id) AS courses, u.full_name, u.deleted_at
         FROM ranked r
         LEFT JOIN courses c ON c.instructor_id = r.instructor_id AND c.deleted_at IS NULL
         LEFT JOIN users u ON u.user_id = r.instructor_id
        GROUP BY r.instructor_id, r.learners, u.full_name, u.deleted_at
        ORDER BY r.learners DESC, count(c.course_id) DESC, r.instructor_id
        LIMIT :limit`,
      { limit, last: limit - 1 },
    );
    return rows.map((r) => ({ instructorId: text(r.instructor_id), name: displayName(r), students: num(r.learners), courses: num(r.courses) }));
  }

  /** Revenue by currency (list price at enrolment), paid and free enrolments over courses not deleted. */
  async revenue(): Promise<{ byCurrency: { currency: string; cents: number }[]; paid: number; free: number }> {
    const rows = await this.q.rows<Row>(
      `SELECT c.currency, sum(cs.revenue_cents) AS cents, sum(cs.paid_enrollments) AS paid, sum(cs.enrollments) AS enrollments
         FROM course_stats cs JOIN courses c ON c.course_id = cs.course_id
        WHERE c.deleted_at IS NULL GROUP BY c.currency ORDER BY c.currency`,
    );
    let paid = 0;
    let all = 0;
    for (const r of rows) {
      paid += num(r.paid);
      all += num(r.enrollments);
    }
    return { byCurrency: rows.filter((r) => num(r.cents) > 0).map((r) => ({ currency: text(r.currency), cents: num(r.cents) })), paid, free: all - paid };
  }
}

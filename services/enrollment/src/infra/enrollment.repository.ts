import { QueryTypes } from 'sequelize';
import { preparedStatement, type SqlSession } from '@lms/kit/db';
import type { CourseLesson } from '../domain/course';
import type { Enrollment, EnrollmentStatus } from '../domain/enrollment';
import { pgArray, toLesson, type LessonRow } from './course-model.repository';

interface EnrollmentRow {
  id: string;
  student_id: string;
  course_id: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  dropped_at: Date | null;
  reactivated_at: Date | null;
  last_accessed_at: Date;
  progress_percentage: number;
  completed_lessons_count: number;
  total_lessons_count: number;
  total_time_spent_seconds: string | number;
  rating: number | null;
  review: string;
  reviewed_at: Date | null;
  has_new_content: boolean;
  course_version: number;
  expires_at: Date | null;
  certificate_url: string | null;
  certificate_issued_at: Date | null;
}

export function toEnrollment(row: EnrollmentRow): Enrollment {
  return {
    id: row.id,
    studentId: row.student_id,
    courseId: row.course_id,
    status: row.status,
    enrolledAt: row.enrolled_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    droppedAt: row.dropped_at,
    reactivatedAt: row.reactivated_at,
    lastAccessedAt: row.last_accessed_at,
    progressPercentage: Number(row.progress_percentage),
    completedLessonsCount: row.completed_lessons_count,
    totalLessonsCount: row.total_lessons_count,
    totalTimeSpentSeconds: Number(row.total_time_spent_seconds),
    rating: row.rating,
    review: row.review,
    reviewedAt: row.reviewed_at,
    hasNewContent: row.has_new_content,
    courseVersion: row.course_version,
    expiresAt: row.expires_at ?? null,
    certificateUrl: row.certificate_url ?? null,
    certificateIssuedAt: row.certificate_issued_at ?? null,
  };
}

const COLUMNS = `id, student_id, course_id, status, enrolled_at, started_at, completed_at, dropped_at, reactivated_at,
  last_accessed_at, progress_percentage, completed_lessons_count, total_lessons_count, total_time_spent_seconds,
  rating, review, reviewed_at, has_new_content, course_version, expires_at`;
/** Read as well, written only by the certificate facts (recordCertificateIssued/Revoked), never by save(). */
const READ_COLUMNS = `${COLUMNS}, certificate_url, certificate_issued_at`;

/** The replacements of `ENROLLMENT_SET`. */
export function enrollmentValues(e: Enrollment): Record<string, unknown> {
  return {
    id: e.id,
    studentId: e.studentId,
    courseId: e.courseId,
    status: e.status,
    enrolledAt: e.enrolledAt,
    startedAt: e.startedAt,
    completedAt: e.completedAt,
    droppedAt: e.droppedAt,
    reactivatedAt: e.reactivatedAt,
    lastAccessedAt: e.lastAccessedAt,
    progress: e.progressPercentage,
    completed: e.completedLessonsCount,
    total: e.totalLessonsCount,
    timeSpent: e.totalTimeSpentSeconds,
    rating: e.rating,
    review: e.review,
    reviewedAt: e.reviewedAt,
    hasNewContent: e.hasNewContent,
    courseVersion: e.courseVersion,
    expiresAt: e.expiresAt,
  };
}

/**
 * What `save` writes of an enrolment (replacements: `enrollmentValues`, the row's id is `:id`); the completion's
 * own statement writes it too (LessonProgressRepository.complete).
 */
export const ENROLLMENT_SET = `status = :status, started_at = :startedAt, completed_at = :completedAt, dropped_at = :droppedAt,
  reactivated_at = :reactivatedAt, last_accessed_at = :lastAccessedAt, progress_percentage = :progress,
  completed_lessons_count = :completed, total_lessons_count = :total, total_time_spent_seconds = :timeSpent,
  rating = :rating, review = :review, reviewed_at = :reviewedAt, has_new_content = :hasNewContent,
  course_version = :courseVersion, expires_at = :expiresAt, updated_at = now()`;

export const COURSE_SORTS = ['progress_desc', 'progress_asc', 'last_accessed_desc', 'last_accessed_asc', 'enrolled_desc'] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

const SORT_SQL: Record<CourseSort, { column: string; dir: 'ASC' | 'DESC' }> = {
  progress_desc: { column: 'progress_percentage', dir: 'DESC' },
  progress_asc: { column: 'progress_percentage', dir: 'ASC' },
  last_accessed_desc: { column: 'last_accessed_at', dir: 'DESC' },
  last_accessed_asc: { column: 'last_accessed_at', dir: 'ASC' },
  enrolled_desc: { column: 'enrolled_at', dir: 'DESC' },
};

export interface CourseListQuery {
  courseId: string;
  status?: EnrollmentStatus;
  sort: CourseSort;
  page: number;
  pageSize: number;
  /** Keyset position: the sort value and id of the last row of the previous page. */
  after?: { value: string; id: string };
}

/** One rating of a course as the public sees it: no student id, no email. */
export interface ReviewRow {
  reviewerName: string;
  rating: number;
  review: string;
  reviewedAt: Date;
}

export interface CourseStatsRow {
  total: number;
  active: number;
  completed: number;
  dropped: number;
  expired: number;
  averageProgress: number;
  averageRating: number;
  ratingCount: number;
}

/** `lockWithLesson`'s statement: the first of every progress command, prepared (see `SqlSession.prepared`). */
const LOCK_WITH_LESSON = preparedStatement(
  'enrollment_lock_with_lesson',
  `SELECT ${READ_COLUMNS.split(',').map((c) => `e.${c.trim()}`).join(', ')},
     c.current_version AS c_current_version, v.total_countable AS c_total_countable,
     c.video_completion_threshold AS c_video_completion_threshold,
     cl.lesson_id AS l_lesson_id, cl.section_id AS l_section_id, cl.position AS l_position,
     cl.section_position AS l_section_position, cl.order_index AS l_order_index, cl.lesson_type AS l_lesson_type,
     cl.unlock_at AS l_unlock_at, cl.unlock_after_days AS l_unlock_after_days, cl.prerequisite AS l_prerequisite,
     cl.countable AS l_countable, cl.version AS l_version
   FROM enrollments e
   LEFT JOIN courses c ON c.course_id = e.course_id
   LEFT JOIN course_versions v ON v.course_id = c.course_id AND v.version = c.current_version
   LEFT JOIN course_lessons cl ON cl.course_id = e.course_id AND cl.version = e.course_version AND cl.lesson_id = :lessonId
   WHERE e.id = :enrollmentId
   FOR UPDATE OF e`,
);

/**
 * `findWithLessonAccess`'s statement (IsEnrolled, asked by quiz on every attempt start and submit): the
 * enrolment, and the lesson as the course's current version knows it (the version a progress write would
 * bring the enrolment to) with whether it is completed and its prerequisite lessons in course order with
 * theirs. Prepared (see `SqlSession.prepared`).
 */
const FIND_WITH_LESSON_ACCESS = preparedStatement(
  'enrollment_find_with_lesson_access',
  `SELECT ${READ_COLUMNS.split(',').map((c) => `e.${c.trim()}`).join(', ')},
     l.lesson_id AS l_lesson_id, l.section_id AS l_section_id, l.position AS l_position,
     l.section_position AS l_section_position, l.order_index AS l_order_index, l.lesson_type AS l_lesson_type,
     l.unlock_at AS l_unlock_at, l.unlock_after_days AS l_unlock_after_days, l.prerequisite AS l_prerequisite,
     l.countable AS l_countable, lp.completed_at IS NOT NULL AS l_completed,
     (SELECT json_agg(json_build_object('lesson_id', pl.lesson_id, 'completed', pp.completed_at IS NOT NULL) ORDER BY pl.position)
        FROM course_lessons pl
        LEFT JOIN lesson_progress pp ON pp.enrollment_id = e.id AND pp.lesson_id = pl.lesson_id
        WHERE pl.course_id = l.course_id AND pl.version = l.version
          AND ((l.prerequisite = 'previous_lesson' AND pl.position = l.position - 1)
            OR (l.prerequisite = 'previous_section' AND pl.section_position = l.section_position - 1))) AS l_prerequisites
   FROM enrollments e
   LEFT JOIN courses c ON c.course_id = e.course_id
   LEFT JOIN course_lessons l ON l.course_id = e.course_id AND l.lesson_id = :lessonId
     AND l.version = GREATEST(COALESCE(c.current_version, 0), e.course_version)
   LEFT JOIN lesson_progress lp ON lp.enrollment_id = e.id AND lp.lesson_id = l.lesson_id
   WHERE e.student_id = :studentId AND e.course_id = :courseId`,
);

/** A lesson as `findWithLessonAccess` reads it for its lock rules. */
export interface LessonAccessFacts {
  lesson: CourseLesson;
  completed: boolean;
  /** The prerequisite lessons (previous lesson, or every lesson of the previous section), in course order. */
  prerequisites: { lessonId: string; completed: boolean }[];
}

export class EnrollmentRepository {
  constructor(private readonly sql: SqlSession) {}

  private async one(sql: string, replacements: Record<string, unknown>): Promise<Enrollment | null> {
    const rows = await this.sql.query<EnrollmentRow>(sql, { type: QueryTypes.SELECT, replacements });
    return rows[0] ? toEnrollment(rows[0]) : null;
  }

  findById(id: string): Promise<Enrollment | null> {
    return this.one(`SELECT ${READ_COLUMNS} FROM enrollments WHERE id = :id`, { id });
  }

  /** The enrolment, its row locked until the unit of work ends (every change of it happens under this lock). */
  lockById(id: string): Promise<Enrollment | null> {
    return this.one(`SELECT ${READ_COLUMNS} FROM enrollments WHERE id = :id FOR UPDATE`, { id });
  }

  findByStudentCourse(studentId: string, courseId: string): Promise<Enrollment | null> {
    return this.one(`SELECT ${READ_COLUMNS} FROM enrollments WHERE student_id = :studentId AND course_id = :courseId`, { studentId, courseId });
  }

  /**
   * Like findByStudentCourse, with — when `lessonId` is given — what the lesson's lock rules need (null: the
   * course model does not know the lesson at the course's current version). One round trip.
   */
  async findWithLessonAccess(
    studentId: string,
    courseId: string,
    lessonId: string | null,
  ): Promise<{ enrollment: Enrollment; lesson: LessonAccessFacts | null } | null> {
    type Row = EnrollmentRow &
      Record<string, unknown> & { l_lesson_id: string | null; l_completed: boolean; l_prerequisites: { lesson_id: string; completed: boolean }[] | null };
    const [row] = await this.sql.prepared<Row>(FIND_WITH_LESSON_ACCESS, { studentId, courseId, lessonId });
    if (!row) return null;
    const lessonRow = Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => k.startsWith('l_'))
        .map(([k, value]) => [k.slice(2), value]),
    ) as unknown as LessonRow;
    return {
      enrollment: toEnrollment(row),
      lesson: row.l_lesson_id
        ? {
            lesson: toLesson(lessonRow),
            completed: row.l_completed,
            prerequisites: (row.l_prerequisites ?? []).map((p) => ({ lessonId: p.lesson_id, completed: p.completed })),
          }
        : null,
    };
  }

  /** Like findByStudentCourse, with the row locked until the unit of work ends. */
  lockByStudentCourse(studentId: string, courseId: string): Promise<Enrollment | null> {
    return this.one(`SELECT ${READ_COLUMNS} FROM enrollments WHERE student_id = :studentId AND course_id = :courseId FOR UPDATE`, { studentId, courseId });
  }

  /**
   * The hot path of every progress command, in ONE round trip: locks the enrolment row and reads the
   * course's current version (and its countable total) and the lesson as the enrolment's version knows it.
   */
  async lockWithLesson(
    enrollmentId: string,
    lessonId: string,
  ): Promise<{
    enrollment: Enrollment;
    course: { currentVersion: number; totalCountable: number; videoCompletionThreshold: number } | null;
    lesson: CourseLesson | null;
  } | null> {
    const rows = await this.sql.prepared<EnrollmentRow & Record<string, unknown>>(LOCK_WITH_LESSON, { enrollmentId, lessonId });
    const row = rows[0];
    if (!row) return null;
    const enrollment = toEnrollment(row);
    let lessonRow: LessonRow | undefined = Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => k.startsWith('l_'))
        .map(([k, value]) => [k.slice(2), value]),
    ) as unknown as LessonRow;
    // If the row lock had to wait for a recompute, PostgreSQL re-checks the locked row but the joined lesson
    // may belong to the version read before the wait: then read it again for the version now locked.
    if (!lessonRow.lesson_id || Number(row.l_version) !== enrollment.courseVersion) {
      [lessonRow] = await this.sql.query<LessonRow>(
        `SELECT lesson_id, section_id, position, section_position, order_index, lesson_type, unlock_at, unlock_after_days,
           prerequisite, countable FROM course_lessons WHERE course_id = :courseId AND version = :version AND lesson_id = :lessonId`,
        { type: QueryTypes.SELECT, replacements: { courseId: enrollment.courseId, version: enrollment.courseVersion, lessonId } },
      );
    }
    return {
      enrollment,
      course:
        row.c_current_version === null
          ? null
          : {
              currentVersion: Number(row.c_current_version),
              totalCountable: Number(row.c_total_countable ?? 0),
              videoCompletionThreshold: Number(row.c_video_completion_threshold),
            },
      lesson: lessonRow?.lesson_id ? toLesson(lessonRow) : null,
    };
  }

  /**
   * `certificate.issued`: shows the certificate unless a fact at least as new (its revocation) is recorded.
   * Returns whether the enrolment changed (false: unknown enrolment, or an older fact).
   */
  async recordCertificateIssued(enrollmentId: string, url: string, issuedAt: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE enrollments SET certificate_url = :url, certificate_issued_at = :issuedAt, certificate_fact_at = :issuedAt, updated_at = now()
       WHERE id = :enrollmentId AND (certificate_fact_at IS NULL OR certificate_fact_at < :issuedAt) RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { enrollmentId, url, issuedAt } },
    );
    return rows.length > 0;
  }

  /** `certificate.revoked`: clears the certificate unless a newer fact is recorded; returns whether it changed. */
  async recordCertificateRevoked(enrollmentId: string, revokedAt: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE enrollments SET certificate_url = NULL, certificate_issued_at = NULL, certificate_fact_at = :revokedAt, updated_at = now()
       WHERE id = :enrollmentId AND (certificate_fact_at IS NULL OR certificate_fact_at <= :revokedAt) RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { enrollmentId, revokedAt } },
    );
    return rows.length > 0;
  }

  /** Inserts unless (student, course) exists; returns whether it did. */
  async insert(e: Enrollment): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO enrollments (${COLUMNS})
       VALUES (:id, :studentId, :courseId, :status, :enrolledAt, :startedAt, :completedAt, :droppedAt, :reactivatedAt,
         :lastAccessedAt, :progress, :completed, :total, :timeSpent, :rating, :review, :reviewedAt, :hasNewContent, :courseVersion, :expiresAt)
       ON CONFLICT (student_id, course_id) DO NOTHING RETURNING id`,
      { type: QueryTypes.SELECT, replacements: enrollmentValues(e) },
    );
    return rows.length > 0;
  }

  async save(e: Enrollment): Promise<void> {
    await this.sql.query(`UPDATE enrollments SET ${ENROLLMENT_SET} WHERE id = :id`, { replacements: enrollmentValues(e) });
  }

  /** Writes the recomputed aggregates of a batch in one statement. */
  async saveAggregates(list: Enrollment[]): Promise<void> {
    if (!list.length) return;
    await this.sql.query(
      `UPDATE enrollments e SET status = v.status, completed_at = v.completed_at, progress_percentage = v.progress,
         completed_lessons_count = v.completed, total_lessons_count = v.total, has_new_content = v.has_new_content,
         course_version = v.course_version, updated_at = now()
       FROM unnest(CAST(:ids AS uuid[]), CAST(:statuses AS text[]), CAST(:completedAts AS timestamptz[]),
         CAST(:progress AS float8[]), CAST(:completed AS int[]), CAST(:totals AS int[]), CAST(:flags AS boolean[]),
         CAST(:versions AS int[])) AS v(id, status, completed_at, progress, completed, total, has_new_content, course_version)
       WHERE e.id = v.id`,
      {
        replacements: {
          ids: pgArray(list.map((e) => e.id)),
          statuses: pgArray(list.map((e) => e.status)),
          completedAts: pgArray(list.map((e) => (e.completedAt ? e.completedAt.toISOString() : null))),
          progress: pgArray(list.map((e) => e.progressPercentage)),
          completed: pgArray(list.map((e) => e.completedLessonsCount)),
          totals: pgArray(list.map((e) => e.totalLessonsCount)),
          flags: pgArray(list.map((e) => e.hasNewContent)),
          versions: pgArray(list.map((e) => e.courseVersion)),
        },
      },
    );
  }

  /** The next batch of a course's enrolments behind `version`, locked, in id order after `afterId`. */
  async lockBatchBehind(courseId: string, version: number, afterId: string | null, limit: number): Promise<Enrollment[]> {
    const rows = await this.sql.query<EnrollmentRow>(
      `SELECT ${READ_COLUMNS} FROM enrollments
       WHERE course_id = :courseId AND course_version < :version ${afterId ? 'AND id > :afterId' : ''}
       ORDER BY id LIMIT :limit FOR UPDATE`,
      { type: QueryTypes.SELECT, replacements: { courseId, version, afterId, limit } },
    );
    return rows.map(toEnrollment);
  }

  async anyBehind(courseId: string, version: number): Promise<boolean> {
    const rows = await this.sql.query(
      'SELECT 1 FROM enrollments WHERE course_id = :courseId AND course_version < :version LIMIT 1',
      { type: QueryTypes.SELECT, replacements: { courseId, version } },
    );
    return rows.length > 0;
  }

  /**
   * |completed lessons ∩ countable lessons of the version| for each enrolment of the batch: one
   * set-based statement (the enrolments are locked, so no completion can slip in between).
   */
  async countCompletedCountable(courseId: string, version: number, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.sql.query<{ enrollment_id: string; n: string }>(
      `SELECT lp.enrollment_id, count(*) AS n
       FROM lesson_progress lp
       JOIN course_lessons cl ON cl.course_id = :courseId AND cl.version = :version AND cl.lesson_id = lp.lesson_id AND cl.countable
       WHERE lp.enrollment_id = ANY(CAST(:ids AS uuid[])) AND lp.completed_at IS NOT NULL
       GROUP BY lp.enrollment_id`,
      { type: QueryTypes.SELECT, replacements: { courseId, version, ids: pgArray(ids) } },
    );
    return new Map(rows.map((r) => [r.enrollment_id, Number(r.n)]));
  }

  async listForStudent(studentId: string, status: EnrollmentStatus | undefined, page: number, pageSize: number) {
    const where = `student_id = :studentId ${status ? 'AND status = :status' : ''}`;
    const replacements = { studentId, status, limit: pageSize, offset: (page - 1) * pageSize };
    const [rows, count] = await Promise.all([
      this.sql.query<EnrollmentRow>(
        `SELECT ${READ_COLUMNS} FROM enrollments WHERE ${where} ORDER BY enrolled_at DESC, id DESC LIMIT :limit OFFSET :offset`,
        { type: QueryTypes.SELECT, replacements },
      ),
      this.sql.query<{ n: string }>(`SELECT count(*) AS n FROM enrollments WHERE ${where}`, { type: QueryTypes.SELECT, replacements }),
    ]);
    return { items: rows.map(toEnrollment), total: Number(count[0].n) };
  }

  /** How many enrolments a student has: every status, and the active and completed ones (one query). */
  async countForStudent(studentId: string): Promise<{ total: number; active: number; completed: number }> {
    const [row] = await this.sql.query<{ total: string; active: string; completed: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'active') AS active, count(*) FILTER (WHERE status = 'completed') AS completed
       FROM enrollments WHERE student_id = :studentId`,
      { type: QueryTypes.SELECT, replacements: { studentId } },
    );
    return { total: Number(row.total), active: Number(row.active), completed: Number(row.completed) };
  }

  /**
   * A course's enrolments sorted by progress or last activity with `id` as tie-breaker, served from the
   * composite indexes (course_id, <sort column>, id). With `after` it is a keyset page (constant cost at
   * any depth); otherwise an offset page.
   */
  async listForCourse(q: CourseListQuery): Promise<{ items: Enrollment[]; total: number }> {
    const { column, dir } = SORT_SQL[q.sort];
    const cmp = dir === 'DESC' ? '<' : '>';
    const conditions = ['course_id = :courseId'];
    if (q.status) conditions.push('status = :status');
    if (q.after) conditions.push(`(${column}, id) ${cmp} (CAST(:afterValue AS ${column === 'progress_percentage' ? 'float8' : 'timestamptz'}), CAST(:afterId AS uuid))`);
    const replacements = {
      courseId: q.courseId,
      status: q.status,
      afterValue: q.after?.value,
      afterId: q.after?.id,
      limit: q.pageSize,
      offset: q.after ? 0 : (q.page - 1) * q.pageSize,
    };
    const [rows, count] = await Promise.all([
      this.sql.query<EnrollmentRow>(
        `SELECT ${READ_COLUMNS} FROM enrollments WHERE ${conditions.join(' AND ')}
         ORDER BY ${column} ${dir}, id ${dir} LIMIT :limit OFFSET :offset`,
        { type: QueryTypes.SELECT, replacements },
      ),
      // the total comes from the trigger-maintained counters, not from counting the course's rows
      this.sql.query<{ n: string }>(
        `SELECT coalesce(sum(n), 0) AS n FROM course_enrollment_counts WHERE course_id = :courseId ${q.status ? 'AND status = :status' : ''}`,
        { type: QueryTypes.SELECT, replacements },
      ),
    ]);
    return { items: rows.map(toEnrollment), total: Number(count[0].n) };
  }

  /** The reviewer's full name as auth had it when they reviewed (null keeps the one stored). */
  async setReviewerName(enrollmentId: string, name: string | null): Promise<void> {
    await this.sql.query('UPDATE enrollments SET reviewer_name = COALESCE(:name, reviewer_name) WHERE id = :enrollmentId', {
      replacements: { enrollmentId, name },
    });
  }

  /** A deleted account's reviews stay (the course's average keeps them) but no longer name anyone. */
  async forgetReviewer(studentId: string): Promise<void> {
    await this.sql.query('UPDATE enrollments SET reviewer_name = NULL WHERE student_id = :studentId AND reviewer_name IS NOT NULL', {
      replacements: { studentId },
    });
  }

  /**
   * A course's ratings, newest first (partial index on rated enrolments), whatever the enrolment's status:
   * the same set catalog's average_rating and rating_count are derived from (one rating per enrolment).
   */
  async listReviews(courseId: string, page: number, pageSize: number): Promise<{ items: ReviewRow[]; total: number }> {
    const replacements = { courseId, limit: pageSize, offset: (page - 1) * pageSize };
    const [rows, count] = await Promise.all([
      this.sql.query<{ reviewer_name: string | null; rating: number; review: string; reviewed_at: Date }>(
        `SELECT reviewer_name, rating, review, reviewed_at FROM enrollments
         WHERE course_id = :courseId AND rating IS NOT NULL
         ORDER BY reviewed_at DESC, id DESC LIMIT :limit OFFSET :offset`,
        { type: QueryTypes.SELECT, replacements },
      ),
      this.sql.query<{ n: string }>('SELECT count(*) AS n FROM enrollments WHERE course_id = :courseId AND rating IS NOT NULL', {
        type: QueryTypes.SELECT,
        replacements,
      }),
    ]);
    return {
      items: rows.map((r) => ({ reviewerName: r.reviewer_name ?? '', rating: r.rating, review: r.review ?? '', reviewedAt: r.reviewed_at })),
      total: Number(count[0].n),
    };
  }

  sortValue(e: Enrollment, sort: CourseSort): string {
    const { column } = SORT_SQL[sort];
    if (column === 'progress_percentage') return String(e.progressPercentage);
    if (column === 'last_accessed_at') return e.lastAccessedAt.toISOString();
    return e.enrolledAt.toISOString();
  }

  async stats(courseId: string): Promise<CourseStatsRow> {
    const [row] = await this.sql.query<Record<string, string | null>>(
      `SELECT count(*) AS total,
         count(*) FILTER (WHERE status = 'active') AS active,
         count(*) FILTER (WHERE status = 'completed') AS completed,
         count(*) FILTER (WHERE status = 'dropped') AS dropped,
         count(*) FILTER (WHERE status = 'expired') AS expired,
         coalesce(avg(progress_percentage) FILTER (WHERE status <> 'dropped'), 0) AS average_progress,
         coalesce(avg(rating), 0) AS average_rating,
         count(rating) AS rating_count
       FROM enrollments WHERE course_id = :courseId`,
      { type: QueryTypes.SELECT, replacements: { courseId } },
    );
    return {
      total: Number(row.total),
      active: Number(row.active),
      completed: Number(row.completed),
      dropped: Number(row.dropped),
      expired: Number(row.expired),
      averageProgress: Math.round(Number(row.average_progress) * 100) / 100,
      averageRating: Math.round(Number(row.average_rating) * 100) / 100,
      ratingCount: Number(row.rating_count),
    };
  }

  /** Existing enrolments of these students in the course, locked (bulk enrolment). */
  async lockForStudents(courseId: string, studentIds: string[]): Promise<Enrollment[]> {
    if (!studentIds.length) return [];
    const rows = await this.sql.query<EnrollmentRow>(
      `SELECT ${READ_COLUMNS} FROM enrollments WHERE course_id = :courseId AND student_id = ANY(CAST(:ids AS uuid[])) FOR UPDATE`,
      { type: QueryTypes.SELECT, replacements: { courseId, ids: pgArray(studentIds) } },
    );
    return rows.map(toEnrollment);
  }
}

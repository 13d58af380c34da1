import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { EnrollmentRow, LessonProgressRow } from '../domain/contributions';
import type { EnrollmentStatus } from '../domain/enrollment-status';
import type { SqlBatch } from './sql-batch';

/** The ids every enrolment fact carries: enough to create the row when a later fact arrives first. */
export interface EnrollmentRef {
  enrollmentId: string;
  studentId: string;
  courseId: string;
}
export type LessonRef = EnrollmentRef & { lessonId: string };

interface EnrollmentRecord {
  enrollment_id: string;
  student_id: string;
  course_id: string;
  enrolled_at: Date | null;
  price_cents: string | null;
  currency: string | null;
  dropped_at: Date | null;
  expired_at: Date | null;
  reactivated_at: Date | null;
  completed_at: Date | null;
  status: EnrollmentStatus;
  progress_percentage: string;
  completed_lessons: number;
  total_lessons: number;
  progress_version: number;
  lessons_completed: number;
  time_spent_seconds: string;
  first_activity_at: Date | null;
  last_activity_at: Date | null;
  last_lesson_id: string | null;
  last_lesson_at: Date | null;
  rating: number | null;
  review: string | null;
  reviewed_at: Date | null;
  inserted: boolean;
}

interface ProgressRecord {
  enrollment_id: string;
  lesson_id: string;
  course_id: string;
  student_id: string;
  started_at: Date | null;
  completed_at: Date | null;
  time_spent_seconds: string;
  inserted: boolean;
}

const date = (v: Date | string | null | undefined): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v));

const toEnrollment = (r: EnrollmentRecord): EnrollmentRow => ({
  enrollmentId: r.enrollment_id,
  studentId: r.student_id,
  courseId: r.course_id,
  enrolledAt: date(r.enrolled_at),
  priceCents: r.price_cents === null || r.price_cents === undefined ? null : Number(r.price_cents),
  currency: r.currency,
  droppedAt: date(r.dropped_at),
  expiredAt: date(r.expired_at),
  reactivatedAt: date(r.reactivated_at),
  completedAt: date(r.completed_at),
  status: r.status,
  progressPercentage: Number(r.progress_percentage),
  completedLessons: r.completed_lessons,
  totalLessons: r.total_lessons,
  progressVersion: r.progress_version,
  lessonsCompleted: r.lessons_completed,
  timeSpentSeconds: Number(r.time_spent_seconds),
  firstActivityAt: date(r.first_activity_at),
  lastActivityAt: date(r.last_activity_at),
  lastLessonId: r.last_lesson_id,
  lastLessonAt: date(r.last_lesson_at),
  rating: r.rating,
  review: r.review,
  reviewedAt: date(r.reviewed_at),
});

const toProgress = (r: ProgressRecord): LessonProgressRow => ({
  enrollmentId: r.enrollment_id,
  lessonId: r.lesson_id,
  courseId: r.course_id,
  studentId: r.student_id,
  startedAt: date(r.started_at),
  completedAt: date(r.completed_at),
  timeSpentSeconds: Number(r.time_spent_seconds),
});

/** Fact rows of learners: enrolments, lesson progress, days of activity. */
export class LearningRepository {
  constructor(protected readonly sql: SqlSession) {}

  /**
   * The enrolment row, locked (created from the ids when this fact is the first to arrive). `created` =
   * this call made the row (it contributed nothing before).
   */
  async lockEnrollment(ref: EnrollmentRef): Promise<{ row: EnrollmentRow; created: boolean }> {
    const [record] = await this.sql.query<EnrollmentRecord>(
      `INSERT INTO enrollments (enrollment_id, student_id, course_id) VALUES ($id, $studentId, $courseId)
       ON CONFLICT (enrollment_id) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id
       RETURNING *, (xmax = 0) AS inserted`,
      { type: QueryTypes.SELECT, bind: { id: ref.enrollmentId, studentId: ref.studentId, courseId: ref.courseId } },
    );
    return { row: toEnrollment(record), created: Boolean(record.inserted) };
  }

  /** Adds to `batch` the write of every mutable column of a locked enrolment. */
  saveEnrollmentTo(batch: SqlBatch, row: EnrollmentRow): void {
    const p = (v: unknown, cast?: string) => batch.param(v, cast);
    batch.add(
      `UPDATE enrollments SET enrolled_at = ${p(row.enrolledAt, 'timestamptz')}, price_cents = ${p(row.priceCents, 'bigint')}, currency = ${p(row.currency, 'text')},
         dropped_at = ${p(row.droppedAt, 'timestamptz')}, expired_at = ${p(row.expiredAt, 'timestamptz')}, reactivated_at = ${p(row.reactivatedAt, 'timestamptz')},
         completed_at = ${p(row.completedAt, 'timestamptz')}, status = ${p(row.status, 'text')}, progress_percentage = ${p(row.progressPercentage, 'numeric')},
         completed_lessons = ${p(row.completedLessons, 'integer')}, total_lessons = ${p(row.totalLessons, 'integer')}, progress_version = ${p(row.progressVersion, 'integer')},
         lessons_completed = ${p(row.lessonsCompleted, 'integer')}, time_spent_seconds = ${p(row.timeSpentSeconds, 'bigint')},
         first_activity_at = ${p(row.firstActivityAt, 'timestamptz')}, last_activity_at = ${p(row.lastActivityAt, 'timestamptz')},
         last_lesson_id = ${p(row.lastLessonId, 'uuid')}, last_lesson_at = ${p(row.lastLessonAt, 'timestamptz')}, rating = ${p(row.rating, 'smallint')},
         review = ${p(row.review, 'text')}, reviewed_at = ${p(row.reviewedAt, 'timestamptz')}
       WHERE enrollment_id = ${p(row.enrollmentId, 'uuid')}`,
    );
  }

  /**
   * A learner's lesson fact locks two rows: the lesson progress row, then its enrolment (both created from the
   * ids when missing) — in one statement.
   */
  async lockLessonAndEnrollment(ref: LessonRef): Promise<{ progress: { row: LessonProgressRow; created: boolean }; enrollment: { row: EnrollmentRow; created: boolean } }> {
    const [record] = await this.sql.query<{ lp: ProgressRecord; en: EnrollmentRecord }>(
      `WITH lp AS (
         INSERT INTO lesson_progress (enrollment_id, lesson_id, course_id, student_id) VALUES ($enrollmentId, $lessonId, $courseId, $studentId)
         ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET lesson_id = EXCLUDED.lesson_id
         RETURNING *, (xmax = 0) AS inserted
       ), en AS (
         INSERT INTO enrollments (enrollment_id, student_id, course_id) SELECT enrollment_id, student_id, course_id FROM lp
         ON CONFLICT (enrollment_id) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id
         RETURNING *, (xmax = 0) AS inserted
       )
       SELECT (SELECT to_jsonb(lp) FROM lp) AS lp, (SELECT to_jsonb(en) FROM en) AS en`,
      { type: QueryTypes.SELECT, bind: { ...ref } },
    );
    return {
      progress: { row: toProgress(record.lp), created: Boolean(record.lp.inserted) },
      enrollment: { row: toEnrollment(record.en), created: Boolean(record.en.inserted) },
    };
  }

  /** The lesson progress row, locked (created from the ids when missing). */
  async lockLessonProgress(ref: LessonRef): Promise<{ row: LessonProgressRow; created: boolean }> {
    const [record] = await this.sql.query<ProgressRecord>(
      `INSERT INTO lesson_progress (enrollment_id, lesson_id, course_id, student_id) VALUES ($enrollmentId, $lessonId, $courseId, $studentId)
       ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET lesson_id = EXCLUDED.lesson_id
       RETURNING *, (xmax = 0) AS inserted`,
      { type: QueryTypes.SELECT, bind: { ...ref } },
    );
    return { row: toProgress(record), created: Boolean(record.inserted) };
  }

  /** Adds to `batch` the write of a locked lesson progress row. */
  saveLessonProgressTo(batch: SqlBatch, row: LessonProgressRow): void {
    const p = (v: unknown, cast?: string) => batch.param(v, cast);
    batch.add(
      `UPDATE lesson_progress SET started_at = ${p(row.startedAt, 'timestamptz')}, completed_at = ${p(row.completedAt, 'timestamptz')},
         time_spent_seconds = ${p(row.timeSpentSeconds, 'bigint')}
       WHERE enrollment_id = ${p(row.enrollmentId, 'uuid')} AND lesson_id = ${p(row.lessonId, 'uuid')}`,
    );
  }

  /** The enrolment of a student in a course, if analytics knows it (quiz facts carry no enrolment id). */
  async findEnrollmentId(studentId: string, courseId: string): Promise<string | null> {
    const rows = await this.sql.query<{ enrollment_id: string }>(
      `SELECT enrollment_id FROM enrollments WHERE course_id = $courseId AND student_id = $studentId ORDER BY enrolled_at DESC NULLS LAST LIMIT 1`,
      { type: QueryTypes.SELECT, bind: { studentId, courseId } },
    );
    return rows[0]?.enrollment_id ?? null;
  }

  /** Activity of the student's quiz attempts in the course (for an enrolment row that arrives after them). */
  async attemptActivity(studentId: string, courseId: string): Promise<Date[]> {
    const rows = await this.sql.query<{ started_at: Date }>(
      `SELECT started_at FROM attempts WHERE course_id = $courseId AND student_id = $studentId AND started_at IS NOT NULL`,
      { type: QueryTypes.SELECT, bind: { studentId, courseId } },
    );
    return rows.map((r) => date(r.started_at)!);
  }
}

import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { EnrollmentRow, LessonProgressRow } from '../domain/contributions';
import type { EnrollmentStatus } from '../domain/enrollment-status';

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

const date = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

const toEnrollment = (r: EnrollmentRecord): EnrollmentRow => ({
  enrollmentId: r.enrollment_id,
  studentId: r.student_id,
  courseId: r.course_id,
  enrolledAt: date(r.enrolled_at),
  priceCents: r.price_cents === null ? null : Number(r.price_cents),
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

  /** Writes every mutable column of a locked enrolment. */
  async saveEnrollment(row: EnrollmentRow): Promise<void> {
    await this.sql.query(
      `UPDATE enrollments SET enrolled_at = $enrolledAt, price_cents = $priceCents, currency = $currency,
         dropped_at = $droppedAt, expired_at = $expiredAt, reactivated_at = $reactivatedAt, completed_at = $completedAt,
         status = $status, progress_percentage = $progressPercentage, completed_lessons = $completedLessons,
         total_lessons = $totalLessons, progress_version = $progressVersion, lessons_completed = $lessonsCompleted,
         time_spent_seconds = $timeSpentSeconds, first_activity_at = $firstActivityAt, last_activity_at = $lastActivityAt,
         last_lesson_id = $lastLessonId, last_lesson_at = $lastLessonAt, rating = $rating, review = $review, reviewed_at = $reviewedAt
       WHERE enrollment_id = $enrollmentId`,
      { bind: { ...row, studentId: undefined, courseId: undefined } },
    );
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

  async saveLessonProgress(row: LessonProgressRow): Promise<void> {
    await this.sql.query(
      `UPDATE lesson_progress SET started_at = $startedAt, completed_at = $completedAt, time_spent_seconds = $timeSpentSeconds
       WHERE enrollment_id = $enrollmentId AND lesson_id = $lessonId`,
      { bind: { enrollmentId: row.enrollmentId, lessonId: row.lessonId, startedAt: row.startedAt, completedAt: row.completedAt, timeSpentSeconds: row.timeSpentSeconds } },
    );
  }

  /** Records a day of activity of the enrolment; true when it is a new (enrolment, day). */
  async addActiveDay(enrollmentId: string, day: string): Promise<boolean> {
    const rows = await this.sql.query<{ day: string }>(
      `INSERT INTO enrollment_days (enrollment_id, day) VALUES ($enrollmentId, $day::date) ON CONFLICT DO NOTHING RETURNING day`,
      { type: QueryTypes.SELECT, bind: { enrollmentId, day } },
    );
    return rows.length > 0;
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

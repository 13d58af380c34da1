import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { EnrollmentRecord } from '../domain/enrollment-stats';

interface EnrollmentRow {
  enrollment_id: string;
  course_id: string;
  student_id: string;
  active: boolean;
  status_at: Date | null;
  rating: number | null;
  rated_at: Date | null;
}

const toDate = (value: Date | null) => (value ? new Date(value) : null);

/** course_enrollments: the catalog's read model of enrolments, fed by the enrollment service's events. */
export class EnrollmentRecordRepository {
  constructor(private readonly sql: SqlSession) {}

  /** Excludes the handling of enrolment facts of one course (course deletion; the course row may not even exist). */
  async lockCourse(courseId: string): Promise<void> {
    await this.sql.query("SELECT pg_advisory_xact_lock(hashtext('catalog.enrollment-stats'), hashtext($courseId))", {
      type: QueryTypes.SELECT,
      bind: { courseId },
    });
  }

  /** Taken by each enrolment fact: facts of one course run concurrently, a course deletion (`lockCourse`) waits for them. */
  async lockCourseShared(courseId: string): Promise<void> {
    await this.sql.query("SELECT pg_advisory_xact_lock_shared(hashtext('catalog.enrollment-stats'), hashtext($courseId))", {
      type: QueryTypes.SELECT,
      bind: { courseId },
    });
  }

  /**
   * Serialises the handling of facts of one enrolment (its record may not exist yet, so a row lock cannot do
   * it): the delta a fact applies to its course is derived from the record it read. Facts of different
   * enrolments of the same course run concurrently (their deltas are atomic row updates).
   */
  async lockEnrollment(enrollmentId: string): Promise<void> {
    await this.sql.query("SELECT pg_advisory_xact_lock(hashtext('catalog.enrollment-record'), hashtext($enrollmentId))", {
      type: QueryTypes.SELECT,
      bind: { enrollmentId },
    });
  }

  async findForUpdate(enrollmentId: string): Promise<EnrollmentRecord | undefined> {
    const rows = await this.sql.query<EnrollmentRow>(
      'SELECT * FROM course_enrollments WHERE enrollment_id = $enrollmentId FOR UPDATE',
      { type: QueryTypes.SELECT, bind: { enrollmentId } },
    );
    const row = rows[0];
    return (
      row && {
        enrollmentId: row.enrollment_id,
        courseId: row.course_id,
        studentId: row.student_id,
        active: row.active,
        statusAt: toDate(row.status_at),
        rating: row.rating,
        ratedAt: toDate(row.rated_at),
      }
    );
  }

  async save(record: EnrollmentRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO course_enrollments (enrollment_id, course_id, student_id, active, status_at, rating, rated_at)
       VALUES ($enrollmentId, $courseId, $studentId, $active, $statusAt, $rating, $ratedAt)
       ON CONFLICT (enrollment_id) DO UPDATE SET
         active = EXCLUDED.active, status_at = EXCLUDED.status_at, rating = EXCLUDED.rating,
         rated_at = EXCLUDED.rated_at, updated_at = now()`,
      { bind: { ...record } },
    );
  }

  /** Whether the student has a live (not dropped) enrolment in the course, per the events seen so far. */
  async isActiveStudent(courseId: string, studentId: string): Promise<boolean> {
    const rows = await this.sql.query(
      'SELECT 1 FROM course_enrollments WHERE course_id = $courseId AND student_id = $studentId AND active LIMIT 1',
      { type: QueryTypes.SELECT, bind: { courseId, studentId } },
    );
    return rows.length > 0;
  }

  /** Of these courses, those in which the student has a live (not dropped) enrolment, per the events seen so far. */
  async activeCourseIds(studentId: string, courseIds: string[]): Promise<Set<string>> {
    if (!courseIds.length) return new Set();
    const rows = await this.sql.query<{ course_id: string }>(
      'SELECT DISTINCT course_id FROM course_enrollments WHERE student_id = $studentId AND active AND course_id = ANY($courseIds::uuid[])',
      { type: QueryTypes.SELECT, bind: { studentId, courseIds } },
    );
    return new Set(rows.map((r) => r.course_id));
  }
}

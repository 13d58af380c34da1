import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** `SET column = value` when the fact's time is newer than the stored time of that field ("newest fact wins"). */
const newer = (table: string, atColumn: string, at: string, value: string, column: string) =>
  `CASE WHEN ${at} IS NOT NULL AND (${table}.${atColumn} IS NULL OR ${at} > ${table}.${atColumn}) THEN ${value} ELSE ${table}.${column} END`;

export interface CourseFact {
  courseId: string;
  instructorId?: string;
  createdAt?: Date;
  title?: string;
  titleAt?: Date;
  priceCents?: number;
  currency?: string;
  priceAt?: Date;
  /** A publication state fact: published/unpublished/archived/unarchived at `at`. */
  state?: { published: boolean; archived: boolean; at: Date };
  version?: number;
  /** Lessons counting toward completion in `version` (course.published); the newest version's count wins. */
  countableLessons?: number;
  deletedAt?: Date;
}

export interface LessonFact {
  lessonId: string;
  courseId: string;
  title?: string;
  titleAt?: Date;
  lessonType?: string;
  /** is_published as of `publishedAt`. */
  isPublished?: boolean;
  publishedAt?: Date;
  deletedAt?: Date;
}

/** Fact rows of users, courses, lessons and certificates: newest fact wins per field, upserts from any fact. */
export class FactRepository {
  constructor(protected readonly sql: SqlSession) {}

  /**
   * A user fact (registration, name, role, deletion); returns registered_at before and after (a new user
   * is counted on the day of the first known registration).
   */
  async userFact(fact: {
    userId: string;
    fullName?: string;
    nameAt?: Date;
    role?: string;
    roleAt?: Date;
    registeredAt?: Date;
    deletedAt?: Date;
  }): Promise<{ before: Date | null; after: Date | null }> {
    // Lock (or create) the row and read registered_at as it is, then apply the fact.
    const [locked] = await this.sql.query<{ registered_at: Date | null }>(
      `INSERT INTO users (user_id) VALUES ($userId) ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING registered_at`,
      { type: QueryTypes.SELECT, bind: { userId: fact.userId } },
    );
    const [row] = await this.sql.query<{ after: Date | null }>(
      `INSERT INTO users (user_id, full_name, name_at, role, role_at, registered_at, deleted_at)
       VALUES ($userId, COALESCE($fullName::text, ''), $nameAt::timestamptz, COALESCE($role::text, 'student'), $roleAt::timestamptz,
         $registeredAt::timestamptz, $deletedAt::timestamptz)
       ON CONFLICT (user_id) DO UPDATE SET
         full_name = ${newer('users', 'name_at', '$nameAt::timestamptz', 'COALESCE($fullName::text, users.full_name)', 'full_name')},
         name_at = GREATEST(users.name_at, $nameAt::timestamptz),
         role = ${newer('users', 'role_at', '$roleAt::timestamptz', 'COALESCE($role::text, users.role)', 'role')},
         role_at = GREATEST(users.role_at, $roleAt::timestamptz),
         registered_at = LEAST(users.registered_at, $registeredAt::timestamptz),
         deleted_at = GREATEST(users.deleted_at, $deletedAt::timestamptz)
       RETURNING registered_at AS after`,
      {
        type: QueryTypes.SELECT,
        bind: {
          userId: fact.userId,
          fullName: fact.fullName ?? null,
          nameAt: fact.fullName !== undefined ? (fact.nameAt ?? null) : null,
          role: fact.role ?? null,
          roleAt: fact.role !== undefined ? (fact.roleAt ?? null) : null,
          registeredAt: fact.registeredAt ?? null,
          deletedAt: fact.deletedAt ?? null,
        },
      },
    );
    return { before: locked.registered_at, after: row.after };
  }

  /** A course fact: each field group (title, price, state) newest-wins by its own time; version only grows. */
  async courseFact(fact: CourseFact): Promise<void> {
    await this.sql.query(
      `INSERT INTO courses (course_id, instructor_id, title, title_at, price_cents, currency, price_at, created_at,
         is_published, is_archived, state_at, version, countable_lessons, deleted_at)
       VALUES ($courseId, $instructorId::uuid, COALESCE($title::text, ''), $titleAt::timestamptz, COALESCE($priceCents::bigint, 0),
         COALESCE($currency::text, 'USD'), $priceAt::timestamptz, $createdAt::timestamptz, COALESCE($published::boolean, false),
         COALESCE($archived::boolean, false), $stateAt::timestamptz, COALESCE($version::integer, 0), COALESCE($countable::integer, 0),
         $deletedAt::timestamptz)
       ON CONFLICT (course_id) DO UPDATE SET
         instructor_id = COALESCE($instructorId::uuid, courses.instructor_id),
         title = ${newer('courses', 'title_at', '$titleAt::timestamptz', 'COALESCE($title::text, courses.title)', 'title')},
         title_at = GREATEST(courses.title_at, $titleAt::timestamptz),
         price_cents = ${newer('courses', 'price_at', '$priceAt::timestamptz', 'COALESCE($priceCents::bigint, courses.price_cents)', 'price_cents')},
         currency = ${newer('courses', 'price_at', '$priceAt::timestamptz', 'COALESCE($currency::text, courses.currency)', 'currency')},
         price_at = GREATEST(courses.price_at, $priceAt::timestamptz),
         created_at = LEAST(courses.created_at, $createdAt::timestamptz),
         is_published = ${newer('courses', 'state_at', '$stateAt::timestamptz', '$published::boolean', 'is_published')},
         is_archived = ${newer('courses', 'state_at', '$stateAt::timestamptz', '$archived::boolean', 'is_archived')},
         state_at = GREATEST(courses.state_at, $stateAt::timestamptz),
         countable_lessons = CASE WHEN $countable::integer IS NOT NULL AND COALESCE($version::integer, 0) >= courses.version
                                  THEN $countable::integer ELSE courses.countable_lessons END,
         version = GREATEST(courses.version, COALESCE($version::integer, 0)),
         deleted_at = GREATEST(courses.deleted_at, $deletedAt::timestamptz)`,
      {
        bind: {
          courseId: fact.courseId,
          instructorId: fact.instructorId ?? null,
          title: fact.title ?? null,
          titleAt: fact.title !== undefined ? (fact.titleAt ?? null) : null,
          priceCents: fact.priceCents ?? null,
          currency: fact.currency ?? null,
          priceAt: fact.priceCents !== undefined || fact.currency !== undefined ? (fact.priceAt ?? null) : null,
          createdAt: fact.createdAt ?? null,
          published: fact.state?.published ?? null,
          archived: fact.state?.archived ?? null,
          stateAt: fact.state?.at ?? null,
          version: fact.version ?? null,
          countable: fact.countableLessons ?? null,
          deletedAt: fact.deletedAt ?? null,
        },
      },
    );
  }

  /**
   * A lesson fact: title newest-wins, is_published newest-wins by its time, deletion clears the position.
   * The type comes from the newest course.published version listing the lesson, from lesson.created until then.
   */
  async lessonFact(fact: LessonFact): Promise<void> {
    await this.sql.query(
      `INSERT INTO lessons (lesson_id, course_id, title, title_at, lesson_type, is_published, published_at, deleted_at)
       VALUES ($lessonId, $courseId, COALESCE($title::text, ''), $titleAt::timestamptz, COALESCE($lessonType::text, 'text'),
         COALESCE($isPublished::boolean, false), $publishedAt::timestamptz, $deletedAt::timestamptz)
       ON CONFLICT (lesson_id) DO UPDATE SET
         title = ${newer('lessons', 'title_at', '$titleAt::timestamptz', 'COALESCE($title::text, lessons.title)', 'title')},
         title_at = GREATEST(lessons.title_at, $titleAt::timestamptz),
         lesson_type = CASE WHEN lessons.position_version > 0 THEN lessons.lesson_type ELSE COALESCE($lessonType::text, lessons.lesson_type) END,
         is_published = ${newer('lessons', 'published_at', '$publishedAt::timestamptz', '$isPublished::boolean', 'is_published')},
         published_at = GREATEST(lessons.published_at, $publishedAt::timestamptz),
         deleted_at = GREATEST(lessons.deleted_at, $deletedAt::timestamptz),
         position = CASE WHEN $deletedAt::timestamptz IS NOT NULL THEN NULL ELSE lessons.position END`,
      {
        bind: {
          lessonId: fact.lessonId,
          courseId: fact.courseId,
          title: fact.title ?? null,
          titleAt: fact.title !== undefined ? (fact.titleAt ?? null) : null,
          lessonType: fact.lessonType ?? null,
          isPublished: fact.isPublished ?? null,
          publishedAt: fact.isPublished !== undefined ? (fact.publishedAt ?? null) : null,
          deletedAt: fact.deletedAt ?? null,
        },
      },
    );
  }

  /**
   * course.published: its lessons in course order get positions 1..n when this version is at least the one
   * that set them (others of the course lose their position), published and titled as of `at`; lessons of
   * the course not in it are unpublished as of `at`.
   */
  async publishCourseLessons(courseId: string, version: number, at: Date, lessons: { lessonId: string; title?: string; lessonType?: string }[]): Promise<void> {
    const list = lessons.map((l, i) => ({ lesson_id: l.lessonId, title: l.title ?? null, lesson_type: l.lessonType ?? null, position: i + 1 }));
    await this.sql.query(
      `WITH listed AS (
         SELECT * FROM jsonb_to_recordset($lessons::jsonb) AS l(lesson_id uuid, title text, lesson_type text, position integer)
       ), upserted AS (
         INSERT INTO lessons (lesson_id, course_id, title, title_at, lesson_type, position, position_version, is_published, published_at)
         SELECT l.lesson_id, $courseId::uuid, COALESCE(l.title, ''), CASE WHEN l.title IS NULL THEN NULL ELSE $at::timestamptz END,
           COALESCE(l.lesson_type, 'text'), l.position, $version::integer, true, $at::timestamptz
         FROM listed l ORDER BY l.lesson_id
         ON CONFLICT (lesson_id) DO UPDATE SET
           title = CASE WHEN EXCLUDED.title_at IS NOT NULL AND (lessons.title_at IS NULL OR EXCLUDED.title_at > lessons.title_at) THEN EXCLUDED.title ELSE lessons.title END,
           title_at = GREATEST(lessons.title_at, EXCLUDED.title_at),
           lesson_type = CASE WHEN EXCLUDED.position_version >= lessons.position_version THEN EXCLUDED.lesson_type ELSE lessons.lesson_type END,
           position = CASE WHEN lessons.deleted_at IS NOT NULL THEN NULL
                           WHEN EXCLUDED.position_version >= lessons.position_version THEN EXCLUDED.position ELSE lessons.position END,
           position_version = GREATEST(lessons.position_version, EXCLUDED.position_version),
           is_published = CASE WHEN lessons.published_at IS NULL OR EXCLUDED.published_at > lessons.published_at THEN true ELSE lessons.is_published END,
           published_at = GREATEST(lessons.published_at, EXCLUDED.published_at)
         RETURNING lesson_id
       )
       UPDATE lessons SET
         position = CASE WHEN lessons.position_version <= $version::integer THEN NULL ELSE lessons.position END,
         position_version = GREATEST(lessons.position_version, $version::integer),
         is_published = CASE WHEN lessons.published_at IS NULL OR lessons.published_at < $at::timestamptz THEN false ELSE lessons.is_published END,
         published_at = GREATEST(lessons.published_at, $at::timestamptz)
       WHERE lessons.course_id = $courseId::uuid
         AND NOT (lessons.lesson_id = ANY(ARRAY(SELECT lesson_id FROM listed)))
         AND (lessons.position_version <= $version::integer OR lessons.published_at IS NULL OR lessons.published_at < $at::timestamptz)`,
      { bind: { courseId, version, at, lessons: JSON.stringify(list) } },
    );
  }

  /** certificate.issued / certificate.revoked (created from either). */
  async certificateFact(fact: {
    certificateId: string;
    certificateNumber?: string;
    studentId: string;
    courseId: string;
    enrollmentId?: string | null;
    issuedAt?: Date;
    revokedAt?: Date;
  }): Promise<void> {
    await this.sql.query(
      `INSERT INTO certificates (certificate_id, certificate_number, student_id, course_id, enrollment_id, issued_at, revoked_at)
       VALUES ($certificateId, COALESCE($number::text, ''), $studentId, $courseId, $enrollmentId::uuid, $issuedAt::timestamptz, $revokedAt::timestamptz)
       ON CONFLICT (certificate_id) DO UPDATE SET
         certificate_number = CASE WHEN $number::text IS NULL OR $number::text = '' THEN certificates.certificate_number ELSE $number::text END,
         enrollment_id = COALESCE(certificates.enrollment_id, $enrollmentId::uuid),
         issued_at = LEAST(certificates.issued_at, $issuedAt::timestamptz),
         revoked_at = GREATEST(certificates.revoked_at, $revokedAt::timestamptz)`,
      {
        bind: {
          certificateId: fact.certificateId,
          number: fact.certificateNumber ?? null,
          studentId: fact.studentId,
          courseId: fact.courseId,
          enrollmentId: fact.enrollmentId ?? null,
          issuedAt: fact.issuedAt ?? null,
          revokedAt: fact.revokedAt ?? null,
        },
      },
    );
  }
}

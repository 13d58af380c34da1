import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { CourseLesson, CourseStatus, CourseVersion, Prerequisite } from '../domain/course';

export interface CourseRecord {
  courseId: string;
  instructorId: string | null;
  title: string;
  status: CourseStatus;
  currentVersion: number;
  recomputedVersion: number;
  totalCountable: number;
  /** Days of access an enrolment gets (null = lifetime), from catalog's outline. */
  accessDays: number | null;
  /** Percent at which a video lesson's progress update completes it, from catalog's outline (default 80). */
  videoCompletionThreshold: number;
}

interface CourseRow {
  course_id: string;
  instructor_id: string | null;
  title: string;
  status: CourseStatus;
  current_version: number;
  recomputed_version: number;
  status_at: Date;
  total_countable: number | null;
  access_days: number | null;
  video_completion_threshold: number | null;
}

export interface LessonRow {
  lesson_id: string;
  section_id: string | null;
  position: number;
  section_position: number;
  order_index: number;
  lesson_type: string;
  unlock_at: Date | null;
  unlock_after_days: number;
  prerequisite: string;
  countable: boolean;
}

export function toLesson(row: LessonRow): CourseLesson {
  return {
    lessonId: row.lesson_id,
    sectionId: row.section_id,
    position: row.position,
    sectionPosition: row.section_position,
    orderIndex: row.order_index,
    lessonType: row.lesson_type,
    unlockAt: row.unlock_at,
    unlockAfterDays: row.unlock_after_days,
    prerequisite: row.prerequisite as Prerequisite,
    countable: row.countable,
  };
}

function toCourse(row: CourseRow): CourseRecord {
  return {
    courseId: row.course_id,
    instructorId: row.instructor_id,
    title: row.title,
    status: row.status,
    currentVersion: row.current_version,
    recomputedVersion: row.recomputed_version,
    totalCountable: row.total_countable ?? 0,
    accessDays: row.access_days ?? null,
    videoCompletionThreshold: row.video_completion_threshold ?? DEFAULT_VIDEO_COMPLETION_THRESHOLD,
  };
}

/** The seed's rule: a video watched to 80 % is completed, unless the course says otherwise. */
export const DEFAULT_VIDEO_COMPLETION_THRESHOLD = 80;

const LESSON_COLUMNS =
  'lesson_id, section_id, position, section_position, order_index, lesson_type, unlock_at, unlock_after_days, prerequisite, countable';

export interface SaveVersionResult {
  /** The version snapshot was new to us. */
  stored: boolean;
  /** A known version's lesson list (order, rules, lessons that do not count) was replaced. */
  refreshed: boolean;
  /** The course's current version moved forward (its enrolments need a recompute). */
  advanced: boolean;
  currentVersion: number;
}

/** The local read model of catalog's courses: versions, lessons, drip/prerequisite rules, countable set. */
export class CourseModelRepository {
  constructor(private readonly sql: SqlSession) {}

  /** The course's access period as catalog's outline states it (0/null = lifetime). */
  async setAccessDays(courseId: string, accessDays: number | null): Promise<void> {
    await this.sql.query('UPDATE courses SET access_days = :days WHERE course_id = :courseId AND access_days IS DISTINCT FROM :days', {
      replacements: { courseId, days: accessDays && accessDays > 0 ? accessDays : null },
    });
  }

  /** The course's video completion threshold as catalog's outline states it (0 = the default, 80). */
  async setVideoCompletionThreshold(courseId: string, threshold: number): Promise<void> {
    const value = threshold >= 1 && threshold <= 100 ? threshold : DEFAULT_VIDEO_COMPLETION_THRESHOLD;
    await this.sql.query(
      'UPDATE courses SET video_completion_threshold = :value WHERE course_id = :courseId AND video_completion_threshold IS DISTINCT FROM :value',
      { replacements: { courseId, value } },
    );
  }

  /**
   * The course as of one snapshot (no lock). The course row and its current version's row are written in one
   * transaction (saveVersion), so one statement sees both or neither: the `?? 0` of toCourse cannot bite here.
   */
  async get(courseId: string): Promise<CourseRecord | null> {
    const row = await this.selectCourse(courseId);
    return row ? toCourse(row) : null;
  }

  /**
   * The course with a share lock on its row until the unit of work ends: a new version being stored
   * (saveVersion locks the row for update) waits for the enrolments made under it, or they see it.
   *
   * Lock first, read after, in two statements. A single `SELECT … JOIN course_versions … FOR SHARE OF c` that
   * waited for saveVersion has the course row re-read after that commit (EvalPlanQual: current_version is V+1)
   * but keeps the version row of its old snapshot (V), whose join condition then fails: the LEFT JOIN gave NULL,
   * and the enrolment was made at V+1 with a total of 0 (its first countable completion then failed). Under READ
   * COMMITTED the second statement takes a new snapshot, which has the committed version row.
   */
  async getShared(courseId: string): Promise<CourseRecord | null> {
    const locked = await this.sql.query('SELECT 1 FROM courses WHERE course_id = :courseId FOR SHARE', {
      type: QueryTypes.SELECT,
      replacements: { courseId },
    });
    if (!locked.length) return null;
    const row = await this.selectCourse(courseId);
    if (!row) return null;
    if (row.total_countable === null) {
      // Enrolments are made from this read: refuse rather than count against a total of 0 (which fails the
      // enrolment's first countable completion). saveVersion writes both rows together, so the read model is broken.
      throw new Error(`course ${courseId}: no version row for its current version ${row.current_version}`);
    }
    return toCourse(row);
  }

  private async selectCourse(courseId: string): Promise<CourseRow | undefined> {
    const rows = await this.sql.query<CourseRow>(
      `SELECT c.*, v.total_countable FROM courses c
       LEFT JOIN course_versions v ON v.course_id = c.course_id AND v.version = c.current_version
       WHERE c.course_id = :courseId`,
      { type: QueryTypes.SELECT, replacements: { courseId } },
    );
    return rows[0];
  }

  /**
   * Stores a version snapshot (idempotent: a version is immutable) and moves the course's current version
   * forward if it is newer. `status` applies only if the fact is not older than the one that set it.
   */
  async saveVersion(
    version: CourseVersion,
    source: 'event' | 'outline',
    status: { status: CourseStatus; at: Date } | null,
  ): Promise<SaveVersionResult> {
    const q = (sql: string, replacements: Record<string, unknown>) =>
      this.sql.query<Record<string, unknown>>(sql, { type: QueryTypes.SELECT, replacements });
    const initialStatus = status ?? { status: 'published' as CourseStatus, at: new Date(0) };
    // Lock (or create) the course row first: concurrent saves and enrolments serialise on it.
    await q(
      `INSERT INTO courses (course_id, instructor_id, title, status, status_at, current_version, recomputed_version, published_at)
       VALUES (:courseId, :instructorId, :title, :status, :statusAt, :version, :version, :publishedAt)
       ON CONFLICT (course_id) DO NOTHING RETURNING course_id`,
      {
        courseId: version.courseId,
        instructorId: version.instructorId,
        title: version.title,
        status: initialStatus.status,
        statusAt: initialStatus.at,
        version: version.version,
        publishedAt: version.publishedAt,
      },
    );
    const [before] = await q('SELECT current_version FROM courses WHERE course_id = :courseId FOR UPDATE', { courseId: version.courseId });
    const previous = Number(before.current_version);

    const fingerprint = lessonsFingerprint(version.lessons);
    const inserted = await q(
      `INSERT INTO course_versions (course_id, version, countable_lesson_ids, total_countable, lesson_count, source, lessons_fingerprint)
       VALUES (:courseId, :version, CAST(:countable AS uuid[]), :total, :lessonCount, :source, :fingerprint)
       ON CONFLICT (course_id, version) DO NOTHING RETURNING version`,
      {
        courseId: version.courseId,
        version: version.version,
        countable: `{${version.countableLessonIds.join(',')}}`,
        total: version.countableLessonIds.length,
        lessonCount: version.lessons.length,
        source,
        fingerprint,
      },
    );
    const stored = inserted.length > 0;
    let refreshed = false;
    if (!stored) {
      // Same version: the countable set is the same by catalog's rule, but the rest of the lesson list may
      // have changed (a lesson that does not count published, drip dates edited…). Replace it if so.
      const [known] = await q(
        `SELECT lessons_fingerprint, array_to_string(countable_lesson_ids, ',') AS countable
         FROM course_versions WHERE course_id = :courseId AND version = :version FOR UPDATE`,
        { courseId: version.courseId, version: version.version },
      );
      if (known.lessons_fingerprint !== fingerprint && known.countable === version.countableLessonIds.join(',')) {
        await q('DELETE FROM course_lessons WHERE course_id = :courseId AND version = :version RETURNING lesson_id', {
          courseId: version.courseId,
          version: version.version,
        });
        await q(
          `UPDATE course_versions SET lessons_fingerprint = :fingerprint, lesson_count = :lessonCount, received_at = now()
           WHERE course_id = :courseId AND version = :version RETURNING version`,
          { courseId: version.courseId, version: version.version, fingerprint, lessonCount: version.lessons.length },
        );
        refreshed = true;
      }
    }
    if ((stored || refreshed) && version.lessons.length) {
      // One statement for the whole lesson list, however long it is.
      const l = version.lessons;
      await this.sql.query(
        `INSERT INTO course_lessons (course_id, version, ${LESSON_COLUMNS})
         SELECT :courseId, :version, * FROM unnest(
           CAST(:ids AS uuid[]), CAST(:sections AS uuid[]), CAST(:positions AS int[]), CAST(:sectionPositions AS int[]),
           CAST(:orderIndexes AS int[]), CAST(:types AS text[]), CAST(:unlockAts AS timestamptz[]), CAST(:days AS int[]),
           CAST(:prerequisites AS text[]), CAST(:countable AS boolean[]))`,
        {
          replacements: {
            courseId: version.courseId,
            version: version.version,
            ids: pgArray(l.map((x) => x.lessonId)),
            sections: pgArray(l.map((x) => x.sectionId)),
            positions: pgArray(l.map((x) => x.position)),
            sectionPositions: pgArray(l.map((x) => x.sectionPosition)),
            orderIndexes: pgArray(l.map((x) => x.orderIndex)),
            types: pgArray(l.map((x) => x.lessonType)),
            unlockAts: pgArray(l.map((x) => (x.unlockAt ? x.unlockAt.toISOString() : null))),
            days: pgArray(l.map((x) => x.unlockAfterDays)),
            prerequisites: pgArray(l.map((x) => x.prerequisite)),
            countable: pgArray(l.map((x) => x.countable)),
          },
        },
      );
    }
    const advanced = version.version > previous;
    await q(
      `UPDATE courses SET
         current_version = GREATEST(current_version, :version),
         title = CASE WHEN :version >= current_version AND :title <> '' THEN :title ELSE title END,
         instructor_id = COALESCE(:instructorId, instructor_id),
         published_at = CASE WHEN :version >= current_version THEN COALESCE(:publishedAt, published_at) ELSE published_at END,
         status = CASE WHEN CAST(:statusAt AS timestamptz) >= status_at THEN :status ELSE status END,
         status_at = GREATEST(status_at, CAST(:statusAt AS timestamptz)),
         updated_at = now()
       WHERE course_id = :courseId RETURNING course_id`,
      {
        courseId: version.courseId,
        version: version.version,
        title: version.title,
        instructorId: version.instructorId,
        publishedAt: version.publishedAt,
        status: status?.status ?? 'published',
        statusAt: (status?.at ?? new Date(0)).toISOString(),
      },
    );
    return { stored, refreshed, advanced, currentVersion: Math.max(previous, version.version) };
  }

  /** course.unpublished / course.archived: only a newer fact changes the status. Unknown courses are ignored. */
  async setStatus(courseId: string, status: CourseStatus, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE courses SET status = :status, status_at = :at, updated_at = now()
       WHERE course_id = :courseId AND status_at <= :at RETURNING course_id`,
      { type: QueryTypes.SELECT, replacements: { courseId, status, at } },
    );
    return rows.length > 0;
  }

  async markLessonDeleted(lessonId: string, courseId: string, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO deleted_lessons (lesson_id, course_id, deleted_at) VALUES (:lessonId, :courseId, :at) ON CONFLICT (lesson_id) DO NOTHING`,
      { replacements: { lessonId, courseId, at } },
    );
  }

  async isLessonDeleted(lessonId: string): Promise<boolean> {
    const rows = await this.sql.query('SELECT 1 FROM deleted_lessons WHERE lesson_id = :lessonId', {
      type: QueryTypes.SELECT,
      replacements: { lessonId },
    });
    return rows.length > 0;
  }

  async getLesson(courseId: string, version: number, lessonId: string): Promise<CourseLesson | null> {
    const rows = await this.sql.query<LessonRow>(
      `SELECT ${LESSON_COLUMNS} FROM course_lessons WHERE course_id = :courseId AND version = :version AND lesson_id = :lessonId`,
      { type: QueryTypes.SELECT, replacements: { courseId, version, lessonId } },
    );
    return rows[0] ? toLesson(rows[0]) : null;
  }

  async getLessonAt(courseId: string, version: number, position: number): Promise<CourseLesson | null> {
    const rows = await this.sql.query<LessonRow>(
      `SELECT ${LESSON_COLUMNS} FROM course_lessons WHERE course_id = :courseId AND version = :version AND position = :position`,
      { type: QueryTypes.SELECT, replacements: { courseId, version, position } },
    );
    return rows[0] ? toLesson(rows[0]) : null;
  }

  /** Every lesson of the section just before `sectionPosition` (empty for the first section). */
  async previousSectionLessons(courseId: string, version: number, sectionPosition: number): Promise<CourseLesson[]> {
    if (sectionPosition <= 0) return [];
    const rows = await this.sql.query<LessonRow>(
      `SELECT ${LESSON_COLUMNS} FROM course_lessons
       WHERE course_id = :courseId AND version = :version AND section_position = :sp ORDER BY position`,
      { type: QueryTypes.SELECT, replacements: { courseId, version, sp: sectionPosition - 1 } },
    );
    return rows.map(toLesson);
  }

  /** A version's lessons in order, each with its title from the lesson_titles read model ("" = not known yet). One query. */
  async listLessonsWithTitles(courseId: string, version: number): Promise<{ lesson: CourseLesson; title: string }[]> {
    const rows = await this.sql.query<LessonRow & { title: string | null }>(
      `SELECT ${LESSON_COLUMNS.split(',').map((c) => `l.${c.trim()}`).join(', ')}, t.title FROM course_lessons l
       LEFT JOIN lesson_titles t ON t.lesson_id = l.lesson_id AND t.course_id = l.course_id
       WHERE l.course_id = :courseId AND l.version = :version ORDER BY l.position`,
      { type: QueryTypes.SELECT, replacements: { courseId, version } },
    );
    return rows.map((r) => ({ lesson: toLesson(r), title: r.title ?? '' }));
  }

  /** Which course a lesson id belongs to, in any version we know (null = never seen). */
  async courseOfLesson(lessonId: string): Promise<string | null> {
    const rows = await this.sql.query<{ course_id: string }>(
      'SELECT course_id FROM course_lessons WHERE lesson_id = :lessonId LIMIT 1',
      { type: QueryTypes.SELECT, replacements: { lessonId } },
    );
    return rows[0]?.course_id ?? null;
  }

  /** Courses whose enrolments are not all at the current version yet. */
  async pendingRecomputes(): Promise<{ courseId: string; version: number }[]> {
    const rows = await this.sql.query<{ course_id: string; current_version: number }>(
      'SELECT course_id, current_version FROM courses WHERE recomputed_version < current_version',
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ courseId: r.course_id, version: r.current_version }));
  }

  async markRecomputed(courseId: string, version: number): Promise<void> {
    await this.sql.query(
      'UPDATE courses SET recomputed_version = GREATEST(recomputed_version, :version) WHERE course_id = :courseId',
      { replacements: { courseId, version } },
    );
  }

  /** Lesson titles (one statement); a title older than the stored one changes nothing. */
  async saveTitles(courseId: string, titles: { lessonId: string; title: string }[], at: Date): Promise<void> {
    if (!titles.length) return;
    await this.sql.query(
      `INSERT INTO lesson_titles (lesson_id, course_id, title, title_at)
       SELECT t.id, :courseId, t.title, :at FROM unnest(CAST(:ids AS uuid[]), CAST(:titles AS text[])) AS t(id, title)
       ON CONFLICT (lesson_id) DO UPDATE SET title = EXCLUDED.title, title_at = EXCLUDED.title_at, course_id = EXCLUDED.course_id
       WHERE lesson_titles.title_at <= EXCLUDED.title_at AND lesson_titles.title IS DISTINCT FROM EXCLUDED.title`,
      {
        replacements: {
          courseId,
          at,
          ids: pgArray(titles.map((t) => t.lessonId)),
          titles: pgArray(titles.map((t) => t.title)),
        },
      },
    );
  }

  async titles(courseIds: string[]): Promise<Map<string, string>> {
    if (!courseIds.length) return new Map();
    const rows = await this.sql.query<{ course_id: string; title: string }>(
      'SELECT course_id, title FROM courses WHERE course_id IN (:courseIds)',
      { type: QueryTypes.SELECT, replacements: { courseIds } },
    );
    return new Map(rows.map((r) => [r.course_id, r.title]));
  }
}

/** Identifies a lesson list with its rules, to notice a change within one version. */
export function lessonsFingerprint(lessons: CourseLesson[]): string {
  const canonical = lessons.map((l) => [
    l.lessonId,
    l.sectionId,
    l.position,
    l.sectionPosition,
    l.orderIndex,
    l.lessonType,
    l.unlockAt ? l.unlockAt.toISOString() : null,
    l.unlockAfterDays,
    l.prerequisite,
    l.countable,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** A PostgreSQL array literal (values quoted; null → NULL), for CAST(:x AS type[]). */
export function pgArray(values: (string | number | boolean | null)[]): string {
  return `{${values
    .map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : String(v)))
    .join(',')}}`;
}

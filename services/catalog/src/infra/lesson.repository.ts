import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { escapeLike, isUniqueViolation, type SqlSession } from '@lms/kit/db';
import type { Lesson, LessonContent, LessonType, Prerequisite, Resource } from '../domain/lesson';
import type { LessonAttachment } from '../domain/lesson-files';

interface LessonRow {
  id: string;
  course_id: string;
  section_id: string;
  title: string;
  slug: string;
  description: string;
  content: string | null;
  lesson_type: LessonType;
  order_index: number;
  duration_minutes: number;
  video_url: string;
  resources: Resource[];
  is_preview: boolean;
  is_published: boolean;
  counts_toward_completion: boolean;
  unlock_at: Date | null;
  unlock_after_days: number;
  prerequisite: Prerequisite;
  video_file_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Every column except the (possibly large) markdown content. */
const OUTLINE_COLUMNS = `l.id, l.course_id, l.section_id, l.title, l.slug, l.description, l.lesson_type, l.order_index,
  l.duration_minutes, l.video_url, l.resources, l.is_preview, l.is_published, l.counts_toward_completion, l.unlock_at,
  l.unlock_after_days, l.prerequisite, l.video_file_id, l.created_at, l.updated_at`;
const ALL_COLUMNS = `${OUTLINE_COLUMNS}, l.content`;

interface AttachmentRow {
  lesson_id: string;
  file_id: string;
  filename: string;
  file_type: string;
  mime_type: string;
  file_size: string;
}

/** A lesson row; `attachments` are filled by `withAttachments` (their own table). */
function toLesson(row: LessonRow): Lesson {
  return {
    id: row.id,
    courseId: row.course_id,
    sectionId: row.section_id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    content: row.content ?? '',
    lessonType: row.lesson_type,
    orderIndex: row.order_index,
    durationMinutes: row.duration_minutes,
    videoUrl: row.video_url,
    resources: row.resources,
    isPreview: row.is_preview,
    isPublished: row.is_published,
    countsTowardCompletion: row.counts_toward_completion,
    unlockAt: row.unlock_at ? new Date(row.unlock_at) : null,
    unlockAfterDays: row.unlock_after_days,
    prerequisite: row.prerequisite,
    videoFileId: row.video_file_id,
    attachments: [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

const CONTENT_COLUMNS: Record<keyof LessonContent, string> = {
  title: 'title',
  description: 'description',
  content: 'content',
  lessonType: 'lesson_type',
  durationMinutes: 'duration_minutes',
  videoUrl: 'video_url',
  resources: 'resources',
  isPreview: 'is_preview',
  countsTowardCompletion: 'counts_toward_completion',
  unlockAt: 'unlock_at',
  unlockAfterDays: 'unlock_after_days',
  prerequisite: 'prerequisite',
  videoFileId: 'video_file_id',
};

/**
 * Lessons, positioned 0..n-1 within their section. Callers hold the course row lock (FOR UPDATE) for
 * every write, so positions are computed without races; the deferred unique constraint is the safety net.
 */
export class LessonRepository {
  constructor(private readonly sql: SqlSession) {}

  /** Appends a draft lesson at the end of the section unless the slug is taken in the course (undefined then). */
  async insertIfSlugFree(values: { courseId: string; sectionId: string; slug: string; content: LessonContent }): Promise<Lesson | undefined> {
    const c = values.content;
    const rows = await this.sql.query<LessonRow>(
      `INSERT INTO lessons AS l (id, course_id, section_id, title, slug, description, content, lesson_type, order_index,
         duration_minutes, video_url, resources, is_preview, counts_toward_completion, unlock_at, unlock_after_days, prerequisite,
         video_file_id)
       VALUES ($id, $courseId, $sectionId, $title, $slug, $description, $content, $lessonType,
         (SELECT count(*) FROM lessons WHERE section_id = $sectionId),
         $durationMinutes, $videoUrl, $resources::jsonb, $isPreview, $countsTowardCompletion, $unlockAt, $unlockAfterDays, $prerequisite,
         $videoFileId)
       ON CONFLICT (course_id, slug) DO NOTHING
       RETURNING ${ALL_COLUMNS}`,
      {
        type: QueryTypes.SELECT,
        bind: {
          id: randomUUID(),
          courseId: values.courseId,
          sectionId: values.sectionId,
          slug: values.slug,
          ...c,
          resources: JSON.stringify(c.resources),
        },
      },
    );
    return rows[0] && toLesson(rows[0]); // a new lesson's attachments are written next (replaceAttachments)
  }

  /** The lesson slugs of a course taken among `base`, `base-2`, `base-3`, … */
  async takenSlugs(courseId: string, base: string): Promise<Set<string>> {
    const rows = await this.sql.query<{ slug: string }>(
      `SELECT slug FROM lessons WHERE course_id = $courseId AND (slug = $base OR slug LIKE $pattern ESCAPE '\\')`,
      { type: QueryTypes.SELECT, bind: { courseId, base, pattern: `${escapeLike(base)}-%` } },
    );
    return new Set(rows.map((r) => r.slug));
  }

  async findById(id: string, options: { withContent?: boolean } = {}): Promise<Lesson | undefined> {
    const rows = await this.sql.query<LessonRow>(
      `SELECT ${options.withContent ? ALL_COLUMNS : OUTLINE_COLUMNS} FROM lessons l WHERE l.id = $id`,
      { type: QueryTypes.SELECT, bind: { id } },
    );
    return rows[0] && (await this.withAttachments(rows.map(toLesson)))[0];
  }

  /** A course's lessons without content, in course order (section position, then lesson position). */
  async listByCourse(courseId: string): Promise<Lesson[]> {
    const rows = await this.sql.query<LessonRow>(
      `SELECT ${OUTLINE_COLUMNS} FROM lessons l JOIN sections s ON s.id = l.section_id
       WHERE l.course_id = $courseId ORDER BY s.order_index, l.order_index`,
      { type: QueryTypes.SELECT, bind: { courseId } },
    );
    return this.withAttachments(rows.map(toLesson));
  }

  /** The lessons whose video or attachments reference a file (without content). */
  async listReferencingFile(fileId: string): Promise<Lesson[]> {
    const rows = await this.sql.query<LessonRow>(
      `SELECT ${OUTLINE_COLUMNS} FROM lessons l
       WHERE l.video_file_id = $fileId OR l.id IN (SELECT lesson_id FROM lesson_attachments WHERE file_id = $fileId)
       ORDER BY l.created_at, l.id`,
      { type: QueryTypes.SELECT, bind: { fileId } },
    );
    return this.withAttachments(rows.map(toLesson));
  }

  /** Replaces a lesson's attachments (in the given order) and touches its updated_at. */
  async replaceAttachments(lessonId: string, attachments: LessonAttachment[]): Promise<void> {
    await this.sql.query('DELETE FROM lesson_attachments WHERE lesson_id = $lessonId', { bind: { lessonId } });
    if (attachments.length) {
      await this.sql.query(
        `INSERT INTO lesson_attachments (lesson_id, position, file_id, filename, file_type, mime_type, file_size)
         SELECT $lessonId, a.position - 1, a.file_id, a.filename, a.file_type, a.mime_type, a.file_size
         FROM unnest($fileIds::uuid[], $filenames::text[], $fileTypes::text[], $mimeTypes::text[], $sizes::bigint[])
           WITH ORDINALITY AS a(file_id, filename, file_type, mime_type, file_size, position)`,
        {
          bind: {
            lessonId,
            fileIds: attachments.map((a) => a.fileId),
            filenames: attachments.map((a) => a.filename),
            fileTypes: attachments.map((a) => a.fileType),
            mimeTypes: attachments.map((a) => a.mimeType),
            sizes: attachments.map((a) => a.fileSize),
          },
        },
      );
    }
    await this.sql.query('UPDATE lessons SET updated_at = now() WHERE id = $lessonId', { bind: { lessonId } });
  }

  private async withAttachments(lessons: Lesson[]): Promise<Lesson[]> {
    if (!lessons.length) return lessons;
    const rows = await this.sql.query<AttachmentRow>(
      `SELECT lesson_id, file_id, filename, file_type, mime_type, file_size FROM lesson_attachments
       WHERE lesson_id = ANY($ids::uuid[]) ORDER BY lesson_id, position`,
      { type: QueryTypes.SELECT, bind: { ids: lessons.map((l) => l.id) } },
    );
    const byLesson = new Map<string, LessonAttachment[]>();
    for (const r of rows) {
      const list = byLesson.get(r.lesson_id) ?? [];
      list.push({ fileId: r.file_id, filename: r.filename, fileType: r.file_type, mimeType: r.mime_type, fileSize: Number(r.file_size) });
      byLesson.set(r.lesson_id, list);
    }
    return lessons.map((l) => ({ ...l, attachments: byLesson.get(l.id) ?? [] }));
  }

  async countInSection(sectionId: string): Promise<number> {
    const rows = await this.sql.query<{ n: string }>('SELECT count(*) AS n FROM lessons WHERE section_id = $sectionId', {
      type: QueryTypes.SELECT,
      bind: { sectionId },
    });
    return Number(rows[0]?.n ?? 0);
  }

  async update(id: string, patch: { content?: Partial<LessonContent>; isPublished?: boolean }): Promise<Lesson> {
    const sets: string[] = ['updated_at = now()'];
    const bind: Record<string, unknown> = { id };
    for (const [key, column] of Object.entries(CONTENT_COLUMNS) as [keyof LessonContent, string][]) {
      const value = patch.content?.[key];
      if (value === undefined) continue;
      sets.push(`${column} = $${key}${column === 'resources' ? '::jsonb' : ''}`);
      bind[key] = column === 'resources' ? JSON.stringify(value) : value;
    }
    if (patch.isPublished !== undefined) {
      sets.push('is_published = $isPublished');
      bind.isPublished = patch.isPublished;
    }
    const rows = await this.sql.query<LessonRow>(
      `UPDATE lessons l SET ${sets.join(', ')} WHERE l.id = $id RETURNING ${ALL_COLUMNS}`,
      { type: QueryTypes.SELECT, bind },
    );
    return (await this.withAttachments(rows.map(toLesson)))[0];
  }

  /** Sets the slug unless another lesson of the course has it (false then); a savepoint keeps the transaction usable. */
  async trySetSlug(id: string, slug: string): Promise<boolean> {
    try {
      await this.sql.savepoint(() =>
        this.sql.query('UPDATE lessons SET slug = $slug, updated_at = now() WHERE id = $id', { bind: { id, slug } }),
      );
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Moves a lesson to the end of another section and closes the gap it leaves. */
  async moveToSection(lesson: Pick<Lesson, 'id' | 'sectionId' | 'orderIndex'>, sectionId: string): Promise<void> {
    await this.sql.query(
      `UPDATE lessons SET section_id = $sectionId, updated_at = now(),
         order_index = (SELECT count(*) FROM lessons WHERE section_id = $sectionId)
       WHERE id = $id`,
      { bind: { id: lesson.id, sectionId } },
    );
    await this.closeGap(lesson.sectionId, lesson.orderIndex);
  }

  /** Deletes a lesson and closes the gap it leaves in its section. */
  async delete(lesson: Pick<Lesson, 'id' | 'sectionId' | 'orderIndex'>): Promise<void> {
    await this.sql.query('DELETE FROM lessons WHERE id = $id', { bind: { id: lesson.id } });
    await this.closeGap(lesson.sectionId, lesson.orderIndex);
  }

  /** Sets every lesson's section and position at once (the deferred constraint is checked at commit). */
  async setPositions(positions: { id: string; sectionId: string; orderIndex: number }[]): Promise<void> {
    if (!positions.length) return;
    await this.sql.query(
      `UPDATE lessons l SET section_id = p.section_id, order_index = p.order_index, updated_at = now()
       FROM unnest($ids::uuid[], $sections::uuid[], $positions::int[]) AS p(id, section_id, order_index)
       WHERE l.id = p.id AND (l.section_id <> p.section_id OR l.order_index <> p.order_index)`,
      {
        bind: {
          ids: positions.map((p) => p.id),
          sections: positions.map((p) => p.sectionId),
          positions: positions.map((p) => p.orderIndex),
        },
      },
    );
  }

  private async closeGap(sectionId: string, position: number): Promise<void> {
    await this.sql.query(
      'UPDATE lessons SET order_index = order_index - 1 WHERE section_id = $sectionId AND order_index > $position',
      { bind: { sectionId, position } },
    );
  }
}

import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { escapeLike, isUniqueViolation, type SqlSession } from '@lms/kit/db';
import type {
  Course,
  CourseContent,
  CourseFilter,
  CourseSort,
  DifficultyLevel,
  MyCourseStatus,
  Visibility,
} from '../domain/course';

interface CourseRow {
  id: string;
  title: string;
  slug: string;
  description: string;
  long_description: string;
  category: string;
  difficulty_level: DifficultyLevel;
  language: string;
  price_cents: string;
  currency: string;
  thumbnail_url: string;
  preview_video_url: string;
  requirements: string[];
  learning_objectives: string[];
  tags: string[];
  access_days: number | null;
  video_completion_threshold: number;
  instructor_id: string;
  is_published: boolean;
  published_at: Date | null;
  archived_at: Date | null;
  version: number;
  published_countable_ids: string[] | null;
  total_lessons: number;
  total_quizzes: number;
  estimated_duration_minutes: number;
  enrollment_count: number;
  average_rating: string;
  rating_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Every column but the search vector. */
const COLUMNS = `c.id, c.title, c.slug, c.description, c.long_description, c.category, c.difficulty_level, c.language, c.price_cents,
  c.currency, c.thumbnail_url, c.preview_video_url, c.requirements, c.learning_objectives, c.tags, c.access_days, c.video_completion_threshold, c.instructor_id,
  c.is_published, c.published_at, c.archived_at, c.version, c.published_countable_ids::text[] AS published_countable_ids,
  c.total_lessons, c.total_quizzes, c.estimated_duration_minutes, c.enrollment_count, c.average_rating, c.rating_count,
  c.created_at, c.updated_at`;

function toCourse(row: CourseRow): Course {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    longDescription: row.long_description,
    category: row.category,
    difficultyLevel: row.difficulty_level,
    language: row.language,
    priceCents: Number(row.price_cents),
    currency: row.currency,
    thumbnailUrl: row.thumbnail_url,
    previewVideoUrl: row.preview_video_url,
    requirements: row.requirements,
    learningObjectives: row.learning_objectives,
    tags: row.tags,
    accessDays: row.access_days ?? null,
    videoCompletionThreshold: row.video_completion_threshold,
    instructorId: row.instructor_id,
    isPublished: row.is_published,
    publishedAt: toDate(row.published_at),
    archivedAt: toDate(row.archived_at),
    version: row.version,
    publishedCountableIds: row.published_countable_ids,
    totalLessons: row.total_lessons,
    totalQuizzes: row.total_quizzes,
    estimatedDurationMinutes: row.estimated_duration_minutes,
    enrollmentCount: row.enrollment_count,
    averageRating: Number(row.average_rating),
    ratingCount: row.rating_count,
    createdAt: toDate(row.created_at)!,
    updatedAt: toDate(row.updated_at)!,
  };
}

function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

const CONTENT_COLUMNS: Record<keyof CourseContent, string> = {
  title: 'title',
  description: 'description',
  longDescription: 'long_description',
  category: 'category',
  difficultyLevel: 'difficulty_level',
  language: 'language',
  priceCents: 'price_cents',
  currency: 'currency',
  thumbnailUrl: 'thumbnail_url',
  previewVideoUrl: 'preview_video_url',
  requirements: 'requirements',
  learningObjectives: 'learning_objectives',
  tags: 'tags',
  accessDays: 'access_days',
  videoCompletionThreshold: 'video_completion_threshold',
};
const ARRAY_COLUMNS = new Set(['requirements', 'learning_objectives', 'tags']);

/** State columns the use cases change besides the content. */
export interface CourseStatePatch {
  isPublished?: boolean;
  publishedAt?: Date | null;
  archivedAt?: Date | null;
  version?: number;
  publishedCountableIds?: string[] | null;
  totalLessons?: number;
  totalQuizzes?: number;
  estimatedDurationMinutes?: number;
}

const STATE_COLUMNS: Record<keyof CourseStatePatch, string> = {
  isPublished: 'is_published',
  publishedAt: 'published_at',
  archivedAt: 'archived_at',
  version: 'version',
  publishedCountableIds: 'published_countable_ids',
  totalLessons: 'total_lessons',
  totalQuizzes: 'total_quizzes',
  estimatedDurationMinutes: 'estimated_duration_minutes',
};

export interface CourseListQuery {
  visibility: Visibility;
  filter: CourseFilter;
  sort: CourseSort;
  limit: number;
  offset: number;
}

/** The courses table (SQL through sequelize, bind parameters only). */
export class CourseRepository {
  constructor(private readonly sql: SqlSession) {}

  /** Inserts unless the slug is taken (then undefined: the caller tries another slug). */
  async insertIfSlugFree(values: { content: CourseContent; slug: string; instructorId: string }): Promise<Course | undefined> {
    const c = values.content;
    const rows = await this.sql.query<CourseRow>(
      `INSERT INTO courses AS c (id, title, slug, description, long_description, category, difficulty_level, language, price_cents, currency,
         thumbnail_url, preview_video_url, requirements, learning_objectives, tags, access_days, video_completion_threshold, instructor_id)
       VALUES ($id, $title, $slug, $description, $longDescription, $category, $difficultyLevel, $language, $priceCents, $currency,
         $thumbnailUrl, $previewVideoUrl, $requirements::text[], $learningObjectives::text[], $tags::text[], $accessDays, $videoCompletionThreshold, $instructorId)
       ON CONFLICT (slug) DO NOTHING
       RETURNING ${COLUMNS}`,
      {
        type: QueryTypes.SELECT,
        bind: { id: randomUUID(), ...c, slug: values.slug, instructorId: values.instructorId },
      },
    );
    return rows[0] && toCourse(rows[0]);
  }

  /** The slugs taken among `base`, `base-2`, `base-3`, … */
  async takenSlugs(base: string): Promise<Set<string>> {
    const rows = await this.sql.query<{ slug: string }>(
      `SELECT slug FROM courses WHERE slug = $base OR slug LIKE $pattern ESCAPE '\\'`,
      { type: QueryTypes.SELECT, bind: { base, pattern: `${escapeLike(base)}-%` } },
    );
    return new Set(rows.map((r) => r.slug));
  }

  async findById(id: string): Promise<Course | undefined> {
    const rows = await this.sql.query<CourseRow>(`SELECT ${COLUMNS} FROM courses c WHERE c.id = $id`, { type: QueryTypes.SELECT, bind: { id } });
    return rows[0] && toCourse(rows[0]);
  }

  /**
   * The course, its row locked (FOR UPDATE) until the unit of work ends. Every write to a course's content
   * takes this lock first, so writes to one course run one after the other (positions, version, totals).
   */
  async lockById(id: string): Promise<Course | undefined> {
    const rows = await this.sql.query<CourseRow>(`SELECT ${COLUMNS} FROM courses c WHERE c.id = $id FOR UPDATE`, {
      type: QueryTypes.SELECT,
      bind: { id },
    });
    return rows[0] && toCourse(rows[0]);
  }

  async findBySlug(slug: string): Promise<Course | undefined> {
    const rows = await this.sql.query<CourseRow>(`SELECT ${COLUMNS} FROM courses c WHERE c.slug = $slug`, {
      type: QueryTypes.SELECT,
      bind: { slug },
    });
    return rows[0] && toCourse(rows[0]);
  }

  /** Courses by id, in the order asked (unknown ids skipped). */
  async findMany(ids: string[]): Promise<Course[]> {
    if (!ids.length) return [];
    const rows = await this.sql.query<CourseRow>(`SELECT ${COLUMNS} FROM courses c WHERE c.id = ANY($ids::uuid[])`, {
      type: QueryTypes.SELECT,
      bind: { ids },
    });
    const byId = new Map(rows.map((r) => [r.id, toCourse(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Updates content and/or state columns (slug changes go through `trySetSlug`). */
  async update(id: string, patch: { content?: Partial<CourseContent>; state?: CourseStatePatch }): Promise<Course> {
    const sets: string[] = ['updated_at = now()'];
    const bind: Record<string, unknown> = { id };
    for (const [key, column] of Object.entries(CONTENT_COLUMNS) as [keyof CourseContent, string][]) {
      const value = patch.content?.[key];
      if (value === undefined) continue;
      sets.push(`${column} = $${key}${ARRAY_COLUMNS.has(column) ? '::text[]' : ''}`);
      bind[key] = value;
    }
    for (const [key, column] of Object.entries(STATE_COLUMNS) as [keyof CourseStatePatch, string][]) {
      const value = patch.state?.[key];
      if (value === undefined) continue;
      sets.push(`${column} = $${key}${column === 'published_countable_ids' ? '::uuid[]' : ''}`);
      bind[key] = value;
    }
    const rows = await this.sql.query<CourseRow>(`UPDATE courses c SET ${sets.join(', ')} WHERE c.id = $id RETURNING ${COLUMNS}`, {
      type: QueryTypes.SELECT,
      bind,
    });
    return toCourse(rows[0]);
  }

  /** Sets the slug unless another course has it (false then); a savepoint keeps the transaction usable. */
  async trySetSlug(id: string, slug: string): Promise<boolean> {
    try {
      await this.sql.savepoint(() =>
        this.sql.query('UPDATE courses SET slug = $slug, updated_at = now() WHERE id = $id', { bind: { id, slug } }),
      );
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async delete(id: string): Promise<void> {
    await this.sql.query('DELETE FROM lessons WHERE course_id = $id', { bind: { id } });
    await this.sql.query('DELETE FROM sections WHERE course_id = $id', { bind: { id } });
    await this.sql.query('DELETE FROM course_enrollments WHERE course_id = $id', { bind: { id } });
    await this.sql.query('DELETE FROM courses WHERE id = $id', { bind: { id } });
  }

  /** A page of courses and the total, with full-text ranking when searching. */
  async list(query: CourseListQuery): Promise<{ items: Course[]; total: number }> {
    const where: string[] = [];
    const bind: Record<string, unknown> = {};
    const v = query.visibility;
    if (v.kind === 'public') where.push('c.is_published AND c.archived_at IS NULL');
    else if (v.kind === 'own-and-public') {
      where.push('((c.is_published AND c.archived_at IS NULL) OR c.instructor_id = $viewer)');
      bind.viewer = v.instructorId;
    }
    const f = query.filter;
    if (f.category !== undefined) {
      where.push('lower(c.category) = lower($category)');
      bind.category = f.category;
    }
    if (f.difficultyLevel) {
      where.push('c.difficulty_level = $difficulty');
      bind.difficulty = f.difficultyLevel;
    }
    if (f.language) {
      where.push('c.language = $language');
      bind.language = f.language;
    }
    if (f.instructorId) {
      where.push('c.instructor_id = $instructorId');
      bind.instructorId = f.instructorId;
    }
    if (f.minPriceCents !== undefined) {
      where.push('c.price_cents >= $minPrice');
      bind.minPrice = f.minPriceCents;
    }
    if (f.maxPriceCents !== undefined) {
      where.push('c.price_cents <= $maxPrice');
      bind.maxPrice = f.maxPriceCents;
    }
    if (f.isFree !== undefined) where.push(f.isFree ? 'c.price_cents = 0' : 'c.price_cents > 0');
    let from = 'courses c';
    let rank = '';
    if (f.search) {
      from = `courses c, websearch_to_tsquery('simple', $search) AS q`;
      where.push('c.search @@ q');
      rank = ', ts_rank(c.search, q) AS rank';
      bind.search = f.search;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const newest = 'coalesce(c.published_at, c.created_at) DESC, c.id DESC';
    const order = {
      newest,
      title: 'lower(c.title) ASC, c.id ASC',
      popular: `c.enrollment_count DESC, ${newest}`,
      relevance: `rank DESC, ${newest}`,
    }[query.sort];
    const [countRows, rows] = await Promise.all([
      this.sql.query<{ total: string }>(`SELECT count(*) AS total FROM ${from} ${clause}`, { type: QueryTypes.SELECT, bind }),
      this.sql.query<CourseRow>(
        `SELECT ${COLUMNS}${rank} FROM ${from} ${clause} ORDER BY ${order} LIMIT $limit OFFSET $offset`,
        { type: QueryTypes.SELECT, bind: { ...bind, limit: query.limit, offset: query.offset } },
      ),
    ]);
    return { items: rows.map(toCourse), total: Number(countRows[0]?.total ?? 0) };
  }

  /** An instructor's own courses in any state, newest first. */
  async listByInstructor(
    instructorId: string,
    status: MyCourseStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: Course[]; total: number }> {
    const statusClause = {
      draft: 'AND NOT c.is_published AND c.archived_at IS NULL',
      published: 'AND c.is_published',
      archived: 'AND c.archived_at IS NOT NULL',
      all: '',
    }[status ?? 'all'];
    const clause = `WHERE c.instructor_id = $instructorId ${statusClause}`;
    const [countRows, rows] = await Promise.all([
      this.sql.query<{ total: string }>(`SELECT count(*) AS total FROM courses c ${clause}`, {
        type: QueryTypes.SELECT,
        bind: { instructorId },
      }),
      this.sql.query<CourseRow>(
        `SELECT ${COLUMNS} FROM courses c ${clause} ORDER BY c.created_at DESC, c.id DESC LIMIT $limit OFFSET $offset`,
        { type: QueryTypes.SELECT, bind: { instructorId, limit, offset } },
      ),
    ]);
    return { items: rows.map(toCourse), total: Number(countRows[0]?.total ?? 0) };
  }

  /** Categories of the public catalogue with their course counts (most courses first). */
  async categories(): Promise<{ name: string; count: number }[]> {
    const rows = await this.sql.query<{ name: string; count: string }>(
      `SELECT min(category) AS name, count(*) AS count FROM courses
       WHERE is_published AND archived_at IS NULL AND category <> ''
       GROUP BY lower(category) ORDER BY count(*) DESC, lower(category) ASC`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
  }

  /** The public courses with the most enrolments, or the best ratings. */
  async top(by: 'popular' | 'rated', limit: number, category: string | undefined): Promise<Course[]> {
    const order =
      by === 'popular'
        ? 'c.enrollment_count DESC, c.average_rating DESC, c.published_at DESC, c.id'
        : 'c.average_rating DESC, c.rating_count DESC, c.enrollment_count DESC, c.published_at DESC, c.id';
    const rows = await this.sql.query<CourseRow>(
      `SELECT ${COLUMNS} FROM courses c WHERE c.is_published AND c.archived_at IS NULL
       ${category ? 'AND lower(c.category) = lower($category)' : ''}
       ORDER BY ${order} LIMIT $limit`,
      { type: QueryTypes.SELECT, bind: category ? { limit, category } : { limit } },
    );
    return rows.map(toCourse);
  }

  /**
   * Applies one enrolment fact's change to the course's numbers, O(1): `enrollment_count ± 1` (an atomic
   * delta on the row, exact because the caller derives it from the enrolment's record under that record's
   * lock and the inbox drops duplicates). Ratings: `rating_count` moves by the delta and the average is
   * re-derived from the course's ratings only when a rating changed (reviews are rare next to enrolments).
   * Returns the course's slug (for its cache entries), or null when the course row does not exist.
   */
  async applyEnrollmentDelta(courseId: string, delta: { active: number; ratingChanged: boolean }): Promise<{ slug: string } | null> {
    if (!delta.active && !delta.ratingChanged) return null;
    const rows = await this.sql.query<{ slug: string }>(
      `UPDATE courses SET enrollment_count = greatest(enrollment_count + $active, 0)
       ${
         delta.ratingChanged
           ? `, rating_count = s.rating_count, average_rating = s.average_rating
       FROM (
         SELECT count(rating) AS rating_count, coalesce(round(avg(rating), 2), 0) AS average_rating
         FROM course_enrollments WHERE course_id = $courseId AND rating IS NOT NULL
       ) s`
           : ''
       }
       WHERE courses.id = $courseId
       RETURNING courses.slug`,
      { type: QueryTypes.SELECT, bind: { courseId, active: delta.active } },
    );
    return rows[0] ?? null;
  }

  async hasEnrollments(courseId: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM course_enrollments WHERE course_id = $courseId LIMIT 1`, {
      type: QueryTypes.SELECT,
      bind: { courseId },
    });
    return rows.length > 0;
  }
}

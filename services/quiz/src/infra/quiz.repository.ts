import { QueryTypes } from 'sequelize';
import { preparedStatement, type SqlSession } from '@lms/kit/db';
import type { PoolRecord, QuizRecord } from '../domain/quiz.entities';
import type { QuizSettings } from '../domain/quiz-definition';
import type { QuestionCache, QuizPlacement } from './question.cache';

export interface QuizRow {
  id: string;
  course_id: string;
  lesson_id: string;
  instructor_id: string;
  title: string;
  description: string;
  quiz_type: QuizRecord['quizType'];
  passing_score: string | number;
  time_limit_minutes: number;
  max_attempts: number;
  scoring_policy: QuizRecord['scoringPolicy'];
  shuffle_questions: boolean;
  shuffle_options: boolean;
  show_correct_answers: QuizRecord['showCorrectAnswers'];
  available_from: Date | null;
  available_until: Date | null;
  is_published: boolean;
  published_at: Date | null;
  lesson_deleted_at: Date | null;
  definition_version: string | number;
  created_at: Date;
  updated_at: Date;
}

function toQuiz(row: QuizRow): QuizRecord {
  return {
    id: row.id,
    courseId: row.course_id,
    lessonId: row.lesson_id,
    instructorId: row.instructor_id,
    title: row.title,
    description: row.description,
    quizType: row.quiz_type,
    passingScore: Number(row.passing_score),
    timeLimitMinutes: row.time_limit_minutes,
    maxAttempts: row.max_attempts,
    scoringPolicy: row.scoring_policy,
    shuffleQuestions: row.shuffle_questions,
    shuffleOptions: row.shuffle_options,
    showCorrectAnswers: row.show_correct_answers,
    availableFrom: row.available_from,
    availableUntil: row.available_until,
    isPublished: row.is_published,
    publishedAt: row.published_at,
    lessonDeletedAt: row.lesson_deleted_at,
    definitionVersion: Number(row.definition_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The columns of QuizRow, named: the prepared statements below list them instead of `*`, so a column a later
 * migration adds does not change their result type under a running replica (PostgreSQL refuses to run a cached
 * plan whose result type changed).
 */
const QUIZ_COLUMNS = `id, course_id, lesson_id, instructor_id, title, description, quiz_type, passing_score, time_limit_minutes,
  max_attempts, scoring_policy, shuffle_questions, shuffle_options, show_correct_answers, available_from, available_until,
  is_published, published_at, lesson_deleted_at, definition_version, created_at, updated_at`;

/** The hot reads of a quiz, prepared (kit): every student request reads its quiz, and every start locks it. */
const FIND_QUIZ = preparedStatement('quiz.find', `SELECT ${QUIZ_COLUMNS} FROM quizzes WHERE id = :id`);
const LOCK_FOR_START = preparedStatement(
  'quiz.lock_for_start',
  // hashtext of the ids as text, as before they were parameters (replicas of both kinds lock the same key).
  `SELECT ${QUIZ_COLUMNS}, pg_advisory_xact_lock(hashtext(:quizId), hashtext(:studentId)) AS student_lock FROM quizzes
   WHERE id = CAST(:quizId AS uuid) FOR SHARE`,
);

/** A quiz row read as JSON (`to_jsonb(q)`, next to another table's row): its timestamps arrive as strings. */
export function quizFromJson(json: QuizRow): QuizRecord {
  const at = (value: Date | string | null) => (value === null ? null : new Date(value));
  return toQuiz({
    ...json,
    available_from: at(json.available_from),
    available_until: at(json.available_until),
    published_at: at(json.published_at),
    lesson_deleted_at: at(json.lesson_deleted_at),
    created_at: new Date(json.created_at),
    updated_at: new Date(json.updated_at),
  });
}

interface PoolRow {
  id: string;
  quiz_id: string;
  title: string;
  draw_count: number;
  question_count: string | number;
  created_at: Date;
  updated_at: Date;
}

function toPool(row: PoolRow): PoolRecord {
  return {
    id: row.id,
    quizId: row.quiz_id,
    title: row.title,
    drawCount: row.draw_count,
    questionCount: Number(row.question_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function settingsValues(s: QuizSettings): Record<string, unknown> {
  return {
    title: s.title,
    description: s.description,
    quizType: s.quizType,
    passingScore: s.passingScore,
    timeLimitMinutes: s.timeLimitMinutes,
    maxAttempts: s.maxAttempts,
    scoringPolicy: s.scoringPolicy,
    shuffleQuestions: s.shuffleQuestions,
    shuffleOptions: s.shuffleOptions,
    showCorrectAnswers: s.showCorrectAnswers,
    availableFrom: s.availableFrom,
    availableUntil: s.availableUntil,
  };
}

const POOL_SELECT = `SELECT p.id, p.quiz_id, p.title, p.draw_count, p.created_at, p.updated_at,
    (SELECT count(*) FROM questions q WHERE q.pool_id = p.id AND q.deleted_at IS NULL) AS question_count
  FROM question_pools p`;

/**
 * Quizzes and their pools. Every UPDATE of a quiz row adds one to its `definition_version` (a trigger, migration
 * 0005): the definition caches key on it, so every change of what attempts draw from updates the quiz row.
 */
export class QuizRepository {
  constructor(
    private readonly sql: SqlSession,
    private readonly cache: QuestionCache,
  ) {}

  /** The course and lesson of a quiz this process has seen published, without any read; undefined when not known. */
  knownPlacement(id: string): QuizPlacement | undefined {
    return this.cache.placement(id);
  }

  /**
   * The course and lesson of a published quiz — what StartAttempt asks enrollment about before its unit of work —
   * without a read once this process has seen the quiz published (they never change). Null: no such quiz, or not
   * published when read. A cached quiz may have been unpublished or deleted since: the caller checks that under
   * the quiz's lock.
   */
  async publishedPlacement(id: string): Promise<QuizPlacement | null> {
    const known = this.knownPlacement(id);
    if (known) return known;
    const quiz = await this.findById(id);
    if (!quiz || !quiz.isPublished) return null;
    this.cache.keepPlacement(id, quiz);
    return { courseId: quiz.courseId, lessonId: quiz.lessonId };
  }

  async findById(id: string, lock?: 'update' | 'share'): Promise<QuizRecord | null> {
    const rows = lock
      ? await this.sql.query<QuizRow>(`SELECT * FROM quizzes WHERE id = :id${lock === 'update' ? ' FOR UPDATE' : ' FOR SHARE'}`, {
          type: QueryTypes.SELECT,
          replacements: { id },
        })
      : await this.sql.prepared<QuizRow>(FIND_QUIZ, { id });
    return rows[0] ? toQuiz(rows[0]) : null;
  }

  /**
   * StartAttempt's first statement: serialises the starts of one student at one quiz until the unit of work ends
   * (transaction-scoped advisory lock) and reads the quiz FOR SHARE — so it cannot be deleted, nor its questions
   * changed, under a starting attempt — in one round trip. Null when the quiz is gone.
   */
  async lockForStart(quizId: string, studentId: string): Promise<QuizRecord | null> {
    const rows = await this.sql.prepared<QuizRow>(LOCK_FOR_START, { quizId, studentId });
    return rows[0] ? toQuiz(rows[0]) : null;
  }

  async listByCourse(courseId: string, opts: { lessonId?: string; publishedOnly?: boolean; instructorId?: string }): Promise<QuizRecord[]> {
    const where = ['course_id = :courseId'];
    if (opts.lessonId) where.push('lesson_id = :lessonId');
    if (opts.publishedOnly) where.push('is_published');
    if (opts.instructorId) where.push('instructor_id = :instructorId');
    const rows = await this.sql.query<QuizRow>(`SELECT * FROM quizzes WHERE ${where.join(' AND ')} ORDER BY created_at, id`, {
      type: QueryTypes.SELECT,
      replacements: { courseId, lessonId: opts.lessonId ?? null, instructorId: opts.instructorId ?? null },
    });
    return rows.map(toQuiz);
  }

  async insert(
    q: { id: string; courseId: string; lessonId: string; instructorId: string; settings: QuizSettings; at: Date },
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO quizzes (id, course_id, lesson_id, instructor_id, title, description, quiz_type, passing_score,
         time_limit_minutes, max_attempts, scoring_policy, shuffle_questions, shuffle_options, show_correct_answers,
         available_from, available_until, is_published, created_at, updated_at)
       VALUES (:id, :courseId, :lessonId, :instructorId, :title, :description, :quizType, :passingScore,
         :timeLimitMinutes, :maxAttempts, :scoringPolicy, :shuffleQuestions, :shuffleOptions, :showCorrectAnswers,
         :availableFrom, :availableUntil, false, :at, :at)`,
      {
        replacements: { id: q.id, courseId: q.courseId, lessonId: q.lessonId, instructorId: q.instructorId, at: q.at, ...settingsValues(q.settings) },
      },
    );
  }

  async updateSettings(id: string, settings: QuizSettings, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE quizzes SET title = :title, description = :description, quiz_type = :quizType, passing_score = :passingScore,
         time_limit_minutes = :timeLimitMinutes, max_attempts = :maxAttempts, scoring_policy = :scoringPolicy,
         shuffle_questions = :shuffleQuestions, shuffle_options = :shuffleOptions, show_correct_answers = :showCorrectAnswers,
         available_from = :availableFrom, available_until = :availableUntil, updated_at = :at
       WHERE id = :id`,
      { replacements: { id, at, ...settingsValues(settings) } },
    );
  }

  async setPublished(id: string, published: boolean, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE quizzes SET is_published = :published,
         published_at = CASE WHEN :published THEN coalesce(CASE WHEN is_published THEN published_at END, :at) ELSE published_at END,
         updated_at = :at
       WHERE id = :id`,
      { replacements: { id, published, at } },
    );
  }

  /**
   * Retires the quizzes of a deleted lesson, or of every lesson of a deleted course: unpublished, and marked so
   * they cannot be published again. The first deletion time wins (a redelivered fact changes nothing).
   * Returns the quizzes retired now, each with whether it was published until then.
   */
  async markLessonDeleted(
    target: { lessonId: string } | { courseId: string },
    at: Date,
  ): Promise<{ id: string; courseId: string; lessonId: string; wasPublished: boolean }[]> {
    const where = 'lessonId' in target ? 'lesson_id = :id' : 'course_id = :id';
    const rows = await this.sql.query<{ id: string; course_id: string; lesson_id: string; was_published: boolean }>(
      `WITH old AS (SELECT id, is_published FROM quizzes WHERE ${where} AND lesson_deleted_at IS NULL FOR UPDATE)
       UPDATE quizzes q SET is_published = false, lesson_deleted_at = COALESCE(q.lesson_deleted_at, :at), updated_at = :at
       FROM old WHERE q.id = old.id
       RETURNING q.id, q.course_id, q.lesson_id, old.is_published AS was_published`,
      { type: QueryTypes.SELECT, replacements: { id: 'lessonId' in target ? target.lessonId : target.courseId, at } },
    );
    return rows.map((r) => ({ id: r.id, courseId: r.course_id, lessonId: r.lesson_id, wasPublished: r.was_published }));
  }

  async delete(id: string): Promise<void> {
    await this.sql.query('DELETE FROM quizzes WHERE id = :id', { replacements: { id } });
  }

  /** A change of the quiz's questions or pools (made under its row lock): a new definition version. */
  async touch(id: string, at: Date): Promise<void> {
    await this.sql.query('UPDATE quizzes SET updated_at = :at WHERE id = :id', { replacements: { id, at } });
  }

  // ------------------------------------------------------------------ pools

  async listPools(quizId: string): Promise<PoolRecord[]> {
    const rows = await this.sql.query<PoolRow>(`${POOL_SELECT} WHERE p.quiz_id = :quizId ORDER BY p.created_at, p.id`, {
      type: QueryTypes.SELECT,
      replacements: { quizId },
    });
    return rows.map(toPool);
  }

  /** The pools of several quizzes in one query (quiz lists), by quiz id; a quiz without pools maps to []. */
  async listPoolsOf(quizIds: string[]): Promise<Map<string, PoolRecord[]>> {
    const out = new Map<string, PoolRecord[]>(quizIds.map((id) => [id, []]));
    if (!quizIds.length) return out;
    const rows = await this.sql.query<PoolRow>(`${POOL_SELECT} WHERE p.quiz_id IN (:quizIds) ORDER BY p.created_at, p.id`, {
      type: QueryTypes.SELECT,
      replacements: { quizIds },
    });
    for (const row of rows) out.get(row.quiz_id)?.push(toPool(row));
    return out;
  }

  async findPool(quizId: string, poolId: string): Promise<PoolRecord | null> {
    const rows = await this.sql.query<PoolRow>(`${POOL_SELECT} WHERE p.quiz_id = :quizId AND p.id = :poolId`, {
      type: QueryTypes.SELECT,
      replacements: { quizId, poolId },
    });
    return rows[0] ? toPool(rows[0]) : null;
  }

  async insertPool(p: { id: string; quizId: string; title: string; drawCount: number; at: Date }): Promise<void> {
    await this.sql.query(
      `INSERT INTO question_pools (id, quiz_id, title, draw_count, created_at, updated_at) VALUES (:id, :quizId, :title, :drawCount, :at, :at)`,
      { replacements: p },
    );
  }

  async updatePool(p: { id: string; title: string; drawCount: number; at: Date }): Promise<void> {
    await this.sql.query(`UPDATE question_pools SET title = :title, draw_count = :drawCount, updated_at = :at WHERE id = :id`, {
      replacements: p,
    });
  }

  /** The pool's questions become fixed questions (FK ON DELETE SET NULL). */
  async deletePool(poolId: string): Promise<void> {
    await this.sql.query('DELETE FROM question_pools WHERE id = :poolId', { replacements: { poolId } });
  }
}

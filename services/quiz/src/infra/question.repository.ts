import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { QuestionRecord } from '../domain/quiz.entities';
import type { QuestionBody, QuestionType, QuestionVersion } from '../domain/types';
import type { DrawableDefinition, QuestionCache } from './question.cache';

interface VersionRow {
  question_id: string;
  version: number;
  question_type: QuestionType;
  question_text: string;
  points: string | number;
  explanation: string;
  body: QuestionBody;
}

interface QuestionRow extends VersionRow {
  quiz_id: string;
  pool_id: string | null;
  order_index: number;
  created_at: Date;
  updated_at: Date;
}

function toVersion(row: VersionRow): QuestionVersion {
  return {
    questionId: row.question_id,
    version: row.version,
    type: row.question_type,
    text: row.question_text,
    points: Number(row.points),
    explanation: row.explanation,
    body: row.body ?? {},
  };
}

function toQuestion(row: QuestionRow): QuestionRecord {
  return { ...toVersion(row), quizId: row.quiz_id, poolId: row.pool_id, orderIndex: row.order_index, createdAt: row.created_at, updatedAt: row.updated_at };
}

const CURRENT = `SELECT q.id AS question_id, q.quiz_id, q.pool_id, q.order_index, q.created_at, q.updated_at,
    v.version, v.question_type, v.question_text, v.points, v.explanation, v.body
  FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version`;

export interface VersionContent {
  type: QuestionType;
  text: string;
  points: number;
  explanation: string;
  body: QuestionBody;
}

/** Questions (place in the quiz, pool, current version) and their immutable versions (cached: see QuestionCache). */
export class QuestionRepository {
  constructor(
    private readonly sql: SqlSession,
    private readonly cache: QuestionCache,
  ) {}

  /**
   * What a new attempt draws from — the questions at their current versions and the pools' draw counts — for
   * the `definitionVersion` the caller read from the quiz row under its lock in this same transaction (so no
   * change can commit in between): from the cache when it holds that version, else read (two queries) and kept.
   */
  async drawable(quiz: { id: string; definitionVersion: number }): Promise<DrawableDefinition> {
    const cached = this.cache.definition(quiz.id, quiz.definitionVersion);
    if (cached) return cached;
    const questions = await this.listCurrent(quiz.id);
    const pools = await this.sql.query<{ id: string; draw_count: number }>('SELECT id, draw_count FROM question_pools WHERE quiz_id = :quizId', {
      type: QueryTypes.SELECT,
      replacements: { quizId: quiz.id },
    });
    return this.cache.keepDefinition(quiz.id, quiz.definitionVersion, { questions, pools: pools.map((p) => ({ id: p.id, drawCount: p.draw_count })) });
  }

  /** The quiz's questions (not deleted) at their current version, in order. */
  async listCurrent(quizId: string): Promise<QuestionRecord[]> {
    const rows = await this.sql.query<QuestionRow>(
      `${CURRENT} WHERE q.quiz_id = :quizId AND q.deleted_at IS NULL ORDER BY q.order_index, q.created_at, q.id`,
      { type: QueryTypes.SELECT, replacements: { quizId } },
    );
    return rows.map(toQuestion);
  }

  /** The questions (not deleted) of several quizzes in one query (quiz lists), in order, by quiz id; none → []. */
  async listCurrentOf(quizIds: string[]): Promise<Map<string, QuestionRecord[]>> {
    const out = new Map<string, QuestionRecord[]>(quizIds.map((id) => [id, []]));
    if (!quizIds.length) return out;
    const rows = await this.sql.query<QuestionRow>(
      `${CURRENT} WHERE q.quiz_id IN (:quizIds) AND q.deleted_at IS NULL ORDER BY q.order_index, q.created_at, q.id`,
      { type: QueryTypes.SELECT, replacements: { quizIds } },
    );
    for (const row of rows) out.get(row.quiz_id)?.push(toQuestion(row));
    return out;
  }

  /** Current versions of the given questions, deleted ones included (regrades). */
  async currentVersionsOf(questionIds: string[]): Promise<Map<string, QuestionVersion>> {
    if (!questionIds.length) return new Map();
    const rows = await this.sql.query<QuestionRow>(`${CURRENT} WHERE q.id IN (:ids)`, {
      type: QueryTypes.SELECT,
      replacements: { ids: questionIds },
    });
    return new Map(rows.map((r) => [r.question_id, toVersion(r)]));
  }

  async findCurrent(quizId: string, questionId: string, lock = false): Promise<QuestionRecord | null> {
    const rows = await this.sql.query<QuestionRow>(
      `${CURRENT} WHERE q.quiz_id = :quizId AND q.id = :questionId AND q.deleted_at IS NULL${lock ? ' FOR UPDATE OF q' : ''}`,
      { type: QueryTypes.SELECT, replacements: { quizId, questionId } },
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  /**
   * Specific (question, version) pairs, e.g. an attempt's pinned paper; keyed `${questionId}:${version}`. Versions
   * are immutable, so those already in the cache are not read again; the others are read in one query.
   */
  async versions(pairs: { questionId: string; version: number }[]): Promise<Map<string, QuestionVersion>> {
    const out = new Map<string, QuestionVersion>();
    const missing = new Map<string, { questionId: string; version: number }>();
    for (const pair of pairs) {
      const key = `${pair.questionId}:${pair.version}`;
      const cached = this.cache.version(key);
      if (cached) out.set(key, cached);
      else missing.set(key, pair);
    }
    if (!missing.size) return out;
    const wanted = [...missing.values()];
    const rows = await this.sql.query<VersionRow>(
      `SELECT v.question_id, v.version, v.question_type, v.question_text, v.points, v.explanation, v.body
       FROM unnest(ARRAY[:ids]::uuid[], ARRAY[:versions]::int[]) AS w(question_id, version)
       JOIN question_versions v ON v.question_id = w.question_id AND v.version = w.version`,
      { type: QueryTypes.SELECT, replacements: { ids: wanted.map((p) => p.questionId), versions: wanted.map((p) => p.version) } },
    );
    for (const row of rows) {
      const key = `${row.question_id}:${row.version}`;
      out.set(key, this.cache.keepVersion(key, toVersion(row)));
    }
    return out;
  }

  async nextOrderIndex(quizId: string): Promise<number> {
    const [row] = await this.sql.query<{ next: number }>(
      `SELECT coalesce(max(order_index) + 1, 0)::int AS next FROM questions WHERE quiz_id = :quizId AND deleted_at IS NULL`,
      { type: QueryTypes.SELECT, replacements: { quizId } },
    );
    return row.next;
  }

  async insert(
    q: { id: string; quizId: string; poolId: string | null; orderIndex: number; content: VersionContent; at: Date },
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO questions (id, quiz_id, pool_id, order_index, current_version, created_at, updated_at)
       VALUES (:id, :quizId, :poolId, :orderIndex, 1, :at, :at)`,
      { replacements: { id: q.id, quizId: q.quizId, poolId: q.poolId, orderIndex: q.orderIndex, at: q.at } },
    );
    await this.insertVersion(q.id, 1, q.content, q.at);
  }

  async insertVersion(questionId: string, version: number, c: VersionContent, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO question_versions (question_id, version, question_type, question_text, points, explanation, body, created_at)
       VALUES (:questionId, :version, :type, :text, :points, :explanation, CAST(:body AS jsonb), :at)`,
      {
        replacements: { questionId, version, type: c.type, text: c.text, points: c.points, explanation: c.explanation, body: JSON.stringify(c.body), at },
      },
    );
  }

  async update(q: { id: string; poolId: string | null; currentVersion: number; at: Date }): Promise<void> {
    await this.sql.query(
      `UPDATE questions SET pool_id = :poolId, current_version = :currentVersion, updated_at = :at WHERE id = :id`,
      { replacements: q },
    );
  }

  async softDelete(id: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE questions SET deleted_at = :at, updated_at = :at WHERE id = :id`, { replacements: { id, at } });
  }

  async setOrder(quizId: string, orderedIds: string[], at: Date): Promise<void> {
    if (!orderedIds.length) return;
    await this.sql.query(
      `UPDATE questions q SET order_index = o.idx - 1, updated_at = :at
       FROM unnest(ARRAY[:ids]::uuid[]) WITH ORDINALITY AS o(id, idx)
       WHERE q.id = o.id AND q.quiz_id = :quizId`,
      { replacements: { ids: orderedIds, quizId, at } },
    );
  }
}

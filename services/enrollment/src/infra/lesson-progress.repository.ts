import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { preparedStatement, type SqlSession } from '@lms/kit/db';
import type { Enrollment } from '../domain/enrollment';
import type { LessonProgress, LessonStatus } from '../domain/progress';
import { pgArray } from './course-model.repository';
import { ENROLLMENT_SET, enrollmentValues } from './enrollment.repository';

interface ProgressRow {
  id: string;
  enrollment_id: string;
  lesson_id: string;
  status: LessonStatus;
  completion_percentage: number;
  time_spent_seconds: string | number;
  last_position_seconds: string | number;
  notes: string;
  started_at: Date;
  completed_at: Date | null;
  last_accessed_at: Date;
  inserted?: boolean;
}

function toProgress(row: ProgressRow): LessonProgress {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    lessonId: row.lesson_id,
    status: row.status,
    completionPercentage: Number(row.completion_percentage),
    timeSpentSeconds: Number(row.time_spent_seconds),
    lastPositionSeconds: Number(row.last_position_seconds),
    notes: row.notes,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    lastAccessedAt: row.last_accessed_at,
  };
}

const COLUMNS = `id, enrollment_id, lesson_id, status, completion_percentage, time_spent_seconds, last_position_seconds, notes,
  started_at, completed_at, last_accessed_at`;

/**
 * The completion's statement (`complete`), prepared (see `SqlSession.prepared`): it runs once per completion,
 * under the enrolment's row lock. With the enrolment's aggregates (a counted transition) or without.
 */
function completeStatement(name: string, enrollmentUpdate: string) {
  return preparedStatement(
    name,
    `WITH p AS (
       INSERT INTO lesson_progress (id, enrollment_id, lesson_id, status, completion_percentage, started_at, completed_at,
         completed_by, last_accessed_at)
       VALUES (:progressId, :enrollmentId, :lessonId, 'completed', 100, :at, :at, :by, :at)
       ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET
         status = 'completed', completion_percentage = 100, completed_at = EXCLUDED.completed_at,
         completed_by = EXCLUDED.completed_by, last_accessed_at = EXCLUDED.last_accessed_at, updated_at = now()
       WHERE lesson_progress.completed_at IS NULL
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted)
     ${enrollmentUpdate}
     SELECT * FROM p`,
  );
}
const COMPLETE = completeStatement('lesson_progress_complete', '');
const COMPLETE_WITH_ENROLLMENT = completeStatement(
  'lesson_progress_complete_enrollment',
  `, e AS (UPDATE enrollments SET ${ENROLLMENT_SET} WHERE id = :id AND EXISTS (SELECT 1 FROM p))`,
);

export interface ProgressPatch {
  timeIncrement: number;
  lastPositionSeconds?: number;
  completionPercentage?: number;
  notes?: string;
}

/** Per-lesson progress; one row per (enrolment, lesson), created when the lesson is first opened. */
export class LessonProgressRepository {
  constructor(private readonly sql: SqlSession) {}

  async get(enrollmentId: string, lessonId: string): Promise<LessonProgress | null> {
    const rows = await this.sql.query<ProgressRow>(
      `SELECT ${COLUMNS} FROM lesson_progress WHERE enrollment_id = :enrollmentId AND lesson_id = :lessonId`,
      { type: QueryTypes.SELECT, replacements: { enrollmentId, lessonId } },
    );
    return rows[0] ? toProgress(rows[0]) : null;
  }

  async listForEnrollment(enrollmentId: string): Promise<LessonProgress[]> {
    const rows = await this.sql.query<ProgressRow>(`SELECT ${COLUMNS} FROM lesson_progress WHERE enrollment_id = :enrollmentId`, {
      type: QueryTypes.SELECT,
      replacements: { enrollmentId },
    });
    return rows.map(toProgress);
  }

  /** Which of these lessons the enrolment has completed. */
  async completedAmong(enrollmentId: string, lessonIds: string[]): Promise<Set<string>> {
    if (!lessonIds.length) return new Set();
    const rows = await this.sql.query<{ lesson_id: string }>(
      `SELECT lesson_id FROM lesson_progress
       WHERE enrollment_id = :enrollmentId AND lesson_id = ANY(CAST(:ids AS uuid[])) AND completed_at IS NOT NULL`,
      { type: QueryTypes.SELECT, replacements: { enrollmentId, ids: pgArray(lessonIds) } },
    );
    return new Set(rows.map((r) => r.lesson_id));
  }

  /** Opens the lesson (creating its row) or touches it. `created` = this call started it. */
  async start(enrollmentId: string, lessonId: string, at: Date): Promise<{ progress: LessonProgress; created: boolean }> {
    const rows = await this.sql.query<ProgressRow>(
      `INSERT INTO lesson_progress (id, enrollment_id, lesson_id, status, started_at, last_accessed_at)
       VALUES (:id, :enrollmentId, :lessonId, 'in_progress', :at, :at)
       ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET last_accessed_at = EXCLUDED.last_accessed_at, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
      { type: QueryTypes.SELECT, replacements: { id: randomUUID(), enrollmentId, lessonId, at } },
    );
    return { progress: toProgress(rows[0]), created: Boolean(rows[0].inserted) };
  }

  /** Applies an update (time added as an increment; a completed lesson stays at 100%). */
  async update(
    enrollmentId: string,
    lessonId: string,
    patch: ProgressPatch,
    at: Date,
  ): Promise<{ progress: LessonProgress; created: boolean }> {
    const rows = await this.sql.query<ProgressRow>(
      `INSERT INTO lesson_progress (id, enrollment_id, lesson_id, status, completion_percentage, time_spent_seconds,
         last_position_seconds, notes, started_at, last_accessed_at)
       VALUES (:id, :enrollmentId, :lessonId, 'in_progress', COALESCE(:pct, 0), :inc, COALESCE(:pos, 0), COALESCE(:notes, ''), :at, :at)
       ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET
         time_spent_seconds = lesson_progress.time_spent_seconds + :inc,
         last_position_seconds = COALESCE(:pos, lesson_progress.last_position_seconds),
         completion_percentage = CASE WHEN lesson_progress.completed_at IS NOT NULL THEN 100
                                      ELSE COALESCE(:pct, lesson_progress.completion_percentage) END,
         notes = COALESCE(:notes, lesson_progress.notes),
         last_accessed_at = EXCLUDED.last_accessed_at,
         updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
      {
        type: QueryTypes.SELECT,
        replacements: {
          id: randomUUID(),
          enrollmentId,
          lessonId,
          inc: patch.timeIncrement,
          pos: patch.lastPositionSeconds ?? null,
          pct: patch.completionPercentage ?? null,
          notes: patch.notes ?? null,
          at,
        },
      },
    );
    return { progress: toProgress(rows[0]), created: Boolean(rows[0].inserted) };
  }

  /**
   * Completes the lesson. Returns `transitioned` only for the one call that moved the row to completed
   * (insert, or completed_at set while it was NULL): duplicates, redeliveries and racing requests get
   * false, so whatever counts completions counts each lesson once. `after`, the enrolment as that transition
   * leaves it (computed by the caller under the enrolment's row lock, so exact), is written by the same
   * statement and only if the row transitions: one round trip instead of two on the completion hot path.
   */
  async complete(
    enrollmentId: string,
    lessonId: string,
    at: Date,
    by: string,
    after: Enrollment | null,
  ): Promise<{ progress: LessonProgress; transitioned: boolean; created: boolean }> {
    const rows = await this.sql.prepared<ProgressRow>(after ? COMPLETE_WITH_ENROLLMENT : COMPLETE, {
      ...(after ? enrollmentValues(after) : {}),
      progressId: randomUUID(),
      enrollmentId,
      lessonId,
      at,
      by,
    });
    if (rows.length) return { progress: toProgress(rows[0]), transitioned: true, created: Boolean(rows[0].inserted) };
    const existing = await this.get(enrollmentId, lessonId);
    if (!existing) throw new Error('lesson progress vanished during completion');
    return { progress: existing, transitioned: false, created: false };
  }
}

import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** One score change a regrade found (stored in regrade_runs.changes, snake_case as in the API). */
export interface ScoreChangeRecord {
  attempt_id: string;
  student_id: string;
  attempt_number: number;
  old_score: number;
  new_score: number;
  old_percentage: number;
  new_percentage: number;
  old_passed: boolean;
  new_passed: boolean;
  question_ids: string[];
}

/** pending (recorded, no batch done yet) → running (batches done up to `cursor`) → done | failed. Dry runs are done at once. */
export type RegradeStatus = 'pending' | 'running' | 'done' | 'failed';

export interface RegradeRun {
  id: string;
  quizId: string;
  requestedBy: string;
  dryRun: boolean;
  status: RegradeStatus;
  /** The questions asked for (empty = every question whose key changed). */
  requestedQuestionIds: string[];
  /** The questions regraded so far. */
  questionIds: string[];
  /** Submitted attempts when the run was requested (progress: attemptsExamined of attemptsTotal). */
  attemptsTotal: number;
  attemptsExamined: number;
  /** The last attempt id of the last batch done (keyset cursor); null before the first. */
  cursor: string | null;
  batchesDone: number;
  /** A dry run stopped at REGRADE_DRY_RUN_MAX_ATTEMPTS. */
  truncated: boolean;
  error: string | null;
  changes: ScoreChangeRecord[];
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

interface RegradeRow {
  id: string;
  quiz_id: string;
  requested_by: string;
  dry_run: boolean;
  status: RegradeStatus;
  requested_question_ids: string[];
  question_ids: string[];
  attempts_total: number;
  attempts_examined: number;
  cursor: string | null;
  batches_done: number;
  truncated: boolean;
  error: string | null;
  changes: ScoreChangeRecord[];
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const toRun = (r: RegradeRow): RegradeRun => ({
  id: r.id,
  quizId: r.quiz_id,
  requestedBy: r.requested_by,
  dryRun: r.dry_run,
  status: r.status,
  requestedQuestionIds: r.requested_question_ids ?? [],
  questionIds: r.question_ids ?? [],
  attemptsTotal: r.attempts_total,
  attemptsExamined: r.attempts_examined,
  cursor: r.cursor,
  batchesDone: r.batches_done,
  truncated: r.truncated,
  error: r.error,
  changes: r.changes ?? [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

/** Regrade runs: the job state of real runs and the audit of every regrade, dry or real. */
export class RegradeRepository {
  constructor(private readonly sql: SqlSession) {}

  async insert(run: RegradeRun): Promise<void> {
    await this.sql.query(
      `INSERT INTO regrade_runs (id, quiz_id, requested_by, dry_run, status, requested_question_ids, question_ids, attempts_total,
         attempts_examined, cursor, batches_done, truncated, error, changes, created_at, updated_at, finished_at)
       VALUES (:id, :quizId, :requestedBy, :dryRun, :status, CAST(:requestedQuestionIds AS jsonb), CAST(:questionIds AS jsonb), :attemptsTotal,
         :attemptsExamined, :cursor, :batchesDone, :truncated, :error, CAST(:changes AS jsonb), :createdAt, :updatedAt, :finishedAt)`,
      {
        replacements: {
          ...run,
          requestedQuestionIds: JSON.stringify(run.requestedQuestionIds),
          questionIds: JSON.stringify(run.questionIds),
          changes: JSON.stringify(run.changes),
        },
      },
    );
  }

  /** The run, locked when `lock` (a batch holds it for its whole transaction: batches of one run never overlap). */
  async find(id: string, lock = false): Promise<RegradeRun | null> {
    const rows = await this.sql.query<RegradeRow>(`SELECT * FROM regrade_runs WHERE id = :id${lock ? ' FOR UPDATE' : ''}`, {
      type: QueryTypes.SELECT,
      replacements: { id },
    });
    return rows[0] ? toRun(rows[0]) : null;
  }

  /** The quiz's unfinished real run (at most one: a partial unique index). */
  async findActive(quizId: string): Promise<RegradeRun | null> {
    const rows = await this.sql.query<RegradeRow>(`SELECT * FROM regrade_runs WHERE quiz_id = :quizId AND status IN ('pending', 'running')`, {
      type: QueryTypes.SELECT,
      replacements: { quizId },
    });
    return rows[0] ? toRun(rows[0]) : null;
  }

  /** Every unfinished real run, oldest first (resumed at start-up). */
  async listUnfinished(): Promise<RegradeRun[]> {
    const rows = await this.sql.query<RegradeRow>(`SELECT * FROM regrade_runs WHERE status IN ('pending', 'running') ORDER BY created_at, id`, {
      type: QueryTypes.SELECT,
    });
    return rows.map(toRun);
  }

  /**
   * One batch done: progress, the cursor moved to the batch's last attempt, its score changes appended and
   * the regraded questions merged; `done` when it was the last batch.
   */
  async recordBatch(
    id: string,
    b: { cursor: string | null; examined: number; changes: ScoreChangeRecord[]; questionIds: string[]; done: boolean; at: Date },
  ): Promise<void> {
    await this.sql.query(
      `UPDATE regrade_runs SET status = :status, cursor = :cursor, attempts_examined = attempts_examined + :examined,
         batches_done = batches_done + :batches, changes = changes || CAST(:changes AS jsonb), question_ids = CAST(:questionIds AS jsonb),
         updated_at = :at, finished_at = :finishedAt
       WHERE id = :id`,
      {
        replacements: {
          id,
          status: b.done ? 'done' : 'running',
          cursor: b.cursor,
          examined: b.examined,
          batches: b.examined > 0 ? 1 : 0,
          changes: JSON.stringify(b.changes),
          questionIds: JSON.stringify(b.questionIds),
          at: b.at,
          finishedAt: b.done ? b.at : null,
        },
      },
    );
  }

  async markFailed(id: string, error: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE regrade_runs SET status = 'failed', error = :error, updated_at = :at, finished_at = :at WHERE id = :id`, {
      replacements: { id, error, at },
    });
  }

  async list(quizId: string): Promise<RegradeRun[]> {
    const rows = await this.sql.query<RegradeRow>(`SELECT * FROM regrade_runs WHERE quiz_id = :quizId ORDER BY created_at DESC, id`, {
      type: QueryTypes.SELECT,
      replacements: { quizId },
    });
    return rows.map(toRun);
  }
}

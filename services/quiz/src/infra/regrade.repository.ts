import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

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

export interface RegradeRun {
  id: string;
  quizId: string;
  requestedBy: string;
  dryRun: boolean;
  questionIds: string[];
  attemptsExamined: number;
  changes: ScoreChangeRecord[];
  createdAt: Date;
}

interface RegradeRow {
  id: string;
  quiz_id: string;
  requested_by: string;
  dry_run: boolean;
  question_ids: string[];
  attempts_examined: number;
  changes: ScoreChangeRecord[];
  created_at: Date;
}

const toRun = (r: RegradeRow): RegradeRun => ({
  id: r.id,
  quizId: r.quiz_id,
  requestedBy: r.requested_by,
  dryRun: r.dry_run,
  questionIds: r.question_ids ?? [],
  attemptsExamined: r.attempts_examined,
  changes: r.changes ?? [],
  createdAt: r.created_at,
});

/** The audit of every regrade, dry or real. */
export class RegradeRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async insert(transaction: Transaction, run: RegradeRun): Promise<void> {
    await this.sequelize.query(
      `INSERT INTO regrade_runs (id, quiz_id, requested_by, dry_run, question_ids, attempts_examined, changes, created_at)
       VALUES (:id, :quizId, :requestedBy, :dryRun, CAST(:questionIds AS jsonb), :attemptsExamined, CAST(:changes AS jsonb), :createdAt)`,
      {
        transaction,
        replacements: {
          id: run.id,
          quizId: run.quizId,
          requestedBy: run.requestedBy,
          dryRun: run.dryRun,
          questionIds: JSON.stringify(run.questionIds),
          attemptsExamined: run.attemptsExamined,
          changes: JSON.stringify(run.changes),
          createdAt: run.createdAt,
        },
      },
    );
  }

  async list(quizId: string): Promise<RegradeRun[]> {
    const rows = await this.sequelize.query<RegradeRow>(`SELECT * FROM regrade_runs WHERE quiz_id = :quizId ORDER BY created_at DESC, id`, {
      type: QueryTypes.SELECT,
      replacements: { quizId },
    });
    return rows.map(toRun);
  }
}

import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** `accepted` (an email row, whatever happened to it) exists in replies only: stored rows keep the real outcome. */
export type BulkResultKind = 'enrolled' | 'already_enrolled' | 'unknown_user' | 'invalid' | 'accepted';

export interface BulkResult {
  row: number;
  input: string;
  userId: string | null;
  result: BulkResultKind;
  enrollmentId: string | null;
  detail: string;
}

export interface BulkJob {
  id: string;
  courseId: string;
  requestedBy: string;
  status: 'running' | 'completed';
  total: number;
  enrolled: number;
  alreadyEnrolled: number;
  unknownUser: number;
  invalid: number;
  createdAt: Date;
  completedAt: Date | null;
  results: BulkResult[];
}

/** Bulk enrolment jobs and their per-row results. */
export class BulkJobRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async save(transaction: Transaction, job: BulkJob): Promise<void> {
    await this.sequelize.query(
      `INSERT INTO bulk_enrollment_jobs (id, course_id, requested_by, status, total, enrolled, already_enrolled, unknown_user, invalid, created_at, completed_at)
       VALUES (:id, :courseId, :requestedBy, :status, :total, :enrolled, :alreadyEnrolled, :unknownUser, :invalid, :createdAt, :completedAt)`,
      { transaction, replacements: { ...job, results: undefined } },
    );
    for (let i = 0; i < job.results.length; i += 500) {
      const chunk = job.results.slice(i, i + 500);
      const replacements: Record<string, unknown> = { jobId: job.id };
      const tuples = chunk.map((r, k) => {
        Object.assign(replacements, {
          [`row${k}`]: r.row,
          [`input${k}`]: r.input,
          [`user${k}`]: r.userId,
          [`result${k}`]: r.result,
          [`enr${k}`]: r.enrollmentId,
          [`detail${k}`]: r.detail,
        });
        return `(:jobId, :row${k}, :input${k}, :user${k}, :result${k}, :enr${k}, :detail${k})`;
      });
      await this.sequelize.query(
        `INSERT INTO bulk_enrollment_results (job_id, row, input, user_id, result, enrollment_id, detail) VALUES ${tuples.join(', ')}`,
        { transaction, replacements },
      );
    }
  }

  async get(id: string): Promise<BulkJob | null> {
    const jobs = await this.sequelize.query<Record<string, unknown>>('SELECT * FROM bulk_enrollment_jobs WHERE id = :id', {
      type: QueryTypes.SELECT,
      replacements: { id },
    });
    if (!jobs[0]) return null;
    const j = jobs[0];
    const results = await this.sequelize.query<Record<string, unknown>>(
      'SELECT * FROM bulk_enrollment_results WHERE job_id = :id ORDER BY row',
      { type: QueryTypes.SELECT, replacements: { id } },
    );
    return {
      id: j.id as string,
      courseId: j.course_id as string,
      requestedBy: j.requested_by as string,
      status: j.status as BulkJob['status'],
      total: j.total as number,
      enrolled: j.enrolled as number,
      alreadyEnrolled: j.already_enrolled as number,
      unknownUser: j.unknown_user as number,
      invalid: j.invalid as number,
      createdAt: j.created_at as Date,
      completedAt: (j.completed_at as Date | null) ?? null,
      results: results.map((r) => ({
        row: r.row as number,
        input: r.input as string,
        userId: (r.user_id as string | null) ?? null,
        result: r.result as BulkResultKind,
        enrollmentId: (r.enrollment_id as string | null) ?? null,
        detail: r.detail as string,
      })),
    };
  }
}

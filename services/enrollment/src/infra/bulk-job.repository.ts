import type { SqlSession } from '@lms/kit/db';

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

/**
 * Bulk enrolment jobs and their per-row results, stored as an audit record: written once when the job
 * completes and never read back by the service (the caller gets the job in the BulkEnroll reply).
 */
export class BulkJobRepository {
  constructor(private readonly sql: SqlSession) {}

  async save(job: BulkJob): Promise<void> {
    await this.sql.query(
      `INSERT INTO bulk_enrollment_jobs (id, course_id, requested_by, status, total, enrolled, already_enrolled, unknown_user, invalid, created_at, completed_at)
       VALUES (:id, :courseId, :requestedBy, :status, :total, :enrolled, :alreadyEnrolled, :unknownUser, :invalid, :createdAt, :completedAt)`,
      { replacements: { ...job, results: undefined } },
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
      await this.sql.query(
        `INSERT INTO bulk_enrollment_results (job_id, row, input, user_id, result, enrollment_id, detail) VALUES ${tuples.join(', ')}`,
        { replacements },
      );
    }
  }
}

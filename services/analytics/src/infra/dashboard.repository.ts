import type { SqlSession } from '@lms/kit/db';

/** Reads of the read models for dashboards and reports (index ranges and aggregates only). */
export class DashboardRepository {
  constructor(protected readonly sql: SqlSession) {}
}

import type { SqlSession } from '@lms/kit/db';

/** Writes of the read models (ingestion): fact rows and the aggregates kept by deltas. Owned by ingestion. */
export class FactRepository {
  constructor(protected readonly sql: SqlSession) {}
}

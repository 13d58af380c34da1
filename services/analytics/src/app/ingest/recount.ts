import type { AggregateMismatch } from '../../infra/recount.repository';
import type { AnalyticsRepositories } from '../deps';

export type { AggregateMismatch };

/**
 * Every aggregate row that differs from a recount of the fact rows (course_stats, lesson_stats, quiz_stats,
 * quiz_students, question_stats, student_daily, course_daily, system_daily summed over shards, course_pairs,
 * and the enrolments' lesson counters); empty when the read models are consistent. Time per day cannot be
 * recounted (the rows keep totals), so it is checked as totals per student and per course. Full scans: for
 * `analytics rebuild --check` and tests. Call it with `deps.units.read` (or a unit of work).
 */
export function recountMismatches(repositories: Pick<AnalyticsRepositories, 'recount'>, limitPerCheck = 20): Promise<AggregateMismatch[]> {
  return repositories.recount.mismatches(limitPerCheck);
}

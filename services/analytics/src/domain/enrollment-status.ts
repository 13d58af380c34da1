/** The status of an enrolment, as the enrollment service has it. */
export type EnrollmentStatus = 'active' | 'completed' | 'dropped' | 'expired';

/** The status facts of one enrolment stored by analytics (each kept whatever the order they arrive in). */
export interface StatusFacts {
  enrolledAt: Date | null;
  /** The newest drop. */
  droppedAt: Date | null;
  /** The newest expiry. */
  expiredAt: Date | null;
  /** The newest reactivation. */
  reactivatedAt: Date | null;
  /** The first completion (sticky). */
  completedAt: Date | null;
}

const newest = (a: Date | null, b: Date | null): Date | null => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * The enrolment's status from its stored facts, the same whatever order they arrived in:
 * the newest close (drop or expiry) wins over the newest open (enrolment or reactivation) when it is later;
 * a completed enrolment never expires (the enrollment service's rule: completion is sticky, expiry only
 * ends active ones), so an expiry is ignored once completed_at is known; otherwise completed if it ever
 * completed, else active.
 */
export function enrollmentStatus(facts: StatusFacts): EnrollmentStatus {
  const expiredAt = facts.completedAt ? null : facts.expiredAt;
  const lastClose = newest(facts.droppedAt, expiredAt);
  const lastOpen = newest(facts.enrolledAt, facts.reactivatedAt);
  if (lastClose && (!lastOpen || lastClose > lastOpen)) {
    return facts.droppedAt && (!expiredAt || facts.droppedAt >= expiredAt) ? 'dropped' : 'expired';
  }
  return facts.completedAt ? 'completed' : 'active';
}

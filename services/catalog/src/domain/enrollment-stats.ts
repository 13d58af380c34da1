/**
 * The local view of one enrolment, built from the enrollment service's events. A course's
 * enrollment_count, average_rating and rating_count are derived from these rows, so the numbers stay
 * exact under redelivery (the inbox drops duplicates) and reordering (older facts never overwrite newer).
 */
export interface EnrollmentRecord {
  enrollmentId: string;
  courseId: string;
  studentId: string;
  active: boolean;
  /** Time of the enrolment status fact last applied (null: only a review is known so far). */
  statusAt: Date | null;
  rating: number | null;
  ratedAt: Date | null;
}

export type EnrollmentFact =
  | { kind: 'created'; at: Date }
  | { kind: 'dropped'; at: Date }
  | { kind: 'reactivated'; at: Date }
  | { kind: 'reviewed'; rating: number; at: Date };

/**
 * Applies one fact to the enrolment's record (undefined: not seen before) and returns the new record,
 * or undefined when the fact is older than what is already known and changes nothing.
 * Status facts: created/reactivated → active, dropped → inactive, applied only when strictly newer.
 * Reviews: the newest rating wins. Ratings count whether or not the enrolment is still active.
 */
export function applyEnrollmentFact(
  previous: EnrollmentRecord | undefined,
  ids: { enrollmentId: string; courseId: string; studentId: string },
  fact: EnrollmentFact,
): EnrollmentRecord | undefined {
  const base: EnrollmentRecord = previous ?? { ...ids, active: false, statusAt: null, rating: null, ratedAt: null };
  if (fact.kind === 'reviewed') {
    if (base.ratedAt && fact.at.getTime() <= base.ratedAt.getTime()) return previous ? undefined : base;
    return { ...base, rating: fact.rating, ratedAt: fact.at };
  }
  if (base.statusAt && fact.at.getTime() <= base.statusAt.getTime()) return previous ? undefined : base;
  return { ...base, active: fact.kind !== 'dropped', statusAt: fact.at };
}

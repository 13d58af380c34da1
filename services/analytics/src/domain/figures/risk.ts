import { wholeDaysBetween } from './dates';
import { median, round2 } from './numbers';

/** An active enrolment as the at-risk report sees it. */
export interface RiskInput {
  enrollmentId: string;
  studentId: string;
  enrolledAt: Date | null;
  firstActivityAt: Date | null;
  lastActivityAt: Date | null;
  progress: number;
  /** Quizzes of the course failed at least twice and never passed by this learner. */
  repeatedlyFailedQuizzes: number;
}

export interface RiskReasonView {
  code: 'inactive' | 'behind_cohort' | 'repeated_quiz_failure' | 'never_started';
  detail: string;
}

export interface RiskAssessment {
  input: RiskInput;
  daysEnrolled: number;
  daysInactive: number;
  cohortMedian: number;
  score: number;
  reasons: RiskReasonView[];
}

export const RISK_WEIGHTS = { inactive: 40, inactivePerDayCap: 20, behindCohort: 30, repeatedFailure: 30, neverStarted: 50 } as const;
/** A learner is behind when this many points under the median of their cohort. */
export const BEHIND_BY_POINTS = 25;
/** A cohort (same week of enrolment age) counts from this many learners. */
export const MIN_COHORT = 3;
/** No activity this many days after enrolling = never started. */
export const NEVER_STARTED_DAYS = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Scores every active enrolment of a course. Reasons: `never_started` (no activity ≥ 3 days after enrolling),
 * `inactive` (≥ `inactivityDays` without activity, counted from the enrolment when there was none),
 * `behind_cohort` (progress < median − 25 among the active enrolments of the same enrolment-age week, cohort ≥ 3),
 * `repeated_quiz_failure`. Score = min(100, Σ weights), inactive 40 + 1 a day beyond the threshold (at most 20).
 * Returns only the enrolments with a reason, highest score first, then the longest silence, then the id.
 */
export function assessRisk(inputs: readonly RiskInput[], now: Date, inactivityDays: number): RiskAssessment[] {
  const base = inputs.map((input) => {
    const enrolled = input.enrolledAt ?? input.firstActivityAt ?? now;
    return {
      input,
      daysEnrolled: wholeDaysBetween(enrolled, now),
      daysInactive: wholeDaysBetween(input.lastActivityAt ?? enrolled, now),
    };
  });
  const cohorts = new Map<number, number[]>();
  for (const b of base) {
    const week = Math.floor(b.daysEnrolled / 7);
    cohorts.set(week, [...(cohorts.get(week) ?? []), b.input.progress]);
  }
  const out: RiskAssessment[] = [];
  for (const b of base) {
    const cohort = cohorts.get(Math.floor(b.daysEnrolled / 7)) ?? [];
    const cohortMedian = round2(median(cohort));
    const reasons: RiskReasonView[] = [];
    let score = 0;
    if (!b.input.firstActivityAt && b.daysEnrolled >= NEVER_STARTED_DAYS) {
      reasons.push({ code: 'never_started', detail: `enrolled ${plural(b.daysEnrolled, 'day')} ago and never started` });
      score += RISK_WEIGHTS.neverStarted;
    }
    if (b.daysInactive >= inactivityDays) {
      reasons.push({ code: 'inactive', detail: `no activity for ${plural(b.daysInactive, 'day')}` });
      score += RISK_WEIGHTS.inactive + Math.min(RISK_WEIGHTS.inactivePerDayCap, b.daysInactive - inactivityDays);
    }
    if (cohort.length >= MIN_COHORT && b.input.progress < cohortMedian - BEHIND_BY_POINTS) {
      reasons.push({ code: 'behind_cohort', detail: `progress ${round2(b.input.progress)}% against a cohort median of ${cohortMedian}%` });
      score += RISK_WEIGHTS.behindCohort;
    }
    if (b.input.repeatedlyFailedQuizzes > 0) {
      reasons.push({ code: 'repeated_quiz_failure', detail: `failed ${b.input.repeatedlyFailedQuizzes === 1 ? 'a quiz' : `${b.input.repeatedlyFailedQuizzes} quizzes`} at least twice without passing` });
      score += RISK_WEIGHTS.repeatedFailure;
    }
    if (reasons.length > 0) out.push({ ...b, cohortMedian, score: Math.min(100, score), reasons });
  }
  return out.sort(
    (a, b) => b.score - a.score || b.daysInactive - a.daysInactive || a.input.enrollmentId.localeCompare(b.input.enrollmentId),
  );
}

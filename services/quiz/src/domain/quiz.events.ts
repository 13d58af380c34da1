import type { DomainEvent } from '@lms/kit/events';

/**
 * The facts the quiz service publishes (documented in protos/events/README.md, section "quiz"). Builders are
 * pure: the unit of work wraps them in a CloudEvents envelope (source lms/quiz, subject = attempt id) and
 * writes them to the outbox in the same transaction as the change.
 */
export const EVENT_SOURCE = 'lms/quiz';

/** `<aggregate>.<past-tense verb>`: the aggregate is the attempt. */
export const ATTEMPT_STARTED = 'attempt.started';
/**
 * The deprecated name of `attempt.started`, published alongside it (same payload, same subject) until the next
 * minor release so consumers bound to it keep working; bind `attempt.started`.
 */
export const ATTEMPT_STARTED_LEGACY = 'quiz.attempt_started';

/** What the builders read from an attempt (structural, so this file depends on nothing). */
export interface AttemptFacts {
  id: string;
  quizId: string;
  lessonId: string;
  courseId: string;
  studentId: string;
  attemptNumber: number;
}

const iso = (d: Date) => d.toISOString();
const ids = (a: AttemptFacts) => ({
  attempt_id: a.id,
  quiz_id: a.quizId,
  lesson_id: a.lessonId,
  course_id: a.courseId,
  student_id: a.studentId,
});

/** `attempt.started`, and its deprecated twin `quiz.attempt_started` during the compatibility period. */
export function attemptStarted(a: AttemptFacts, startedAt: Date, deadlineAt: Date | null): DomainEvent[] {
  const started = {
    type: ATTEMPT_STARTED,
    subject: a.id,
    time: startedAt,
    data: { ...ids(a), attempt_number: a.attemptNumber, started_at: iso(startedAt), deadline_at: deadlineAt ? iso(deadlineAt) : null },
  };
  return [started, { ...started, type: ATTEMPT_STARTED_LEGACY }];
}

export function attemptSubmitted(a: AttemptFacts, submittedAt: Date, autoSubmitted: boolean, status: string) {
  return {
    type: 'quiz.submitted',
    subject: a.id,
    time: submittedAt,
    data: { ...ids(a), attempt_number: a.attemptNumber, submitted_at: iso(submittedAt), auto_submitted: autoSubmitted, status },
  };
}

export function attemptGraded(
  a: AttemptFacts,
  g: { score: number; maxScore: number; percentage: number; passed: boolean; gradedAt: Date; gradedBy: string },
) {
  return {
    type: 'quiz.graded',
    subject: a.id,
    time: g.gradedAt,
    data: {
      ...ids(a),
      attempt_number: a.attemptNumber,
      score: g.score,
      max_score: g.maxScore,
      percentage: g.percentage,
      passed: g.passed,
      graded_at: iso(g.gradedAt),
      graded_by: g.gradedBy,
    },
  };
}

/** The v1 contract consumed by the enrollment service (completes the quiz lesson). */
export function quizPassed(a: AttemptFacts, percentage: number, passedAt: Date) {
  return {
    type: 'quiz.passed',
    subject: a.id,
    time: passedAt,
    data: { ...ids(a), score_percent: percentage, passed_at: iso(passedAt) },
  };
}

export function quizFailed(a: AttemptFacts, percentage: number, failedAt: Date, attemptsRemaining: number) {
  return {
    type: 'quiz.failed',
    subject: a.id,
    time: failedAt,
    data: { ...ids(a), score_percent: percentage, failed_at: iso(failedAt), attempts_remaining: attemptsRemaining },
  };
}

export function attemptRegraded(
  a: AttemptFacts,
  r: { regradeId: string; oldScore: number; newScore: number; oldPercentage: number; newPercentage: number; passed: boolean; at: Date },
) {
  return {
    type: 'quiz.regraded',
    subject: a.id,
    time: r.at,
    data: {
      regrade_id: r.regradeId,
      attempt_id: a.id,
      quiz_id: a.quizId,
      course_id: a.courseId,
      student_id: a.studentId,
      old_score: r.oldScore,
      new_score: r.newScore,
      old_percentage: r.oldPercentage,
      new_percentage: r.newPercentage,
      passed: r.passed,
      regraded_at: iso(r.at),
    },
  };
}

/**
 * The next batch of a regrade run is due: the attempts after `afterId` (null = from the first). Consumed by
 * the quiz service itself; `notBefore` spaces the batches out (the kit holds the event until then).
 */
export function regradeRequested(r: { regradeId: string; quizId: string; afterId: string | null; notBefore: Date | null; at: Date }) {
  return {
    type: 'quiz.regrade_requested',
    subject: r.regradeId,
    time: r.at,
    data: { regrade_id: r.regradeId, quiz_id: r.quizId, after_id: r.afterId, not_before: r.notBefore ? iso(r.notBefore) : null },
  };
}

/** The final-grade facts of an attempt: graded, then passed or failed. */
export function finalGradeEvents(
  a: AttemptFacts,
  g: { score: number; maxScore: number; percentage: number; passed: boolean; gradedAt: Date; gradedBy: string; attemptsRemaining: number },
): DomainEvent[] {
  return [
    attemptGraded(a, g),
    g.passed ? quizPassed(a, g.percentage, g.gradedAt) : quizFailed(a, g.percentage, g.gradedAt, g.attemptsRemaining),
  ];
}

import type { Transaction } from 'sequelize';
import { gradeAttempt, type AttemptGrade } from '../../domain/grading';
import { attemptsRemaining, timeSpentSeconds, type AttemptRecord, type QuizRecord, type ResultEntry } from '../../domain/quiz.entities';
import { attemptSubmitted, finalGradeEvents, type DomainEvent } from '../../domain/quiz.events';
import type { PaperSlot, QuestionVersion, StudentAnswer } from '../../domain/types';
import type { QuizDeps } from '../deps';
import { emit } from '../shared';

/** One question of an attempt: its paper slot, the version pinned at start, and the version its grade used. */
export interface AttemptQuestion {
  slot: PaperSlot;
  position: number;
  pinned: QuestionVersion;
  graded: QuestionVersion;
}

/** The (question, version) pairs an attempt needs: each pinned version, and the version its grade used when different. */
export function versionPairs(attempt: AttemptRecord): { questionId: string; version: number }[] {
  return attempt.paper.flatMap((slot) => {
    const graded = attempt.results[slot.questionId]?.gradedVersion;
    return graded && graded !== slot.version ? [slot, { questionId: slot.questionId, version: graded }] : [slot];
  });
}

/** The attempt's questions in paper order from versions already loaded (keyed `${questionId}:${version}`). */
export function questionsFrom(attempt: AttemptRecord, versions: Map<string, QuestionVersion>): AttemptQuestion[] {
  return attempt.paper.map((slot, i) => {
    const pinned = versions.get(`${slot.questionId}:${slot.version}`);
    if (!pinned) throw new Error(`attempt ${attempt.id}: question version ${slot.questionId}:${slot.version} is missing`);
    const gradedVersion = attempt.results[slot.questionId]?.gradedVersion ?? slot.version;
    return { slot, position: i + 1, pinned, graded: versions.get(`${slot.questionId}:${gradedVersion}`) ?? pinned };
  });
}

/** The attempt's questions in paper order with their pinned and graded versions (one query). */
export async function attemptQuestions(deps: QuizDeps, attempt: AttemptRecord, transaction?: Transaction): Promise<AttemptQuestion[]> {
  return questionsFrom(attempt, await deps.questions.versions(versionPairs(attempt), transaction));
}

/** Manual grades kept in the results (essays graded by a person). */
export function manualGrades(results: Record<string, ResultEntry>): Record<string, { points: number }> {
  const manual: Record<string, { points: number }> = {};
  for (const [id, r] of Object.entries(results)) if (r.gradedBy && r.gradedBy !== 'auto') manual[id] = { points: r.pointsEarned };
  return manual;
}

/**
 * Grades the attempt's answers against the given versions (keeping manual grades), and the per-question
 * results to store. `previous` carries feedback and the graders of manual grades.
 */
export function gradeWith(
  versions: QuestionVersion[],
  answers: Record<string, StudentAnswer>,
  previous: Record<string, ResultEntry>,
  at: Date,
): { grade: AttemptGrade; results: Record<string, ResultEntry> } {
  const grade = gradeAttempt(
    versions.map((version) => ({ version })),
    answers,
    manualGrades(previous),
  );
  const results: Record<string, ResultEntry> = {};
  for (const version of versions) {
    const id = version.questionId;
    const g = grade.grades[id];
    const prev = previous[id];
    const manual = prev?.gradedBy && prev.gradedBy !== 'auto' && version.type === 'essay';
    const unchanged = prev && prev.gradedVersion === version.version && prev.pointsEarned === g.pointsEarned && prev.correctness === g.correctness;
    results[id] = {
      pointsEarned: g.pointsEarned,
      correctness: g.correctness,
      gradedVersion: version.version,
      feedback: prev?.feedback ?? '',
      gradedBy: manual ? prev.gradedBy : g.correctness === 'pending_review' ? '' : 'auto',
      gradedAt: manual || unchanged ? prev.gradedAt : g.correctness === 'pending_review' ? '' : at.toISOString(),
    };
  }
  return { grade, results };
}

export function isPassed(status: string, percentage: number, quiz: Pick<QuizRecord, 'passingScore'>): boolean {
  return status === 'graded' && percentage >= quiz.passingScore;
}

/**
 * Closes an attempt still in progress — submitted by its student or by its deadline — and grades it, in the
 * caller's transaction (the attempt row must be locked). The update is conditional on `in_progress`, so
 * whoever comes second (a concurrent submit, the deadline message, a redelivery) changes nothing and gets
 * null. Events: quiz.submitted, and when the grade is final quiz.graded + quiz.passed or quiz.failed.
 */
export async function closeAttemptLocked(
  deps: QuizDeps,
  transaction: Transaction,
  quiz: QuizRecord,
  attempt: AttemptRecord,
  opts: { auto: boolean; at: Date; answers?: Record<string, StudentAnswer> },
): Promise<AttemptRecord | null> {
  if (attempt.status !== 'in_progress') return null;
  const answers = opts.answers ?? attempt.answers;
  const questions = await attemptQuestions(deps, attempt, transaction);
  const { grade, results } = gradeWith(
    questions.map((q) => q.pinned),
    answers,
    {},
    opts.at,
  );
  const status = grade.pendingReview ? 'pending_review' : 'graded';
  const passed = isPassed(status, grade.percentage, quiz);
  const final = status === 'graded';
  const closed = {
    status,
    results,
    answers,
    score: grade.score,
    maxScore: grade.maxScore,
    percentage: grade.percentage,
    passed,
    gradedAt: final ? opts.at : null,
    gradedBy: final ? 'auto' : null,
    submittedAt: opts.at,
    autoSubmitted: opts.auto,
    timeSpentSeconds: timeSpentSeconds(attempt.startedAt, opts.at, attempt.deadlineAt, opts.auto),
  } as const;
  if (!(await deps.attempts.close(transaction, attempt.id, closed))) return null;
  const events: DomainEvent<unknown>[] = [attemptSubmitted(attempt, opts.at, opts.auto, status)];
  if (final) {
    const used = await deps.attempts.countForStudent(quiz.id, attempt.studentId, transaction);
    events.push(
      ...finalGradeEvents(attempt, {
        score: grade.score,
        maxScore: grade.maxScore,
        percentage: grade.percentage,
        passed,
        gradedAt: opts.at,
        gradedBy: 'auto',
        attemptsRemaining: attemptsRemaining(quiz.maxAttempts, used),
      }),
    );
  }
  await emit(deps, transaction, events);
  return { ...attempt, ...closed };
}

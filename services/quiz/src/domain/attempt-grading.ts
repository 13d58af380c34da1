import { gradeAttempt, type AttemptGrade } from './grading';
import type { AttemptRecord, QuizRecord, ResultEntry } from './quiz.entities';
import type { PaperSlot, QuestionVersion, StudentAnswer } from './types';

/**
 * Grading rules at the level of an attempt: which question versions an attempt is graded against, how its
 * stored results are rebuilt from a grade (keeping manual grades), and when it passes. Pure; the app loads
 * the versions and stores the outcome.
 */

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

/** An attempt passes when its grade is final and reaches the quiz's passing score. */
export function isPassed(status: string, percentage: number, quiz: Pick<QuizRecord, 'passingScore'>): boolean {
  return status === 'graded' && percentage >= quiz.passingScore;
}

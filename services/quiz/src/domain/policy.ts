import { round2 } from './grading';
import type { ScoringPolicy, ShowCorrectAnswers } from './types';

/** Which score a student keeps over several attempts, and when the answer key may be shown to them. */

export interface GradedAttemptScore {
  attemptNumber: number;
  score: number;
  maxScore: number;
  percentage: number;
}

/** The kept score over graded attempts by the quiz's policy; null when none is graded yet. */
export function keptScore(policy: ScoringPolicy, graded: GradedAttemptScore[]): { score: number; percentage: number } | null {
  if (graded.length === 0) return null;
  const byNumber = [...graded].sort((a, b) => a.attemptNumber - b.attemptNumber);
  const pick = (a: GradedAttemptScore) => ({ score: a.score, percentage: a.percentage });
  switch (policy) {
    case 'first':
      return pick(byNumber[0]);
    case 'latest':
      return pick(byNumber[byNumber.length - 1]);
    case 'average':
      return {
        score: round2(graded.reduce((sum, a) => sum + a.score, 0) / graded.length),
        percentage: round2(graded.reduce((sum, a) => sum + a.percentage, 0) / graded.length),
      };
    case 'highest':
    default:
      // Strictly greater, scanning in attempt order: a tie keeps the earlier attempt.
      return pick(byNumber.reduce((best, a) => (a.percentage > best.percentage ? a : best)));
  }
}

export interface RevealFacts {
  viewerIsStaff: boolean;
  attemptSubmitted: boolean;
  studentHasPassed: boolean;
  /** -1 = unlimited. */
  attemptsRemaining: number;
  hasAttemptInProgress: boolean;
  quizClosed: boolean;
}

/**
 * Whether the key (correct answers, accepted answers, explanations) is shown with an attempt's results. The
 * course's staff always see it; a student never before the attempt is submitted (it would answer the attempt).
 */
export function answersRevealed(rule: ShowCorrectAnswers, facts: RevealFacts): boolean {
  if (facts.viewerIsStaff) return true;
  if (!facts.attemptSubmitted) return false;
  switch (rule) {
    case 'after_submit':
      return true;
    case 'after_pass':
      return facts.studentHasPassed;
    case 'after_last_attempt':
      // An attempt still in progress would profit from the key, even with none left to start.
      return (facts.attemptsRemaining === 0 && !facts.hasAttemptInProgress) || facts.quizClosed;
    case 'never':
    default:
      return false;
  }
}

/**
 * For a student's submitted attempt, the rules answersRevealed decides without the student's other attempts
 * (after_submit: shown, never: not), so their history need not be read; undefined when it matters.
 */
export function revealedWithoutHistory(rule: ShowCorrectAnswers): boolean | undefined {
  return rule === 'after_submit' ? true : rule === 'never' ? false : undefined;
}

/** Published and inside its window: from is inclusive, until exclusive (the deadline never passes it). */
export function isOpen(quiz: { isPublished: boolean; availableFrom: Date | null; availableUntil: Date | null }, now: Date): boolean {
  if (!quiz.isPublished) return false;
  if (quiz.availableFrom && now.getTime() < quiz.availableFrom.getTime()) return false;
  if (quiz.availableUntil && now.getTime() >= quiz.availableUntil.getTime()) return false;
  return true;
}

import { keptScore } from '../../domain/policy';
import { asSeen, attemptsRemaining, type QuizRecord, type SeenAttempt } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { loadQuizForStudent, type Caller } from '../shared';

export interface MyAttemptsView {
  quiz: QuizRecord;
  /** With their effective status: `closing` past the deadline until the deadline consumer closes it. */
  items: SeenAttempt[];
  kept: { score: number; percentage: number } | null;
  passed: boolean;
  attemptsUsed: number;
  attemptsRemaining: number;
}

/** The caller's attempts, the score kept by the quiz's policy over graded attempts, attempts left. Reads only. */
export async function listMyAttempts(deps: QuizDeps, caller: Caller, q: { quizId: string }): Promise<MyAttemptsView> {
  const quiz = await loadQuizForStudent(deps, caller, q.quizId);
  const items = await deps.units.read.attempts.listForStudent(quiz.id, caller.userId);
  const kept = keptScore(
    quiz.scoringPolicy,
    items.filter((a) => a.status === 'graded').map((a) => ({ attemptNumber: a.attemptNumber, score: a.score, maxScore: a.maxScore, percentage: a.percentage })),
  );
  const now = deps.clock();
  return {
    quiz,
    items: items.map((a) => asSeen(a, deps.config.SUBMIT_GRACE_SECONDS, now)),
    kept,
    passed: kept !== null && kept.percentage >= quiz.passingScore,
    attemptsUsed: items.length,
    attemptsRemaining: attemptsRemaining(quiz.maxAttempts, items.length),
  };
}

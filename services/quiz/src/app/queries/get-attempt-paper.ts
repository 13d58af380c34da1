import type { AttemptQuestion } from '../../domain/attempt-grading';
import { isExpired, type AttemptRecord, type QuizRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizDeps } from '../deps';
import { attemptQuestions, checkIds, enrolmentAhead, quizForStudent, type Caller } from '../shared';

/** An attempt's paper while in progress: the pinned versions in the attempt's order (rendered without keys). */
export interface PaperView {
  quiz: QuizRecord;
  attempt: AttemptRecord;
  questions: AttemptQuestion[];
  now: Date;
}

/**
 * The caller's attempt in progress with its questions (no keys) and saved answers. None → NOT_FOUND; one whose
 * deadline (plus grace) has passed is `closing` (the deadline consumer closes and grades it): NOT_FOUND too,
 * and nothing is written.
 */
export async function getAttemptPaper(deps: QuizDeps, caller: Caller, q: { quizId: string }): Promise<PaperView> {
  const ids = checkIds({ quiz_id: q.quizId });
  if (caller.role !== 'student') throw QuizErrors.studentsOnly();
  const { read } = deps.units;
  const ahead = enrolmentAhead(deps, caller, ids.quiz_id);
  // The quiz and the attempt in one read; the attempt counts only once the quiz is the student's to see (as before).
  const found = await read.attempts.findQuizWithInProgress(ids.quiz_id, caller.userId);
  const quiz = await quizForStudent(deps, found.quiz, ahead);
  const attempt = found.attempt;
  const now = deps.clock();
  if (!attempt || isExpired(attempt, deps.config.SUBMIT_GRACE_SECONDS, now)) throw QuizErrors.noAttemptInProgress();
  return { quiz, attempt, questions: await attemptQuestions(read, attempt), now };
}

import type { DomainEvent } from '@lms/kit/events';
import { gradeWith, isPassed } from '../../domain/attempt-grading';
import { attemptsRemaining, timeSpentSeconds, type AttemptRecord, type QuizRecord } from '../../domain/quiz.entities';
import { answerFacts, attemptSubmitted, finalGradeEvents } from '../../domain/quiz.events';
import type { StudentAnswer } from '../../domain/types';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { attemptQuestions } from '../shared';

/**
 * Closes an attempt still in progress — submitted by its student or by its deadline — and grades it, in the
 * unit of work that locked the attempt row. The update is conditional on `in_progress`, so whoever comes
 * second (a concurrent submit, the deadline message, a redelivery) changes nothing and gets null — as does a
 * close with `ifVersion` (an attempt read without its lock) when anything changed the row since. Events:
 * quiz.submitted, and when the grade is final quiz.graded + quiz.passed or quiz.failed.
 */
export async function closeAttemptLocked(
  uow: QuizUnitOfWork,
  quiz: QuizRecord,
  attempt: AttemptRecord,
  opts: { auto: boolean; at: Date; answers?: Record<string, StudentAnswer>; ifVersion?: string },
): Promise<AttemptRecord | null> {
  if (attempt.status !== 'in_progress') return null;
  const answers = opts.answers ?? attempt.answers;
  const questions = await attemptQuestions(uow, attempt);
  const versions = questions.map((q) => q.pinned);
  const { grade, results } = gradeWith(versions, answers, {}, opts.at);
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
  if (!(await uow.attempts.close(attempt.id, closed, opts.ifVersion))) return null;
  const events: DomainEvent[] = [attemptSubmitted(attempt, opts.at, opts.auto, status)];
  if (final) {
    // The attempt in progress is always the student's latest (one in progress at most; numbers are max + 1 under
    // StartAttempt's lock, from 1, and attempts are never deleted), so its number is how many they have used.
    const used = attempt.attemptNumber;
    events.push(
      ...finalGradeEvents(attempt, {
        score: grade.score,
        maxScore: grade.maxScore,
        percentage: grade.percentage,
        passed,
        gradedAt: opts.at,
        gradedBy: 'auto',
        attemptsRemaining: attemptsRemaining(quiz.maxAttempts, used),
        answers: answerFacts(versions, answers, results),
      }),
    );
  }
  await uow.emit(...events);
  return { ...attempt, ...closed };
}

/**
 * The deadline consumer's command (its message is due at the deadline plus grace): closes the attempt as
 * auto-submitted if it is still in progress, under its row lock. True when it closed it.
 */
export async function closeAttemptAtDeadline(uow: QuizUnitOfWork, ctx: Pick<QuizPorts, 'clock'>, cmd: { attemptId: string }): Promise<boolean> {
  const attempt = await uow.attempts.findById(cmd.attemptId, true);
  if (!attempt || attempt.status !== 'in_progress') return false;
  const now = ctx.clock();
  const quiz = await uow.quizzes.findById(attempt.quizId);
  if (!quiz) return false;
  return (await closeAttemptLocked(uow, quiz, attempt, { auto: true, at: now })) !== null;
}

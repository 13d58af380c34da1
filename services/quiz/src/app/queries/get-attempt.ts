import type { AttemptQuestion } from '../../domain/attempt-grading';
import { answersRevealed, isOpen, revealedWithoutHistory } from '../../domain/policy';
import { asSeen, attemptsRemaining, isSubmitted, type AttemptRecord, type QuizRecord, type SeenAttempt } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizDeps, QuizRepositories } from '../deps';
import { attemptQuestions, checkIds, isQuizStaff, requireEnrolled, type Caller, type Viewer } from '../shared';

/** An attempt with its results as the viewer may see them. */
export interface ResultView {
  quiz: QuizRecord;
  /** With its effective status: `closing` past its deadline until the deadline consumer closes it. */
  attempt: SeenAttempt;
  /** Empty until the attempt is submitted. */
  questions: AttemptQuestion[];
  revealed: boolean;
  now: Date;
}

/** Whether the key may be shown to this viewer for this submitted attempt (the quiz's show_correct_answers). */
async function revealFor(read: QuizRepositories, quiz: QuizRecord, attempt: AttemptRecord, viewer: Viewer, now: Date): Promise<boolean> {
  if (viewer === 'staff') return true;
  const decided = revealedWithoutHistory(quiz.showCorrectAnswers);
  if (decided !== undefined) return decided;
  const all = await read.attempts.listForStudent(quiz.id, attempt.studentId);
  return answersRevealed(quiz.showCorrectAnswers, {
    viewerIsStaff: false,
    attemptSubmitted: true,
    studentHasPassed: all.some((a) => a.status === 'graded' && a.passed),
    attemptsRemaining: attemptsRemaining(quiz.maxAttempts, all.length),
    hasAttemptInProgress: all.some((a) => a.status === 'in_progress'),
    quizClosed: !isOpen(quiz, now),
  });
}

/** The results of an attempt as `viewer` may see them; an attempt not yet submitted (or `closing`) shows none. */
export async function resultView(deps: QuizDeps, quiz: QuizRecord, attempt: AttemptRecord, viewer: Viewer): Promise<ResultView> {
  const now = deps.clock();
  const seen = asSeen(attempt, deps.config.SUBMIT_GRACE_SECONDS, now);
  if (!isSubmitted(seen)) return { quiz, attempt: seen, questions: [], revealed: false, now };
  const { read } = deps.units;
  const [questions, revealed] = await Promise.all([attemptQuestions(read, attempt), revealFor(read, quiz, attempt, viewer, now)]);
  return { quiz, attempt: seen, questions, revealed, now };
}

/**
 * One attempt with its results: its student (enrolled, published quiz), the course owner, an admin. Anyone
 * else → NOT_FOUND, like an id that does not exist. Past its deadline and not yet closed: status `closing`.
 */
export async function getAttempt(deps: QuizDeps, caller: Caller, ref: { quizId: string; attemptId: string }): Promise<ResultView> {
  const ids = checkIds({ quiz_id: ref.quizId, attempt_id: ref.attemptId }, ['quiz_id']);
  const { read } = deps.units;
  const attempt = await read.attempts.findById(ids.attempt_id);
  if (!attempt || (ids.quiz_id && ids.quiz_id !== attempt.quizId)) throw QuizErrors.attemptNotFound();
  const quiz = await read.quizzes.findById(attempt.quizId);
  if (!quiz) throw QuizErrors.attemptNotFound();
  let viewer: Viewer;
  if (isQuizStaff(caller, quiz)) viewer = 'staff';
  else if (caller.userId === attempt.studentId) {
    if (!quiz.isPublished) throw QuizErrors.attemptNotFound();
    await requireEnrolled(deps, quiz.courseId);
    viewer = 'student';
  } else throw QuizErrors.attemptNotFound();
  return resultView(deps, quiz, attempt, viewer);
}

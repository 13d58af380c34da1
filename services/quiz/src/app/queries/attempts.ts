import { keptScore, answersRevealed, isOpen } from '../../domain/policy';
import { attemptsRemaining, isExpired, type AttemptRecord, type QuizRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import type { QuizDeps } from '../deps';
import { checkIds, isQuizStaff, loadManagedQuiz, loadQuizForStudent, requireEnrolled, type Caller, type Viewer } from '../shared';
import { closeById, settleExpired } from '../commands/attempts';
import { attemptQuestions, type AttemptQuestion } from '../commands/grading';
import type { RegradeRun } from '../../infra/regrade.repository';

/** An attempt's paper while in progress: the pinned versions in the attempt's order (rendered without keys). */
export interface PaperView {
  quiz: QuizRecord;
  attempt: AttemptRecord;
  questions: AttemptQuestion[];
  now: Date;
}

/** An attempt with its results as the viewer may see them. */
export interface ResultView {
  quiz: QuizRecord;
  attempt: AttemptRecord;
  /** Empty while the attempt is in progress. */
  questions: AttemptQuestion[];
  revealed: boolean;
  now: Date;
}

/**
 * The caller's attempt in progress with its questions (no keys) and saved answers. None → NOT_FOUND; one whose
 * deadline (plus grace) has passed is closed and graded first, then NOT_FOUND too.
 */
export async function getAttemptPaper(deps: QuizDeps, caller: Caller, q: { quizId: string }): Promise<PaperView> {
  const quiz = await loadQuizForStudent(deps, caller, q.quizId);
  const attempt = await deps.attempts.findInProgress(quiz.id, caller.userId);
  if (!attempt) throw QuizErrors.noAttemptInProgress();
  if (isExpired(attempt, deps.config.SUBMIT_GRACE_SECONDS, deps.clock())) {
    await closeById(deps, attempt.id, { auto: true, requireExpired: true });
    throw QuizErrors.noAttemptInProgress();
  }
  return { quiz, attempt, questions: await attemptQuestions(deps, attempt), now: deps.clock() };
}

/** Whether the key may be shown to this viewer for this attempt (the quiz's show_correct_answers). */
async function revealFor(deps: QuizDeps, quiz: QuizRecord, attempt: AttemptRecord, viewer: Viewer, now: Date): Promise<boolean> {
  if (viewer === 'staff') return true;
  if (attempt.status === 'in_progress') return false;
  const all = await deps.attempts.listForStudent(quiz.id, attempt.studentId);
  return answersRevealed(quiz.showCorrectAnswers, {
    viewerIsStaff: false,
    attemptSubmitted: true,
    studentHasPassed: all.some((a) => a.status === 'graded' && a.passed),
    attemptsRemaining: attemptsRemaining(quiz.maxAttempts, all.length),
    hasAttemptInProgress: all.some((a) => a.status === 'in_progress'),
    quizClosed: !isOpen(quiz, now),
  });
}

export async function resultView(deps: QuizDeps, quiz: QuizRecord, attempt: AttemptRecord, viewer: Viewer): Promise<ResultView> {
  const now = deps.clock();
  if (attempt.status === 'in_progress') return { quiz, attempt, questions: [], revealed: false, now };
  const [questions, revealed] = await Promise.all([attemptQuestions(deps, attempt), revealFor(deps, quiz, attempt, viewer, now)]);
  return { quiz, attempt, questions, revealed, now };
}

/**
 * One attempt with its results: its student (enrolled, published quiz), the course owner, an admin. Anyone
 * else → NOT_FOUND, like an id that does not exist.
 */
export async function getAttempt(deps: QuizDeps, caller: Caller, ref: { quizId: string; attemptId: string }): Promise<ResultView> {
  const ids = checkIds({ quiz_id: ref.quizId, attempt_id: ref.attemptId }, ['quiz_id']);
  let attempt = await deps.attempts.findById(ids.attempt_id);
  if (!attempt || (ids.quiz_id && ids.quiz_id !== attempt.quizId)) throw QuizErrors.attemptNotFound();
  const quiz = await deps.quizzes.findById(attempt.quizId);
  if (!quiz) throw QuizErrors.attemptNotFound();
  let viewer: Viewer;
  if (isQuizStaff(caller, quiz)) viewer = 'staff';
  else if (caller.userId === attempt.studentId) {
    if (!quiz.isPublished) throw QuizErrors.attemptNotFound();
    await requireEnrolled(deps, quiz.courseId);
    viewer = 'student';
  } else throw QuizErrors.attemptNotFound();
  if (attempt.status === 'in_progress' && isExpired(attempt, deps.config.SUBMIT_GRACE_SECONDS, deps.clock())) {
    await closeById(deps, attempt.id, { auto: true, requireExpired: true });
    attempt = (await deps.attempts.findById(attempt.id))!;
  }
  return resultView(deps, quiz, attempt, viewer);
}

export interface MyAttemptsView {
  quiz: QuizRecord;
  items: AttemptRecord[];
  kept: { score: number; percentage: number } | null;
  passed: boolean;
  attemptsUsed: number;
  attemptsRemaining: number;
}

/** The caller's attempts, the score kept by the quiz's policy over graded attempts, attempts left. */
export async function listMyAttempts(deps: QuizDeps, caller: Caller, q: { quizId: string }): Promise<MyAttemptsView> {
  const quiz = await loadQuizForStudent(deps, caller, q.quizId);
  await settleExpired(deps, quiz, caller.userId);
  const items = await deps.attempts.listForStudent(quiz.id, caller.userId);
  const kept = keptScore(
    quiz.scoringPolicy,
    items.filter((a) => a.status === 'graded').map((a) => ({ attemptNumber: a.attemptNumber, score: a.score, maxScore: a.maxScore, percentage: a.percentage })),
  );
  return {
    quiz,
    items,
    kept,
    passed: kept !== null && kept.percentage >= quiz.passingScore,
    attemptsUsed: items.length,
    attemptsRemaining: attemptsRemaining(quiz.maxAttempts, items.length),
  };
}

const ATTEMPT_STATUSES = ['in_progress', 'pending_review', 'graded'];

/** Every attempt of a quiz (owner, admin), newest first, filtered by status and student. */
export async function listAttempts(
  deps: QuizDeps,
  caller: Caller,
  q: { quizId: string; page: number; pageSize: number; status: string; studentId: string },
): Promise<{ items: AttemptRecord[]; total: number; page: number; pageSize: number }> {
  const ids = checkIds({ quiz_id: q.quizId, student_id: q.studentId }, ['student_id']);
  const fields: { loc: string[]; msg: string }[] = [];
  if (q.status && !ATTEMPT_STATUSES.includes(q.status)) fields.push({ loc: ['status'], msg: `must be one of: ${ATTEMPT_STATUSES.join(', ')}` });
  if (q.page < 0) fields.push({ loc: ['page'], msg: 'must be at least 1' });
  if (q.pageSize < 0 || q.pageSize > 100) fields.push({ loc: ['page_size'], msg: 'must be between 1 and 100' });
  if (fields.length) throw QuizErrors.validation(fields);
  const quiz = await loadManagedQuiz(deps, caller, { quizId: ids.quiz_id });
  const page = q.page || 1;
  const pageSize = q.pageSize || 20;
  const { items, total } = await deps.attempts.page(quiz.id, {
    status: q.status || undefined,
    studentId: ids.student_id || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items, total, page, pageSize };
}

export async function listRegrades(deps: QuizDeps, caller: Caller, q: { quizId: string }): Promise<RegradeRun[]> {
  const quiz = await loadManagedQuiz(deps, caller, { quizId: q.quizId });
  return deps.regrades.list(quiz.id);
}

/** One regrade run of the quiz (its progress while it runs); another quiz's run is NOT_FOUND. */
export async function getRegrade(deps: QuizDeps, caller: Caller, q: { quizId: string; regradeId: string }): Promise<RegradeRun> {
  const { regrade_id: regradeId } = checkIds({ regrade_id: q.regradeId });
  const quiz = await loadManagedQuiz(deps, caller, { quizId: q.quizId });
  const run = await deps.regrades.find(regradeId);
  if (!run || run.quizId !== quiz.id) throw QuizErrors.regradeNotFound();
  return run;
}

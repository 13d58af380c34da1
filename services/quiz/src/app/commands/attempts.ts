import { randomUUID } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { withTransaction } from '@lms/kit/db';
import { AppError, FieldChecker, PreconditionError } from '@lms/kit/errors';
import { normalizeAnswer } from '../../domain/answer';
import { round2 } from '../../domain/grading';
import { buildPaper, computeDeadline } from '../../domain/paper';
import { isOpen } from '../../domain/policy';
import { isExpired, type AttemptRecord, type QuizRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { attemptStarted } from '../../domain/quiz.events';
import { newSeed } from '../../domain/random';
import type { StudentAnswer } from '../../domain/types';
import type { QuizDeps } from '../deps';
import { checkIds, emit, loadQuizForStudent, type Caller } from '../shared';
import { attemptQuestions, closeAttemptLocked } from './grading';

/** A use case's outcome decided inside a transaction that must commit before the refusal is thrown. */
type Outcome<T> = { ok: T } | { refuse: AppError };

async function commitThenThrow<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const result = await outcome;
  if ('refuse' in result) throw result.refuse;
  return result.ok;
}

/** Serialises StartAttempt of one student at one quiz (transaction-scoped advisory lock). */
async function lockStudentQuiz(deps: QuizDeps, transaction: Transaction, quizId: string, studentId: string): Promise<void> {
  await deps.sequelize.query('SELECT pg_advisory_xact_lock(hashtext(:quizId), hashtext(:studentId))', {
    type: QueryTypes.SELECT,
    transaction,
    replacements: { quizId, studentId },
  });
}

/** The quiz's lesson as the enrollment service sees it for the student (drip dates, prerequisites). */
interface LessonGate {
  lessonId: string;
  locked: boolean;
  unlockAt: string;
  reason: string;
  missingLessonIds: string[];
}

/**
 * The attempt side's entry: a student, a published quiz, and ONE `IsEnrolled` call with the student's own
 * token that answers both "enrolled?" (active or completed, access not ended) and "may they open the quiz's
 * lesson now?" — the enrollment service is the one authority on drip dates and prerequisites (the same rules
 * as its progress writes and catalog's lesson content). Enrollment unreachable → UNAVAILABLE (fail closed).
 */
async function loadQuizToStart(deps: QuizDeps, caller: Caller, quizId: string): Promise<{ quiz: QuizRecord; gate: LessonGate }> {
  const ids = checkIds({ quiz_id: quizId });
  if (caller.role !== 'student') throw QuizErrors.studentsOnly();
  const quiz = await deps.quizzes.findById(ids.quiz_id);
  if (!quiz || !quiz.isPublished) throw QuizErrors.quizNotFound();
  let reply;
  try {
    reply = await deps.enrollment.IsEnrolled({ course_id: quiz.courseId, student_id: '', lesson_id: quiz.lessonId });
  } catch (err) {
    if (err instanceof AppError && err.kind !== 'unavailable' && err.kind !== 'internal') {
      if (err.kind === 'not_found' || err.kind === 'permission_denied') throw QuizErrors.notEnrolled();
      throw err;
    }
    throw QuizErrors.enrollmentUnavailable(err);
  }
  if (!reply.enrolled) throw QuizErrors.notEnrolled();
  const gate = {
    lessonId: quiz.lessonId,
    locked: reply.lesson_locked,
    unlockAt: reply.unlock_at,
    reason: reply.lock_reason,
    missingLessonIds: reply.missing_lesson_ids,
  };
  return { quiz, gate };
}

/** FAILED_PRECONDITION `QUIZ.LESSON_LOCKED`: the quiz's lesson is not open for the student yet (meta: when, why). */
function lessonLocked(gate: LessonGate): AppError {
  const message =
    gate.reason === 'drip' && gate.unlockAt
      ? `The lesson of this quiz is locked until ${gate.unlockAt}`
      : gate.reason === 'prerequisite'
        ? 'The lesson of this quiz is locked: complete its prerequisite first'
        : 'The lesson of this quiz is locked for now';
  return new PreconditionError(message, 'QUIZ.LESSON_LOCKED', {
    lesson_id: gate.lessonId,
    unlock_at: gate.unlockAt || null,
    lock_reason: gate.reason || 'unknown_lesson',
    lesson_ids: gate.missingLessonIds,
  });
}

/**
 * Starts an attempt, or returns the one in progress (resumed). An attempt in progress whose deadline (plus
 * grace) has passed is closed and graded first. The new attempt pins its paper (question versions, pool draw
 * and shuffles from a seed) and its deadline, and `quiz.attempt_started` is written in the same transaction
 * (its delayed delivery is what closes the attempt at its deadline).
 */
export async function startAttempt(deps: QuizDeps, caller: Caller, cmd: { quizId: string }): Promise<{ attempt: AttemptRecord; resumed: boolean }> {
  const { quiz, gate } = await loadQuizToStart(deps, caller, cmd.quizId);
  if (!isOpen(quiz, deps.clock())) throw QuizErrors.quizNotOpen(quiz.availableFrom, quiz.availableUntil);
  const grace = deps.config.SUBMIT_GRACE_SECONDS;
  return commitThenThrow(
    withTransaction(deps.sequelize, async (transaction): Promise<Outcome<{ attempt: AttemptRecord; resumed: boolean }>> => {
      await lockStudentQuiz(deps, transaction, quiz.id, caller.userId);
      // A share lock: the quiz cannot be deleted or its questions reordered under a starting attempt.
      const current = (await deps.quizzes.findById(quiz.id, transaction, 'share')) ?? quiz;
      const now = deps.clock();
      const existing = await deps.attempts.findInProgress(quiz.id, caller.userId, transaction, true);
      if (existing) {
        if (!isExpired(existing, grace, now)) return { ok: { attempt: existing, resumed: true } };
        await closeAttemptLocked(deps, transaction, current, existing, { auto: true, at: now });
      }
      // A new attempt only on an open lesson (an attempt started before a lock appeared is resumed above).
      if (gate.locked) return { refuse: lessonLocked(gate) };
      if (!isOpen(current, now)) return { refuse: QuizErrors.quizNotOpen(current.availableFrom, current.availableUntil) };
      const used = await deps.attempts.countForStudent(quiz.id, caller.userId, transaction);
      if (current.maxAttempts > 0 && used >= current.maxAttempts) return { refuse: QuizErrors.maxAttemptsReached(current.maxAttempts) };

      const [questions, pools] = await Promise.all([deps.questions.listCurrent(quiz.id, transaction), deps.quizzes.listPools(quiz.id, transaction)]);
      const seed = newSeed();
      const paper = buildPaper({
        questions,
        pools: pools.map((p) => ({ id: p.id, drawCount: p.drawCount })),
        shuffleQuestions: current.shuffleQuestions,
        shuffleOptions: current.shuffleOptions,
        seed,
      });
      if (paper.length === 0) return { refuse: QuizErrors.quizEmpty() };
      const byId = new Map(questions.map((q) => [q.questionId, q]));
      const attempt: AttemptRecord = {
        id: randomUUID(),
        quizId: quiz.id,
        courseId: current.courseId,
        lessonId: current.lessonId,
        studentId: caller.userId,
        attemptNumber: await deps.attempts.nextAttemptNumber(quiz.id, caller.userId, transaction),
        status: 'in_progress',
        seed,
        paper,
        answers: {},
        results: {},
        startedAt: now,
        deadlineAt: computeDeadline(now, current.timeLimitMinutes, current.availableUntil),
        lastSavedAt: null,
        submittedAt: null,
        autoSubmitted: false,
        gradedAt: null,
        gradedBy: null,
        score: 0,
        maxScore: round2(paper.reduce((sum, slot) => sum + (byId.get(slot.questionId)?.points ?? 0), 0)),
        percentage: 0,
        passed: false,
        timeSpentSeconds: 0,
      };
      await deps.attempts.insert(transaction, attempt);
      await emit(deps, transaction, [attemptStarted(attempt, attempt.startedAt, attempt.deadlineAt)]);
      return { ok: { attempt, resumed: false } };
    }),
  );
}

/** The raw answers of a request keyed by question id (a question twice → INVALID_ARGUMENT). */
export function answersById(deps: QuizDeps, answers: { questionId: string; answer: StudentAnswer }[]): Map<string, StudentAnswer> {
  const check = new FieldChecker();
  if (answers.length > deps.config.MAX_ANSWERS_PER_SAVE) check.add('answers', `at most ${deps.config.MAX_ANSWERS_PER_SAVE} answers per call`);
  const out = new Map<string, StudentAnswer>();
  answers.forEach((a, i) => {
    const id = (a.questionId ?? '').toLowerCase();
    if (!id) check.add(['answers', i, 'question_id'], 'is required');
    else if (out.has(id)) check.add(['answers', i, 'question_id'], 'is answered twice');
    out.set(id, a.answer);
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);
  return out;
}

/** Merges answers into the saved ones, each normalised against the attempt's pinned version of its question. */
async function mergeAnswers(deps: QuizDeps, transaction: Transaction, attempt: AttemptRecord, sent: Map<string, StudentAnswer>): Promise<Record<string, StudentAnswer>> {
  const merged = { ...attempt.answers };
  if (sent.size === 0) return merged;
  const pinned = new Map((await attemptQuestions(deps, attempt, transaction)).map((q) => [q.slot.questionId, q.pinned]));
  const check = new FieldChecker();
  let i = 0;
  for (const [questionId, raw] of sent) {
    const version = pinned.get(questionId);
    if (!version) check.add(['answers', i, 'question_id'], 'is not a question of this attempt');
    else {
      const normalized = normalizeAnswer(version, raw);
      if (normalized) merged[questionId] = normalized;
      else delete merged[questionId];
    }
    i++;
  }
  if (!check.ok) throw QuizErrors.validation(check.errors);
  return merged;
}

/** The caller's own attempt at this quiz, locked; anyone else's (or another quiz's) is NOT_FOUND. */
async function lockOwnAttempt(deps: QuizDeps, transaction: Transaction, caller: Caller, quiz: QuizRecord, attemptId: string): Promise<AttemptRecord> {
  const attempt = await deps.attempts.findById(attemptId, transaction, true);
  if (!attempt || attempt.studentId !== caller.userId || attempt.quizId !== quiz.id) throw QuizErrors.attemptNotFound();
  return attempt;
}

/** quiz_id may be "" on attempt calls: the attempt's own quiz is used (a given one must match). */
async function quizOfAttempt(deps: QuizDeps, caller: Caller, quizId: string, attemptId: string): Promise<{ quiz: QuizRecord; attemptId: string }> {
  const ids = checkIds({ quiz_id: quizId, attempt_id: attemptId }, ['quiz_id']);
  let id = ids.quiz_id;
  if (!id) {
    const attempt = await deps.attempts.findById(ids.attempt_id);
    if (!attempt || attempt.studentId !== caller.userId) throw QuizErrors.attemptNotFound();
    id = attempt.quizId;
  }
  return { quiz: await loadQuizForStudent(deps, caller, id), attemptId: ids.attempt_id };
}

type AnswersCommand = { quizId: string; attemptId: string; answers: { questionId: string; answer: StudentAnswer }[] };

/**
 * The steps save and submit share: the caller's own attempt, locked (`FOR UPDATE`) for the transaction;
 * already closed → QUIZ.ATTEMPT_CLOSED; past its deadline plus grace → closed and graded as auto-submitted
 * (committed), then QUIZ.ATTEMPT_DEADLINE_PASSED; otherwise the sent answers merged into the saved ones and
 * handed to `work`, in the same transaction.
 */
async function withOpenAttempt<T>(
  deps: QuizDeps,
  caller: Caller,
  cmd: AnswersCommand,
  work: (tx: { transaction: Transaction; quiz: QuizRecord; attempt: AttemptRecord; answers: Record<string, StudentAnswer>; now: Date }) => Promise<Outcome<T>>,
): Promise<T> {
  const sent = answersById(deps, cmd.answers);
  const { quiz, attemptId } = await quizOfAttempt(deps, caller, cmd.quizId, cmd.attemptId);
  return commitThenThrow(
    withTransaction(deps.sequelize, async (transaction): Promise<Outcome<T>> => {
      const attempt = await lockOwnAttempt(deps, transaction, caller, quiz, attemptId);
      if (attempt.status !== 'in_progress') return { refuse: QuizErrors.attemptClosed(attempt.status) };
      const now = deps.clock();
      if (isExpired(attempt, deps.config.SUBMIT_GRACE_SECONDS, now)) {
        await closeAttemptLocked(deps, transaction, quiz, attempt, { auto: true, at: now });
        return { refuse: QuizErrors.deadlinePassed(attempt.deadlineAt) };
      }
      const answers = await mergeAnswers(deps, transaction, attempt, sent);
      return work({ transaction, quiz, attempt, answers, now });
    }),
  );
}

/** Saves (merges) answers until the deadline plus grace (see withOpenAttempt for the refusals). */
export function saveAnswers(deps: QuizDeps, caller: Caller, cmd: AnswersCommand): Promise<AttemptRecord> {
  return withOpenAttempt(deps, caller, cmd, async ({ transaction, attempt, answers, now }) => {
    await deps.attempts.saveAnswers(transaction, attempt.id, answers, now);
    return { ok: { ...attempt, answers, lastSavedAt: now } };
  });
}

/**
 * Submits once: the attempt row is locked, so of two concurrent submits (or a submit and the deadline) exactly
 * one closes it; the other finds it closed → QUIZ.ATTEMPT_CLOSED. Optional answers are merged first, in the
 * same transaction; late → see withOpenAttempt.
 */
export function submitAttempt(deps: QuizDeps, caller: Caller, cmd: AnswersCommand): Promise<{ quiz: QuizRecord; attempt: AttemptRecord }> {
  return withOpenAttempt<{ quiz: QuizRecord; attempt: AttemptRecord }>(deps, caller, cmd, async ({ transaction, quiz, attempt, answers, now }) => {
    const closed = await closeAttemptLocked(deps, transaction, quiz, attempt, { auto: false, at: now, answers });
    return closed ? { ok: { quiz, attempt: closed } } : { refuse: QuizErrors.attemptClosed(attempt.status) };
  });
}

/**
 * Closes the student's attempt in progress if its deadline (plus grace) has passed — what the deadline
 * message does, done at once when the student shows up first. Returns true when it closed one.
 */
export async function settleExpired(deps: QuizDeps, quiz: QuizRecord, studentId: string): Promise<boolean> {
  const candidate = await deps.attempts.findInProgress(quiz.id, studentId);
  if (!candidate || !isExpired(candidate, deps.config.SUBMIT_GRACE_SECONDS, deps.clock())) return false;
  return closeById(deps, candidate.id, { auto: true, requireExpired: true });
}

/**
 * Closes an attempt by id if it is still in progress (and, when `requireExpired`, past its deadline plus
 * grace), in its own transaction. The deadline consumer runs the same steps in its inbox transaction.
 */
export async function closeById(deps: QuizDeps, attemptId: string, opts: { auto: boolean; requireExpired: boolean }, transaction?: Transaction): Promise<boolean> {
  const run = async (tx: Transaction) => {
    const attempt = await deps.attempts.findById(attemptId, tx, true);
    if (!attempt || attempt.status !== 'in_progress') return false;
    const now = deps.clock();
    if (opts.requireExpired && !isExpired(attempt, deps.config.SUBMIT_GRACE_SECONDS, now)) return false;
    const quiz = await deps.quizzes.findById(attempt.quizId, tx);
    if (!quiz) return false;
    return (await closeAttemptLocked(deps, tx, quiz, attempt, { auto: opts.auto, at: now })) !== null;
  };
  return transaction ? run(transaction) : withTransaction(deps.sequelize, run);
}

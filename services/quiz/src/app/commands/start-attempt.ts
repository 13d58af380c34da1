import { randomUUID } from 'node:crypto';
import { AppError, PreconditionError } from '@lms/kit/errors';
import { round2 } from '../../domain/grading';
import { buildPaper, computeDeadline } from '../../domain/paper';
import { isOpen } from '../../domain/policy';
import { isExpired, type AttemptRecord, type QuizRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { attemptStarted } from '../../domain/quiz.events';
import { newSeed } from '../../domain/random';
import type { QuizPorts, QuizDeps, QuizUnitOfWork } from '../deps';
import { askEnrollment, checkIds, type Caller, type Outcome } from '../shared';
import { closeAttemptLocked } from './close-attempt';

/** The quiz's lesson as the enrollment service sees it for the student (drip dates, prerequisites). */
interface LessonGate {
  lessonId: string;
  locked: boolean;
  unlockAt: string;
  reason: string;
  missingLessonIds: string[];
}

/** What StartAttempt decided before its unit of work: the student, the quiz (published when read), its lesson's gate. */
export interface StartAttemptInput {
  studentId: string;
  quizId: string;
  gate: LessonGate;
}

/**
 * The remote half of StartAttempt, before any transaction: a student, a published quiz, and ONE `IsEnrolled` call
 * with the student's own token that answers both "enrolled?" (active or completed, access not ended) and "may
 * they open the quiz's lesson now?" — the enrollment service is the one authority on drip dates and
 * prerequisites. Enrollment unreachable → UNAVAILABLE (fail closed). The quiz's course and lesson come from the
 * process's cache once it has seen the quiz published (they never change: no read per start); whether it is still
 * published and open now is decided under its lock, in the unit of work. A refusal for not being enrolled reads
 * the quiz first: one unpublished or deleted since it was cached is NOT_FOUND, as for everyone else.
 */
export async function prepareStartAttempt(deps: QuizDeps, caller: Caller, cmd: { quizId: string }): Promise<StartAttemptInput> {
  const ids = checkIds({ quiz_id: cmd.quizId });
  if (caller.role !== 'student') throw QuizErrors.studentsOnly();
  const placement = await deps.units.read.quizzes.publishedPlacement(ids.quiz_id);
  if (!placement) throw QuizErrors.quizNotFound();
  const reply = await askEnrollment(deps, placement.courseId, placement.lessonId).catch(async (err: unknown) => {
    if (err instanceof AppError && err.code === 'QUIZ.NOT_ENROLLED' && !(await deps.units.read.quizzes.findById(ids.quiz_id))?.isPublished) {
      throw QuizErrors.quizNotFound();
    }
    throw err;
  });
  const gate = {
    lessonId: placement.lessonId,
    locked: reply.lesson_locked,
    unlockAt: reply.unlock_at,
    reason: reply.lock_reason,
    missingLessonIds: reply.missing_lesson_ids,
  };
  return { studentId: caller.userId, quizId: ids.quiz_id, gate };
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
 * The attempt a start would create now, without its number (the next one, given by the insert): its paper drawn
 * from the current definition (question versions, pool draw and shuffles from a fresh seed) and its deadline.
 * Null when the quiz has no question to ask.
 */
async function draftAttempt(uow: QuizUnitOfWork, quiz: QuizRecord, studentId: string, now: Date): Promise<Omit<AttemptRecord, 'attemptNumber'> | null> {
  const { questions, pools } = await uow.questions.drawable(quiz);
  const seed = newSeed();
  const paper = buildPaper({ questions, pools, shuffleQuestions: quiz.shuffleQuestions, shuffleOptions: quiz.shuffleOptions, seed });
  if (paper.length === 0) return null;
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  return {
    id: randomUUID(),
    quizId: quiz.id,
    courseId: quiz.courseId,
    lessonId: quiz.lessonId,
    studentId,
    status: 'in_progress',
    seed,
    paper,
    answers: {},
    results: {},
    startedAt: now,
    deadlineAt: computeDeadline(now, quiz.timeLimitMinutes, quiz.availableUntil),
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
}

/**
 * Starts an attempt, or returns the one in progress (resumed). An attempt in progress whose deadline (plus
 * grace) has passed is closed and graded first. The new attempt pins its paper and its deadline, and
 * `attempt.started` is written in the same transaction (its delayed delivery is what closes the attempt at its
 * deadline). A refusal decided here commits first (the closed attempt stays closed): the entry point throws it
 * after the commit.
 *
 * The common case — nothing in progress, the lesson open, attempts left — is ONE statement after the lock
 * (startNext: the student's attempts counted and the new one inserted), so the paper is drawn before it is known
 * to be needed: on a resume or a refusal the draw (from the in-memory definition) is thrown away.
 */
export async function startAttempt(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  input: StartAttemptInput,
): Promise<Outcome<{ attempt: AttemptRecord; resumed: boolean }>> {
  const { quizId, gate, studentId } = input;
  // The student's starts at this quiz serialised, and the quiz row share-locked: it cannot be deleted, nor its
  // questions changed, under a starting attempt — so its definition_version names exactly what is drawn below.
  const current = await uow.quizzes.lockForStart(quizId, studentId);
  // Unpublished (or deleted) since it was read or cached: not found, as for a quiz never published; not open now
  // (availability window): refused, also with an attempt in progress.
  if (!current || !current.isPublished) return { refuse: QuizErrors.quizNotFound() };
  const now = ctx.clock();
  if (!isOpen(current, now)) return { refuse: QuizErrors.quizNotOpen(current.availableFrom, current.availableUntil) };
  const draft = await draftAttempt(uow, current, studentId, now);
  const next = (create: typeof draft) => uow.attempts.startNext(quizId, studentId, { create, maxAttempts: current.maxAttempts });
  const facts = await next(gate.locked ? null : draft);
  if (draft && facts.createdNumber !== null) return started(uow, { ...draft, attemptNumber: facts.createdNumber });

  const existing = facts.inProgressId ? await uow.attempts.findById(facts.inProgressId, true) : null;
  if (existing?.status === 'in_progress') {
    if (!isExpired(existing, ctx.config.SUBMIT_GRACE_SECONDS, now)) return { ok: { attempt: existing, resumed: true } };
    await closeAttemptLocked(uow, current, existing, { auto: true, at: now });
  }
  // A new attempt only on an open lesson (an attempt started before a lock appeared is resumed above).
  if (gate.locked) return { refuse: lessonLocked(gate) };
  if (current.maxAttempts > 0 && facts.used >= current.maxAttempts) return { refuse: QuizErrors.maxAttemptsReached(current.maxAttempts) };
  if (!draft) return { refuse: QuizErrors.quizEmpty() };
  // The attempt that was in progress is closed now (expired above, or by its deadline since the first statement).
  const retried = await next(draft);
  if (retried.createdNumber === null) throw new Error(`attempt ${facts.inProgressId} still in progress under the start lock`);
  return started(uow, { ...draft, attemptNumber: retried.createdNumber });
}

async function started(uow: QuizUnitOfWork, attempt: AttemptRecord): Promise<Outcome<{ attempt: AttemptRecord; resumed: boolean }>> {
  await uow.emit(attemptStarted(attempt, attempt.startedAt, attempt.deadlineAt));
  return { ok: { attempt, resumed: false } };
}

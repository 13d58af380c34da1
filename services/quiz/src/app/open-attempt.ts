import { FieldChecker } from '@lms/kit/errors';
import { normalizeAnswer } from '../domain/answer';
import { isExpired, type AttemptRecord, type QuizRecord } from '../domain/quiz.entities';
import { QuizErrors } from '../domain/quiz.errors';
import type { StudentAnswer } from '../domain/types';
import { closeAttemptLocked } from './commands/close-attempt';
import type { QuizPorts, QuizDeps, QuizUnitOfWork } from './deps';
import { attemptQuestions, checkIds, enrolmentAhead, loadQuizForStudent, quizForStudent, type Caller, type Outcome } from './shared';

/**
 * What SaveAnswers and SubmitAttempt share: the checks before the unit of work (`prepareAnswers`: the sent
 * answers, the quiz, the student's enrolment asked remotely) and the steps inside it (`withOpenAttempt`).
 */

export type AnswersCommand = { quizId: string; attemptId: string; answers: { questionId: string; answer: StudentAnswer }[] };

/** An answers call checked before its unit of work. */
export interface AnswersInput {
  studentId: string;
  quiz: QuizRecord;
  attemptId: string;
  sent: Map<string, StudentAnswer>;
  /** The caller's attempt at this quiz as read with the quiz (no lock), and its row version; null = not found. */
  seen: { attempt: AttemptRecord; version: string } | null;
}

/** The raw answers of a request keyed by question id (a question twice → INVALID_ARGUMENT). */
function answersById(maxPerSave: number, answers: { questionId: string; answer: StudentAnswer }[]): Map<string, StudentAnswer> {
  const check = new FieldChecker();
  if (answers.length > maxPerSave) check.add('answers', `at most ${maxPerSave} answers per call`);
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

/**
 * Before the unit of work: the answers' shape, then the attempt and its quiz in one read (quiz_id may be "": the
 * attempt's own quiz is used; a given one must match), and the student's enrolment (IsEnrolled, remote: asked
 * concurrently with the read when the quiz's course is already known, `enrolmentAhead`). When the
 * attempt is not the caller's at that quiz, the quiz is read alone, so its errors come first as they always did
 * (the unit of work then answers ATTEMPT_NOT_FOUND).
 */
export async function prepareAnswers(deps: QuizDeps, caller: Caller, cmd: AnswersCommand): Promise<AnswersInput> {
  const sent = answersById(deps.config.MAX_ANSWERS_PER_SAVE, cmd.answers);
  const ids = checkIds({ quiz_id: cmd.quizId, attempt_id: cmd.attemptId }, ['quiz_id']);
  const ahead = enrolmentAhead(deps, caller, ids.quiz_id);
  const found = await deps.units.read.attempts.findWithQuiz(ids.attempt_id);
  const mine = found && found.attempt.studentId === caller.userId && (!ids.quiz_id || ids.quiz_id === found.quiz.id) ? found : null;
  if (!ids.quiz_id && !mine) throw QuizErrors.attemptNotFound();
  if (caller.role !== 'student') throw QuizErrors.studentsOnly();
  const quiz = mine ? await quizForStudent(deps, mine.quiz, ahead) : await loadQuizForStudent(deps, caller, ids.quiz_id, ahead);
  return { studentId: caller.userId, quiz, attemptId: ids.attempt_id, sent, seen: mine && { attempt: mine.attempt, version: mine.version } };
}

/** Merges answers into the saved ones, each normalised against the attempt's pinned version of its question. */
async function mergeAnswers(uow: QuizUnitOfWork, attempt: AttemptRecord, sent: Map<string, StudentAnswer>): Promise<Record<string, StudentAnswer>> {
  const merged = { ...attempt.answers };
  if (sent.size === 0) return merged;
  const pinned = new Map((await attemptQuestions(uow, attempt)).map((q) => [q.slot.questionId, q.pinned]));
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

/** What save and submit do with the open attempt; null = their write was conditional on `ifVersion` and missed. */
type OpenWork<T> = (open: {
  quiz: QuizRecord;
  attempt: AttemptRecord;
  answers: Record<string, StudentAnswer>;
  now: Date;
  ifVersion?: string;
}) => Promise<Outcome<T> | null>;

/**
 * The steps save and submit share inside their unit of work: the caller's own attempt at this quiz, locked
 * (`FOR UPDATE`; anyone else's is NOT_FOUND); already closed → QUIZ.ATTEMPT_CLOSED; past its deadline plus
 * grace → closed and graded as auto-submitted (committed), then QUIZ.ATTEMPT_DEADLINE_PASSED; otherwise the
 * sent answers merged into the saved ones and handed to `work`.
 *
 * The common case takes no lock of its own: an attempt read in progress and within its deadline before the unit
 * of work (`seen`) is handed to `work` with its row version, and `work`'s write is conditional on it — it
 * changes the row only if nothing (a save, a submit, the deadline) changed it since the read, which is what
 * locking it first would have guaranteed. When the write misses, it all runs again from the locked row.
 */
export async function withOpenAttempt<T>(uow: QuizUnitOfWork, ctx: QuizPorts, input: AnswersInput, work: OpenWork<T>): Promise<Outcome<T>> {
  const { quiz, seen } = input;
  const now = ctx.clock();
  if (seen?.attempt.status === 'in_progress' && !isExpired(seen.attempt, ctx.config.SUBMIT_GRACE_SECONDS, now)) {
    const answers = await mergeAnswers(uow, seen.attempt, input.sent);
    const outcome = await work({ quiz, attempt: seen.attempt, answers, now, ifVersion: seen.version });
    if (outcome) return outcome;
  }
  const attempt = await uow.attempts.findById(input.attemptId, true);
  if (!attempt || attempt.studentId !== input.studentId || attempt.quizId !== quiz.id) throw QuizErrors.attemptNotFound();
  if (attempt.status !== 'in_progress') return { refuse: QuizErrors.attemptClosed(attempt.status) };
  if (isExpired(attempt, ctx.config.SUBMIT_GRACE_SECONDS, now)) {
    await closeAttemptLocked(uow, quiz, attempt, { auto: true, at: now });
    return { refuse: QuizErrors.deadlinePassed(attempt.deadlineAt) };
  }
  const answers = await mergeAnswers(uow, attempt, input.sent);
  // Under the row lock, a write conditional on `in_progress` cannot miss.
  return (await work({ quiz, attempt, answers, now })) ?? { refuse: QuizErrors.attemptClosed(attempt.status) };
}

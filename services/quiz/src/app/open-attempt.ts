import { FieldChecker } from '@lms/kit/errors';
import { normalizeAnswer } from '../domain/answer';
import { isExpired, type AttemptRecord, type QuizRecord } from '../domain/quiz.entities';
import { QuizErrors } from '../domain/quiz.errors';
import type { StudentAnswer } from '../domain/types';
import { closeAttemptLocked } from './commands/close-attempt';
import type { QuizPorts, QuizDeps, QuizUnitOfWork } from './deps';
import { attemptQuestions, checkIds, loadQuizForStudent, type Caller, type Outcome } from './shared';

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
 * Before the unit of work: the answers' shape, then the quiz (quiz_id may be "": the attempt's own quiz is
 * used; a given one must match later) and the student's enrolment (IsEnrolled, remote).
 */
export async function prepareAnswers(deps: QuizDeps, caller: Caller, cmd: AnswersCommand): Promise<AnswersInput> {
  const sent = answersById(deps.config.MAX_ANSWERS_PER_SAVE, cmd.answers);
  const ids = checkIds({ quiz_id: cmd.quizId, attempt_id: cmd.attemptId }, ['quiz_id']);
  let quizId = ids.quiz_id;
  if (!quizId) {
    const attempt = await deps.units.read.attempts.findById(ids.attempt_id);
    if (!attempt || attempt.studentId !== caller.userId) throw QuizErrors.attemptNotFound();
    quizId = attempt.quizId;
  }
  return { studentId: caller.userId, quiz: await loadQuizForStudent(deps, caller, quizId), attemptId: ids.attempt_id, sent };
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

/**
 * The steps save and submit share inside their unit of work: the caller's own attempt at this quiz, locked
 * (`FOR UPDATE`; anyone else's is NOT_FOUND); already closed → QUIZ.ATTEMPT_CLOSED; past its deadline plus
 * grace → closed and graded as auto-submitted (committed), then QUIZ.ATTEMPT_DEADLINE_PASSED; otherwise the
 * sent answers merged into the saved ones and handed to `work`.
 */
export async function withOpenAttempt<T>(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  input: AnswersInput,
  work: (open: { quiz: QuizRecord; attempt: AttemptRecord; answers: Record<string, StudentAnswer>; now: Date }) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const { quiz } = input;
  const attempt = await uow.attempts.findById(input.attemptId, true);
  if (!attempt || attempt.studentId !== input.studentId || attempt.quizId !== quiz.id) throw QuizErrors.attemptNotFound();
  if (attempt.status !== 'in_progress') return { refuse: QuizErrors.attemptClosed(attempt.status) };
  const now = ctx.clock();
  if (isExpired(attempt, ctx.config.SUBMIT_GRACE_SECONDS, now)) {
    await closeAttemptLocked(uow, quiz, attempt, { auto: true, at: now });
    return { refuse: QuizErrors.deadlinePassed(attempt.deadlineAt) };
  }
  const answers = await mergeAnswers(uow, attempt, input.sent);
  return work({ quiz, attempt, answers, now });
}

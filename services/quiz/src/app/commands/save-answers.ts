import type { AttemptRecord } from '../../domain/quiz.entities';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { withOpenAttempt, type AnswersInput } from '../open-attempt';
import type { Outcome } from '../shared';

/** Saves (merges) answers until the deadline plus grace (see withOpenAttempt for the refusals). */
export function saveAnswers(uow: QuizUnitOfWork, ctx: QuizPorts, input: AnswersInput): Promise<Outcome<AttemptRecord>> {
  return withOpenAttempt(uow, ctx, input, async ({ attempt, answers, now, ifVersion }) =>
    (await uow.attempts.saveAnswers(attempt.id, answers, now, ifVersion)) ? { ok: { ...attempt, answers, lastSavedAt: now } } : null,
  );
}

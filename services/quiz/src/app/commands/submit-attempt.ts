import type { AttemptRecord, QuizRecord } from '../../domain/quiz.entities';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { withOpenAttempt, type AnswersInput } from '../open-attempt';
import type { Outcome } from '../shared';
import { closeAttemptLocked } from './close-attempt';

/**
 * Submits once: the close is conditional on the attempt still in progress (and, read without its lock, unchanged
 * since), so of two concurrent submits (or a submit and the deadline) exactly one closes it; the other finds it
 * closed → QUIZ.ATTEMPT_CLOSED. Optional answers are merged first, in the
 * same unit of work; late → see withOpenAttempt.
 */
export function submitAttempt(uow: QuizUnitOfWork, ctx: QuizPorts, input: AnswersInput): Promise<Outcome<{ quiz: QuizRecord; attempt: AttemptRecord }>> {
  return withOpenAttempt<{ quiz: QuizRecord; attempt: AttemptRecord }>(uow, ctx, input, async ({ quiz, attempt, answers, now, ifVersion }) => {
    const closed = await closeAttemptLocked(uow, quiz, attempt, { auto: false, at: now, answers, ifVersion });
    return closed && { ok: { quiz, attempt: closed } };
  });
}

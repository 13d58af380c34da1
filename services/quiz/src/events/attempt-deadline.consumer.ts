import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { QuizDeps } from '../app/deps';
import { closeAttemptAtDeadline } from '../app/commands/close-attempt';
import { acceptUntil } from '../domain/quiz.entities';
import { ATTEMPT_STARTED, ATTEMPT_STARTED_LEGACY } from '../domain/quiz.events';
import { ATTEMPT_DEADLINES_QUEUE, AttemptStartedV1 } from './quiz.events.schema';

/**
 * Closes and grades an attempt at its deadline, without cron: our own `attempt.started` is held by the kit's
 * delay queues until `deadline_at + SUBMIT_GRACE_SECONDS` (`dueAt`; the kit never hands it over earlier) and
 * handled then, once (inbox), in the inbox's unit of work. The close is conditional on the attempt still being
 * in progress, under its row lock, so a submit that won the race, a redelivery or a restart in between leave a
 * single effect. An attempt without a deadline is left alone.
 *
 * Compatibility: the deprecated `quiz.attempt_started` is no longer published (issue 16 ended its period), but
 * older processes wrote it alongside `attempt.started` (or alone, before issue 11), and such a message may still
 * wait in the delay queues until its attempt's deadline: the old name stays bound until the next minor release.
 * Of two events of one attempt, whichever comes second finds the attempt closed and does nothing.
 */
export function attemptDeadlineConsumer(deps: QuizDeps): ConsumerDefinition<z.infer<typeof AttemptStartedV1>> {
  return {
    queue: ATTEMPT_DEADLINES_QUEUE,
    bindings: [ATTEMPT_STARTED, ATTEMPT_STARTED_LEGACY],
    schema: AttemptStartedV1,
    dueAt: (event) => acceptUntil({ deadlineAt: event.data.deadline_at ? new Date(event.data.deadline_at) : null }, deps.config.SUBMIT_GRACE_SECONDS),
    async handle(event, transaction) {
      if (!event.data.deadline_at) return;
      const closed = await deps.units.join(transaction, (uow) => closeAttemptAtDeadline(uow, deps, { attemptId: event.data.attempt_id }));
      if (closed) deps.logger.info({ attempt_id: event.data.attempt_id }, 'attempt closed at its deadline');
    },
  };
}

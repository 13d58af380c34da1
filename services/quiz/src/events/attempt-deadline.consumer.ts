import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { QuizDeps } from '../app/deps';
import { closeById } from '../app/commands/attempts';
import { acceptUntil } from '../domain/quiz.entities';
import { ATTEMPT_DEADLINES_QUEUE, AttemptStartedV1 } from './quiz.events.schema';

/**
 * Closes and grades an attempt at its deadline, without cron: our own `quiz.attempt_started` is held by the
 * kit's delay queues until `deadline_at + SUBMIT_GRACE_SECONDS` (`dueAt`; the kit never hands it over earlier)
 * and handled then, once (inbox). The close is conditional on the attempt still being in progress, under its
 * row lock, so a submit that won the race, a redelivery or a restart in between leave a single effect. An
 * attempt without a deadline is left alone.
 */
export function attemptDeadlineConsumer(deps: QuizDeps): ConsumerDefinition<z.infer<typeof AttemptStartedV1>> {
  return {
    queue: ATTEMPT_DEADLINES_QUEUE,
    bindings: ['quiz.attempt_started'],
    schema: AttemptStartedV1,
    dueAt: (event) => acceptUntil({ deadlineAt: event.data.deadline_at ? new Date(event.data.deadline_at) : null }, deps.config.SUBMIT_GRACE_SECONDS),
    async handle(event, transaction) {
      if (!event.data.deadline_at) return;
      const closed = await closeById(deps, event.data.attempt_id, { auto: true, requireExpired: false }, transaction);
      if (closed) deps.logger.info({ attempt_id: event.data.attempt_id }, 'attempt closed at its deadline');
    },
  };
}

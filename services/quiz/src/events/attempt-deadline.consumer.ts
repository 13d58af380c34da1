import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import { acceptUntil } from '../domain/quiz.entities';
import type { QuizDeps } from '../app/deps';
import { closeById } from '../app/commands/attempts';
import { ATTEMPT_DEADLINES_QUEUE, AttemptStartedV1 } from './quiz.events.schema';

/**
 * Closes and grades an attempt at its deadline, without cron: our own `quiz.attempt_started` is held by the
 * kit's delay queues until `deadline_at + SUBMIT_GRACE_SECONDS` (`dueAt`) and handled then, once (inbox). The
 * close is conditional on the attempt still being in progress, under its row lock, so a submit that won the
 * race, a redelivery or a restart in between leave a single effect. An attempt without a deadline is left
 * alone; one not yet due by our clock (skew) throws, and the kit retries it later.
 */
export function attemptDeadlineConsumer(deps: QuizDeps): ConsumerDefinition<z.infer<typeof AttemptStartedV1>> {
  const grace = () => deps.config.SUBMIT_GRACE_SECONDS;
  return {
    queue: ATTEMPT_DEADLINES_QUEUE,
    bindings: ['quiz.attempt_started'],
    schema: AttemptStartedV1,
    dueAt: (event) => (event.data.deadline_at ? new Date(new Date(event.data.deadline_at).getTime() + grace() * 1000) : null),
    async handle(event, transaction) {
      if (!event.data.deadline_at) return;
      const attempt = await deps.attempts.findById(event.data.attempt_id, transaction, true);
      if (!attempt || attempt.status !== 'in_progress') return;
      const until = acceptUntil(attempt, grace());
      if (!until) return;
      if (deps.clock().getTime() < until.getTime()) {
        throw new Error(`attempt ${attempt.id} is not due before ${until.toISOString()}`);
      }
      const closed = await closeById(deps, attempt.id, { auto: true, requireExpired: false }, transaction);
      deps.logger.info({ attempt_id: attempt.id, closed }, 'attempt closed at its deadline');
    },
  };
}

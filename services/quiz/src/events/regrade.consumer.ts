import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { QuizDeps } from '../app/deps';
import { runRegradeBatch } from '../app/commands/run-regrade-batch';
import { REGRADES_QUEUE, RegradeRequestedV1 } from './quiz.events.schema';

/**
 * Runs real regrades as jobs, a batch per event: our own `quiz.regrade_requested` (written by `Regrade`, then
 * by each batch for the next one, with the run's cursor) is handled here, once (inbox), the batch's unit of
 * work joining the inbox's transaction. A run survives restarts: an unhandled event stays in RabbitMQ or in
 * the outbox, and `resumeRegrades` re-requests every unfinished run at start-up. `not_before` (REGRADE_BATCH_PAUSE_MS)
 * spaces batches out through the kit's delay queues.
 */
export function regradeConsumer(deps: QuizDeps): ConsumerDefinition<z.infer<typeof RegradeRequestedV1>> {
  return {
    queue: REGRADES_QUEUE,
    bindings: ['quiz.regrade_requested'],
    schema: RegradeRequestedV1,
    dueAt: (event) => (event.data.not_before ? new Date(event.data.not_before) : null),
    handle: (event, transaction) => deps.units.join(transaction, (uow) => runRegradeBatch(uow, deps, event.data)),
  };
}

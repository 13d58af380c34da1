import { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { AnalyticsDeps } from '../app/deps';

/** The one queue of analytics: every fact the read models are built from (one inbox consumer name). */
export const FACTS_QUEUE = 'analytics.facts';

/** Placeholder until ingestion lands: binds nothing yet. */
export function factsConsumer(deps: AnalyticsDeps): ConsumerDefinition<unknown> {
  return {
    queue: FACTS_QUEUE,
    bindings: [],
    schema: z.unknown(),
    async handle(_event, transaction) {
      await deps.units.join(transaction, async () => undefined);
    },
  };
}

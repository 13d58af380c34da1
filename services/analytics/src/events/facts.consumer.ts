import type { ConsumerDefinition } from '@lms/kit/events';
import type { AnalyticsDeps } from '../app/deps';
import { ingestFact } from '../app/ingest/ingest-fact';
import { FACT_ENVELOPE_DATA, FACT_TYPES } from './analytics.events.schema';

/** The one queue of analytics: every fact the read models are built from (one inbox consumer name). */
export const FACTS_QUEUE = 'analytics.facts';

/**
 * Every consumed type on one queue, so one inbox de-duplicates live and replayed events alike. The kit's
 * schema sees only `data`: it parks at once what is not a JSON object; `ingestFact` checks the shape of the
 * event's own type and throws before writing anything, so a wrong payload is parked after the retries with
 * nothing applied (its transaction rolls back, inbox row included).
 */
export function factsConsumer(deps: AnalyticsDeps): ConsumerDefinition<Record<string, unknown>> {
  return {
    queue: FACTS_QUEUE,
    bindings: FACT_TYPES,
    schema: FACT_ENVELOPE_DATA,
    // Many facts per transaction (one inbox insert, one commit); a failed batch is re-applied one fact at a time.
    batchSize: deps.config.INGEST_BATCH_SIZE,
    async handle(event, transaction) {
      await deps.units.join(transaction, (uow) => ingestFact(uow, event));
    },
  };
}

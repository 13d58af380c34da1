import type { EventLogClient } from '@lms/kit/clients';
import { UnitsOfWork, type Sequelize, type SqlSession } from '@lms/kit/db';
import { InboxRepository, Outbox, parseEnvelope, type CloudEvent } from '@lms/kit/events';
import type { Logger } from '@lms/kit/logging';
import { EVENT_SOURCE } from '../../domain/analytics.events';
import { FACT_TYPES } from '../../events/analytics.events.schema';
import { FACTS_QUEUE } from '../../events/facts.consumer';
import { analyticsRepositories } from '../deps';
import { ingestFact, PayloadRejected } from '../ingest/ingest-fact';
import { recountMismatches, type AggregateMismatch } from '../ingest/recount';
import { RebuildStore } from './rebuild-store';

/** One producer whose event log is replayed (lms.eventlog.v1 on the producer's address). */
export interface EventLogSource {
  name: string;
  client: Pick<EventLogClient, 'ReadEvents'>;
}

export interface ProducerCount {
  producer: string;
  /** Events read from its log (the types analytics consumes). */
  read: number;
  /** Applied by the rebuild. */
  applied: number;
  /** Already in the inbox: handled live since the rebuild emptied it. */
  duplicates: number;
  /** Wrong payload shape: skipped, as the live consumer parks them. */
  rejected: number;
}

export interface RebuildReport {
  tables: string[];
  producers: ProducerCount[];
  ms: number;
}

/** The producers analytics replays, in this order. */
export const REBUILD_PRODUCERS = ['auth', 'catalog', 'enrollment', 'quiz', 'certificate'] as const;

/**
 * `analytics rebuild`: rebuilds every read model from the producers' event logs.
 *  (a) one transaction: TRUNCATE every read model and delete the inbox rows of `analytics.facts`;
 *  (b) each producer's log, page by page (the types analytics consumes), each page in ONE transaction: per
 *      event the same inbox insert as the live consumer (consumer `analytics.facts`), then `ingestFact` — the
 *      live consumer's own step. A page holding a payload of the wrong shape is applied again event by event,
 *      skipping that one (the live consumer parks it);
 *  (c) the counts per producer and the time taken.
 * The live service may keep running: an event handled live after (a) is in the inbox, so its replay is a
 * duplicate; one handled before (a) was emptied with the tables and comes back from the log. Read models are
 * order-independent (newest-wins facts, deltas), so replaying producer by producer is enough.
 */
export async function rebuildReadModels(input: {
  sequelize: Sequelize;
  logger: Logger;
  sources: EventLogSource[];
  /** Events per page and per transaction (≤ 2000, the log's page limit). */
  batchSize?: number;
}): Promise<RebuildReport> {
  const { sequelize, logger, sources } = input;
  const batchSize = Math.min(input.batchSize ?? 500, 2000);
  const started = performance.now();
  const units = rebuildUnits(sequelize);
  type Rebuilding = Parameters<Parameters<typeof units.run>[0]>[0];

  const tables = await units.run((uow) => uow.rebuild.empty(FACTS_QUEUE));
  logger.info({ tables: tables.length }, 'rebuild: read models and inbox emptied');

  /** Inbox row, then the live consumer's step; false for a duplicate. */
  const apply = async (uow: Rebuilding, event: CloudEvent<unknown>) => {
    if (!(await uow.inbox.record(FACTS_QUEUE, event))) return false;
    await ingestFact(uow, event);
    return true;
  };

  /** Pages through one log from `after` to its end; returns the new position. */
  const replay = async (source: EventLogSource, count: ProducerCount, from: string) => {
    const read = (after: string) => {
      const page = source.client.ReadEvents({ after_seq: after, limit: batchSize, types: FACT_TYPES });
      page.catch(() => undefined); // awaited below; not an unhandled rejection if applying the previous page fails first
      return page;
    };
    let after = from;
    let next = read(after);
    for (;;) {
      const page = await next;
      // The next page is fetched while this one is applied (its position is known now).
      if (!page.end) next = read(page.next_after_seq);
      const events = page.events.map((e) => parseEnvelope(Buffer.from(e.cloud_event_json)));
      count.read += events.length;
      if (events.length) {
        try {
          const applied = await units.run(async (uow) => {
            let n = 0;
            for (const event of events) if (await apply(uow, event)) n++;
            return n;
          });
          count.applied += applied;
          count.duplicates += events.length - applied;
        } catch (err) {
          if (!(err instanceof PayloadRejected)) throw err;
          for (const event of events) {
            try {
              if (await units.run((uow) => apply(uow, event))) count.applied++;
              else count.duplicates++;
            } catch (one) {
              if (!(one instanceof PayloadRejected)) throw one;
              count.rejected++;
              logger.warn({ producer: source.name, event_id: event.id, type: event.type, err: one.message }, 'rebuild: event skipped');
            }
          }
        }
        after = page.next_after_seq;
      }
      if (page.end) return after;
    }
  };

  const producers = sources.map((source) => ({ producer: source.name, read: 0, applied: 0, duplicates: 0, rejected: 0 }));
  const positions = sources.map(() => '');
  for (const [i, source] of sources.entries()) {
    positions[i] = await replay(source, producers[i], '');
    logger.info({ ...producers[i] }, 'rebuild: producer replayed');
  }
  // One more round from where each log ended: an event committed late (below a log's horizon while it was read)
  // is read now; what the live consumer handled meanwhile is a duplicate.
  for (const [i, source] of sources.entries()) await replay(source, producers[i], positions[i]);
  return { tables, producers, ms: Math.round(performance.now() - started) };
}

/** The service's repositories plus the inbox (the live consumer's insert) and the rebuild's own SQL. */
function rebuildUnits(sequelize: Sequelize) {
  return new UnitsOfWork({
    sequelize,
    outbox: new Outbox(sequelize), // ingestion emits nothing; the unit of work wants one
    source: EVENT_SOURCE,
    repositories: (sql: SqlSession) => ({ ...analyticsRepositories(sql), inbox: new InboxRepository(sql), rebuild: new RebuildStore(sql) }),
  });
}

/**
 * `analytics rebuild --check`: every aggregate against a recount from the fact rows (recount.ts; full scans, read
 * only). Empty when the read models are consistent.
 */
export function checkReadModels(sequelize: Sequelize, limitPerCheck = 20): Promise<AggregateMismatch[]> {
  return recountMismatches(rebuildUnits(sequelize).read, limitPerCheck);
}

export function formatMismatches(mismatches: AggregateMismatch[]): string {
  if (!mismatches.length) return 'analytics rebuild --check: every aggregate equals its recount from the fact rows';
  const lines = mismatches.map((m) => `  ${m.check} ${JSON.stringify(m.key)}: stored ${JSON.stringify(m.actual)}, recount ${JSON.stringify(m.expected)}`);
  return [`analytics rebuild --check: ${mismatches.length} aggregate row(s) differ from the recount (run analytics rebuild)`, ...lines].join('\n');
}

/** The report as the CLI prints it. */
export function formatRebuildReport(report: RebuildReport): string {
  const lines = report.producers.map(
    (p) => `  ${p.producer.padEnd(12)} read ${p.read}, applied ${p.applied}, duplicates ${p.duplicates}, rejected ${p.rejected}`,
  );
  return [`analytics rebuild: ${report.tables.length} read-model tables emptied and rebuilt`, ...lines, `  took ${(report.ms / 1000).toFixed(1)} s`].join('\n');
}

import { QueryTypes, type Sequelize } from 'sequelize';
import type { CloudEvent } from './envelope';

/**
 * The event log of a producing service: its published PUBLIC events, kept in its outbox (the relay does not
 * prune them after `retentionHours`; they stay `EVENT_LOG_RETENTION_DAYS`, 0 = forever) and served by the kit
 * as `lms.eventlog.v1.EventLogService/ReadEvents` (lifecycle). A consumer that missed history (deployed after
 * the fleet had data, or lost its database) pages through it by `seq` and replays it through its inbox.
 *
 * Storage: every logged event stays as one outbox row (its whole CloudEvent, typically 0.5–2 kB of jsonb plus
 * indexes). A year of a busy fleet's progress events is gigabytes: set EVENT_LOG_RETENTION_DAYS when the
 * consumers can be rebuilt from a shorter history (or from a backup plus the recent log).
 *
 * Never log secret-carrying or internal types (password_reset.requested, email_verification.requested,
 * refresh_token.reused, …): the list is the service's own, explicit.
 */
export interface EventLogOptions {
  /** The public event types this service keeps and serves. */
  types: string[];
  /** Services allowed to read the log (their service token's name); default ['analytics']. */
  readers?: string[];
}

export const DEFAULT_EVENT_LOG_READERS = ['analytics'];
export const EVENT_LOG_DEFAULT_LIMIT = 500;
export const EVENT_LOG_MAX_LIMIT = 2000;

export interface EventLogPage {
  events: { seq: string; event: CloudEvent }[];
  /** Pass as `afterSeq` for the next page (= afterSeq when nothing new). */
  nextAfterSeq: string;
  /** True when the page reached the safe horizon: nothing more to read now. */
  end: boolean;
}

const MAX_BIGINT = '9223372036854775807';

/**
 * The partial index the log is read by (published rows by seq). In eventTablesMigration for new databases; the
 * relay of a service that keeps a log creates it in a database migrated before (CONCURRENTLY: writers go on).
 */
export const EVENT_LOG_INDEX_SQL = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_log_idx ON outbox (seq) WHERE published_at IS NOT NULL';

/**
 * One page of the log after `afterSeq` ("0" = the start), only rows of `types`, in seq order, never past the
 * SAFE HORIZON. Seq order is not commit order: a transaction that took seq 10 may commit after the one that
 * took seq 11, so a reader that saw 11 and asks "after 11" would skip 10 for ever. The horizon is the smallest
 * seq that may still appear below what we return:
 *  1. every committed row not yet published (`published_at IS NULL`): the page stops before the first one;
 *  2. rows of transactions still running (invisible): their seq was taken after their transaction started, so
 *     a row published before the oldest running transaction of this database started has a smaller seq than
 *     any of theirs. The oldest start is read (pg_stat_activity) BEFORE the rows (a second statement, a newer
 *     snapshot), so a transaction that commits in between is visible to the second.
 * Rows published at or after that instant wait for the next read. Limits: a transaction held open for long in
 * the producer's database (same role; other roles' sessions are not visible to it) holds the horizon back
 * until it ends — readers just see `end` and read again later; nothing is skipped.
 */
export async function readEventLog(
  sequelize: Sequelize,
  request: { afterSeq: string; limit: number; types: string[] },
): Promise<EventLogPage> {
  const { afterSeq, limit, types } = request;
  if (!types.length) return { events: [], nextAfterSeq: afterSeq, end: true };
  const [{ cutoff }] = await sequelize.query<{ cutoff: Date }>(
    `SELECT coalesce(min(xact_start), clock_timestamp()) AS cutoff FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
       AND backend_type = 'client backend'`,
    { type: QueryTypes.SELECT },
  );
  const rows = await sequelize.query<{ seq: string; payload: CloudEvent }>(
    `SELECT seq::text AS seq, payload FROM outbox
     WHERE published_at IS NOT NULL AND seq > CAST(:afterSeq AS bigint)
       AND seq < coalesce((SELECT min(seq) FROM outbox WHERE published_at IS NULL), ${MAX_BIGINT})
       AND seq < coalesce((SELECT min(seq) FROM outbox WHERE published_at >= :cutoff), ${MAX_BIGINT})
       AND type IN (SELECT jsonb_array_elements_text(CAST(:types AS jsonb)))
     ORDER BY outbox.seq LIMIT :limit`,
    { type: QueryTypes.SELECT, replacements: { afterSeq, cutoff, limit, types: JSON.stringify(types) } },
  );
  return {
    events: rows.map((row) => ({ seq: row.seq, event: row.payload })),
    nextAfterSeq: rows.length ? rows[rows.length - 1].seq : afterSeq,
    end: rows.length < limit,
  };
}

import type { Redis } from 'ioredis';
import { runDetached } from '../context';

/**
 * The documented bound: the mirror answers only while every change appended more than this long ago is
 * applied; past it, `RevocationStore.isRevoked` reads Redis again (and fails closed when it can't).
 */
export const REVOCATION_MAX_STALENESS_MS = 1_000;

/**
 * Entries kept in the change stream (`MAXLEN ~`). A mirror further behind than this (a long disconnection
 * during a mass revocation) notices the trimmed entries and reloads every mark.
 */
export const REVOCATION_STREAM_MAX_LENGTH = 100_000;

/**
 * Well under the staleness bound. Freshness counts from when the last caught-up read was SENT, and the next
 * reply is handled one BLOCK (plus the event loop's lag) after the previous one: the mirror is trusted until
 * ~2 × (BLOCK + lag) after a send. At 500 ms a saturated event loop (lag ~100 ms) fell back to MGET for 20–60 %
 * of requests (bench/catalog-list.ts); at 200 ms it takes a lag of ~300 ms. Idle cost: 5 XREADs a second.
 */
const BLOCK_MS = 200;
/** A reply this full may have left entries behind: the mirror is not caught up until a shorter one. */
const READ_COUNT = 1_000;
const SCAN_COUNT = 1_000;
const RETRY_DELAY_MS = 250;
const SWEEP_INTERVAL_MS = 60_000;

/** One change to the marks, appended by the writer to `<prefix>changes` in the MULTI that writes the mark. */
export type RevocationChange =
  | { kind: 'sid'; id: string; ttlSeconds: number }
  | { kind: 'user'; id: string; at: number; ttlSeconds: number }
  | { kind: 'clear'; id: string };

/** Where the marks and their change stream live; the writer and every mirror agree on it through the prefix. */
export function revocationKeys(prefix: string) {
  return {
    session: (sessionId: string) => `${prefix}sid:${sessionId}`,
    user: (userId: string) => `${prefix}user:${userId}`,
    changes: `${prefix}changes`,
  };
}

/** The stream entry's fields (XADD … field value …). */
export function changeFields(change: RevocationChange): string[] {
  const fields = ['kind', change.kind, 'id', change.id];
  if (change.kind === 'user') fields.push('at', String(change.at));
  if (change.kind !== 'clear') fields.push('ttl', String(change.ttlSeconds));
  return fields;
}

function parseChange(fields: string[]): RevocationChange | undefined {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]] = fields[i + 1];
  const ttlSeconds = Number(f.ttl);
  if (!f.id) return undefined;
  if (f.kind === 'sid' && ttlSeconds > 0) return { kind: 'sid', id: f.id, ttlSeconds };
  if (f.kind === 'user' && ttlSeconds > 0 && Number.isFinite(Number(f.at))) return { kind: 'user', id: f.id, at: Number(f.at), ttlSeconds };
  if (f.kind === 'clear') return { kind: 'clear', id: f.id };
  return undefined;
}

/** What a lookup needs of the verified caller (tokens.ts's Caller has these; not imported, so no module cycle). */
export interface RevocationSubject {
  userId: string;
  sessionId: string;
  issuedAt: number;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * The live revocation marks held in memory, so verifying a token costs a Map lookup instead of a Redis
 * round trip. Fed by the change stream the writer appends to in the same MULTI as each mark: on start it
 * remembers the stream's position, loads every mark (SCAN), then follows the stream with a blocking XREAD
 * on its own connection (one push per change, ~ms). The marks in Redis stay the source of truth.
 *
 * It answers only while fresh (`revoked` returns undefined otherwise, and the store reads Redis): its
 * connection is up and the last read that caught up with the stream was SENT less than REVOCATION_MAX_STALENESS_MS
 * ago — every change appended before a read is sent is in its reply, so no mark older than the bound is missed.
 * Started lazily by the first lookup; stops for good when the parent connection ends (the process's
 * `closeRedis`), so no caller has to close it and a jest suite that quits its Redis leaks nothing.
 */
export class RevocationMirror {
  private sessions = new Map<string, number>();
  private users = new Map<string, { at: number; expiresAt: number }>();
  private conn?: Redis;
  private stopped = false;
  /** When the last read that caught up with the stream was sent; 0 = not in sync. */
  private syncedAt = 0;
  private lastId = '0-0';
  /** How many entries the stream had ever received up to lastId (XINFO entries-added): detects trimmed entries. */
  private consumed = 0;
  private sweptAt = Date.now();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** true/false from memory, or undefined when the mirror is not fresh (the caller must ask Redis). */
  revoked(caller: RevocationSubject): boolean | undefined {
    if (!this.conn) this.start();
    if (!this.fresh()) return undefined;
    const now = Date.now();
    const sessionExpiresAt = this.sessions.get(caller.sessionId);
    if (sessionExpiresAt !== undefined && sessionExpiresAt > now) return true;
    const user = this.users.get(caller.userId);
    return user !== undefined && user.expiresAt > now && caller.issuedAt <= user.at;
  }

  /** Same semantics as the marks: a repeated SET replaces value and expiry, DEL removes. */
  apply(change: RevocationChange, now = Date.now()): void {
    if (change.kind === 'sid') this.sessions.set(change.id, now + change.ttlSeconds * 1000);
    else if (change.kind === 'user') this.users.set(change.id, { at: change.at, expiresAt: now + change.ttlSeconds * 1000 });
    else this.users.delete(change.id);
  }

  private fresh(): boolean {
    return this.conn?.status === 'ready' && Date.now() - this.syncedAt < REVOCATION_MAX_STALENESS_MS;
  }

  private start(): void {
    if (this.stopped || this.redis.status === 'end') return;
    this.conn = this.redis.duplicate({
      // Visible in CLIENT LIST per prefix (and killable by the tests).
      connectionName: `revocation-mirror:${this.prefix}`.replace(/\s/g, '_'),
      lazyConnect: false,
      enableOfflineQueue: false,
      // A command in flight when the connection drops fails at once; the loop re-checks the stream on reconnect.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: BLOCK_MS + 1_000,
    });
    // Failures show as a stale mirror (fallback to MGET, which fails closed); the parent connection logs the outage.
    this.conn.on('error', () => undefined);
    this.redis.once('end', () => this.stop());
    // Started by a request's first check: the loop must not carry that request's context (logs, trace) for ever.
    const conn = this.conn;
    runDetached(() => void this.follow(conn));
  }

  private stop(): void {
    this.stopped = true;
    this.syncedAt = 0;
    this.conn?.disconnect();
  }

  private async follow(conn: Redis): Promise<void> {
    let reload = true;
    /**
     * Set by a failure: `consumed` before the entries not yet checked for trimmed ones. When a reply's own check
     * failed, that is the count before the reply — checking from the count after it would miss a gap before it.
     */
    let checkTrimFrom: number | undefined;
    /** After a (re)load, a reconnection or a full reply, read without blocking: fresh again at once when nothing is pending. */
    let block = false;
    while (!this.stopped) {
      let unchecked: number | undefined;
      try {
        if (reload) {
          await this.load(conn);
          reload = false;
          checkTrimFrom = undefined;
        } else if (checkTrimFrom !== undefined) {
          reload = await this.trimmedSince(conn, checkTrimFrom);
          checkTrimFrom = undefined;
          if (reload) continue;
        }
        const sentAt = Date.now();
        const key = revocationKeys(this.prefix).changes;
        const reply = (await (block
          ? conn.xread('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', key, this.lastId)
          : conn.xread('COUNT', READ_COUNT, 'STREAMS', key, this.lastId))) as [string, StreamEntry[]][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        const consumedBefore = this.consumed;
        unchecked = consumedBefore;
        const now = Date.now();
        for (const [id, fields] of entries) {
          const change = parseChange(fields);
          if (change) this.apply(change, now);
          this.lastId = id;
          this.consumed++;
        }
        // Only when the stream moved can entries have been trimmed before we read them (we were far behind).
        if (reply && (await this.trimmedSince(conn, consumedBefore))) {
          reload = true;
          block = false;
          continue;
        }
        block = entries.length < READ_COUNT;
        if (block) this.syncedAt = sentAt;
        this.sweep(now);
      } catch {
        this.syncedAt = 0;
        checkTrimFrom ??= unchecked ?? this.consumed;
        block = false;
        if (!this.stopped) await sleep(RETRY_DELAY_MS);
      }
    }
  }

  /** Position first, then the marks: a change made during the scan is also replayed from the stream (idempotent). */
  private async load(conn: Redis): Promise<void> {
    this.syncedAt = 0;
    const head = await streamHead(conn, revocationKeys(this.prefix).changes);
    const sessions = new Map<string, number>();
    const users = new Map<string, { at: number; expiresAt: number }>();
    let cursor = '0';
    do {
      const [next, keys] = await conn.scan(cursor, 'MATCH', `${escapeGlob(this.prefix)}*`, 'COUNT', SCAN_COUNT);
      cursor = next;
      const marks = keys.filter((key) => key.startsWith(`${this.prefix}sid:`) || key.startsWith(`${this.prefix}user:`));
      if (!marks.length) continue;
      const pipeline = conn.pipeline();
      for (const key of marks) pipeline.get(key).pttl(key);
      const results = (await pipeline.exec()) ?? [];
      const now = Date.now();
      marks.forEach((key, i) => {
        const [[getErr, value], [ttlErr, pttl]] = [results[2 * i], results[2 * i + 1]];
        if (getErr ?? ttlErr) throw getErr ?? ttlErr;
        if (value === null || (pttl as number) === -2) return; // expired between SCAN and GET
        const expiresAt = (pttl as number) < 0 ? Infinity : now + (pttl as number);
        if (key.startsWith(`${this.prefix}sid:`)) sessions.set(key.slice(this.prefix.length + 4), expiresAt);
        else users.set(key.slice(this.prefix.length + 5), { at: Number(value), expiresAt });
      });
    } while (cursor !== '0');
    this.sessions = sessions;
    this.users = users;
    this.lastId = head.lastId;
    this.consumed = head.added;
  }

  /** Were entries we had not read yet trimmed away? The stream drops its oldest first, so: more dropped than read. */
  private async trimmedSince(conn: Redis, consumed: number): Promise<boolean> {
    const head = await streamHead(conn, revocationKeys(this.prefix).changes);
    return head.added - head.length > consumed || head.added < consumed; // the latter: the stream was deleted and recreated
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < SWEEP_INTERVAL_MS) return;
    this.sweptAt = now;
    for (const [id, expiresAt] of this.sessions) if (expiresAt <= now) this.sessions.delete(id);
    for (const [id, mark] of this.users) if (mark.expiresAt <= now) this.users.delete(id);
  }
}

/** The stream's last id and counters from one XINFO reply (Redis ≥ 7: entries-added); a missing stream is empty. */
async function streamHead(conn: Redis, key: string): Promise<{ lastId: string; added: number; length: number }> {
  let info: unknown[];
  try {
    info = (await conn.xinfo('STREAM', key)) as unknown[];
  } catch (err) {
    if (err instanceof Error && /no such key/i.test(err.message)) return { lastId: '0-0', added: 0, length: 0 };
    throw err;
  }
  const field = (name: string) => info[info.indexOf(name) + 1];
  const added = Number(field('entries-added'));
  if (!info.includes('entries-added') || !Number.isInteger(added)) throw new Error('Redis ≥ 7 is needed to mirror revocation marks (XINFO entries-added)');
  return { lastId: String(field('last-generated-id')), added, length: Number(field('length')) };
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

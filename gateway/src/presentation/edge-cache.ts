import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Redis } from 'ioredis';
import { runDetached, type Logger } from '@lms/kit';
import type { CacheHint } from '@lms/kit/grpc';
import { BROTLI_OPTIONS, type ContentCoding } from '../middleware/compression';

/** With the response compressor's own settings: the bytes it would have sent for this body. */
const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const compressors: Record<ContentCoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotliCompress(body, BROTLI_OPTIONS),
  gzip: (body) => gzip(body),
};

/** One public answer as it goes on the wire: the final JSON body and its strong ETag. */
export interface EdgeBody {
  body: Buffer;
  etag: string;
}

interface EdgeEntry extends EdgeBody {
  key: string;
  validators: CacheHint['validators'];
  /** The body compressed, per coding, once asked for (see `encoded`); counted in `size`. */
  encodings: Partial<Record<ContentCoding, Buffer | 'pending'>>;
  /** Epoch ms after which the entry is never served (the hint's TTL from when the answer arrived). */
  expiresAt: number;
  size: number;
}

/** A Map entry's own cost besides its body and key (object, arrays, validator strings): a rough, safe bound. */
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * The gateway's edge cache of public reads: the FINAL serialised JSON of an answer a service marked public
 * (a kit cache hint), in process memory, bounded by entries and bytes (least recently used out first).
 *
 * An entry is served only while its hint still holds: one Redis MGET of the hint's validator keys must return
 * exactly the recorded values — the service took them BEFORE reading its database and every write bumps them
 * AFTER its commit (catalog's generation keys), so a copy is never older than the service's own cache — and
 * never after the hint's TTL. When Redis does not answer, nothing is served from here (the request goes to the
 * service): the cache can make a read cheaper, never staler. The validators live in the services' Redis, so
 * the gateway must share it (as it already does for revocation marks).
 */
export class EdgeCache {
  /** Insertion order is recency order: a hit re-inserts its entry, eviction takes the first. */
  private readonly entries = new Map<string, EdgeEntry>();
  private bytes = 0;
  private redisDown = false;
  /** The validator keys the lookups of this turn of the event loop wait for (one MGET for all of them). */
  private batch: { keys: Set<string>; values: Promise<Map<string, string | null>> } | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly limits: { maxBytes: number; maxEntries: number },
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.limits.maxBytes > 0 && this.limits.maxEntries > 0;
  }

  /** The entry for `key` when its validators still hold (one MGET), else undefined (then the caller asks the service). */
  async lookup(key: string): Promise<EdgeBody | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.remove(key, entry);
      return undefined;
    }
    let current: Map<string, string | null>;
    try {
      current = await this.currentValues(entry.validators.map(([k]) => k));
      this.up();
    } catch (err) {
      this.failed(err);
      return undefined;
    }
    if (!entry.validators.every(([k, value]) => current.get(k) === value)) {
      this.remove(key, entry);
      return undefined;
    }
    if (this.entries.get(key) === entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * The values of `keys` as Redis holds them now. The lookups made during one turn of the event loop (under load,
   * every request parsed in one poll phase) share one MGET, sent after all of them arrived — so each still sees
   * every write committed before its request came in, for one round trip instead of one per request.
   */
  private currentValues(keys: string[]): Promise<Map<string, string | null>> {
    if (!this.batch) {
      const keysOfBatch = new Set<string>();
      const values = new Promise<Map<string, string | null>>((resolve, reject) => {
        setImmediate(() => {
          this.batch = undefined;
          const list = [...keysOfBatch];
          // Shared by every request of the batch: not logged or traced as the first one's.
          runDetached(() => this.redis.mget(list)).then((found) => resolve(new Map(list.map((k, i) => [k, found[i]]))), reject);
        });
      });
      this.batch = { keys: keysOfBatch, values };
    }
    for (const key of keys) this.batch.keys.add(key);
    return this.batch.values;
  }

  /** Keeps a public answer under `key` (a larger one than the whole budget is not kept). */
  store(key: string, answer: EdgeBody, hint: CacheHint): void {
    if (!this.enabled || hint.scope !== 'public') return;
    const size = answer.body.length + key.length * 2 + ENTRY_OVERHEAD_BYTES;
    if (size > this.limits.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { ...answer, key, validators: hint.validators, encodings: {}, expiresAt: Date.now() + hint.ttlSeconds * 1000, size });
    this.bytes += size;
    this.evict();
  }

  /**
   * A kept entry's body in `coding` when it is ready, else undefined (and the first ask compresses it in the
   * background, on zlib's thread pool): a hit then goes out as these bytes instead of the compressor encoding the same
   * page again per request (bench/README.md, issue 16 sixth round: a browser's hit cost twice an identity one). Only
   * for an answer `lookup` returned, so only while its validators hold; an answer that is not a kept entry has none.
   */
  encoded(answer: EdgeBody, coding: ContentCoding): Buffer | undefined {
    const entry = answer as Partial<EdgeEntry>;
    const known = entry.encodings?.[coding];
    if (known === 'pending') return undefined;
    if (known) return known;
    if (!entry.key || this.entries.get(entry.key) !== entry) return undefined; // not (or no longer) a kept entry
    const kept = entry as EdgeEntry;
    kept.encodings[coding] = 'pending';
    compressors[coding](kept.body).then(
      (bytes) => {
        // A page gone (changed, evicted) takes nothing; one whose encoding alone would pass the budget stays unencoded.
        if (this.entries.get(kept.key) !== kept || kept.size + bytes.length > this.limits.maxBytes) return;
        kept.encodings[coding] = bytes;
        kept.size += bytes.length;
        this.bytes += bytes.length;
        this.evict();
      },
      (err: unknown) => this.logger.warn({ err: (err as Error).message, coding }, 'edge cache: compressing a page failed; it goes through the compressor'),
    );
    return undefined;
  }

  /** Least recently used out first, until the entries fit both bounds. */
  private evict(): void {
    for (const [oldest, victim] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.remove(oldest, victim);
    }
  }

  private remove(key: string, entry: EdgeEntry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  private up(): void {
    if (!this.redisDown) return;
    this.redisDown = false;
    this.logger.info('redis is back: edge cache in use again');
  }

  private failed(err: unknown): void {
    if (this.redisDown) return;
    this.redisDown = true;
    this.logger.warn({ err: (err as Error).message }, 'redis unavailable: edge cache bypassed (reads go to the services)');
  }
}

/** A strong validator of exactly these bytes. */
export function strongEtag(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * `If-None-Match` holds for `etag` (RFC 9110 §13.1.2: weak comparison, so a `W/` copy of the same tag — as a
 * compressed answer carries — matches; `*` matches any current representation).
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === opaque;
  });
}

import { createHash } from 'node:crypto';
import type { Redis } from '@lms/kit/redis';
import type { Logger } from '@lms/kit/logging';
import { hintCacheable, type CacheHint } from '@lms/kit/grpc';

/**
 * One round trip per cached read: the generation (and the course's scope generation), then the entry under
 * the key they give, and the entry's remaining lifetime — atomically, so no write can bump a generation between
 * the reads. (The entry's key is derived inside the script, not declared in KEYS: fine on one Redis, which is
 * what the fleet runs; a cluster would need the keys in one hash slot.)
 * KEYS: generation [, scope generation]; ARGV: the entries' key prefix (`<prefix>r:`), the key's hash.
 * Returns {generation | nil, scope generation | nil, entry | nil, entry TTL in seconds (-2 when absent)}.
 */
const READ_LUA = `
local generation = redis.call('GET', KEYS[1])
local scoped = false
local key = ARGV[1] .. (generation or '0')
if #KEYS > 1 then
  scoped = redis.call('GET', KEYS[2])
  key = key .. '.' .. (scoped or '0')
end
key = key .. ':' .. ARGV[2]
local entry = redis.call('GET', key)
local ttl = -2
if entry then ttl = redis.call('TTL', key) end
return {generation, scoped, entry, ttl}
`;

/**
 * The entries' key space: `r:` holds encoded replies (protobuf). (`c:` held JSON of the views before: a replica of
 * either kind never reads the other's entries during a rolling update.)
 */
const ENTRIES = 'r:';

type CacheRead = [generation: Buffer | null, scoped: Buffer | null, entry: Buffer | null, ttl: number];
/** The script's Buffer variant (ioredis `…Buffer`): the entry is bytes, taken as they are. */
type RedisWithCacheRead = Redis & { lmsCatalogCacheReadBuffer(numberOfKeys: number, ...keysThenArgs: string[]): Promise<CacheRead> };

/**
 * Redis cache of public reads (course lists and details as anonymous users and students see them).
 * Keys carry a generation number that every catalog write bumps after its commit (one INCR), so a
 * write invalidates everything at once and a reader never gets an answer computed before a committed
 * write: the reader takes the generation *before* reading the database, the writer bumps it *after*
 * committing. Entries also expire after CACHE_TTL_SECONDS. When Redis is unavailable, reads go to the
 * database (logged once per outage) and writes retry the bump a few times in the background.
 *
 * A course's detail entries (`course:<id>`, `slug:<slug>`) also carry a generation of their own, which an
 * enrolment fact bumps (`invalidateCourse`) with the same before/after rule: a fact touches that course
 * only, never the whole cache. Cached lists (`list:`, `top:`) are not bumped by enrolment facts: their
 * enrolment counters and ratings may lag by up to CACHE_TTL_SECONDS (course writes still bump everything).
 *
 * Entries are the encoded replies (protobuf bytes, see EncodeReply), answered as stored. A hit costs one
 * Redis round trip (READ_LUA), and a shareable answer is hinted to the gateway's edge cache with the
 * generations it was read under (`getOrCompute`).
 */
export class CourseCache {
  private down = false;
  private readonly redis: RedisWithCacheRead;

  constructor(
    redis: Redis,
    private readonly options: { prefix: string; ttlSeconds: number; logger: Logger },
  ) {
    // The number of keys varies (lists have no scope generation): it is passed with each call.
    if (!('lmsCatalogCacheRead' in redis)) redis.defineCommand('lmsCatalogCacheRead', { lua: READ_LUA });
    this.redis = redis as RedisWithCacheRead;
  }

  get enabled(): boolean {
    return this.options.ttlSeconds > 0;
  }

  /**
   * The cached value for `key` at the current generation, or `compute()`'s result, stored when it
   * says so (`store: false` for answers that must not be shared, e.g. degraded ones). Values are encoded
   * replies (see EncodeReply): stored and answered as bytes, never parsed.
   *
   * `hint`: the answer is the same for every caller who sends this request, so a shared cache in front of
   * the service (the gateway's) may keep it: a hit, or a value computed and stored, is hinted (kit
   * `hintCacheable`) with the generation keys and the values it was read or computed under (taken before the
   * database was read), for at most the entry's remaining lifetime — the staleness bound of the entry itself.
   * Nothing is hinted for a value not stored or when Redis is unavailable.
   */
  async getOrCompute<T extends Buffer | null>(key: string, compute: () => Promise<{ value: T; store: boolean }>, options: { hint: boolean }): Promise<T> {
    if (!this.enabled) return (await compute()).value;
    let fullKey: string | undefined;
    let validators: CacheHint['validators'] = [];
    try {
      const scope = scopeOf(key);
      const hashed = hash(key);
      const keys = scope ? [this.generationKey(), this.scopeKey(scope)] : [this.generationKey()];
      const read = await this.redis.lmsCatalogCacheReadBuffer(keys.length, ...keys, `${this.options.prefix}${ENTRIES}`, hashed);
      this.up();
      const [generation, scoped] = [read[0]?.toString() ?? null, read[1]?.toString() ?? null];
      validators = scope ? [[keys[0], generation], [keys[1], scoped]] : [[keys[0], generation]];
      const [, , hit, ttl] = read;
      if (hit !== null) {
        if (options.hint && ttl > 0) hintCacheable({ scope: 'public', validators, ttlSeconds: ttl });
        return hit as T;
      }
      fullKey = `${this.options.prefix}${ENTRIES}${generation ?? '0'}${scope ? `.${scoped ?? '0'}` : ''}:${hashed}`;
    } catch (err) {
      this.failed(err);
      fullKey = undefined;
    }
    const { value, store } = await compute();
    if (fullKey && store) {
      const stored = await this.redis.set(fullKey, value as Buffer, 'EX', this.options.ttlSeconds).catch((err: unknown) => this.failed(err));
      if (stored && options.hint) hintCacheable({ scope: 'public', validators, ttlSeconds: this.options.ttlSeconds });
    }
    return value;
  }

  /**
   * Invalidates every cached entry; called after a write committed and awaited before the write is
   * answered, so the writer's next read cannot hit an older entry. Never throws: when Redis is away the
   * bump is retried in the background (entries still expire after the TTL).
   */
  async invalidate(): Promise<void> {
    if (!this.enabled) return;
    if (await this.bump()) return;
    void (async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt).unref());
        if (await this.bump()) return;
      }
      this.options.logger.error('cache generation could not be bumped: cached public reads may be stale until they expire');
    })();
  }

  /**
   * Invalidates the cached detail entries of one course (by id and by slug), after an enrolment fact
   * committed. Never throws; when Redis is away the entries expire after the TTL. The scope generation
   * keys outlive the entries (2 × TTL after the last bump), so a reset to 0 can never revive an entry.
   */
  async invalidateCourse(courseId: string, slug: string): Promise<void> {
    if (!this.enabled) return;
    const ttl = this.options.ttlSeconds * 2;
    try {
      await this.redis
        .multi()
        .incr(this.scopeKey(`course:${courseId}`))
        .expire(this.scopeKey(`course:${courseId}`), ttl)
        .incr(this.scopeKey(`slug:${slug}`))
        .expire(this.scopeKey(`slug:${slug}`), ttl)
        .exec();
      this.up();
    } catch (err) {
      this.failed(err);
    }
  }

  private async bump(): Promise<boolean> {
    try {
      await this.redis.incr(this.generationKey());
      this.up();
      return true;
    } catch (err) {
      this.failed(err);
      return false;
    }
  }

  private generationKey(): string {
    return `${this.options.prefix}generation`;
  }

  private scopeKey(scope: string): string {
    return `${this.options.prefix}g:${hash(scope)}`;
  }

  private up(): void {
    if (!this.down) return;
    this.down = false;
    this.options.logger.info('redis is back: cache in use again');
  }

  private failed(err: unknown): void {
    if (this.down) return;
    this.down = true;
    this.options.logger.warn({ err: (err as Error).message }, 'redis unavailable: reading from the database');
  }
}

/** The per-course scope of a detail key (`course:<id>`, `slug:<slug>`); lists have none. */
function scopeOf(key: string): string | null {
  return key.startsWith('course:') || key.startsWith('slug:') ? key : null;
}

function hash(key: string): string {
  return createHash('sha1').update(key).digest('base64url');
}

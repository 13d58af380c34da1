import { createHash } from 'node:crypto';
import type { Redis } from '@lms/kit/redis';
import type { Logger } from '@lms/kit/logging';

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
 */
export class CourseCache {
  private down = false;

  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; ttlSeconds: number; logger: Logger },
  ) {}

  get enabled(): boolean {
    return this.options.ttlSeconds > 0;
  }

  /**
   * The cached value for `key` at the current generation, or `compute()`'s result, stored when it
   * says so (`store: false` for answers that must not be shared, e.g. degraded ones).
   */
  async getOrCompute<T>(key: string, compute: () => Promise<{ value: T; store: boolean }>): Promise<T> {
    if (!this.enabled) return (await compute()).value;
    let fullKey: string | undefined;
    try {
      const scope = scopeOf(key);
      const [generation, scoped] = scope
        ? await this.redis.mget(this.generationKey(), this.scopeKey(scope))
        : [await this.redis.get(this.generationKey()), null];
      fullKey = `${this.options.prefix}c:${generation ?? '0'}${scope ? `.${scoped ?? '0'}` : ''}:${hash(key)}`;
      const hit = await this.redis.get(fullKey);
      this.up();
      if (hit !== null) return JSON.parse(hit, reviveDates) as T;
    } catch (err) {
      this.failed(err);
      fullKey = undefined;
    }
    const { value, store } = await compute();
    if (fullKey && store) {
      await this.redis.set(fullKey, JSON.stringify(value), 'EX', this.options.ttlSeconds).catch((err: unknown) => this.failed(err));
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

/** Values are stored as JSON; properties named `…At` holding ISO strings come back as Dates. */
function reviveDates(key: string, value: unknown): unknown {
  return key.endsWith('At') && typeof value === 'string' ? new Date(value) : value;
}

function hash(key: string): string {
  return createHash('sha1').update(key).digest('base64url');
}

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
      const generation = (await this.redis.get(this.generationKey())) ?? '0';
      fullKey = `${this.options.prefix}c:${generation}:${hash(key)}`;
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

/** Values are stored as JSON; properties named `…At` holding ISO strings come back as Dates. */
function reviveDates(key: string, value: unknown): unknown {
  return key.endsWith('At') && typeof value === 'string' ? new Date(value) : value;
}

function hash(key: string): string {
  return createHash('sha1').update(key).digest('base64url');
}

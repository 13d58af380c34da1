import { Redis } from 'ioredis';
import { contextFromIncoming, currentContext, runWithContext } from '@lms/kit';
import { testEnv } from '@lms/kit/testing';
import { RateLimiter, emailKey } from '../src/middleware/rate-limit';
import { uniquePrefix } from './support/gateway';

/** The GCRA limiter against the real Redis: two limiter instances = two gateway replicas. */
describe('Redis rate limiter (GCRA)', () => {
  const replicaA = new Redis(testEnv.redisUrl);
  const replicaB = new Redis(testEnv.redisUrl);
  const prefix = uniquePrefix('limiter');

  afterAll(async () => {
    const keys = await replicaA.keys(`${prefix}*`);
    if (keys.length) await replicaA.del(...keys);
    await replicaA.quit();
    await replicaB.quit();
  });

  test('When a key makes exactly `limit` requests, then all pass with a decreasing remaining count', async () => {
    const limiter = new RateLimiter(replicaA, prefix);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.hit('t', 'burst', 5, 60_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(results.every((r) => r.limit === 5 && r.retryAfterSeconds === 0)).toBe(true);
    expect(results[4].resetSeconds).toBeGreaterThanOrEqual(59);
    expect(results[4].resetSeconds).toBeLessThanOrEqual(60);
  });

  test('When the limit is exceeded, then the request is refused with a Retry-After of one emission interval', async () => {
    const limiter = new RateLimiter(replicaA, prefix);
    for (let i = 0; i < 3; i++) await limiter.hit('t', 'over', 3, 60_000);
    const refused = await limiter.hit('t', 'over', 3, 60_000);
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(0);
    // 3 per minute = one every 20 s: the next request is allowed ~20 s later.
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(19);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(20);
  });

  test('When requests arrive together, then their shared pipeline is sent outside every request context (not logged or traced as the first one)', async () => {
    const redis = new Redis(testEnv.redisUrl);
    const sentIn: (string | undefined)[] = [];
    const pipeline = redis.pipeline.bind(redis);
    jest.spyOn(redis, 'pipeline').mockImplementation((...args) => {
      sentIn.push(currentContext()?.requestId ?? 'none');
      return pipeline(...args);
    });
    const limiter = new RateLimiter(redis, prefix);
    const hits = ['r-1', 'r-2', 'r-3'].map((id) => runWithContext(contextFromIncoming({ requestId: id }), () => limiter.hit('t', `together-${id}`, 5, 60_000)));
    expect((await Promise.all(hits)).every((r) => r.allowed)).toBe(true);
    expect(sentIn).toEqual(['none']);
    await redis.quit();
  });

  test('When two gateway replicas count the same key, then they share one budget', async () => {
    const a = new RateLimiter(replicaA, prefix);
    const b = new RateLimiter(replicaB, prefix);
    const outcomes = await Promise.all([
      a.hit('t', 'shared', 4, 60_000),
      b.hit('t', 'shared', 4, 60_000),
      a.hit('t', 'shared', 4, 60_000),
      b.hit('t', 'shared', 4, 60_000),
      a.hit('t', 'shared', 4, 60_000),
      b.hit('t', 'shared', 4, 60_000),
    ]);
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(4);
  });

  test('When the window has passed, then the budget is replenished', async () => {
    const limiter = new RateLimiter(replicaA, prefix);
    for (let i = 0; i < 2; i++) expect((await limiter.hit('t', 'refill', 2, 400)).allowed).toBe(true);
    expect((await limiter.hit('t', 'refill', 2, 400)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 450));
    expect((await limiter.hit('t', 'refill', 2, 400)).allowed).toBe(true);
  });

  test('When different keys are limited, then they do not affect each other', async () => {
    const limiter = new RateLimiter(replicaA, prefix);
    await limiter.hit('t', 'k1', 1, 60_000);
    expect((await limiter.hit('t', 'k1', 1, 60_000)).allowed).toBe(false);
    expect((await limiter.hit('t', 'k2', 1, 60_000)).allowed).toBe(true);
    expect((await limiter.hit('other', 'k1', 1, 60_000)).allowed).toBe(true);
  });

  test('When an email is used as a key, then it is normalised and hashed (no address in Redis)', () => {
    expect(emailKey('  Ada@Example.COM ')).toBe(emailKey('ada@example.com'));
    expect(emailKey('ada@example.com')).not.toContain('ada');
    expect(emailKey('ada@example.com')).toMatch(/^[0-9a-f]{32}$/);
  });
});

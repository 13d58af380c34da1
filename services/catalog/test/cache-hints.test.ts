import { randomUUID } from 'node:crypto';
import type { CacheHint } from '@lms/kit/grpc';
import { createRedis, closeRedis, waitForRedis, type Redis } from '@lms/kit/redis';
import { testEnv } from '@lms/kit/testing';
import { ANONYMOUS, eventPublisher, eventually, listRequest, publishedCourse, startFleet, unique, type Fleet, type User } from './support';

/**
 * Issue 16: a cached public read costs one Redis round trip, and public answers carry a cache hint whose
 * validators are the generation keys and values in Redis (so the gateway can keep the answer while they hold);
 * answers that depend on the caller, and answers not cached, carry none.
 */
describe('catalog: cache hints and one Redis round trip per cached read', () => {
  let f: Fleet;
  let redis: Redis;

  beforeAll(async () => {
    f = await startFleet('hints', { CACHE_TTL_SECONDS: '300' });
    redis = createRedis(testEnv.redisUrl);
    await waitForRedis(redis, 5000);
  });

  afterAll(async () => {
    if (redis) await closeRedis(redis);
    await f?.close();
  });

  /** The call's answer and the hints it carried. */
  async function hinted<T>(call: (options: { onCacheHint: (hint: CacheHint) => void }) => Promise<T>): Promise<{ answer: T; hints: CacheHint[] }> {
    const hints: CacheHint[] = [];
    const answer = await call({ onCacheHint: (hint) => hints.push(hint) });
    return { answer, hints };
  }
  const as = (user: User | typeof ANONYMOUS, options: { onCacheHint: (hint: CacheHint) => void }) => ({ ...user.auth, ...options });
  const authOf = (user: User | typeof ANONYMOUS) => ('auth' in user ? user.auth : user);

  /** The hint's validators hold in Redis right now (what the gateway's MGET checks). */
  async function expectCurrent(hint: CacheHint): Promise<void> {
    expect(hint.scope).toBe('public');
    expect(hint.ttlSeconds).toBeGreaterThan(0);
    expect(hint.ttlSeconds).toBeLessThanOrEqual(300);
    const keys = hint.validators.map(([key]) => key);
    expect(keys.every((key) => key.startsWith(f.env.REDIS_KEY_PREFIX))).toBe(true);
    expect(await redis.mget(...keys)).toEqual(hint.validators.map(([, value]) => value));
  }

  test('When a public list is read twice, then both answers are hinted with the current generation, and the second costs one Redis command', async () => {
    const category = unique('Hint');
    const { course } = await publishedCourse(f, f.owner, { category });
    const list = (user: User | typeof ANONYMOUS) => hinted((o) => f.catalog.ListCourses(listRequest({ category }), { ...authOf(user), ...o }));

    const miss = await list(f.student);
    expect(miss.answer.items.map((c) => c.id)).toEqual([course.id]);
    expect(miss.hints).toHaveLength(1);
    expect(miss.hints[0].validators.map(([key]) => key)).toEqual([`${f.env.REDIS_KEY_PREFIX}generation`]);
    await expectCurrent(miss.hints[0]);

    const commands = await catalogCommandsDuring(() => list(ANONYMOUS));
    expect(commands.calls).toHaveLength(1); // the hit: generation + entry in one script call
    expect(commands.calls[0][0].toLowerCase()).toMatch(/^evalsha|^eval$/);
    expect(commands.answer.answer).toEqual(miss.answer);
    expect(commands.answer.hints[0].validators).toEqual(miss.hints[0].validators);
  });

  test('When a course is read by id and by slug, then the hint also names the course scope generation, and a write or an enrolment fact changes a validator', async () => {
    const { course } = await publishedCourse(f, f.owner);
    const byId = () => hinted((o) => f.catalog.GetCourse({ course_id: course.id }, as(f.student, o)));
    const bySlug = () => hinted((o) => f.catalog.GetCourseBySlug({ slug: course.slug }, { ...ANONYMOUS, ...o }));
    for (const read of [byId, bySlug, byId]) {
      const { hints } = await read();
      expect(hints).toHaveLength(1);
      expect(hints[0].validators).toHaveLength(2);
      await expectCurrent(hints[0]);
    }
    const before = (await byId()).hints[0];

    // An enrolment fact bumps the course's scope generation only.
    const bus = await eventPublisher(f.vhost.url);
    try {
      const enrollmentId = randomUUID();
      await bus.publish(
        bus.event('enrollment.created', enrollmentId, { enrollment_id: enrollmentId, student_id: randomUUID(), course_id: course.id, enrolled_at: new Date().toISOString() }),
      );
    } finally {
      await bus.close();
    }
    await eventually(async () => expect((await f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS)).enrollment_count).toBe(1));
    const [generation, scoped] = await redis.mget(...before.validators.map(([key]) => key));
    expect(generation).toBe(before.validators[0][1]);
    expect(scoped).not.toBe(before.validators[1][1]);

    // A course write bumps the generation every entry depends on.
    await f.catalog.UpdateCourse({ course_id: course.id, fields: ['title'], title: `Renamed ${unique()}` }, f.owner.auth);
    expect(await redis.get(before.validators[0][0])).not.toBe(before.validators[0][1]);
    await expectCurrent((await byId()).hints[0]);
  });

  test('When categories, popular and top-rated courses are read, then they are hinted', async () => {
    await publishedCourse(f, f.owner, { category: unique('Top') });
    for (const read of [
      () => hinted((o) => f.catalog.ListCategories({}, { ...ANONYMOUS, ...o })),
      () => hinted((o) => f.catalog.ListPopularCourses({ limit: 5, category: '' }, as(f.student, o))),
      () => hinted((o) => f.catalog.ListTopRatedCourses({ limit: 5, category: '' }, as(f.student, o))),
    ]) {
      for (let i = 0; i < 2; i++) {
        const { hints } = await read(); // miss, then hit
        expect(hints).toHaveLength(1);
        await expectCurrent(hints[0]);
      }
    }
  });

  test('When an answer depends on the caller (a draft, a widened or own list), then it carries no hint', async () => {
    const category = unique('NoHint');
    await publishedCourse(f, f.owner, { category });
    const draft = await f.catalog.CreateCourse({ title: `Draft ${unique()}`, category }, f.owner.auth);
    expect((await hinted((o) => f.catalog.GetCourse({ course_id: draft.id }, as(f.owner, o)))).hints).toEqual([]);
    expect((await hinted((o) => f.catalog.GetCourse({ course_id: draft.id }, as(f.admin, o)))).hints).toEqual([]);
    for (const user of [f.owner, f.admin, f.student]) {
      // include_unpublished: more for an instructor or an admin, the public page for a student — never shareable
      const widened = await hinted((o) => f.catalog.ListCourses(listRequest({ category, include_unpublished: true }), as(user, o)));
      expect(widened.hints).toEqual([]);
    }
    expect((await hinted((o) => f.catalog.ListMyCourses({ page: 1, page_size: 20, status: '' }, as(f.owner, o)))).hints).toEqual([]);
  });

  test('When Redis is unreachable or auth is down (a degraded answer), then the answer carries no hint', async () => {
    const category = unique('Degraded');
    const { course } = await publishedCourse(f, f.owner, { category });
    const replica = await f.startReplica({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const { answer, hints } = await hinted((o) => replica.client.ListCourses(listRequest({ category }), { ...ANONYMOUS, ...o }));
      expect(answer.items.map((c) => c.id)).toEqual([course.id]);
      expect(hints).toEqual([]);
    } finally {
      await replica.stop();
    }
    await f.stopAuth(); // the instructors' names are missing: answered, not cached, not hinted
    const { answer, hints } = await hinted((o) => f.catalog.GetCourse({ course_id: course.id }, { ...ANONYMOUS, ...o }));
    expect(answer.instructor?.full_name).toBe('');
    expect(hints).toEqual([]);
  });

  /**
   * The commands the catalog sends under its key prefix while `action` runs (Redis MONITOR, the client's own
   * commands only: not the ones a script runs). A sentinel command sent afterwards marks the end: MONITOR
   * reports in execution order, so once it is seen everything before it has been.
   */
  async function catalogCommandsDuring<T>(action: () => Promise<T>): Promise<{ answer: T; calls: string[][] }> {
    const monitor = await redis.monitor();
    const sentinel = `${f.env.REDIS_KEY_PREFIX}sentinel:${randomUUID()}`;
    const calls: string[][] = [];
    let seenSentinel = false;
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (args.includes(sentinel)) seenSentinel = true;
      else if (!seenSentinel && source !== 'lua' && args.some((arg) => arg.startsWith(f.env.REDIS_KEY_PREFIX))) calls.push(args);
    });
    try {
      const answer = await action();
      await redis.get(sentinel);
      await eventually(() => expect(seenSentinel).toBe(true));
      return { answer, calls };
    } finally {
      monitor.disconnect();
    }
  }
});

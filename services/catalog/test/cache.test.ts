import { createRedis, closeRedis, waitForRedis } from '@lms/kit/redis';
import { testEnv } from '@lms/kit/testing';
import {
  ANONYMOUS,
  listRequest,
  publishedCourse,
  startFleet,
  unique,
  expectGrpcError,
  GrpcStatus,
  type Fleet,
} from './support';

describe('catalog: the public read cache (Redis, generation-keyed) never shows a draft', () => {
  let f: Fleet;

  beforeAll(async () => {
    f = await startFleet('cache', { CACHE_TTL_SECONDS: '300' });
  });

  afterAll(async () => {
    await f?.close();
  });

  test('When a published course is listed (and cached) and then unpublished, then the next list and detail read no longer show it to a student', async () => {
    const category = unique('Cache');
    const { course } = await publishedCourse(f, f.owner, { category });
    const list = () => f.catalog.ListCourses(listRequest({ category }), f.student.auth);
    expect((await list()).items.map((c) => c.id)).toEqual([course.id]);
    const redis = createRedis(testEnv.redisUrl);
    try {
      await waitForRedis(redis, 5000);
      expect(await redis.keys(`${f.env.REDIS_KEY_PREFIX}r:*`)).not.toHaveLength(0); // the answer is cached …
    } finally {
      await closeRedis(redis);
    }
    expect((await list()).items.map((c) => c.id)).toEqual([course.id]); // … and served from the cache
    expect((await f.catalog.GetCourse({ course_id: course.id }, f.student.auth)).is_published).toBe(true);
    expect((await f.catalog.GetCourseBySlug({ slug: course.slug }, ANONYMOUS)).id).toBe(course.id);

    await f.catalog.UnpublishCourse({ course_id: course.id }, f.owner.auth);

    expect(await list()).toMatchObject({ items: [], total: 0 });
    await expectGrpcError(f.catalog.GetCourse({ course_id: course.id }, f.student.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.catalog.GetCourseBySlug({ slug: course.slug }, ANONYMOUS), GrpcStatus.NOT_FOUND);
    // the owner still reads the draft (never cached)
    expect((await f.catalog.GetCourse({ course_id: course.id }, f.owner.auth)).is_published).toBe(false);
  });

  test('When a write happens on one replica, then a list cached through another replica is invalidated too (shared generation)', async () => {
    const replica = await f.startReplica();
    try {
      const category = unique('Replica');
      const { course } = await publishedCourse(f, f.owner, { category, title: `Before ${unique()}` });
      const list = () => replica.client.ListCourses(listRequest({ category }), ANONYMOUS);
      expect((await list()).items.map((c) => c.title)).toEqual([course.title]);
      const title = `After ${unique()}`;
      await f.catalog.UpdateCourse({ course_id: course.id, fields: ['title'], title }, f.owner.auth);
      expect((await list()).items.map((c) => c.title)).toEqual([title]);
      await f.catalog.ArchiveCourse({ course_id: course.id }, f.owner.auth);
      expect((await list()).total).toBe(0);
    } finally {
      await replica.stop();
    }
  });

  test('When a draft is listed by its owner with include_unpublished, then the answer is not cached for students', async () => {
    const category = unique('Own');
    const draft = await f.catalog.CreateCourse({ title: `Draft ${unique()}`, category }, f.owner.auth);
    const mine = await f.catalog.ListCourses(listRequest({ category, include_unpublished: true }), f.owner.auth);
    expect(mine.items.map((c) => c.id)).toEqual([draft.id]);
    expect((await f.catalog.ListCourses(listRequest({ category, include_unpublished: true }), f.student.auth)).total).toBe(0);
    expect((await f.catalog.ListCourses(listRequest({ category }), ANONYMOUS)).total).toBe(0);
  });

  test('When Redis is unreachable, then anonymous reads are answered from the database', async () => {
    const category = unique('NoRedis');
    const { course } = await publishedCourse(f, f.owner, { category });
    const replica = await f.startReplica({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const page = await replica.client.ListCourses(listRequest({ category }), ANONYMOUS);
      expect(page.items.map((c) => c.id)).toEqual([course.id]);
      expect((await replica.client.GetCourse({ course_id: course.id }, ANONYMOUS)).title).toBe(course.title);
    } finally {
      await replica.stop();
    }
  });

  test('When auth is unavailable, then courses are still served with the instructor id and an empty name', async () => {
    const category = unique('NoAuth');
    const { course } = await publishedCourse(f, f.owner, { category });
    await f.stopAuth();
    const page = await f.catalog.ListCourses(listRequest({ category }), ANONYMOUS);
    expect(page.items.map((c) => c.instructor)).toEqual([{ id: f.owner.userId, full_name: '', bio: '', avatar_url: '' }]);
    expect((await f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS)).instructor).toEqual({ id: f.owner.userId, full_name: '', bio: '', avatar_url: '' });
  });
});

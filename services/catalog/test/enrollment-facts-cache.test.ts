import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { createDatabase } from '@lms/kit/db';
import { ANONYMOUS, courseRequest, eventPublisher, eventually, publishedCourse, startFleet, type Fleet } from './support';

/**
 * Issue 10 B4: an enrolment fact touches only its own course — a delta on its counters and its own cached
 * detail entries — never the whole cache and never a recount of the course. (Exactness under duplicates and
 * reordering: enrollment-stats.test.ts.)
 */
describe('catalog: enrolment facts invalidate only their course', () => {
  let f: Fleet;
  let bus: Awaited<ReturnType<typeof eventPublisher>>;
  let db: ReturnType<typeof createDatabase>;

  beforeAll(async () => {
    // EVENT_PREFETCH 1: the consumer handles the queue in order, one message at a time (the marker below relies on it).
    f = await startFleet('factcache', { CACHE_TTL_SECONDS: '300', EVENT_PREFETCH: '1' });
    bus = await eventPublisher(f.vhost.url);
    db = createDatabase({ url: f.config.DATABASE_URL, poolMax: 2 });
  });

  afterAll(async () => {
    await db?.close();
    await bus?.close();
    await f?.close();
  });

  const created = (courseId: string, enrollmentId = randomUUID()) =>
    bus.event('enrollment.created', enrollmentId, {
      enrollment_id: enrollmentId,
      student_id: randomUUID(),
      course_id: courseId,
      enrolled_at: new Date().toISOString(),
    });

  test("When N enrolment facts for course A are applied, then course B's cached entry is still served from the cache and A's count is exact", async () => {
    const { course: a } = await publishedCourse(f, f.owner);
    const { course: b } = await publishedCourse(f, f.other);
    const marker = await f.catalog.CreateCourse(courseRequest(), f.owner.auth); // before B is cached: a course write bumps every entry
    // B is read (and cached) as the public sees it; A too
    expect((await f.catalog.GetCourse({ course_id: b.id }, ANONYMOUS)).title).toBe(b.title);
    expect((await f.catalog.GetCourseBySlug({ slug: b.slug }, ANONYMOUS)).title).toBe(b.title);
    expect((await f.catalog.GetCourse({ course_id: a.id }, ANONYMOUS)).enrollment_count).toBe(0);
    // B's row changes behind the catalog's back: only a cache miss would show it
    await db.query('UPDATE courses SET title = :title WHERE id = :id', { replacements: { title: 'changed in the database', id: b.id } });

    const facts = Array.from({ length: 12 }, () => created(a.id));
    for (const fact of facts) await bus.publish(fact);
    await bus.publish(facts[3]); // a duplicate delivery
    // Positive barrier: a fact of another course published last; once it counts, everything before it was handled.
    await bus.publish(created(marker.id));
    await eventually(async () => expect((await f.catalog.GetCourse({ course_id: marker.id }, f.owner.auth)).enrollment_count).toBe(1));
    // A's detail entry is invalidated by the facts (before each is acknowledged): its count is exact at once
    expect((await f.catalog.GetCourse({ course_id: a.id }, ANONYMOUS)).enrollment_count).toBe(12);
    expect((await f.catalog.GetCourseBySlug({ slug: a.slug }, ANONYMOUS)).enrollment_count).toBe(12);
    const [row] = await db.query<{ enrollment_count: number }>('SELECT enrollment_count FROM courses WHERE id = :id', {
      type: QueryTypes.SELECT,
      replacements: { id: a.id },
    });
    expect(row.enrollment_count).toBe(12);

    // B was never invalidated: still the cached answer (the old code bumped the generation of every entry)
    expect((await f.catalog.GetCourse({ course_id: b.id }, ANONYMOUS)).title).toBe(b.title);
    expect((await f.catalog.GetCourseBySlug({ slug: b.slug }, ANONYMOUS)).title).toBe(b.title);
  });
});

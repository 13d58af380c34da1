import { randomUUID } from 'node:crypto';
import { queueDepth } from '@lms/kit/testing';
import {
  ANONYMOUS,
  courseRequest,
  eventPublisher,
  eventually,
  expectGrpcError,
  GrpcStatus,
  listRequest,
  publishedCourse,
  startFleet,
  unique,
  type Fleet,
} from './support';

describe('catalog: enrolment numbers from the enrollment service’s events (queue catalog.enrollment-stats)', () => {
  let f: Fleet;
  let bus: Awaited<ReturnType<typeof eventPublisher>>;

  beforeAll(async () => {
    // One message in hand at a time: the consumer handles the queue in order, which `barrier` relies on.
    f = await startFleet('enrolstats', { EVENT_PREFETCH: '1' });
    bus = await eventPublisher(f.vhost.url);
  });

  afterAll(async () => {
    await bus?.close();
    await f?.close();
  });

  const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes)).toISOString();
  const ids = (courseId: string) => ({ enrollment_id: randomUUID(), student_id: randomUUID(), course_id: courseId });
  const created = (i: ReturnType<typeof ids>, minute: number) => bus.event('enrollment.created', i.enrollment_id, { ...i, enrolled_at: at(minute) });
  const dropped = (i: ReturnType<typeof ids>, minute: number) => bus.event('enrollment.dropped', i.enrollment_id, { ...i, dropped_at: at(minute) });
  const reactivated = (i: ReturnType<typeof ids>, minute: number) => bus.event('enrollment.reactivated', i.enrollment_id, { ...i, at: at(minute) });
  const reviewed = (i: ReturnType<typeof ids>, rating: number, minute: number) =>
    bus.event('enrollment.reviewed', i.enrollment_id, { ...i, rating, reviewed_at: at(minute) });
  const stats = async (courseId: string) => {
    const c = await f.catalog.GetCourse({ course_id: courseId }, f.owner.auth);
    return { enrollment_count: c.enrollment_count, average_rating: c.average_rating, rating_count: c.rating_count };
  };
  /**
   * Positive barrier: an enrolment in a course of its own, published after the events under test, counted.
   * The consumer takes one message at a time in queue order and acks after the commit and the cache
   * invalidation, so once the marker counts every event published before it has been handled — and an
   * absence (a duplicate or a late event changing nothing) can be asserted exactly, without a sleep.
   */
  const barrier = async () => {
    const marker = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    await bus.publish(created(ids(marker.id), 0));
    await eventually(async () => expect((await stats(marker.id)).enrollment_count).toBe(1));
  };

  test('When enrolments are created, one event is delivered twice, and one is dropped, then enrollment_count is exact', async () => {
    const { course } = await publishedCourse(f, f.owner);
    const [a, b, c] = [ids(course.id), ids(course.id), ids(course.id)];
    const duplicate = created(a, 1);
    await bus.publish(duplicate);
    await bus.publish(duplicate);
    await bus.publish(created(b, 2));
    await bus.publish(created(c, 3));
    await barrier();
    expect((await stats(course.id)).enrollment_count).toBe(3);
    await bus.publish(dropped(b, 10));
    await barrier();
    expect((await stats(course.id)).enrollment_count).toBe(2);
  });

  test('When a drop arrives before its enrolment (reordering), then the enrolment is not counted; a later reactivation counts it again', async () => {
    const { course } = await publishedCourse(f, f.owner);
    const [a, b] = [ids(course.id), ids(course.id)];
    await bus.publish(dropped(a, 20));
    await bus.publish(created(a, 5));
    await bus.publish(created(b, 6));
    await barrier();
    expect((await stats(course.id)).enrollment_count).toBe(1);
    await bus.publish(reactivated(a, 30));
    await barrier();
    expect((await stats(course.id)).enrollment_count).toBe(2);
    await bus.publish(dropped(a, 25)); // older than the reactivation: no effect
    await bus.publish(created(ids(course.id), 40));
    await barrier();
    expect((await stats(course.id)).enrollment_count).toBe(3);
  });

  test('When reviews arrive (one re-rated, an older rating late, one duplicated), then average_rating and rating_count are exact', async () => {
    const { course } = await publishedCourse(f, f.owner);
    const [a, b, c] = [ids(course.id), ids(course.id), ids(course.id)];
    for (const i of [a, b, c]) await bus.publish(created(i, 1));
    const review = reviewed(a, 4, 10);
    await bus.publish(review);
    await bus.publish(review);
    await bus.publish(reviewed(b, 5, 11));
    await barrier();
    expect(await stats(course.id)).toEqual({ enrollment_count: 3, average_rating: 4.5, rating_count: 2 });
    await bus.publish(reviewed(b, 2, 20)); // b changes their mind
    await bus.publish(reviewed(b, 1, 15)); // an older rating arriving late: ignored
    await bus.publish(reviewed(c, 3, 21));
    await barrier();
    expect(await stats(course.id)).toEqual({ enrollment_count: 3, average_rating: 3, rating_count: 3 });
  });

  test('When a review arrives before its enrolment, then it is kept and counted once the enrolment arrives', async () => {
    const { course } = await publishedCourse(f, f.owner);
    const a = ids(course.id);
    await bus.publish(reviewed(a, 5, 30));
    await eventually(async () => expect(await stats(course.id)).toEqual({ enrollment_count: 0, average_rating: 5, rating_count: 1 }));
    await bus.publish(created(a, 1));
    await eventually(async () => expect(await stats(course.id)).toEqual({ enrollment_count: 1, average_rating: 5, rating_count: 1 }));
  });

  test('When courses have enrolments and ratings, then popular and top-rated lists and the popular sort follow them', async () => {
    const category = unique('Pop');
    const { course: low } = await publishedCourse(f, f.owner, { category });
    const { course: high } = await publishedCourse(f, f.other, { category });
    const h1 = ids(high.id);
    const h2 = ids(high.id);
    const l1 = ids(low.id);
    for (const e of [created(h1, 1), created(h2, 2), created(l1, 3), reviewed(h1, 3, 5), reviewed(l1, 5, 6)]) await bus.publish(e);
    await eventually(async () => {
      expect((await stats(high.id)).enrollment_count).toBe(2);
      expect((await stats(low.id)).rating_count).toBe(1);
    });
    await eventually(async () => {
      expect((await f.catalog.ListPopularCourses({ category, limit: 5 }, ANONYMOUS)).items.map((c) => c.id)).toEqual([high.id, low.id]);
      expect((await f.catalog.ListTopRatedCourses({ category, limit: 5 }, ANONYMOUS)).items.map((c) => c.id)).toEqual([low.id, high.id]);
      expect((await f.catalog.ListCourses(listRequest({ category, sort: 'popular' }), ANONYMOUS)).items.map((c) => c.id)).toEqual([high.id, low.id]);
    });
  });

  test('When someone is (or was) enrolled, then the course cannot be deleted: FAILED_PRECONDITION says to archive it', async () => {
    const { course } = await publishedCourse(f, f.owner);
    const a = ids(course.id);
    await bus.publish(created(a, 1));
    await eventually(async () => expect((await stats(course.id)).enrollment_count).toBe(1));
    const err = await expectGrpcError(
      f.catalog.DeleteCourse({ course_id: course.id }, f.owner.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'CATALOG.COURSE_HAS_ENROLLMENTS',
    );
    expect(err.message).toMatch(/archive it instead/);
    await bus.publish(dropped(a, 5));
    await eventually(async () => expect((await stats(course.id)).enrollment_count).toBe(0));
    await expectGrpcError(f.catalog.DeleteCourse({ course_id: course.id }, f.admin.auth), GrpcStatus.FAILED_PRECONDITION, 'CATALOG.COURSE_HAS_ENROLLMENTS');
    await f.catalog.ArchiveCourse({ course_id: course.id }, f.owner.auth);
  });

  test('When an enrolment event has an invalid payload, then it is parked and the next events are still applied', async () => {
    const { course } = await publishedCourse(f, f.owner);
    await bus.publish(bus.event('enrollment.reviewed', course.id, { ...ids(course.id), rating: 9, reviewed_at: at(1) }));
    await bus.publish(bus.event('enrollment.created', course.id, { enrollment_id: 'nope', course_id: course.id }));
    await bus.publish(created(ids(course.id), 2));
    await eventually(async () => expect((await stats(course.id)).enrollment_count).toBe(1));
    await eventually(async () => expect(await queueDepth(f.vhost.url, 'catalog.enrollment-stats.parking-lot')).toBe(2));
    expect((await stats(course.id)).rating_count).toBe(0);
  });
});

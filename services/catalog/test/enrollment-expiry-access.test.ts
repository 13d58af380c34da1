import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { createDatabase } from '@lms/kit/db';
import { ENROLLMENT_STATS_QUEUE } from '../src/events/enrollment-stats.consumer';
import { courseRequest, eventPublisher, eventually, expectGrpcError, GrpcStatus, lessonRequest, startFleet, type Fleet } from './support';

/**
 * Enrolment expiry (issue 9), catalog side: `enrollment.expired` ends the student's access to lesson content
 * through the catalog's read model like a drop (PERMISSION_DENIED = 403 at the gateway); an extension
 * (`enrollment.reactivated`, then a new `enrollment.access_scheduled`) restores it. enrollment_count counts
 * enrolments with access. No enrollment service answers here (closed port): the read model alone decides.
 */
describe('catalog: an expired enrolment no longer reads lesson content; an extension restores it', () => {
  let f: Fleet;
  let bus: Awaited<ReturnType<typeof eventPublisher>>;
  let db: ReturnType<typeof createDatabase>;

  beforeAll(async () => {
    f = await startFleet('expiry');
    bus = await eventPublisher(f.vhost.url);
    db = createDatabase({ url: f.config.DATABASE_URL, poolMax: 1 });
  });

  afterAll(async () => {
    await db?.close();
    await bus?.close();
    await f?.close();
  });

  /** Positive barrier: the consumer has handled (and committed) this event — its inbox row exists. */
  const handled = (eventId: string) =>
    eventually(async () => {
      const rows = await db.query('SELECT 1 FROM inbox WHERE consumer = :consumer AND event_id = :eventId', {
        type: QueryTypes.SELECT,
        replacements: { consumer: ENROLLMENT_STATS_QUEUE, eventId },
      });
      expect(rows).toHaveLength(1);
    });

  test('When the enrolment expires, then 403 on a non-preview lesson (the preview stays open); after the extension, 200', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const make = async (overrides: Parameters<typeof lessonRequest>[1] = {}) => {
      const lesson = await f.catalog.CreateLesson(lessonRequest(course.id, { content: '# Members only', ...overrides }), f.owner.auth);
      await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth);
      return lesson.id;
    };
    const lesson = await make();
    const preview = await make({ is_preview: true });
    await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    const ids = { enrollment_id: randomUUID(), student_id: f.student.userId, course_id: course.id };
    const t0 = Date.now();
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const read = () => f.catalog.GetLesson({ lesson_id: lesson }, f.student.auth);
    const count = async () => (await f.catalog.GetCourse({ course_id: course.id }, f.owner.auth)).enrollment_count;

    await bus.publish(bus.event('enrollment.created', ids.enrollment_id, { ...ids, enrolled_at: at(0) }));
    await eventually(async () => expect((await read()).content).toBe('# Members only'));
    expect(await count()).toBe(1);

    await bus.publish(bus.event('enrollment.expired', ids.enrollment_id, { ...ids, expires_at: at(1), expired_at: at(2) }));
    await eventually(() => expectGrpcError(read(), GrpcStatus.PERMISSION_DENIED));
    expect((await f.catalog.GetLesson({ lesson_id: preview }, f.student.auth)).content).toBe('# Members only');
    expect(await count()).toBe(0);

    // the extension: reactivated + a new end of access
    await bus.publish(bus.event('enrollment.reactivated', ids.enrollment_id, { ...ids, at: at(3) }));
    await bus.publish(
      bus.event('enrollment.access_scheduled', ids.enrollment_id, { ...ids, expires_at: at(3600), reason: 'extended' }),
    );
    await eventually(async () => expect((await read()).content).toBe('# Members only'));
    expect(await count()).toBe(1);

    // a late duplicate of the expiry (older than the reactivation) changes nothing — checked once it was handled
    const late = bus.event('enrollment.expired', ids.enrollment_id, { ...ids, expires_at: at(1), expired_at: at(2) });
    await bus.publish(late);
    await handled(late.id);
    expect((await read()).content).toBe('# Members only');
    expect(await count()).toBe(1);
  });
});

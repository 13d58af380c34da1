import { randomUUID } from 'node:crypto';
import { CONTENT_CHANGED_QUEUE, LESSON_DELETED_QUEUE, QUIZ_PASSED_QUEUE } from '../src/events/enrollment.events.schema';
import { eventPublisher, eventually, handledCount, publishedCourse, quizPassedData, startFleet, type Fleet } from './support';

/**
 * Issue 10 B2: event handlers that need catalog's outline fetch it before their inbox transaction, so a
 * handler holds at most one pool connection and none across a network call. With a pool of 2 and a burst
 * of such events, the old handlers (inbox transaction held + gRPC + a second transaction) exhausted the pool
 * and waited for the acquire timeout (10 s), every one of them, and gRPC requests with them.
 */
describe('event handlers with a small pool (DATABASE_POOL_MAX=2): no handler holds its transaction across a catalog call', () => {
  let f: Fleet;
  let publisher: Awaited<ReturnType<typeof eventPublisher>>;

  beforeAll(async () => {
    f = await startFleet('pool', { DATABASE_POOL_MAX: '2' });
    publisher = await eventPublisher(f.vhost.url);
  });
  afterAll(async () => {
    await publisher?.close();
    await f?.close();
  });

  const handled = (queue: string, ids: string[]) => handledCount(f.db, queue, ids);

  test('When a burst of events each needs an outline refresh, then all are handled promptly and requests are served meanwhile', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const future = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString();
    await f.catalog.UpdateLesson({ lesson_id: lessonIds[1], fields: ['unlock_at'], unlock_at: future }, f.instructor.auth);

    const contentChanged = Array.from({ length: 24 }, () =>
      publisher.event('lesson.updated', randomUUID(), { course_id: courseId, lesson_id: lessonIds[1], changed_fields: ['unlock_at'] }, 'lms/catalog'),
    );
    const lessonDeleted = Array.from({ length: 8 }, () =>
      publisher.event('lesson.deleted', randomUUID(), { course_id: courseId, lesson_id: randomUUID() }, 'lms/catalog'),
    );
    // quiz.passed for lessons our model does not know: each asks catalog for the outline first
    const quizPassed = Array.from({ length: 8 }, () =>
      publisher.event('quiz.passed', randomUUID(), quizPassedData(f.student.userId, courseId, randomUUID())),
    );
    const started = Date.now();
    await Promise.all([...contentChanged, ...lessonDeleted, ...quizPassed].map((event) => publisher.publish(event)));

    // a request during the burst is served (it needs a pool connection too)
    const read = await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth);
    expect(read.id).toBe(e.id);

    // well under one pool acquire timeout (10 s): nothing waited for a second connection
    await eventually(async () => {
      expect(await handled(CONTENT_CHANGED_QUEUE, contentChanged.map((x) => x.id))).toBe(contentChanged.length);
      expect(await handled(LESSON_DELETED_QUEUE, lessonDeleted.map((x) => x.id))).toBe(lessonDeleted.length);
      expect(await handled(QUIZ_PASSED_QUEUE, quizPassed.map((x) => x.id))).toBe(quizPassed.length);
    }, 9000);
    expect(Date.now() - started).toBeLessThan(9000);

    // and the refreshed rules apply: the drip date set in catalog locks the lesson
    const err = await f.enrollment.StartLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth).catch((x: unknown) => x);
    expect(err).toMatchObject({ code: 'ENROLLMENT.LESSON_LOCKED' });
  }, 60_000);
});

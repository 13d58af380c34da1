import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { QUIZ_PASSED_QUEUE } from '../src/events/enrollment.events.schema';
import { captureEvents, eventPublisher, eventually, invariantViolations, publishedCourse, quizPassedData, startFleet, type Fleet } from './support';

/**
 * quiz.passed in batches (QUIZ_PASSED_BATCH_SIZE, default 16, with the default prefetch): a burst shares
 * transactions, and the counts stay exact — duplicates, second attempts and several students interleaved.
 */
describe('events in: a burst of quiz.passed, handled in batches', () => {
  let f: Fleet;
  let publisher: Awaited<ReturnType<typeof eventPublisher>>;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    f = await startFleet('quizbatch');
    publisher = await eventPublisher(f.vhost.url);
    events = await captureEvents(f.vhost.url, ['lesson.*']);
  });
  afterAll(async () => {
    await events?.close();
    await publisher?.close();
    await f?.close();
  });

  const quizPassed = (studentId: string, courseId: string, lessonId: string) =>
    publisher.event('quiz.passed', randomUUID(), quizPassedData(studentId, courseId, lessonId));

  test('When passes for two students, duplicates and second attempts arrive in one burst, then every lesson is counted once', async () => {
    const lessons = 6;
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, lessons, () => ({ lesson_type: 'quiz' }));
    const mine = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const theirs = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    const burst = lessonIds.flatMap((lessonId) => {
      const first = quizPassed(f.student.userId, courseId, lessonId);
      return [first, quizPassed(f.otherStudent.userId, courseId, lessonId), first, quizPassed(f.student.userId, courseId, lessonId)];
    });
    // Published without waiting for each other's effect, so the consumer has several in hand at once.
    await Promise.all(burst.map((event) => publisher.publish(event)));

    for (const [e, who] of [[mine, f.student], [theirs, f.otherStudent]] as const) {
      await eventually(async () =>
        expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, who.auth)).toMatchObject({
          completed_lessons_count: lessons,
          progress_percentage: 100,
          status: 'completed',
        }),
      );
    }
    // Every distinct event (the duplicate ids once) went through the inbox, and all are handled.
    const distinct = new Set(burst.map((e) => e.id)).size;
    await eventually(async () => {
      const [row] = await f.db.query<{ n: string }>('SELECT count(*) AS n FROM inbox WHERE consumer = :queue AND event_id IN (:ids)', {
        type: QueryTypes.SELECT,
        replacements: { queue: QUIZ_PASSED_QUEUE, ids: burst.map((e) => e.id) },
      });
      expect(Number(row.n)).toBe(distinct);
    });
    for (const e of [mine, theirs]) {
      await eventually(async () => expect(events.matching('lesson.completed', (d) => d.enrollment_id === e.id)).toHaveLength(lessons));
    }
    expect(await invariantViolations(f.db, courseId)).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { queueDepth } from '@lms/kit/testing';
import { parkingLotQueue } from '@lms/kit/events';
import amqp from 'amqplib';
import { QueryTypes } from 'sequelize';
import { COURSE_PUBLISHED_QUEUE, QUIZ_PASSED_QUEUE } from '../src/events/enrollment.events.schema';
import { addLesson, captureEvents, eventPublisher, eventually, invariantViolations, publishedCourse, startFleet, type Fleet } from './support';

async function purge(url: string, queue: string) {
  const connection = await amqp.connect(url);
  try {
    await (await connection.createChannel()).purgeQueue(queue);
  } finally {
    await connection.close();
  }
}

/** The quiz.passed contract (published here as the quiz service will) and the consumers' guarantees. */
describe('events in: quiz.passed and course.published', () => {
  let f: Fleet;
  let publisher: Awaited<ReturnType<typeof eventPublisher>>;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    // One message in hand per queue (the next is delivered after the previous one's ack, i.e. its commit): a
    // sentinel published after a duplicate is handled after it, so its effect is a barrier for the duplicate's.
    f = await startFleet('events', { EVENT_PREFETCH: '1' });
    publisher = await eventPublisher(f.vhost.url);
    events = await captureEvents(f.vhost.url, ['enrollment.*', 'lesson.*']);
  });
  afterAll(async () => {
    await events?.close();
    await publisher?.close();
    await f?.close();
  });

  const quizPassed = (input: { studentId: string; courseId: string; lessonId: string }) =>
    publisher.event('quiz.passed', randomUUID(), {
      attempt_id: randomUUID(),
      quiz_id: randomUUID(),
      lesson_id: input.lessonId,
      course_id: input.courseId,
      student_id: input.studentId,
      score_percent: 85,
      passed_at: new Date().toISOString(),
    });

  /**
   * Publishes a quiz.passed for a second enrolment after whatever was published before, and waits for its
   * lesson.completed: with one message in hand per queue (EVENT_PREFETCH 1), everything published before it
   * has been handled and committed by then, and the events it emitted were captured before the sentinel's.
   */
  const sentinelBarrier = async (sentinel: { studentId: string; courseId: string; lessonId: string; enrollmentId: string }) => {
    await publisher.publish(quizPassed(sentinel));
    await events.waitFor('lesson.completed', (d) => d.enrollment_id === sentinel.enrollmentId && d.lesson_id === sentinel.lessonId);
  };

  test('When the same quiz.passed is delivered twice, and another attempt passes the same quiz, then the lesson is completed and counted once', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2, (i) => (i === 1 ? { lesson_type: 'quiz' } : {}));
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const other = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    const quizLesson = lessonIds[1];
    // A quiz lesson cannot be completed by hand.
    await expect(f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: quizLesson }, f.student.auth)).rejects.toMatchObject({
      code: 'ENROLLMENT.QUIZ_REQUIRED',
    });

    const event = quizPassed({ studentId: f.student.userId, courseId, lessonId: quizLesson });
    await publisher.publish(event);
    await publisher.publish(event); // redelivery / duplicate publish: same event id
    await publisher.publish(quizPassed({ studentId: f.student.userId, courseId, lessonId: quizLesson })); // a second passing attempt

    await eventually(async () =>
      expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({ completed_lessons_count: 1, progress_percentage: 50 }),
    );
    await sentinelBarrier({ studentId: f.otherStudent.userId, courseId, lessonId: quizLesson, enrollmentId: other.id });
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).completed_lessons_count).toBe(1);
    expect(events.matching('lesson.completed', (d) => d.enrollment_id === e.id)).toHaveLength(1);
    expect(await invariantViolations(f.db, courseId)).toEqual([]);

    // Completing the quiz lesson by hand is now a no-op that returns the completion.
    const again = await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: quizLesson }, f.student.auth);
    expect(again.status).toBe('completed');
  });

  test('When a completion (RPC or quiz.passed) arrives for a course version whose course.published was lost, then the outline is fetched from catalog and the lessons count', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 1);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    // Stop consuming, let catalog publish two new versions, then drop those course.published messages.
    await f.service.consumer.stop();
    const newText = await addLesson(f, f.instructor, courseId);
    const newQuiz = await addLesson(f, f.instructor, courseId, { lesson_type: 'quiz' });
    await eventually(async () => expect(await queueDepth(f.vhost.url, COURSE_PUBLISHED_QUEUE)).toBe(2));
    await purge(f.vhost.url, COURSE_PUBLISHED_QUEUE);

    // The student completes the new text lesson: unknown locally, so catalog's outline seeds the new version.
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: newText }, f.student.auth);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({
      completed_lessons_count: 2,
      total_lessons_count: 3,
      progress_percentage: 66.67,
    });
    const [version] = (await f.db.query(
      "SELECT source FROM course_versions WHERE course_id = :courseId ORDER BY version DESC LIMIT 1",
      { replacements: { courseId }, type: QueryTypes.SELECT },
    )) as { source: string }[];
    expect(version.source).toBe('outline');

    await publisher.publish(quizPassed({ studentId: f.student.userId, courseId, lessonId: newQuiz }));
    await f.restartEnrollment();
    await eventually(async () =>
      expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({
        status: 'completed',
        completed_lessons_count: 3,
        total_lessons_count: 3,
        progress_percentage: 100,
      }),
    );
    expect(await invariantViolations(f.db, courseId)).toEqual([]);
    await events.waitFor('enrollment.completed', (d) => d.enrollment_id === e.id);
  });

  test('When the enrollment service is stopped mid-flow, then events published meanwhile are processed after it is back, nothing lost or doubled', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 3, (i) => (i > 0 ? { lesson_type: 'quiz' } : {}));
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const other = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    await f.service.consumer.stop();
    const pending = [
      quizPassed({ studentId: f.student.userId, courseId, lessonId: lessonIds[1] }),
      quizPassed({ studentId: f.student.userId, courseId, lessonId: lessonIds[2] }),
    ];
    for (const ev of pending) await publisher.publish(ev);
    await publisher.publish(pending[0]);
    // All three wait in the queue, none taken by a consumer.
    await eventually(async () => expect(await queueDepth(f.vhost.url, QUIZ_PASSED_QUEUE)).toBe(3));
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).completed_lessons_count).toBe(1);
    await f.restartEnrollment();
    await eventually(async () =>
      expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({ status: 'completed', completed_lessons_count: 3 }),
    );
    await events.waitFor('enrollment.completed', (d) => d.enrollment_id === e.id);
    await sentinelBarrier({ studentId: f.otherStudent.userId, courseId, lessonId: lessonIds[1], enrollmentId: other.id });
    expect(events.matching('enrollment.completed', (d) => d.enrollment_id === e.id)).toHaveLength(1);
    expect(events.matching('lesson.completed', (d) => d.enrollment_id === e.id)).toHaveLength(3);
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).completed_lessons_count).toBe(3);
  });

  test('When quiz.passed is malformed or not an envelope, then it goes to the parking lot and the consumer carries on', async () => {
    await publisher.publishRaw('quiz.passed', '{not json');
    await publisher.publish(publisher.event('quiz.passed', randomUUID(), { lesson_id: 'nope' }));
    await eventually(async () => expect(await queueDepth(f.vhost.url, parkingLotQueue(QUIZ_PASSED_QUEUE))).toBe(2));
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 1, () => ({ lesson_type: 'quiz' }));
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    await publisher.publish(quizPassed({ studentId: f.otherStudent.userId, courseId, lessonId: lessonIds[0] }));
    await eventually(async () =>
      expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.otherStudent.auth)).status).toBe('completed'),
    );
  });

  test('When quiz.passed names a student who is not enrolled, then it is acknowledged and ignored', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 1, () => ({ lesson_type: 'quiz' }));
    await publisher.publish(quizPassed({ studentId: randomUUID(), courseId, lessonId: lessonIds[0] }));
    await eventually(async () => expect(await queueDepth(f.vhost.url, QUIZ_PASSED_QUEUE)).toBe(0));
    expect(await queueDepth(f.vhost.url, parkingLotQueue(QUIZ_PASSED_QUEUE))).toBe(2);
  });

  test('When the instructor edits drip dates or publishes a lesson that does not count (no new version), then the rules follow', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const before = e.course_version;
    const future = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString();
    await f.catalog.UpdateLesson({ lesson_id: lessonIds[1], fields: ['unlock_at'], unlock_at: future }, f.instructor.auth);
    await eventually(async () => {
      const err = await f.enrollment.StartLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth).catch((x: unknown) => x);
      expect(err).toMatchObject({ code: 'ENROLLMENT.LESSON_LOCKED', meta: { unlock_at: new Date(future).toISOString() } });
    });
    const extra = await addLesson(f, f.instructor, courseId, { counts_toward_completion: false, fields: ['counts_toward_completion'] });
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: extra }, f.student.auth);
    const after = await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth);
    expect(after).toMatchObject({ course_version: before, completed_lessons_count: 0, total_lessons_count: 2 });
    const progress = await f.enrollment.GetProgress({ enrollment_id: e.id }, f.student.auth);
    expect(progress.lessons.map((l) => [l.lesson_id, l.is_countable, l.is_locked])).toEqual([
      [lessonIds[0], true, false],
      [lessonIds[1], true, true],
      [extra, false, false],
    ]);
  });

  test('When course.published arrives twice or out of order, then versions only move forward', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 2);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const [course] = await f.db.query('SELECT current_version FROM courses WHERE course_id = :courseId', {
      replacements: { courseId },
      plain: false,
      raw: true,
    }).then(([rows]) => rows as { current_version: number }[]);
    // An old version (one lesson) replayed by hand: ignored.
    const old = publisher.event(
      'course.published',
      courseId,
      { course_id: courseId, version: course.current_version - 1, instructor_id: f.instructor.userId, title: 'Old', published_at: new Date().toISOString(), countable_lesson_ids: [randomUUID()], lessons: [] },
      'lms/catalog',
    );
    await publisher.publish(old);
    await publisher.publish(old);
    // Barrier: a course.published of another course, published after them on the same queue (EVENT_PREFETCH 1).
    const sentinel = randomUUID();
    await publisher.publish(
      publisher.event(
        'course.published',
        sentinel,
        { course_id: sentinel, version: 1, instructor_id: f.instructor.userId, title: 'Sentinel', published_at: new Date().toISOString(), countable_lesson_ids: [], lessons: [] },
        'lms/catalog',
      ),
    );
    await eventually(async () =>
      expect(await f.db.query('SELECT 1 FROM courses WHERE course_id = :sentinel', { replacements: { sentinel }, type: QueryTypes.SELECT })).toHaveLength(1),
    );
    expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({ total_lessons_count: 2, course_version: course.current_version });
    const [now] = await f.db.query<{ current_version: number }>('SELECT current_version FROM courses WHERE course_id = :courseId', {
      replacements: { courseId },
      type: QueryTypes.SELECT,
    });
    expect(now.current_version).toBe(course.current_version);
  });
});

import { QueryTypes } from 'sequelize';
import { ENROLLMENT_EVENT_SCHEMAS } from '../src/events/enrollment.events.schema';
import { captureEvents, publishedCourse, startFleet, unique, type Fleet } from './support';

type Schemas = typeof ENROLLMENT_EVENT_SCHEMAS;

/**
 * Issue 13: the facts the analytics service needs (additive v1 fields): the list price on `enrollment.created`,
 * the review text on `enrollment.reviewed`, `at` on `enrollment.progressed`, and the new `lesson.time_recorded`
 * (the increment of time actually added to a lesson's stored total). Every captured payload also matches the
 * service's own zod schema of that event.
 */
describe('events for analytics: price, review text, progress time, lesson time', () => {
  let f: Fleet;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    f = await startFleet('facts');
    events = await captureEvents(f.vhost.url, ['enrollment.*', 'lesson.*']);
  });
  afterAll(async () => {
    await events?.close();
    await f?.close();
  });

  /** Waits for the event and checks its payload against our published schema. */
  const published = async (type: keyof Schemas, predicate: (d: Record<string, unknown>) => boolean) => {
    const event = await events.waitFor(type, predicate);
    expect(ENROLLMENT_EVENT_SCHEMAS[type].safeParse(event.data).success).toBe(true);
    return event.data as Record<string, unknown>;
  };

  /** The lesson.time_recorded payloads of an enrolment in outbox order (written in the update's own transaction). */
  const timeRecorded = async (enrollmentId: string) =>
    (
      await f.db.query<{ data: Record<string, unknown> }>(
        "SELECT payload->'data' AS data FROM outbox WHERE type = 'lesson.time_recorded' AND payload->>'subject' = :enrollmentId ORDER BY seq",
        { type: QueryTypes.SELECT, replacements: { enrollmentId } },
      )
    ).map((r) => r.data);

  test('When a student enrols in a paid course (by itself or in bulk) and in a free one, then enrollment.created carries the list price', async () => {
    const paid = await publishedCourse(f, f.instructor, 1);
    await f.catalog.UpdateCourse({ course_id: paid.courseId, fields: ['price_cents', 'currency'], price_cents: 4999, currency: 'EUR' }, f.instructor.auth);
    const free = await publishedCourse(f, f.instructor, 1);
    const [paidCourse, freeCourse] = await Promise.all([
      f.catalog.GetCourse({ course_id: paid.courseId }),
      f.catalog.GetCourse({ course_id: free.courseId }),
    ]);
    expect([Number(paidCourse.price_cents), paidCourse.currency]).toEqual([4999, 'EUR']);
    expect(Number(freeCourse.price_cents)).toBe(0);

    const e1 = await f.enrollment.Enroll({ course_id: paid.courseId }, f.student.auth);
    const e2 = await f.enrollment.Enroll({ course_id: free.courseId }, f.student.auth);
    const bulk = await f.enrollment.BulkEnroll({ course_id: paid.courseId, user_ids: [f.otherStudent.userId] }, f.instructor.auth);
    expect(bulk.results[0]).toMatchObject({ result: 'enrolled' });

    expect(await published('enrollment.created', (d) => d.enrollment_id === e1.id)).toMatchObject({
      course_id: paid.courseId,
      price_cents: 4999,
      currency: 'EUR',
    });
    expect(await published('enrollment.created', (d) => d.enrollment_id === e2.id)).toMatchObject({
      course_id: free.courseId,
      price_cents: 0,
      currency: freeCourse.currency,
    });
    expect(await published('enrollment.created', (d) => d.enrollment_id === bulk.results[0].enrollment_id)).toMatchObject({
      student_id: f.otherStudent.userId,
      price_cents: 4999,
      currency: 'EUR',
    });
  });

  test('When a student rates with a review, then rates again without text, then enrollment.reviewed carries the text, then null', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 1);
    const student = await f.newUser('student', 'reviewer');
    const e = await f.enrollment.Enroll({ course_id: courseId }, student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, student.auth);
    const text = `  Clear and practical ${unique()}  `;

    await f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating: 4, review: text }, student.auth);
    expect(await published('enrollment.reviewed', (d) => d.enrollment_id === e.id && d.rating === 4)).toMatchObject({
      review: text.trim(),
    });
    await f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating: 5, review: '' }, student.auth);
    expect(await published('enrollment.reviewed', (d) => d.enrollment_id === e.id && d.rating === 5)).toMatchObject({ review: null });
  });

  test('When a lesson is completed, then enrollment.progressed says when (at)', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const student = await f.newUser('student', 'progress');
    const e = await f.enrollment.Enroll({ course_id: courseId }, student.auth);
    const before = Date.now();
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, student.auth);
    const after = Date.now();
    const progressed = await published('enrollment.progressed', (d) => d.enrollment_id === e.id);
    expect(progressed).toMatchObject({ completed_lessons_count: 1, progress_percentage: 50 });
    const at = new Date(progressed.at as string).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    const completed = await published('lesson.completed', (d) => d.enrollment_id === e.id);
    expect(progressed.at).toBe(completed.completed_at);
  });

  test('When time is reported (30, 75, 75 again, 60), then lesson.time_recorded says each increment actually added (30, 45) and their sum is the stored total', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const student = await f.newUser('student', 'timer');
    const e = await f.enrollment.Enroll({ course_id: courseId }, student.auth);
    const report = (seconds: number, lessonId = lessonIds[0]) =>
      f.enrollment.UpdateLessonProgress({ enrollment_id: e.id, lesson_id: lessonId, fields: ['time_spent_seconds'], time_spent_seconds: seconds }, student.auth);

    const before = Date.now();
    expect((await report(30)).time_spent_seconds).toBe('30');
    expect(await timeRecorded(e.id)).toHaveLength(1);
    expect((await report(75)).time_spent_seconds).toBe('75');
    expect(await timeRecorded(e.id)).toHaveLength(2);
    expect((await report(75)).time_spent_seconds).toBe('75'); // the same total again: nothing added
    expect((await report(60)).time_spent_seconds).toBe('75'); // an older, smaller total: nothing added
    // a progress update without time adds nothing either
    await f.enrollment.UpdateLessonProgress({ enrollment_id: e.id, lesson_id: lessonIds[0], fields: ['last_position_seconds'], last_position_seconds: 12 }, student.auth);

    const recorded = await timeRecorded(e.id);
    expect(recorded.map((d) => [d.seconds, d.total_seconds])).toEqual([
      [30, 30],
      [45, 75],
    ]);
    for (const d of recorded) {
      expect(d).toMatchObject({ enrollment_id: e.id, student_id: student.userId, course_id: courseId, lesson_id: lessonIds[0] });
      expect(new Date(d.recorded_at as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(ENROLLMENT_EVENT_SCHEMAS['lesson.time_recorded'].safeParse(d).success).toBe(true);
    }

    // concurrent retries of one heartbeat on another lesson: one event; the sums match the stored totals
    await Promise.all([report(20, lessonIds[1]), report(20, lessonIds[1]), report(20, lessonIds[1])]);
    const all = await timeRecorded(e.id);
    const sum = (lessonId: string) => all.filter((d) => d.lesson_id === lessonId).reduce((n, d) => n + Number(d.seconds), 0);
    const progress = await f.enrollment.GetProgress({ enrollment_id: e.id }, student.auth);
    const stored = new Map(progress.lessons.map((l) => [l.lesson_id, Number(l.progress?.time_spent_seconds ?? 0)]));
    expect([sum(lessonIds[0]), sum(lessonIds[1])]).toEqual([stored.get(lessonIds[0]), stored.get(lessonIds[1])]);
    expect([sum(lessonIds[0]), sum(lessonIds[1])]).toEqual([75, 20]);
    expect(Number((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, student.auth)).total_time_spent_seconds)).toBe(95);

    // and they are published: the relay delivers what the outbox holds
    await published('lesson.time_recorded', (d) => d.enrollment_id === e.id && d.lesson_id === lessonIds[1] && d.seconds === 20);
    expect(events.matching('lesson.time_recorded', (d) => d.enrollment_id === e.id && d.lesson_id === lessonIds[0])).toHaveLength(2);
  });

  // Last: catalog cannot be restarted.
  test('When catalog is unreachable and the student enrols from the local course model, then enrollment.created carries no price (unknown)', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const student = await f.newUser('student', 'offline');
    const first = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth); // the course is in our model
    await published('enrollment.created', (d) => d.enrollment_id === first.id);
    await f.stopCatalog();
    const e = await f.enrollment.Enroll({ course_id: courseId }, student.auth);
    const created = await published('enrollment.created', (d) => d.enrollment_id === e.id);
    expect(created).toMatchObject({ course_id: courseId, student_id: student.userId });
    expect(created).not.toHaveProperty('price_cents');
    expect(created).not.toHaveProperty('currency');
  });
});

import { expectGrpcError, GrpcStatus, publishedCourse, startFleet, type Fleet } from './support';

/**
 * Issue 10 B7: time spent is idempotent. `time_spent_seconds` of a progress update is the client's running
 * total for the lesson: the stored total only grows (monotonic max), by at most MAX_TIME_INCREMENT_SECONDS
 * (300) per update, so a retry after a timeout — or any repeat — counts once.
 */
describe('time spent on a lesson: the running total, idempotent', () => {
  let f: Fleet;

  beforeAll(async () => {
    f = await startFleet('timespent');
  });
  afterAll(async () => {
    await f?.close();
  });

  test('When the same update is retried, then it counts once; an older total changes nothing; a jump is clamped; nonsense is refused', async () => {
    const course = await publishedCourse(f, f.instructor, 2);
    const e = await f.enrollment.Enroll({ course_id: course.courseId }, f.student.auth);
    const at = { enrollment_id: e.id, lesson_id: course.lessonIds[0] };
    const report = (seconds: number) =>
      f.enrollment.UpdateLessonProgress({ ...at, fields: ['time_spent_seconds'], time_spent_seconds: seconds }, f.student.auth);
    const total = async () => Number((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).total_time_spent_seconds);

    expect((await report(120)).time_spent_seconds).toBe('120');
    expect((await report(120)).time_spent_seconds).toBe('120'); // the retry: counted once
    expect(await total()).toBe(120);
    expect((await report(200)).time_spent_seconds).toBe('200'); // the next heartbeat adds 80
    expect((await report(150)).time_spent_seconds).toBe('200'); // a late, older heartbeat
    expect(await total()).toBe(200);
    // concurrent retries of one heartbeat: still once
    await Promise.all([report(260), report(260), report(260)]);
    expect(await total()).toBe(260);
    // a client cannot claim hours at once: at most 300 s more per update
    expect((await report(86_400)).time_spent_seconds).toBe('560');
    expect(await total()).toBe(560);
    // another lesson has its own total
    await f.enrollment.UpdateLessonProgress({ ...at, lesson_id: course.lessonIds[1], fields: ['time_spent_seconds'], time_spent_seconds: 30 }, f.student.auth);
    expect(await total()).toBe(590);

    for (const bad of ['-1', '86401', '9223372036854775807']) {
      await expectGrpcError(
        f.enrollment.UpdateLessonProgress({ ...at, fields: ['time_spent_seconds'], time_spent_seconds: bad }, f.student.auth),
        GrpcStatus.INVALID_ARGUMENT,
      );
    }
    expect(await total()).toBe(590);
  });
});

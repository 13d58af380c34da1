import { addLesson, captureEvents, eventually, invariantViolations, publishedCourse, startFleet, type Fleet } from './support';

/**
 * The end-to-end journey at service level, over gRPC with real tokens, real catalog events and a
 * queue bound in the suite's vhost.
 */
describe('progress aggregation: exact, immediate, exactly-once completion, sticky on new content', () => {
  let f: Fleet;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    f = await startFleet('journey', { RECOMPUTE_BATCH_SIZE: '3' });
    events = await captureEvents(f.vhost.url, ['enrollment.*', 'lesson.*']);
  });
  afterAll(async () => {
    await events?.close();
    await f?.close();
  });

  test('When a student completes a 3-lesson course (with duplicate and concurrent completions), then 100% and exactly one enrollment.completed; a 4th lesson then makes it 75%, still completed, with new content', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 3);
    const enrollment = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    expect(enrollment).toMatchObject({
      student_id: f.student.userId,
      course_id: courseId,
      status: 'active',
      progress_percentage: 0,
      completed_lessons_count: 0,
      total_lessons_count: 3,
    });
    await events.waitFor('enrollment.created', (d) => d.enrollment_id === enrollment.id);
    const call = (lessonId: string) => ({ enrollment_id: enrollment.id, lesson_id: lessonId });

    // Lesson 1: started, then completed twice — immediate, counted once.
    await f.enrollment.StartLesson(call(lessonIds[0]), f.student.auth);
    const first = await f.enrollment.CompleteLesson(call(lessonIds[0]), f.student.auth);
    const again = await f.enrollment.CompleteLesson(call(lessonIds[0]), f.student.auth);
    expect(first).toMatchObject({ status: 'completed', completion_percentage: 100 });
    expect(again.completed_at).toBe(first.completed_at);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: enrollment.id }, f.student.auth)).toMatchObject({
      progress_percentage: 33.33,
      completed_lessons_count: 1,
    });

    // Lessons 2 and 3: ten concurrent completions each, interleaved.
    const storm = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => f.enrollment.CompleteLesson(call(lessonIds[1 + (i % 2)]), f.student.auth)),
    );
    expect(storm.filter((r) => r.status === 'rejected')).toEqual([]);

    const done = await f.enrollment.GetEnrollment({ enrollment_id: enrollment.id }, f.student.auth);
    expect(done).toMatchObject({ status: 'completed', progress_percentage: 100, completed_lessons_count: 3, total_lessons_count: 3 });
    expect(done.completed_at).not.toBe('');
    expect(await invariantViolations(f.db, courseId)).toEqual([]);

    await events.waitFor('enrollment.completed', (d) => d.enrollment_id === enrollment.id);
    await eventually(() => expect(events.matching('lesson.completed', (d) => d.enrollment_id === enrollment.id)).toHaveLength(3));
    // Barrier: a sentinel fact emitted after every completion call returned. Those calls committed first, so a
    // duplicate enrollment.completed would sit before the sentinel in the outbox (seq order), be published
    // before it by the relay (in order, one channel) and be captured before it (FIFO queue).
    const sentinel = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    await events.waitFor('enrollment.created', (d) => d.enrollment_id === sentinel.id);
    const completions = events.matching('enrollment.completed', (d) => d.enrollment_id === enrollment.id);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ source: 'lms/enrollment', subject: enrollment.id });
    expect(completions[0].data).toEqual({
      enrollment_id: enrollment.id,
      student_id: f.student.userId,
      course_id: courseId,
      completed_at: done.completed_at,
      course_version: done.course_version,
    });
    const progressed = events.matching('enrollment.progressed', (d) => d.enrollment_id === enrollment.id);
    expect(progressed.map((e) => e.data.completed_lessons_count)).toEqual([1, 2, 3]);

    // The instructor adds a lesson and publishes it: catalog bumps the version and emits course.published.
    const fourth = await addLesson(f, f.instructor, courseId);
    await eventually(async () => {
      const e = await f.enrollment.GetEnrollment({ enrollment_id: enrollment.id }, f.student.auth);
      expect(e).toMatchObject({ status: 'completed', progress_percentage: 75, completed_lessons_count: 3, total_lessons_count: 4, has_new_content: true });
      expect(e.course_version).toBeGreaterThan(done.course_version);
      expect(e.completed_at).toBe(done.completed_at);
    });
    expect(await invariantViolations(f.db, courseId)).toEqual([]);

    // Catching up brings it back to 100% without a second completion event.
    await f.enrollment.CompleteLesson(call(fourth), f.student.auth);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: enrollment.id }, f.student.auth)).toMatchObject({
      progress_percentage: 100,
      has_new_content: false,
      status: 'completed',
    });
    await events.waitFor('enrollment.progressed', (d) => d.enrollment_id === enrollment.id && d.completed_lessons_count === 4);
    expect(events.matching('enrollment.completed', (d) => d.enrollment_id === enrollment.id)).toHaveLength(1);

    const progress = await f.enrollment.GetProgress({ enrollment_id: enrollment.id }, f.student.auth);
    expect(progress.lessons.map((l) => l.lesson_id)).toEqual([...lessonIds, fourth]);
    expect(progress.lessons.every((l) => l.progress!.status === 'completed' && l.is_countable && !l.is_locked)).toBe(true);
  });

  test('When a lesson that does not count toward completion is completed, then the percentage is unchanged', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 3, (i) =>
      i === 2 ? { counts_toward_completion: false, fields: ['counts_toward_completion'] } : {},
    );
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    expect(e.total_lessons_count).toBe(2);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[2] }, f.student.auth);
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).progress_percentage).toBe(0);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({ status: 'completed', progress_percentage: 100 });
  });

  test('When many students are enrolled and a new version arrives, then every enrolment is recomputed in batches and the invariant holds', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const students = await Promise.all(Array.from({ length: 7 }, (_, i) => f.newUser('student', `batch${i}`)));
    const enrolments = [];
    for (const [i, s] of students.entries()) {
      const e = await f.enrollment.Enroll({ course_id: courseId }, s.auth);
      for (const lessonId of lessonIds.slice(0, i % 3)) await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonId }, s.auth);
      enrolments.push(e);
    }
    await addLesson(f, f.instructor, courseId);
    await eventually(async () => {
      const rows = await Promise.all(enrolments.map((e, i) => f.enrollment.GetEnrollment({ enrollment_id: e.id }, students[i].auth)));
      expect(rows.map((r) => [r.total_lessons_count, r.completed_lessons_count])).toEqual(students.map((_, i) => [3, i % 3]));
      expect(rows.filter((r) => r.completed_lessons_count === 2).every((r) => r.status === 'completed' && r.has_new_content)).toBe(true);
    });
    expect(await invariantViolations(f.db, courseId)).toEqual([]);
  });
});

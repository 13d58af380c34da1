import { expectGrpcError, GrpcStatus, publishedCourse, startFleet, type Fleet } from './support';

/**
 * Issue 12 item 6: the video completion rule. A progress update of a video lesson whose
 * `completion_percentage` reaches the course's `video_completion_threshold` (default 80, as the seed)
 * completes the lesson through the same path as CompleteLesson: once, with the exact aggregation.
 */
describe('video completion threshold', () => {
  let f: Fleet;

  beforeAll(async () => {
    f = await startFleet('videodone');
  });
  afterAll(async () => {
    await f?.close();
  });

  const video = () => ({ lesson_type: 'video', video_url: 'https://video.example/v.mp4', content: '' });

  async function enrolIn(lessonTypes: string[], threshold?: number) {
    const course = await publishedCourse(f, f.instructor, lessonTypes.length, (i) => (lessonTypes[i] === 'video' ? video() : {}));
    if (threshold !== undefined) {
      const updated = await f.catalog.UpdateCourse(
        { course_id: course.courseId, fields: ['video_completion_threshold'], video_completion_threshold: threshold },
        f.instructor.auth,
      );
      expect(updated.video_completion_threshold).toBe(threshold);
    }
    const e = await f.enrollment.Enroll({ course_id: course.courseId }, f.student.auth);
    const watch = (lessonId: string, pct: number) =>
      f.enrollment.UpdateLessonProgress({ enrollment_id: e.id, lesson_id: lessonId, fields: ['completion_percentage'], completion_percentage: pct }, f.student.auth);
    const enrollment = () => f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth);
    return { ...course, enrollmentId: e.id, watch, enrollment };
  }

  test('A new course has the default threshold of 80', async () => {
    const created = await f.catalog.CreateCourse({ title: 'Video rule default', description: 'd' }, f.instructor.auth);
    expect(created.video_completion_threshold).toBe(80);
    const chosen = await f.catalog.CreateCourse({ title: 'Video rule chosen', description: 'd', video_completion_threshold: 95 }, f.instructor.auth);
    expect(chosen.video_completion_threshold).toBe(95);
    const outline = await f.catalog.GetCourseOutline({ course_id: chosen.id }, f.instructor.auth);
    expect(outline.video_completion_threshold).toBe(95);
    for (const bad of [101, -5]) {
      await expectGrpcError(
        f.catalog.UpdateCourse({ course_id: chosen.id, fields: ['video_completion_threshold'], video_completion_threshold: bad }, f.instructor.auth),
        GrpcStatus.INVALID_ARGUMENT,
      );
    }
  });

  test('When a video reaches 79 %, it is in progress and the course progress is unchanged; at 80 % it is completed once; 90 % later does not count twice', async () => {
    const c = await enrolIn(['video', 'text']);
    const at79 = await c.watch(c.lessonIds[0], 79);
    expect(at79).toMatchObject({ status: 'in_progress', completion_percentage: 79, completed_at: '' });
    expect(await c.enrollment()).toMatchObject({ completed_lessons_count: 0, progress_percentage: 0 });

    const at80 = await c.watch(c.lessonIds[0], 80);
    expect(at80.status).toBe('completed');
    expect(at80.completed_at).not.toBe('');
    expect(await c.enrollment()).toMatchObject({ completed_lessons_count: 1, progress_percentage: 50 });

    const at90 = await c.watch(c.lessonIds[0], 90);
    expect(at90).toMatchObject({ status: 'completed', completed_at: at80.completed_at });
    await Promise.all([c.watch(c.lessonIds[0], 95), c.watch(c.lessonIds[0], 100)]);
    // the explicit route after the automatic completion: still one
    await f.enrollment.CompleteLesson({ enrollment_id: c.enrollmentId, lesson_id: c.lessonIds[0] }, f.student.auth);
    expect(await c.enrollment()).toMatchObject({ completed_lessons_count: 1, progress_percentage: 50 });
  });

  test('When a non-video lesson reports 100 %, it is not auto-completed', async () => {
    const c = await enrolIn(['text', 'video']);
    const res = await c.watch(c.lessonIds[0], 100);
    expect(res.status).toBe('in_progress');
    expect(await c.enrollment()).toMatchObject({ completed_lessons_count: 0, progress_percentage: 0 });
  });

  test('When the course sets the threshold to 50, then 49 % is in progress and 50 % completes the lesson', async () => {
    const c = await enrolIn(['video', 'video'], 50);
    expect((await c.watch(c.lessonIds[0], 49)).status).toBe('in_progress');
    expect((await c.watch(c.lessonIds[0], 50)).status).toBe('completed');
    expect((await c.watch(c.lessonIds[1], 50)).status).toBe('completed');
    expect(await c.enrollment()).toMatchObject({ completed_lessons_count: 2, progress_percentage: 100, status: 'completed' });
  });
});

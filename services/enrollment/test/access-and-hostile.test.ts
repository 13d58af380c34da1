import { randomUUID } from 'node:crypto';
import { expectGrpcError, GrpcStatus, publishedCourse, startFleet, type Fleet } from './support';

/** Who may see and change what (IDOR), and hostile input: increments, unknown lessons, foreign lessons, bad ids, locks. */
describe('authorization and hostile input', () => {
  let f: Fleet;
  let course: { courseId: string; lessonIds: string[] };
  let otherCourse: { courseId: string; lessonIds: string[] };
  let mine: { id: string };

  beforeAll(async () => {
    f = await startFleet('access', { MAX_TIME_INCREMENT_SECONDS: '300' });
    course = await publishedCourse(f, f.instructor, 2);
    otherCourse = await publishedCourse(f, f.otherInstructor, 1);
    mine = await f.enrollment.Enroll({ course_id: course.courseId }, f.student.auth);
  });
  afterAll(async () => {
    await f?.close();
  });

  const lesson = (lessonId: string, enrollmentId = mine.id) => ({ enrollment_id: enrollmentId, lesson_id: lessonId });

  test("When a student reads or changes another student's enrolment or progress, then it is NOT_FOUND (nothing revealed, nothing changed)", async () => {
    const intruder = f.otherStudent.auth;
    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: mine.id }, intruder), GrpcStatus.NOT_FOUND, 'ENROLLMENT.NOT_FOUND');
    await expectGrpcError(f.enrollment.GetProgress({ enrollment_id: mine.id }, intruder), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.enrollment.StartLesson(lesson(course.lessonIds[0]), intruder), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.enrollment.CompleteLesson(lesson(course.lessonIds[0]), intruder), GrpcStatus.NOT_FOUND);
    await expectGrpcError(
      f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[0]), fields: ['notes'], notes: 'mine now' }, intruder),
      GrpcStatus.NOT_FOUND,
    );
    await expectGrpcError(f.enrollment.DropEnrollment({ enrollment_id: mine.id }, intruder), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.enrollment.ReviewEnrollment({ enrollment_id: mine.id, rating: 1, review: '' }, intruder), GrpcStatus.NOT_FOUND);
    // an id that does not exist looks the same
    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: randomUUID() }, intruder), GrpcStatus.NOT_FOUND, 'ENROLLMENT.NOT_FOUND');
    expect(await f.enrollment.GetEnrollment({ enrollment_id: mine.id }, f.student.auth)).toMatchObject({ status: 'active', completed_lessons_count: 0 });
  });

  test("When instructors look at enrolments, then the course's instructor sees its enrolments (read only, no notes); another instructor sees nothing", async () => {
    await f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[0]), fields: ['notes'], notes: 'private thoughts' }, f.student.auth);
    expect((await f.enrollment.GetEnrollment({ enrollment_id: mine.id }, f.instructor.auth)).id).toBe(mine.id);
    const progress = await f.enrollment.GetProgress({ enrollment_id: mine.id }, f.instructor.auth);
    expect(progress.lessons[0].progress!.notes).toBe('');
    expect((await f.enrollment.GetProgress({ enrollment_id: mine.id }, f.student.auth)).lessons[0].progress!.notes).toBe('private thoughts');
    await expectGrpcError(f.enrollment.CompleteLesson(lesson(course.lessonIds[0]), f.instructor.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.OWNER_ONLY');
    await expectGrpcError(f.enrollment.DropEnrollment({ enrollment_id: mine.id }, f.instructor.auth), GrpcStatus.PERMISSION_DENIED);

    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: mine.id }, f.otherInstructor.auth), GrpcStatus.NOT_FOUND);
    const list = { course_id: course.courseId, page: 1, page_size: 20, status: '', sort: '', cursor: '' };
    await expectGrpcError(f.enrollment.ListCourseEnrollments(list, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.COURSE_OWNER_ONLY');
    await expectGrpcError(f.enrollment.GetCourseStats({ course_id: course.courseId }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.enrollment.ListCourseEnrollments(list, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.enrollment.ListCourseEnrollments({ ...list, course_id: randomUUID() }, f.instructor.auth), GrpcStatus.NOT_FOUND);
    expect((await f.enrollment.ListCourseEnrollments(list, f.instructor.auth)).items.map((e) => e.id)).toEqual([mine.id]);
    expect((await f.enrollment.ListCourseEnrollments(list, f.admin.auth)).total).toBe(1);
  });

  test('When no token, a garbage token or another service\'s bare user id is sent, then UNAUTHENTICATED', async () => {
    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: mine.id }, { authorization: '' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: mine.id }, { authorization: 'Bearer a.b.c' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: mine.id }, { authorization: f.student.userId }), GrpcStatus.UNAUTHENTICATED);
  });

  test('When time totals are negative or absurd, then INVALID_ARGUMENT and nothing is added; a growing running total adds its growth', async () => {
    for (const bad of ['-1', '86401', '9223372036854775807', '-9223372036854775808']) {
      await expectGrpcError(
        f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[1]), fields: ['time_spent_seconds'], time_spent_seconds: bad }, f.student.auth),
        GrpcStatus.INVALID_ARGUMENT,
      );
    }
    for (const [field, value] of [['last_position_seconds', -3], ['completion_percentage', 100.5], ['completion_percentage', -1]] as const) {
      await expectGrpcError(f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[1]), fields: [field], [field]: value }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    }
    await expectGrpcError(
      f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[1]), fields: ['notes'], notes: 'x'.repeat(10_001) }, f.student.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    await expectGrpcError(f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[1]), fields: ['é', 'status'], status: 'x' }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[1]), fields: [] }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);

    const before = await f.enrollment.GetEnrollment({ enrollment_id: mine.id }, f.student.auth);
    await f.enrollment.UpdateLessonProgress(
      { ...lesson(course.lessonIds[1]), fields: ['time_spent_seconds', 'last_position_seconds', 'completion_percentage'], time_spent_seconds: 300, last_position_seconds: 42, completion_percentage: 40 },
      f.student.auth,
    );
    // time_spent_seconds is the running total of the lesson (issue 10 B7): 420 after 300 adds 120
    const p = await f.enrollment.UpdateLessonProgress({ ...lesson(course.lessonIds[1]), fields: ['time_spent_seconds'], time_spent_seconds: 420 }, f.student.auth);
    expect(p).toMatchObject({ time_spent_seconds: '420', last_position_seconds: '42', completion_percentage: 40, status: 'in_progress' });
    const after = await f.enrollment.GetEnrollment({ enrollment_id: mine.id }, f.student.auth);
    expect(Number(after.total_time_spent_seconds) - Number(before.total_time_spent_seconds)).toBe(420);
    expect(after.started_at).not.toBe('');
  });

  test('When the lesson is unknown, of another course, or ids are malformed, then NOT_FOUND / INVALID_ARGUMENT', async () => {
    await expectGrpcError(f.enrollment.StartLesson(lesson(randomUUID()), f.student.auth), GrpcStatus.NOT_FOUND, 'ENROLLMENT.LESSON_NOT_FOUND');
    await expectGrpcError(f.enrollment.CompleteLesson(lesson(otherCourse.lessonIds[0]), f.student.auth), GrpcStatus.INVALID_ARGUMENT, 'ENROLLMENT.LESSON_NOT_IN_COURSE');
    for (const [enrollmentId, lessonId] of [['nope', course.lessonIds[0]], [mine.id, "1' OR '1'='1"], ['', ''], [mine.id.toUpperCase() + 'x', course.lessonIds[0]]]) {
      await expectGrpcError(f.enrollment.CompleteLesson({ enrollment_id: enrollmentId, lesson_id: lessonId }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    }
    await expectGrpcError(f.enrollment.Enroll({ course_id: 'not-a-uuid' }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.enrollment.GetEnrollment({ enrollment_id: '../../etc' }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    expect((await f.enrollment.GetEnrollment({ enrollment_id: mine.id }, f.student.auth)).completed_lessons_count).toBe(0);
  });

  test('When a lesson is drip-locked or its prerequisite is missing, then it cannot be started or completed and the error says when / which', async () => {
    const future = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    const c = await publishedCourse(f, f.instructor, 4, (i) =>
      [
        {},
        { prerequisite: 'previous_lesson', fields: ['prerequisite'] },
        { unlock_at: future, fields: ['unlock_at'] },
        { unlock_after_days: 2, fields: ['unlock_after_days'] },
      ][i],
    );
    const e = await f.enrollment.Enroll({ course_id: c.courseId }, f.student.auth);
    const at = (i: number) => lesson(c.lessonIds[i], e.id);

    const pre = await expectGrpcError(f.enrollment.StartLesson(at(1), f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.PREREQUISITE_REQUIRED');
    expect(pre.message).toContain(c.lessonIds[0]);
    await expectGrpcError(f.enrollment.CompleteLesson(at(1), f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.PREREQUISITE_REQUIRED');
    await f.enrollment.CompleteLesson(at(0), f.student.auth);
    await f.enrollment.CompleteLesson(at(1), f.student.auth);

    const drip = await expectGrpcError(f.enrollment.StartLesson(at(2), f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.LESSON_LOCKED');
    expect(new Date(drip.meta!.unlock_at as string).getTime()).toBe(new Date(future).getTime());
    expect(drip.message).toContain(new Date(future).toISOString());
    const relative = await expectGrpcError(f.enrollment.CompleteLesson(at(3), f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.LESSON_LOCKED');
    expect(new Date(relative.meta!.unlock_at as string).getTime()).toBe(new Date(e.enrolled_at).getTime() + 2 * 24 * 3600 * 1000);

    const progress = await f.enrollment.GetProgress({ enrollment_id: e.id }, f.student.auth);
    expect(progress.lessons.map((l) => l.is_locked)).toEqual([false, false, true, true]);
    expect(progress.lessons[2].unlock_at).toBe(new Date(future).toISOString());
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).completed_lessons_count).toBe(2);
  });
});

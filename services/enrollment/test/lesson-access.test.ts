import { randomUUID } from 'node:crypto';
import { expectGrpcError, GrpcStatus, publishedCourse, startFleet, type Fleet } from './support';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Issue 10 A2: `IsEnrolled` with a `lesson_id` answers "may this student open this lesson now?" — the one
 * authority catalog (lesson content) and quiz (StartAttempt) ask, with the same drip and prerequisite rules as
 * the progress writes.
 */
describe('IsEnrolled with a lesson: the lock of one lesson for one enrolment', () => {
  let f: Fleet;
  let course: { courseId: string; lessonIds: string[] };
  let enrolledAt: string;

  beforeAll(async () => {
    f = await startFleet('lessonaccess');
    course = await publishedCourse(f, f.instructor, 4, (i) =>
      [
        {},
        { prerequisite: 'previous_lesson', fields: ['prerequisite'] },
        { unlock_after_days: 7, fields: ['unlock_after_days'] },
        { unlock_at: '2020-01-01T00:00:00Z', unlock_after_days: 0, fields: ['unlock_at'] },
      ][i],
    );
    enrolledAt = (await f.enrollment.Enroll({ course_id: course.courseId }, f.student.auth)).enrolled_at;
  });
  afterAll(async () => {
    await f?.close();
  });

  const ask = (lessonId: string, who = f.student, studentId = '') =>
    f.enrollment.IsEnrolled({ course_id: course.courseId, student_id: studentId, lesson_id: lessonId }, who.auth);

  test('When a student enrolled today asks about a lesson with unlock_after_days 7, then it is locked (drip) until enrolled_at + 7 days', async () => {
    const r = await ask(course.lessonIds[2]);
    expect(r).toMatchObject({ enrolled: true, lesson_locked: true, lock_reason: 'drip', lesson_completed: false });
    expect(new Date(r.unlock_at).getTime()).toBe(new Date(enrolledAt).getTime() + 7 * DAY_MS);
    // a drip date in the past opens it; a lesson without rules is open
    expect(await ask(course.lessonIds[3])).toMatchObject({ lesson_locked: false, lock_reason: '', unlock_at: '2020-01-01T00:00:00.000Z' });
    expect(await ask(course.lessonIds[0])).toMatchObject({ lesson_locked: false, lock_reason: '', unlock_at: '' });
  });

  test('When the previous lesson is not completed, then a previous_lesson lesson is locked naming it; once completed it is open', async () => {
    expect(await ask(course.lessonIds[1])).toMatchObject({
      enrolled: true,
      lesson_locked: true,
      lock_reason: 'prerequisite',
      missing_lesson_ids: [course.lessonIds[0]],
    });
    const e = await f.enrollment.IsEnrolled({ course_id: course.courseId, student_id: '' }, f.student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.enrollment_id, lesson_id: course.lessonIds[0] }, f.student.auth);
    expect(await ask(course.lessonIds[1])).toMatchObject({ lesson_locked: false, lock_reason: '', missing_lesson_ids: [] });
    expect(await ask(course.lessonIds[0])).toMatchObject({ lesson_locked: false, lesson_completed: true });
  });

  test("When the course's instructor or an admin asks about the student, then they get the student's lock; another student is refused", async () => {
    for (const who of [f.instructor, f.admin]) {
      expect(await ask(course.lessonIds[2], who, f.student.userId)).toMatchObject({ enrolled: true, lesson_locked: true, lock_reason: 'drip' });
    }
    await expectGrpcError(ask(course.lessonIds[2], f.otherStudent, f.student.userId), GrpcStatus.PERMISSION_DENIED);
  });

  test('When the student is not enrolled, the lesson is unknown, or no lesson is asked about, then the lesson fields say so', async () => {
    expect(await ask(course.lessonIds[2], f.otherStudent)).toMatchObject({ enrolled: false, lesson_locked: false, lock_reason: '' });
    expect(await ask(randomUUID())).toMatchObject({ enrolled: true, lesson_locked: true, lock_reason: 'unknown_lesson' });
    expect(await f.enrollment.IsEnrolled({ course_id: course.courseId, student_id: '' }, f.student.auth)).toMatchObject({
      enrolled: true,
      lesson_locked: false,
      lock_reason: '',
    });
    await expectGrpcError(ask('not-a-uuid'), GrpcStatus.INVALID_ARGUMENT);
  });
});

import type { CreateLessonRequest } from '@lms/kit/generated/lms/catalog/v1/CreateLessonRequest';
import { createQuiz, enrol, eventually, expectGrpcError, GrpcStatus, mc, startFleet, unique, type Fleet } from './support';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Issue 10 A2, quiz side: StartAttempt asks the enrollment service (the one authority on drip dates and
 * prerequisites, IsEnrolled with the quiz's lesson) and refuses a new attempt on a locked lesson with
 * FAILED_PRECONDITION `QUIZ.LESSON_LOCKED` (meta: unlock_at, lock_reason, lesson_ids) — so passing the quiz can
 * no longer complete a lesson the student may not open yet. Real auth, catalog, enrollment and quiz.
 */
describe('quiz: a quiz on a locked lesson cannot be started', () => {
  let f: Fleet;

  beforeAll(async () => {
    f = await startFleet('lessonlocks');
  });
  afterAll(async () => {
    await f?.close();
  });

  /** A published course: a text lesson, then a quiz lesson with `rules`, and a published quiz on it. */
  async function lockedQuizCourse(rules: CreateLessonRequest) {
    const owner = f.instructor.auth;
    const course = await f.catalog.CreateCourse({ title: `Course ${unique()}`, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0 }, owner);
    const text = await f.catalog.CreateLesson({ course_id: course.id, title: `Text ${unique()}`, lesson_type: 'text', content: '# Read me', duration_minutes: 5 }, owner);
    await f.catalog.PublishLesson({ lesson_id: text.id }, owner);
    const lesson = await f.catalog.CreateLesson(
      { course_id: course.id, title: `Quiz ${unique()}`, lesson_type: 'quiz', content: 'Quiz', duration_minutes: 5, ...rules },
      owner,
    );
    await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner);
    await f.catalog.PublishCourse({ course_id: course.id }, owner);
    const { quiz } = await createQuiz(f, f.instructor, { courseId: course.id, lessonId: lesson.id }, [mc('2 + 2?', ['4', '5'], 0)]);
    return { courseId: course.id, textLessonId: text.id, lessonId: lesson.id, quizId: quiz.id };
  }

  test('When the previous lesson is not completed, then StartAttempt is QUIZ.LESSON_LOCKED naming it; after completing it the quiz starts', async () => {
    const c = await lockedQuizCourse({ prerequisite: 'previous_lesson', fields: ['prerequisite'] });
    const enrollmentId = await enrol(f, f.student, c.courseId);

    const err = await expectGrpcError(f.quiz.StartAttempt({ quiz_id: c.quizId }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.LESSON_LOCKED');
    expect(err.meta).toMatchObject({ lesson_id: c.lessonId, lock_reason: 'prerequisite', lesson_ids: [c.textLessonId], unlock_at: null });
    expect(await f.db.query('SELECT 1 FROM attempts WHERE quiz_id = $1', { bind: [c.quizId], plain: true })).toBeNull();

    await f.enrollment.CompleteLesson({ enrollment_id: enrollmentId, lesson_id: c.textLessonId }, f.student.auth);
    const started = await f.quiz.StartAttempt({ quiz_id: c.quizId }, f.student.auth);
    expect(started).toMatchObject({ resumed: false });
  });

  test('When a student enrolled today meets a quiz lesson with unlock_after_days 7, then it is locked until enrolled_at + 7 days; once the drip is lifted it starts', async () => {
    const c = await lockedQuizCourse({ unlock_after_days: 7, fields: ['unlock_after_days'] });
    const enrollmentId = await enrol(f, f.student, c.courseId);
    const { enrolled_at: enrolledAt } = await f.enrollment.GetEnrollment({ enrollment_id: enrollmentId }, f.student.auth);

    const err = await expectGrpcError(f.quiz.StartAttempt({ quiz_id: c.quizId }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'QUIZ.LESSON_LOCKED');
    expect(err.meta).toMatchObject({ lesson_id: c.lessonId, lock_reason: 'drip' });
    expect(new Date(err.meta!.unlock_at as string).getTime()).toBe(new Date(enrolledAt).getTime() + 7 * DAY_MS);
    expect(err.message).toContain(new Date(new Date(enrolledAt).getTime() + 7 * DAY_MS).toISOString());
    // another student, not enrolled, is still refused for that reason first
    await expectGrpcError(f.quiz.StartAttempt({ quiz_id: c.quizId }, f.otherStudent.auth), GrpcStatus.PERMISSION_DENIED, 'QUIZ.NOT_ENROLLED');

    // the instructor lifts the drip: lesson.updated reaches the enrollment service, which re-reads the outline
    await f.catalog.UpdateLesson({ lesson_id: c.lessonId, fields: ['unlock_after_days'], unlock_after_days: 0 }, f.instructor.auth);
    await eventually(async () => expect(await f.quiz.StartAttempt({ quiz_id: c.quizId }, f.student.auth)).toMatchObject({ resumed: false }));
  });
});

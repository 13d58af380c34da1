import { QUIZ_EVENT_SCHEMAS } from '../src/events/quiz.events.schema';
import {
  captureEvents,
  correctAnswerFor,
  courseWithQuizLesson,
  createQuiz,
  enrol,
  eventually,
  expectGrpcError,
  GrpcStatus,
  mc,
  startFleet,
  wrongAnswerFor,
  type Fleet,
} from './support';
import { emittedFor } from './outbox';

/**
 * The events, end to end: every payload matches its documented schema, and quiz.passed reaches the real
 * enrollment service, which completes the quiz lesson (a failed attempt completes nothing).
 */
let f: Fleet;
let captured: Awaited<ReturnType<typeof captureEvents>>;

beforeAll(async () => {
  f = await startFleet('events');
  captured = await captureEvents(f.vhost.url, ['quiz.*', 'attempt.*']);
});

afterAll(async () => {
  await captured?.close();
  await f?.close();
});

it('quiz.passed completes the quiz lesson in the enrollment service; payloads follow the catalogue', async () => {
  const course = await courseWithQuizLesson(f, f.instructor);
  const enrollmentId = await enrol(f, f.student, course.courseId);
  const { quiz, questions } = await createQuiz(f, f.instructor, course, [mc('Q', ['a', 'b'], 0)], { max_attempts: 3 });
  const lessonStatus = async () =>
    (await f.enrollment.GetProgress({ enrollment_id: enrollmentId }, f.student.auth)).lessons.find((l) => l.lesson_id === course.lessonId)!.progress!.status;

  const failed = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
  await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: failed.id, answers: [wrongAnswerFor(questions[0])] }, f.student.auth);
  const failedEvent = await captured.waitFor('quiz.failed', (d) => d.attempt_id === failed.id);
  expect(failedEvent.data).toEqual({
    attempt_id: failed.id,
    quiz_id: quiz.id,
    lesson_id: course.lessonId,
    course_id: course.courseId,
    student_id: f.student.userId,
    score_percent: 0,
    failed_at: expect.any(String),
    attempts_remaining: 2,
  });
  expect(await lessonStatus()).not.toBe('completed');

  const passed = await f.quiz.StartAttempt({ quiz_id: quiz.id }, f.student.auth);
  await f.quiz.SubmitAttempt({ quiz_id: quiz.id, attempt_id: passed.id, answers: [correctAnswerFor(questions[0])] }, f.student.auth);
  const passedEvent = await captured.waitFor('quiz.passed', (d) => d.attempt_id === passed.id);
  // The v1 contract consumed by enrollment, exactly.
  expect(Object.keys(passedEvent.data).sort()).toEqual(['attempt_id', 'course_id', 'lesson_id', 'passed_at', 'quiz_id', 'score_percent', 'student_id']);
  expect(passedEvent).toMatchObject({ source: 'lms/quiz', subject: passed.id, dataschema: 'urn:lms:events:quiz.passed:v1' });
  expect(passedEvent.data).toMatchObject({ score_percent: 100, lesson_id: course.lessonId, course_id: course.courseId, student_id: f.student.userId });

  await eventually(async () => expect(await lessonStatus()).toBe('completed'), 15_000);

  for (const event of captured.received) {
    const schema = QUIZ_EVENT_SCHEMAS[event.type as keyof typeof QUIZ_EVENT_SCHEMAS];
    expect({ type: event.type, ok: schema?.safeParse(event.data).success }).toEqual({ type: event.type, ok: true });
  }
  expect(new Set(captured.received.map((e) => e.type))).toEqual(
    new Set(['quiz.published', 'attempt.started', 'quiz.submitted', 'quiz.graded', 'quiz.failed', 'quiz.passed']),
  );
  const started = await captured.waitFor('attempt.started', (d) => d.attempt_id === passed.id);
  expect(started).toMatchObject({ source: 'lms/quiz', subject: passed.id, dataschema: 'urn:lms:events:attempt.started:v1' });
  // The rename's compatibility period is over: the deprecated quiz.attempt_started is no longer written at all.
  expect(await emittedFor(f.db, 'quiz.attempt_started', passed.id)).toBe(0);
});

it("lesson.deleted from catalog retires the lesson's quiz: unpublished, and it cannot be published again", async () => {
  const course = await courseWithQuizLesson(f, f.instructor);
  const { quiz } = await createQuiz(f, f.instructor, course, [mc('Q', ['a', 'b'], 0)]);
  expect(quiz.is_published).toBe(true);
  await f.catalog.DeleteLesson({ lesson_id: course.lessonId }, f.instructor.auth);
  await eventually(async () => {
    const current = await f.quiz.GetQuiz({ course_id: course.courseId, quiz_id: quiz.id }, f.instructor.auth);
    expect(current.is_published).toBe(false);
  }, 15_000);
  await expectGrpcError(
    f.quiz.PublishQuiz({ course_id: course.courseId, quiz_id: quiz.id }, f.instructor.auth),
    GrpcStatus.FAILED_PRECONDITION,
    'QUIZ.LESSON_DELETED',
  );
});

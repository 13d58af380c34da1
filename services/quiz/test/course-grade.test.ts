import type { QuizClient } from '@lms/kit/clients';
import { clientSignedAs } from '@lms/testing-fleet';
import {
  correctAnswerFor,
  createQuiz,
  enrolledClassroom,
  essay,
  expectGrpcError,
  GrpcStatus,
  mc,
  quizLesson,
  regradeFinished,
  wrongAnswerFor,
  type Fleet,
  type User,
} from './support';

/**
 * GetCourseGrade (issue 15): the certificate service reads a student's graded attempts over all the quizzes of a
 * course and their mean percentage. Only final grades count (an essay awaiting its grader does not; a regraded
 * attempt counts with its new percentage); only the certificate service may ask.
 */
let f: Fleet;
let courseId: string;
let classroom: Awaited<ReturnType<typeof enrolledClassroom>> | undefined;
const clients: QuizClient[] = [];

/** The quiz service as another service of the fleet calls it (its service token signed with that name). */
function quizAs(service: string): QuizClient {
  const client = clientSignedAs('quiz', f.quizAddress, service, 5000);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  classroom = await enrolledClassroom('course_grade');
  ({ f, courseId } = classroom);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await classroom?.close();
});

const gradeOf = (student: User, course = courseId) => quizAs('certificate').GetCourseGrade({ student_id: student.userId, course_id: course });

it('counts final attempts over every quiz of the course, with their current percentages', async () => {
  expect(await gradeOf(f.student)).toEqual({ graded_attempts: 0, average_percentage: 0 });

  const a = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('One?', ['a', 'b'], 0), mc('Two?', ['a', 'b'], 0)], {
    max_attempts: 0,
  });
  const [q1, q2] = a.questions;
  const submit = async (quizId: string, answers: ReturnType<typeof correctAnswerFor>[], who = f.student) => {
    const attempt = await f.quiz.StartAttempt({ quiz_id: quizId }, who.auth);
    return f.quiz.SubmitAttempt({ quiz_id: quizId, attempt_id: attempt.id, answers }, who.auth);
  };
  expect((await submit(a.quiz.id, [wrongAnswerFor(q1), correctAnswerFor(q2)])).percentage).toBe(50);
  expect((await submit(a.quiz.id, [correctAnswerFor(q1), correctAnswerFor(q2)])).percentage).toBe(100);
  expect(await gradeOf(f.student)).toEqual({ graded_attempts: 2, average_percentage: 75 });

  // An essay awaiting its grader is not final: not counted until graded.
  const b = await createQuiz(f, f.instructor, await quizLesson(f, f.instructor, courseId), [mc('Three?', ['a', 'b'], 0), essay('Discuss', { points: 1 })]);
  const pending = await submit(b.quiz.id, b.questions.map(correctAnswerFor));
  expect(pending.attempt!.status).toBe('pending_review');
  expect(await gradeOf(f.student)).toEqual({ graded_attempts: 2, average_percentage: 75 });
  await f.quiz.GradeAttempt({ quiz_id: b.quiz.id, attempt_id: pending.attempt!.id, grades: [{ question_id: b.questions[1].id, points: 1 }] }, f.instructor.auth);
  expect(await gradeOf(f.student)).toEqual({ graded_attempts: 3, average_percentage: expect.closeTo(83.33, 2) });

  // A regrade changes the percentages in place: the grade follows (a graded 0 % still counts as an attempt).
  await f.quiz.UpdateQuestion(
    { course_id: courseId, quiz_id: a.quiz.id, question_id: q2.id, fields: ['options'], question: { options: q2.options.map((o) => ({ id: o.id, text: o.text, is_correct: !o.is_correct })) } },
    f.instructor.auth,
  );
  const run = await f.quiz.Regrade({ quiz_id: a.quiz.id, dry_run: false, question_ids: [] }, f.instructor.auth);
  expect((await regradeFinished(f, a.quiz.id, run.id, f.instructor)).status).toBe('done');
  expect(await gradeOf(f.student)).toEqual({ graded_attempts: 3, average_percentage: 50 });

  // An attempt in progress is not final; another student's attempts and another course's are not this grade.
  await f.quiz.StartAttempt({ quiz_id: a.quiz.id }, f.student.auth);
  await submit(a.quiz.id, [correctAnswerFor(q1), correctAnswerFor(q2)], f.otherStudent);
  expect(await gradeOf(f.student)).toEqual({ graded_attempts: 3, average_percentage: 50 });
  expect(await gradeOf(f.otherStudent)).toEqual({ graded_attempts: 1, average_percentage: 50 });
  expect(await gradeOf(f.student, '00000000-0000-4000-8000-000000000000')).toEqual({ graded_attempts: 0, average_percentage: 0 });
});

it('only the certificate service may ask, whatever user token comes along; ids are validated', async () => {
  const request = { student_id: f.student.userId, course_id: courseId };
  for (const call of [
    () => quizAs('gateway').GetCourseGrade(request),
    () => quizAs('analytics').GetCourseGrade(request, f.admin.auth),
    () => f.quiz.GetCourseGrade(request, f.admin.auth),
    () => f.quiz.GetCourseGrade(request, f.student.auth),
  ]) {
    await expectGrpcError(call(), GrpcStatus.PERMISSION_DENIED, 'QUIZ.CALLER_NOT_ALLOWED');
  }
  const invalid = await expectGrpcError(quizAs('certificate').GetCourseGrade({ student_id: 'x', course_id: '' }), GrpcStatus.INVALID_ARGUMENT);
  expect(invalid.fields?.map((e) => e.loc[0]).sort()).toEqual(['course_id', 'student_id']);
});

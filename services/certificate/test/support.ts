import { QueryTypes, type Sequelize } from 'sequelize';
import type { Certificate__Output } from '@lms/kit/generated/lms/certificate/v1/Certificate';
import type { AuthClient, CatalogClient, CertificateClient, EnrollmentClient, QuizClient } from '@lms/kit/clients';
import { eventually, type TestResource, type TestUser } from '@lms/kit/testing';
import { captureEventsByType, CLASSROOM_USERS, eventPublisher, fleetBasics, startFleet, unique } from '@lms/testing-fleet';
import type { RunningCertificateService } from '../src/main';
export { expectGrpcError } from '@lms/kit/testing';
export { GrpcStatus } from '@lms/kit/grpc';
export { captureEventsByType as captureEvents, eventPublisher, eventually, unique };

export type User = TestUser;

/** A Chromium that does not exist: renders fail at once and PDFs stay pending (the rendering suites start a real one). */
export const NO_CHROMIUM = '/nonexistent/chromium';

export interface CertificateFleet {
  auth: AuthClient;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  quiz: QuizClient;
  certificate: CertificateClient;
  service: RunningCertificateService;
  /** The certificate database, for assertions straight from the rows (and to age a render request). */
  db: Sequelize;
  vhost: TestResource;
  admin: User;
  instructor: User;
  otherInstructor: User;
  student: User;
  otherStudent: User;
  newUser(role: 'instructor' | 'student', tag?: string): Promise<User>;
  close(): Promise<void>;
}

/**
 * Starts certificate with everything it calls (auth, catalog, enrollment, quiz) in-process on one new vhost, so a
 * real `enrollment.completed` reaches it; signs in the bootstrap admin, two instructors and two students.
 * Chromium is pointed nowhere unless `env.CHROMIUM_PATH` says otherwise. Time increments up to a day are allowed,
 * so a suite can give an enrolment hours of time spent in one call.
 */
export async function startCertificateFleet(label: string, env: Record<string, string> = {}): Promise<CertificateFleet> {
  const started = await startFleet({
    label: `cert_${label}`,
    services: ['certificate'],
    env: { certificate: { CHROMIUM_PATH: NO_CHROMIUM, ...env }, enrollment: { MAX_TIME_INCREMENT_SECONDS: '86400' } },
    users: CLASSROOM_USERS,
  });
  return {
    ...fleetBasics(started),
    catalog: started.catalog!.client,
    enrollment: started.enrollment!.client,
    quiz: started.quiz!.client,
    certificate: started.certificate!.client,
    service: started.certificate!.service,
    db: started.openDatabase('certificate'),
  };
}

export interface Course {
  courseId: string;
  title: string;
  textLessonId: string;
  /** The quiz lesson and its published quiz (two one-point multiple-choice questions), when asked for. */
  quiz?: { lessonId: string; quizId: string; questions: { id: string; rightOptionId: string; wrongOptionId: string }[] };
}

/** A published course of `owner`: one text lesson, and (with `quiz`) a quiz lesson whose quiz must be passed to complete it. */
export async function publishedCourse(f: CertificateFleet, owner: User, options: { quiz?: boolean } = {}): Promise<Course> {
  const title = `Course ${unique()}`;
  const course = await f.catalog.CreateCourse(
    { title, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0 },
    owner.auth,
  );
  const text = await f.catalog.CreateLesson({ course_id: course.id, title: `Text ${unique()}`, lesson_type: 'text', content: '# Hi', duration_minutes: 5 }, owner.auth);
  await f.catalog.PublishLesson({ lesson_id: text.id }, owner.auth);
  let quiz: Course['quiz'];
  if (options.quiz) {
    const lesson = await f.catalog.CreateLesson({ course_id: course.id, title: `Quiz ${unique()}`, lesson_type: 'quiz', content: 'Quiz', duration_minutes: 5 }, owner.auth);
    await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner.auth);
    const created = await f.quiz.CreateQuiz(
      { course_id: course.id, lesson_id: lesson.id, title: `Quiz ${unique()}`, max_attempts: 0, fields: ['max_attempts'] },
      owner.auth,
    );
    const questions: NonNullable<Course['quiz']>['questions'] = [];
    for (const text of ['One?', 'Two?']) {
      const question = await f.quiz.CreateQuestion(
        {
          course_id: course.id,
          quiz_id: created.id,
          question: { question_type: 'multiple_choice', question_text: text, points: 1, options: [{ text: 'right', is_correct: true }, { text: 'wrong', is_correct: false }] },
        },
        owner.auth,
      );
      questions.push({
        id: question.id,
        rightOptionId: question.options.find((o) => o.is_correct)!.id,
        wrongOptionId: question.options.find((o) => !o.is_correct)!.id,
      });
    }
    await f.quiz.PublishQuiz({ course_id: course.id, quiz_id: created.id }, owner.auth);
    quiz = { lessonId: lesson.id, quizId: created.id, questions };
  }
  await f.catalog.PublishCourse({ course_id: course.id }, owner.auth);
  return { courseId: course.id, title, textLessonId: text.id, quiz };
}

/** Submits one attempt of the course's quiz with `right` of its two questions answered right; returns its percentage. */
export async function attemptQuiz(f: CertificateFleet, student: User, course: Course, right: 0 | 1 | 2): Promise<number> {
  const quiz = course.quiz!;
  const attempt = await f.quiz.StartAttempt({ quiz_id: quiz.quizId }, student.auth);
  const answers = quiz.questions.map((q, i) => ({ question_id: q.id, selected_option_ids: [i < right ? q.rightOptionId : q.wrongOptionId] }));
  const result = await f.quiz.SubmitAttempt({ quiz_id: quiz.quizId, attempt_id: attempt.id, answers }, student.auth);
  return result.percentage;
}

export async function enrol(f: CertificateFleet, student: User, courseId: string): Promise<string> {
  return (await f.enrollment.Enroll({ course_id: courseId }, student.auth)).id;
}

/**
 * Completes the text lesson (after `timeSpentSeconds` on it, when given) and, for a quiz course, expects the quiz
 * to have been passed already (`attemptQuiz`); waits until enrollment says the enrolment is completed.
 */
export async function completeCourse(f: CertificateFleet, student: User, course: Course, enrollmentId: string, timeSpentSeconds = 0): Promise<void> {
  const lesson = { enrollment_id: enrollmentId, lesson_id: course.textLessonId };
  if (timeSpentSeconds > 0) {
    await f.enrollment.UpdateLessonProgress({ ...lesson, fields: ['time_spent_seconds'], time_spent_seconds: timeSpentSeconds }, student.auth);
  }
  await f.enrollment.CompleteLesson(lesson, student.auth);
  await eventually(async () => expect((await f.enrollment.GetEnrollment({ enrollment_id: enrollmentId }, student.auth)).status).toBe('completed'), 20_000);
}

/** The enrolment's certificate once the service has issued it (read as the student). */
export async function issuedCertificate(f: CertificateFleet, student: User, enrollmentId: string, timeoutMs = 20_000): Promise<Certificate__Output> {
  return eventually(async () => {
    const { certificates } = await f.certificate.ListMyCertificates({}, student.auth);
    const found = certificates.find((c) => c.enrollment_id === enrollmentId);
    expect(found).toBeDefined();
    return found!;
  }, timeoutMs);
}

/** A new student with a completed enrolment of `course` (no quiz) and its issued certificate. */
export async function certifiedStudent(f: CertificateFleet, course: Course): Promise<{ student: User; enrollmentId: string; certificate: Certificate__Output }> {
  const student = await f.newUser('student');
  const enrollmentId = await enrol(f, student, course.courseId);
  await completeCourse(f, student, course, enrollmentId);
  return { student, enrollmentId, certificate: await issuedCertificate(f, student, enrollmentId) };
}

/** Rows of `certificates` of an enrolment (the unique index makes it 0 or 1). */
export async function certificateRows(db: Sequelize, enrollmentId: string): Promise<Record<string, unknown>[]> {
  return db.query(`SELECT * FROM certificates WHERE enrollment_id = :enrollmentId`, { type: QueryTypes.SELECT, replacements: { enrollmentId } });
}

/** Whether the consumer of `queue` has handled (and acked) this event: its inbox row. */
export async function handled(db: Sequelize, queue: string, eventId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM inbox WHERE consumer = :queue AND event_id = :eventId`, { type: QueryTypes.SELECT, replacements: { queue, eventId } });
  return rows.length > 0;
}

import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { GrpcStatus } from '@lms/kit/grpc';
import type { Question } from '@lms/kit/generated/lms/quiz/v1/Question';
import type { CreateQuizRequest } from '@lms/kit/generated/lms/quiz/v1/CreateQuizRequest';
import type { Quiz__Output } from '@lms/kit/generated/lms/quiz/v1/Quiz';
import type { Question__Output } from '@lms/kit/generated/lms/quiz/v1/Question';
import { eventually, type TestResource, type TestUser } from '@lms/kit/testing';
// Auth, catalog, enrollment and quiz, started in-process by the fleet's test support: real tokens, real courses
// and lessons, real enrolments (IsEnrolled) and the real quiz.passed consumer.
import { captureEventsByType, CLASSROOM_USERS, fleetBasics, PASSWORD, startFleet as startTestFleet, unique } from '@lms/testing-fleet';
import type { QuizConfig } from '../src/config';
import type { RunningQuizService } from '../src/main';
export { expectGrpcError } from '@lms/kit/testing';

import type { AuthClient, CatalogClient, EnrollmentClient, QuizClient } from '@lms/kit/clients';
export type { AuthClient, CatalogClient, EnrollmentClient, QuizClient };
export { GrpcStatus, eventually, PASSWORD, unique };

export type User = TestUser;

export interface Fleet {
  auth: AuthClient;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  quiz: QuizClient;
  service: RunningQuizService;
  config: QuizConfig;
  /** The quiz service's gRPC address (changes on restart), for clients signed as another service. */
  quizAddress: string;
  /** The quiz database, for assertions straight from the rows. */
  db: Sequelize;
  /** The enrollment service's database (e.g. to hold a lock on it while a quiz call runs). */
  enrollmentDb: Sequelize;
  vhost: TestResource;
  admin: User;
  instructor: User;
  otherInstructor: User;
  student: User;
  otherStudent: User;
  newUser(role: 'instructor' | 'student', tag?: string): Promise<User>;
  /** Stops the quiz service (its consumers and relay too). */
  stopQuiz(): Promise<void>;
  /** Starts the quiz service again on the same database and vhost (after stopQuiz, or restarts it). */
  restartQuiz(overrides?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts auth, catalog, enrollment and quiz in-process, each on a new database, sharing one new RabbitMQ vhost
 * (quiz.passed reaches enrollment for real) and Redis; then signs in an admin (auth's bootstrap command), two
 * instructors and two students.
 */
export async function startFleet(label: string, quizEnv: Record<string, string> = {}): Promise<Fleet> {
  const started = await startTestFleet({
    label: `quiz_${label}`,
    services: ['quiz'],
    env: {
      all: { OUTBOX_POLL_MS: '50' },
      enrollment: { OUTLINE_REFRESH_MIN_INTERVAL_MS: '0' },
      quiz: { SUBMIT_GRACE_SECONDS: '1', ...quizEnv },
    },
    users: CLASSROOM_USERS,
  });
  const quiz = started.quiz!;
  const current = () => ({ service: quiz.service, config: quiz.config, quiz: quiz.client, quizAddress: quiz.address });
  const fleet: Fleet = {
    ...fleetBasics(started),
    ...current(),
    catalog: started.catalog!.client,
    enrollment: started.enrollment!.client,
    db: started.openDatabase('quiz'),
    enrollmentDb: started.openDatabase('enrollment'),
    stopQuiz: () => quiz.stop(),
    async restartQuiz(overrides: Record<string, string> = {}) {
      await quiz.restart(overrides);
      Object.assign(fleet, current());
    },
  };
  return fleet;
}

/** A published course of `owner` with a published quiz lesson (and a text lesson); returns their ids. */
export async function courseWithQuizLesson(f: Fleet, owner: User): Promise<{ courseId: string; lessonId: string; textLessonId: string }> {
  const course = await f.catalog.CreateCourse(
    { title: `Course ${unique()}`, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0 },
    owner.auth,
  );
  const lesson = await f.catalog.CreateLesson({ course_id: course.id, title: `Quiz ${unique()}`, lesson_type: 'quiz', content: 'Quiz', duration_minutes: 5 }, owner.auth);
  await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner.auth);
  const text = await f.catalog.CreateLesson({ course_id: course.id, title: `Text ${unique()}`, lesson_type: 'text', content: '# Hi', duration_minutes: 5 }, owner.auth);
  await f.catalog.PublishLesson({ lesson_id: text.id }, owner.auth);
  await f.catalog.PublishCourse({ course_id: course.id }, owner.auth);
  return { courseId: course.id, lessonId: lesson.id, textLessonId: text.id };
}

/** Enrols the student (enrollment's Enroll with the student's own token). */
export async function enrol(f: Fleet, student: User, courseId: string): Promise<string> {
  return (await f.enrollment.Enroll({ course_id: courseId }, student.auth)).id;
}

// ---------------------------------------------------------------- question factories

export const mc = (text: string, options: string[], correct: number, extra: Partial<Question> = {}): Question => ({
  question_type: 'multiple_choice',
  question_text: text,
  points: 1,
  options: options.map((o, i) => ({ text: o, is_correct: i === correct })),
  ...extra,
});

export const ma = (text: string, options: [string, boolean][], extra: Partial<Question> = {}): Question => ({
  question_type: 'multiple_answer',
  question_text: text,
  points: 2,
  options: options.map(([o, c]) => ({ text: o, is_correct: c })),
  ...extra,
});

export const tf = (text: string, correct: boolean, extra: Partial<Question> = {}): Question => ({
  question_type: 'true_false',
  question_text: text,
  points: 1,
  correct_answer: String(correct),
  ...extra,
});

export const short = (text: string, accepted: string[], extra: Partial<Question> = {}): Question => ({
  question_type: 'short_answer',
  question_text: text,
  points: 1,
  accepted_answers: accepted,
  ...extra,
});

export const numeric = (text: string, value: number, tolerance = 0, extra: Partial<Question> = {}): Question => ({
  question_type: 'numeric',
  question_text: text,
  points: 1,
  numeric: { mode: tolerance ? 'tolerance' : 'exact', value, tolerance, min: 0, max: 0 },
  ...extra,
});

export const matching = (text: string, pairs: [string, string][], extra: Partial<Question> = {}): Question => ({
  question_type: 'matching',
  question_text: text,
  points: 2,
  pairs: pairs.map(([prompt, match]) => ({ prompt, match })),
  ...extra,
});

export const ordering = (text: string, items: string[], extra: Partial<Question> = {}): Question => ({
  question_type: 'ordering',
  question_text: text,
  points: 2,
  options: items.map((t) => ({ text: t, is_correct: false })),
  ...extra,
});

export const essay = (text: string, extra: Partial<Question> = {}): Question => ({ question_type: 'essay', question_text: text, points: 5, ...extra });

/** Creates a quiz on the lesson with the questions and publishes it (unless `publish: false`). */
export async function createQuiz(
  f: Fleet,
  owner: User,
  course: { courseId: string; lessonId: string },
  questions: Question[],
  settings: Partial<CreateQuizRequest> = {},
  publish = true,
): Promise<{ quiz: Quiz__Output; questions: Question__Output[] }> {
  const quiz = await f.quiz.CreateQuiz(
    {
      course_id: course.courseId,
      lesson_id: course.lessonId,
      title: `Quiz ${unique()}`,
      fields: Object.keys(settings).filter((k) => k !== 'fields'),
      ...settings,
    },
    owner.auth,
  );
  const created: Question__Output[] = [];
  for (const question of questions) created.push(await f.quiz.CreateQuestion({ course_id: course.courseId, quiz_id: quiz.id, question }, owner.auth));
  const published = publish ? await f.quiz.PublishQuiz({ course_id: course.courseId, quiz_id: quiz.id }, owner.auth) : quiz;
  return { quiz: published, questions: created };
}

/** Events on lms.events in the suite's vhost, looked up by type and a predicate on their data. */
export const captureEvents = captureEventsByType;

/** The attempt row, straight from the quiz database. */
export async function attemptRow(db: Sequelize, attemptId: string): Promise<Record<string, unknown>> {
  const [row] = await db.query<Record<string, unknown>>('SELECT * FROM attempts WHERE id = :attemptId', {
    type: QueryTypes.SELECT,
    replacements: { attemptId },
  });
  return row;
}

/** Polls GetRegrade until the run is no longer pending or running (a real regrade is a job); returns it. */
export async function regradeFinished(f: Fleet, quizId: string, regradeId: string, who: User, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await f.quiz.GetRegrade({ quiz_id: quizId, regrade_id: regradeId }, who.auth);
    if (run.status !== 'pending' && run.status !== 'running') return run;
    if (Date.now() > until) throw new Error(`regrade ${regradeId} still ${run.status} after ${timeoutMs} ms (${run.attempts_examined}/${run.attempts_total})`);
    await sleep(50);
  }
}

/** An RFC 3339 time `seconds` from now. */
export const inSeconds = (seconds: number): string => new Date(Date.now() + seconds * 1000).toISOString();

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another published quiz lesson in the course (one quiz per lesson). */
export async function quizLesson(f: Fleet, owner: User, courseId: string): Promise<{ courseId: string; lessonId: string }> {
  const lesson = await f.catalog.CreateLesson({ course_id: courseId, title: `Quiz ${unique()}`, lesson_type: 'quiz', content: 'Quiz', duration_minutes: 5 }, owner.auth);
  await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner.auth);
  return { courseId, lessonId: lesson.id };
}

/** The answers that get full marks on each question (from the owner's view of the questions). */
export function correctAnswerFor(q: Question__Output) {
  switch (q.question_type) {
    case 'multiple_choice':
    case 'multiple_answer':
      return { question_id: q.id, selected_option_ids: q.options.filter((o) => o.is_correct).map((o) => o.id) };
    case 'true_false':
      return { question_id: q.id, answer_text: q.correct_answer };
    case 'short_answer':
      return { question_id: q.id, answer_text: q.accepted_answers[0] };
    case 'numeric':
      return { question_id: q.id, answer_text: String(q.numeric!.mode === 'range' ? q.numeric!.min : q.numeric!.value) };
    case 'matching':
      return { question_id: q.id, matches: q.pairs.map((p) => ({ prompt_id: p.id, match_id: p.match_id })) };
    case 'ordering':
      return { question_id: q.id, order: q.options.map((o) => o.id) };
    default:
      return { question_id: q.id, answer_text: 'An essay answer with some words.' };
  }
}

/** A wrong answer of the question's shape (essays: left blank). */
export function wrongAnswerFor(q: Question__Output) {
  switch (q.question_type) {
    case 'multiple_choice':
      return { question_id: q.id, selected_option_ids: [q.options.find((o) => !o.is_correct)!.id] };
    case 'multiple_answer':
      return { question_id: q.id, selected_option_ids: q.options.filter((o) => !o.is_correct).map((o) => o.id) };
    case 'true_false':
      return { question_id: q.id, answer_text: q.correct_answer === 'true' ? 'false' : 'true' };
    case 'short_answer':
      return { question_id: q.id, answer_text: 'definitely wrong' };
    case 'numeric':
      return { question_id: q.id, answer_text: '-99999' };
    case 'matching':
      return { question_id: q.id, matches: q.pairs.map((p, i) => ({ prompt_id: p.id, match_id: q.pairs[(i + 1) % q.pairs.length].match_id })) };
    case 'ordering':
      return { question_id: q.id, order: [...q.options].reverse().map((o) => o.id) };
    default:
      return { question_id: q.id };
  }
}

/**
 * The set-up most suites share: a fleet, a capture of every quiz.* event, and a published course with a quiz
 * lesson in which both students are enrolled. `close()` undoes it.
 */
export async function enrolledClassroom(label: string): Promise<{
  f: Fleet;
  captured: Awaited<ReturnType<typeof captureEvents>>;
  courseId: string;
  close(): Promise<void>;
}> {
  const f = await startFleet(label);
  const captured = await captureEvents(f.vhost.url, ['quiz.*']);
  const courseId = (await courseWithQuizLesson(f, f.instructor)).courseId;
  await enrol(f, f.student, courseId);
  await enrol(f, f.otherStudent, courseId);
  return {
    f,
    captured,
    courseId,
    async close() {
      await captured.close();
      await f.close();
    },
  };
}

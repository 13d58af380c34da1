import type { Caller } from '@lms/kit/auth';
import { AppError, FieldChecker, isUuid, remoteFailure } from '@lms/kit/errors';
import type { IsEnrolledReply__Output } from '@lms/kit/generated/lms/enrollment/v1/IsEnrolledReply';
import { questionsFrom, versionPairs, type AttemptQuestion } from '../domain/attempt-grading';
import type { AttemptRecord, QuizRecord } from '../domain/quiz.entities';
import { QuizErrors } from '../domain/quiz.errors';
import type { QuizDeps, QuizRepositories } from './deps';

export type { Caller };

/** The verified caller behind a bearer token (signature via auth's JWKS, claims, expiry, revocation marks). */
export function authenticate(deps: QuizDeps, authorization: string | undefined): Promise<Caller> {
  return deps.verifier.verify(authorization);
}

/** Validates ids up front: every malformed one is reported at once as INVALID_ARGUMENT with its field. */
export function checkIds(ids: Record<string, string>, optional: string[] = []): Record<string, string> {
  const check = new FieldChecker();
  const out: Record<string, string> = {};
  for (const [field, raw] of Object.entries(ids)) {
    if (!raw && optional.includes(field)) out[field] = '';
    else out[field] = check.uuid(field, raw ?? '');
  }
  if (!check.ok) throw QuizErrors.validation(check.errors);
  return out;
}

/** A use case's outcome decided inside a unit of work that must commit before the refusal is thrown. */
export type Outcome<T> = { ok: T } | { refuse: AppError };

/** For the entry point: awaits the committed unit of work, then throws its refusal or returns its value. */
export async function commitThenThrow<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const result = await outcome;
  if ('refuse' in result) throw result.refuse;
  return result.ok;
}

/** Admin, or the instructor stored as the quiz's owner when it was created. */
export function isQuizStaff(caller: Caller, quiz: Pick<QuizRecord, 'instructorId'>): boolean {
  return caller.role === 'admin' || (caller.role === 'instructor' && caller.userId === quiz.instructorId);
}

/**
 * A quiz the caller manages: the course's owner instructor (as stored on the quiz) or an admin. Unknown id, or
 * a course_id that is not the quiz's → NOT_FOUND; anyone else → PERMISSION_DENIED. `lock` locks the quiz row
 * for the unit of work the repositories belong to.
 */
export async function loadManagedQuiz(
  repos: Pick<QuizRepositories, 'quizzes'>,
  caller: Caller,
  ref: { quizId: string; courseId?: string },
  lock?: 'update' | 'share',
): Promise<QuizRecord> {
  const ids = checkIds({ quiz_id: ref.quizId, course_id: ref.courseId ?? '' }, ['course_id']);
  const quiz = await repos.quizzes.findById(ids.quiz_id, lock);
  if (!quiz || (ids.course_id && ids.course_id !== quiz.courseId)) throw QuizErrors.quizNotFound();
  if (!isQuizStaff(caller, quiz)) throw QuizErrors.courseOwnerOnly();
  return quiz;
}

/**
 * IsEnrolled at the enrollment service with the student's own token (active or completed, access not ended;
 * with a lesson id also whether that lesson is open for them). Not enrolled → PERMISSION_DENIED
 * QUIZ.NOT_ENROLLED; enrollment unreachable → UNAVAILABLE (fail closed).
 */
export async function askEnrollment(deps: Pick<QuizDeps, 'enrollment'>, courseId: string, lessonId?: string): Promise<IsEnrolledReply__Output> {
  let reply: IsEnrolledReply__Output;
  try {
    reply = await deps.enrollment.IsEnrolled({ course_id: courseId, student_id: '', ...(lessonId ? { lesson_id: lessonId } : {}) });
  } catch (err) {
    if (err instanceof AppError && (err.kind === 'not_found' || err.kind === 'permission_denied')) throw QuizErrors.notEnrolled();
    throw remoteFailure(err, QuizErrors.enrollmentUnavailable);
  }
  if (!reply.enrolled) throw QuizErrors.notEnrolled();
  return reply;
}

/** IsEnrolled at the enrollment service with the student's own token: active or completed. */
export async function requireEnrolled(deps: Pick<QuizDeps, 'enrollment'>, courseId: string): Promise<void> {
  await askEnrollment(deps, courseId);
}

export type Viewer = 'staff' | 'student';

/**
 * A quiz the caller may read: staff see everything; a student sees a published quiz of a course they are
 * enrolled in (an unpublished one is NOT_FOUND; not enrolled → PERMISSION_DENIED QUIZ.NOT_ENROLLED); other
 * instructors → PERMISSION_DENIED.
 */
export async function loadVisibleQuiz(deps: QuizDeps, caller: Caller, ref: { quizId: string; courseId?: string }): Promise<{ quiz: QuizRecord; viewer: Viewer }> {
  const ids = checkIds({ quiz_id: ref.quizId, course_id: ref.courseId ?? '' }, ['course_id']);
  const quiz = await deps.units.read.quizzes.findById(ids.quiz_id);
  if (!quiz || (ids.course_id && ids.course_id !== quiz.courseId)) throw QuizErrors.quizNotFound();
  if (isQuizStaff(caller, quiz)) return { quiz, viewer: 'staff' };
  if (caller.role !== 'student') throw QuizErrors.courseOwnerOnly();
  if (!quiz.isPublished) throw QuizErrors.quizNotFound();
  await requireEnrolled(deps, quiz.courseId);
  return { quiz, viewer: 'student' };
}

/** The attempt side: a student enrolled in the course, and a published quiz (read, then asked remotely). */
export async function loadQuizForStudent(deps: QuizDeps, caller: Caller, quizId: string, ahead?: EnrolmentAhead): Promise<QuizRecord> {
  const ids = checkIds({ quiz_id: quizId });
  if (caller.role !== 'student') throw QuizErrors.studentsOnly();
  return quizForStudent(deps, await deps.units.read.quizzes.findById(ids.quiz_id), ahead);
}

/** IsEnrolled asked ahead of the read that decides whether it is needed (`enrolmentAhead`). */
export interface EnrolmentAhead {
  courseId: string;
  reply: Promise<IsEnrolledReply__Output>;
}

/**
 * A student's IsEnrolled sent before the quiz is read, when this process already knows the quiz's course (cached
 * once it saw the quiz published; a quiz never changes course): the call runs concurrently with the read instead of
 * after it, one hop less on the request's path. Its answer is awaited only where the question was asked before
 * (`quizForStudent`), so refusals keep their order; one nobody awaits (the read refused first) is dropped.
 */
export function enrolmentAhead(deps: QuizDeps, caller: Caller, quizId: string): EnrolmentAhead | undefined {
  if (caller.role !== 'student' || !quizId) return undefined;
  const placement = deps.units.read.quizzes.knownPlacement(quizId);
  if (!placement) return undefined;
  const reply = askEnrollment(deps, placement.courseId);
  reply.catch(() => undefined); // awaited by quizForStudent, or dropped
  return { courseId: placement.courseId, reply };
}

/**
 * A quiz read for a student: published (else NOT_FOUND), and the student enrolled in its course (asked remotely,
 * or the answer to the question asked ahead for that course).
 */
export async function quizForStudent(deps: QuizDeps, quiz: QuizRecord | null, ahead?: EnrolmentAhead): Promise<QuizRecord> {
  if (!quiz || !quiz.isPublished) throw QuizErrors.quizNotFound();
  if (ahead?.courseId === quiz.courseId) await ahead.reply;
  else await requireEnrolled(deps, quiz.courseId);
  return quiz;
}

/**
 * The course's instructor, asked to catalog with the caller's token; the caller must be that instructor or an
 * admin. A course the caller cannot see → NOT_FOUND; visible but someone else's → PERMISSION_DENIED.
 */
export async function courseOwnerOf(deps: Pick<QuizDeps, 'catalog'>, caller: Caller, courseId: string): Promise<string> {
  let instructorId: string;
  try {
    instructorId = (await deps.catalog.GetCourse({ course_id: courseId })).instructor_id;
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not_found') throw QuizErrors.courseNotFound();
    throw remoteFailure(err, QuizErrors.catalogUnavailable);
  }
  if (caller.role !== 'admin' && instructorId !== caller.userId) throw QuizErrors.courseOwnerOnly();
  return instructorId;
}

/** The attempt's questions in paper order with their pinned and graded versions (one query). */
export async function attemptQuestions(repos: Pick<QuizRepositories, 'questions'>, attempt: AttemptRecord): Promise<AttemptQuestion[]> {
  return questionsFrom(attempt, await repos.questions.versions(versionPairs(attempt)));
}

/** pool_id: "" / null = fixed question; otherwise a pool of the same quiz (else INVALID_ARGUMENT). */
export async function poolOfQuiz(repos: Pick<QuizRepositories, 'quizzes'>, quiz: QuizRecord, poolId: string | null): Promise<string | null> {
  if (!poolId) return null;
  if (!isUuid(poolId) || !(await repos.quizzes.findPool(quiz.id, poolId.toLowerCase()))) {
    throw QuizErrors.validation([{ loc: ['pool_id'], msg: 'is not a pool of this quiz' }]);
  }
  return poolId.toLowerCase();
}

import type { Transaction } from 'sequelize';
import type { Caller } from '@lms/kit/auth';
import { createEvent } from '@lms/kit/events';
import { AppError, FieldChecker } from '@lms/kit/errors';
import { QuizErrors } from '../domain/quiz.errors';
import { EVENT_SOURCE, type DomainEvent } from '../domain/quiz.events';
import type { QuizRecord } from '../domain/quiz.entities';
import type { QuizDeps } from './deps';

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

/** Writes domain events to the outbox in the caller's transaction (CloudEvents, source lms/quiz). */
export async function emit(deps: QuizDeps, transaction: Transaction, events: DomainEvent<unknown>[]): Promise<void> {
  if (!events.length) return;
  await deps.outbox.add(
    transaction,
    ...events.map((e) => createEvent({ type: e.type, source: EVENT_SOURCE, subject: e.subject, data: e.data, time: e.time })),
  );
}

/** Admin, or the instructor stored as the quiz's owner when it was created. */
export function isQuizStaff(caller: Caller, quiz: Pick<QuizRecord, 'instructorId'>): boolean {
  return caller.role === 'admin' || (caller.role === 'instructor' && caller.userId === quiz.instructorId);
}

/**
 * A quiz the caller manages: the course's owner instructor (as stored on the quiz) or an admin. Unknown id, or
 * a course_id that is not the quiz's → NOT_FOUND; anyone else → PERMISSION_DENIED.
 */
export async function loadManagedQuiz(
  deps: QuizDeps,
  caller: Caller,
  ref: { quizId: string; courseId?: string },
  transaction?: Transaction,
  lock?: 'update' | 'share',
): Promise<QuizRecord> {
  const ids = checkIds({ quiz_id: ref.quizId, course_id: ref.courseId ?? '' }, ['course_id']);
  const quiz = await deps.quizzes.findById(ids.quiz_id, transaction, lock);
  if (!quiz || (ids.course_id && ids.course_id !== quiz.courseId)) throw QuizErrors.quizNotFound();
  if (!isQuizStaff(caller, quiz)) throw QuizErrors.courseOwnerOnly();
  return quiz;
}

/** IsEnrolled at the enrollment service with the student's own token: active or completed. */
export async function requireEnrolled(deps: QuizDeps, courseId: string): Promise<void> {
  let enrolled: boolean;
  try {
    enrolled = (await deps.enrollment.IsEnrolled({ course_id: courseId, student_id: '' })).enrolled;
  } catch (err) {
    if (err instanceof AppError && err.kind !== 'unavailable' && err.kind !== 'internal') {
      if (err.kind === 'not_found' || err.kind === 'permission_denied') throw QuizErrors.notEnrolled();
      throw err;
    }
    throw QuizErrors.enrollmentUnavailable(err);
  }
  if (!enrolled) throw QuizErrors.notEnrolled();
}

export type Viewer = 'staff' | 'student';

/**
 * A quiz the caller may read: staff see everything; a student sees a published quiz of a course they are
 * enrolled in (an unpublished one is NOT_FOUND; not enrolled → PERMISSION_DENIED QUIZ.NOT_ENROLLED); other
 * instructors → PERMISSION_DENIED.
 */
export async function loadVisibleQuiz(deps: QuizDeps, caller: Caller, ref: { quizId: string; courseId?: string }): Promise<{ quiz: QuizRecord; viewer: Viewer }> {
  const ids = checkIds({ quiz_id: ref.quizId, course_id: ref.courseId ?? '' }, ['course_id']);
  const quiz = await deps.quizzes.findById(ids.quiz_id);
  if (!quiz || (ids.course_id && ids.course_id !== quiz.courseId)) throw QuizErrors.quizNotFound();
  if (isQuizStaff(caller, quiz)) return { quiz, viewer: 'staff' };
  if (caller.role !== 'student') throw QuizErrors.courseOwnerOnly();
  if (!quiz.isPublished) throw QuizErrors.quizNotFound();
  await requireEnrolled(deps, quiz.courseId);
  return { quiz, viewer: 'student' };
}

/** The attempt side: a student enrolled in the course, and a published quiz. */
export async function loadQuizForStudent(deps: QuizDeps, caller: Caller, quizId: string): Promise<QuizRecord> {
  const ids = checkIds({ quiz_id: quizId });
  if (caller.role !== 'student') throw QuizErrors.studentsOnly();
  const quiz = await deps.quizzes.findById(ids.quiz_id);
  if (!quiz || !quiz.isPublished) throw QuizErrors.quizNotFound();
  await requireEnrolled(deps, quiz.courseId);
  return quiz;
}

/** A catalog failure as this service reports it: the caller's own refusals pass through, the rest is UNAVAILABLE. */
export function catalogFailure(err: unknown): AppError {
  if (err instanceof AppError && err.kind !== 'unavailable' && err.kind !== 'internal') return err;
  return QuizErrors.catalogUnavailable(err);
}

/**
 * The course's instructor, asked to catalog with the caller's token; the caller must be that instructor or an
 * admin. A course the caller cannot see → NOT_FOUND; visible but someone else's → PERMISSION_DENIED.
 */
export async function courseOwnerOf(deps: QuizDeps, caller: Caller, courseId: string): Promise<string> {
  let instructorId: string;
  try {
    instructorId = (await deps.catalog.GetCourse({ course_id: courseId })).instructor_id;
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not_found') throw QuizErrors.courseNotFound();
    throw catalogFailure(err);
  }
  if (caller.role !== 'admin' && instructorId !== caller.userId) throw QuizErrors.courseOwnerOnly();
  return instructorId;
}

import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@lms/kit/db';
import { AppError, remoteFailure } from '@lms/kit/errors';
import { QuizErrors } from '../../domain/quiz.errors';
import { checkQuizSettings, sentSettings, type QuizSettings, type QuizSettingsRequest } from '../../domain/quiz-definition';
import type { QuizPorts, QuizDeps, QuizUnitOfWork } from '../deps';
import { checkIds, courseOwnerOf, type Caller } from '../shared';

/** A quiz to create, checked before the unit of work (settings, course ownership and lesson asked to catalog). */
export interface CreateQuizInput {
  courseId: string;
  lessonId: string;
  instructorId: string;
  settings: QuizSettings;
}

/**
 * The remote half of CreateQuiz: a quiz lesson of a course the caller owns (asked to catalog with the caller's
 * token): a course the caller cannot see → NOT_FOUND, visible but not theirs → PERMISSION_DENIED; the lesson
 * must be a `quiz` lesson of that course (else INVALID_ARGUMENT on lesson_id).
 */
export async function prepareCreateQuiz(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; lessonId: string; settings: QuizSettingsRequest; fields: string[] },
): Promise<CreateQuizInput> {
  const ids = checkIds({ course_id: cmd.courseId, lesson_id: cmd.lessonId });
  if (caller.role !== 'admin' && caller.role !== 'instructor') throw QuizErrors.courseOwnerOnly();
  const settings = checkQuizSettings(sentSettings(cmd.settings, cmd.fields, true), null);

  const instructorId = await courseOwnerOf(deps, caller, ids.course_id);
  try {
    const lesson = await deps.catalog.GetLesson({ lesson_id: ids.lesson_id });
    if (lesson.course_id !== ids.course_id) throw QuizErrors.lessonInvalid('belongs to another course');
    if (lesson.lesson_type !== 'quiz') throw QuizErrors.lessonInvalid(`is a ${lesson.lesson_type} lesson, not a quiz lesson`);
  } catch (err) {
    if (err instanceof AppError && (err.kind === 'not_found' || err.kind === 'permission_denied')) {
      throw QuizErrors.lessonInvalid('is not a lesson of this course');
    }
    throw remoteFailure(err, QuizErrors.catalogUnavailable);
  }
  return { courseId: ids.course_id, lessonId: ids.lesson_id, instructorId, settings };
}

/** Stores the quiz (unpublished); one quiz per lesson (QUIZ.EXISTS_FOR_LESSON). Returns its id. */
export async function createQuiz(uow: QuizUnitOfWork, ctx: QuizPorts, input: CreateQuizInput): Promise<string> {
  const id = randomUUID();
  try {
    await uow.quizzes.insert({ id, ...input, at: ctx.clock() });
  } catch (err) {
    if (isUniqueViolation(err)) throw QuizErrors.quizExistsForLesson();
    throw err;
  }
  return id;
}

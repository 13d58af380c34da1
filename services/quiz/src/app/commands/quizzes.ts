import { randomUUID } from 'node:crypto';
import { isUniqueViolation, withTransaction } from '@lms/kit/db';
import { AppError, FieldChecker } from '@lms/kit/errors';
import { QuizErrors } from '../../domain/quiz.errors';
import { checkQuizSettings, type RawQuizSettings } from '../../domain/quiz-definition';
import type { QuizRecord } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { catalogFailure, checkIds, courseOwnerOf, loadManagedQuiz, type Caller } from '../shared';
import { loadQuizView, type QuizView } from '../queries/quizzes';

/** The settings a create or update may carry, by proto name. */
export const QUIZ_SETTING_FIELDS = [
  'title',
  'description',
  'quiz_type',
  'passing_score',
  'time_limit_minutes',
  'max_attempts',
  'scoring_policy',
  'shuffle_questions',
  'shuffle_options',
  'show_correct_answers',
  'available_from',
  'available_until',
] as const;
type SettingField = (typeof QUIZ_SETTING_FIELDS)[number];

export type QuizSettingsRequest = { [K in SettingField]: K extends 'shuffle_questions' | 'shuffle_options' ? boolean : K extends 'passing_score' | 'time_limit_minutes' | 'max_attempts' ? number : string };

function unknownFields(fields: string[]): void {
  const check = new FieldChecker();
  fields.forEach((f, i) => {
    if (!(QUIZ_SETTING_FIELDS as readonly string[]).includes(f)) check.add(['fields', i], `unknown field "${f}"`);
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);
}

/** The sent settings: those listed in `fields` (update), or listed or non-empty (create, defaults for the rest). */
export function sentSettings(req: QuizSettingsRequest, fields: string[], creating: boolean): RawQuizSettings {
  unknownFields(fields);
  const raw: Record<string, unknown> = {};
  for (const name of QUIZ_SETTING_FIELDS) {
    const value = req[name];
    const given = fields.includes(name) || (creating && (name === 'title' || (value !== '' && value !== 0 && value !== false && value !== undefined)));
    if (given) raw[name] = value;
  }
  return raw as RawQuizSettings;
}

/**
 * Creates a quiz for a quiz lesson of a course the caller owns (asked to catalog with the caller's token): a
 * course the caller cannot see → NOT_FOUND, visible but not theirs → PERMISSION_DENIED; the lesson must be a
 * `quiz` lesson of that course (else INVALID_ARGUMENT on lesson_id); one quiz per lesson.
 */
export async function createQuiz(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; lessonId: string; settings: QuizSettingsRequest; fields: string[] },
): Promise<QuizView> {
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
    throw catalogFailure(err);
  }

  const id = randomUUID();
  try {
    await withTransaction(deps.sequelize, (transaction) =>
      deps.quizzes.insert(transaction, { id, courseId: ids.course_id, lessonId: ids.lesson_id, instructorId, settings, at: deps.clock() }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw QuizErrors.quizExistsForLesson();
    throw err;
  }
  return loadQuizView(deps, (await deps.quizzes.findById(id))!, 'staff');
}

/** Partial update through `fields`; the merged settings are validated as a whole (from < until…). */
export async function updateQuiz(
  deps: QuizDeps,
  caller: Caller,
  cmd: { courseId: string; quizId: string; settings: QuizSettingsRequest; fields: string[] },
): Promise<QuizView> {
  const quiz = await withTransaction(deps.sequelize, async (transaction) => {
    const current = await loadManagedQuiz(deps, caller, cmd, transaction, 'update');
    const settings = checkQuizSettings(sentSettings(cmd.settings, cmd.fields, false), current);
    await deps.quizzes.updateSettings(transaction, current.id, settings, deps.clock());
    return current.id;
  });
  return loadQuizView(deps, (await deps.quizzes.findById(quiz))!, 'staff');
}

/** Refused once any attempt exists (FAILED_PRECONDITION QUIZ.HAS_ATTEMPTS): unpublish instead. */
export async function deleteQuiz(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string }): Promise<void> {
  await withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, ref, transaction, 'update');
    if (await deps.attempts.hasAny(quiz.id, transaction)) throw QuizErrors.quizHasAttempts();
    await deps.quizzes.delete(transaction, quiz.id);
  });
}

/** Needs at least one question, and every pool able to draw its count. Publishing a published quiz is a no-op. */
export async function publishQuiz(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string }): Promise<QuizView> {
  const id = await withTransaction(deps.sequelize, async (transaction) => {
    const quiz = await loadManagedQuiz(deps, caller, ref, transaction, 'update');
    if (quiz.isPublished) return quiz.id;
    if (quiz.lessonDeletedAt) throw QuizErrors.lessonDeleted();
    const questions = await deps.questions.listCurrent(quiz.id, transaction);
    if (questions.length === 0) throw QuizErrors.quizHasNoQuestions();
    for (const pool of await deps.quizzes.listPools(quiz.id, transaction)) {
      if (pool.questionCount < pool.drawCount) throw QuizErrors.poolTooSmall(pool.id, pool.title, pool.questionCount, pool.drawCount);
    }
    await deps.quizzes.setPublished(transaction, quiz.id, true, deps.clock());
    return quiz.id;
  });
  return loadQuizView(deps, (await deps.quizzes.findById(id))!, 'staff');
}

/** Students no longer see it (NOT_FOUND); attempts and results are kept. */
export async function unpublishQuiz(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string }): Promise<QuizView> {
  const id = await withTransaction(deps.sequelize, async (transaction) => {
    const quiz: QuizRecord = await loadManagedQuiz(deps, caller, ref, transaction, 'update');
    if (quiz.isPublished) await deps.quizzes.setPublished(transaction, quiz.id, false, deps.clock());
    return quiz.id;
  });
  return loadQuizView(deps, (await deps.quizzes.findById(id))!, 'staff');
}

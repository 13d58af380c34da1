import type { PoolRecord, QuestionRecord, QuizRecord } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { checkIds, courseOwnerOf, isQuizStaff, loadVisibleQuiz, requireEnrolled, type Caller, type Viewer } from '../shared';

/** A quiz with what its totals are computed from; `viewer` decides what the reply shows. */
export interface QuizView {
  quiz: QuizRecord;
  questions: QuestionRecord[];
  pools: PoolRecord[];
  viewer: Viewer;
  now: Date;
}

export async function loadQuizView(deps: QuizDeps, quiz: QuizRecord, viewer: Viewer): Promise<QuizView> {
  const [questions, pools] = await Promise.all([deps.questions.listCurrent(quiz.id), deps.quizzes.listPools(quiz.id)]);
  return { quiz, questions, pools, viewer, now: deps.clock() };
}

export async function getQuiz(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string }): Promise<QuizView> {
  const { quiz, viewer } = await loadVisibleQuiz(deps, caller, ref);
  return loadQuizView(deps, quiz, viewer);
}

/**
 * The quizzes of a course (optionally of one lesson). Admins, and the course's instructor (asked to catalog):
 * all of them — another instructor gets PERMISSION_DENIED, a course they cannot see NOT_FOUND; students
 * enrolled in the course: the published ones.
 */
export async function listQuizzes(deps: QuizDeps, caller: Caller, q: { courseId: string; lessonId: string }): Promise<QuizView[]> {
  const ids = checkIds({ course_id: q.courseId, lesson_id: q.lessonId }, ['lesson_id']);
  let quizzes: QuizRecord[];
  let viewer: Viewer;
  if (caller.role === 'admin') {
    quizzes = await deps.quizzes.listByCourse(ids.course_id, { lessonId: ids.lesson_id });
    viewer = 'staff';
  } else if (caller.role === 'instructor') {
    await courseOwnerOf(deps, caller, ids.course_id);
    quizzes = await deps.quizzes.listByCourse(ids.course_id, { lessonId: ids.lesson_id, instructorId: caller.userId });
    viewer = 'staff';
  } else {
    await requireEnrolled(deps, ids.course_id);
    quizzes = await deps.quizzes.listByCourse(ids.course_id, { lessonId: ids.lesson_id, publishedOnly: true });
    viewer = 'student';
  }
  // Two queries for the whole list (questions and pools of every quiz at once), not two per quiz.
  const quizIds = quizzes.map((quiz) => quiz.id);
  const [questions, pools] = await Promise.all([deps.questions.listCurrentOf(quizIds), deps.quizzes.listPoolsOf(quizIds)]);
  const now = deps.clock();
  return quizzes.map((quiz) => ({
    quiz,
    questions: questions.get(quiz.id) ?? [],
    pools: pools.get(quiz.id) ?? [],
    viewer: viewer === 'staff' && isQuizStaff(caller, quiz) ? 'staff' : 'student',
    now,
  }));
}

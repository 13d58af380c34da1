import type { QuizRecord } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { checkIds, courseOwnerOf, isQuizStaff, requireEnrolled, type Caller, type Viewer } from '../shared';
import type { QuizView } from './get-quiz';

/**
 * The quizzes of a course (optionally of one lesson). Admins, and the course's instructor (asked to catalog):
 * all of them — another instructor gets PERMISSION_DENIED, a course they cannot see NOT_FOUND; students
 * enrolled in the course: the published ones.
 */
export async function listQuizzes(deps: QuizDeps, caller: Caller, q: { courseId: string; lessonId: string }): Promise<QuizView[]> {
  const ids = checkIds({ course_id: q.courseId, lesson_id: q.lessonId }, ['lesson_id']);
  const { read } = deps.units;
  let quizzes: QuizRecord[];
  let viewer: Viewer;
  if (caller.role === 'admin') {
    quizzes = await read.quizzes.listByCourse(ids.course_id, { lessonId: ids.lesson_id });
    viewer = 'staff';
  } else if (caller.role === 'instructor') {
    await courseOwnerOf(deps, caller, ids.course_id);
    quizzes = await read.quizzes.listByCourse(ids.course_id, { lessonId: ids.lesson_id, instructorId: caller.userId });
    viewer = 'staff';
  } else {
    await requireEnrolled(deps, ids.course_id);
    quizzes = await read.quizzes.listByCourse(ids.course_id, { lessonId: ids.lesson_id, publishedOnly: true });
    viewer = 'student';
  }
  // Two queries for the whole list (questions and pools of every quiz at once), not two per quiz.
  const quizIds = quizzes.map((quiz) => quiz.id);
  const [questions, pools] = await Promise.all([read.questions.listCurrentOf(quizIds), read.quizzes.listPoolsOf(quizIds)]);
  const now = deps.clock();
  return quizzes.map((quiz) => ({
    quiz,
    questions: questions.get(quiz.id) ?? [],
    pools: pools.get(quiz.id) ?? [],
    viewer: viewer === 'staff' && isQuizStaff(caller, quiz) ? 'staff' : 'student',
    now,
  }));
}

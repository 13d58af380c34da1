import type { QuizUnitOfWork } from '../deps';

/**
 * A catalog lesson (or a whole course) was deleted: its quizzes are unpublished for good, so students stop
 * seeing a quiz whose lesson no longer exists. Attempts and results are kept. Returns the retired quiz ids.
 */
export function retireLessonQuizzes(uow: QuizUnitOfWork, target: { lessonId: string } | { courseId: string }, at: Date): Promise<string[]> {
  return uow.quizzes.markLessonDeleted(target, at);
}

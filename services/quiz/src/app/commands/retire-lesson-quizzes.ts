import { quizUnpublished } from '../../domain/quiz.events';
import type { QuizUnitOfWork } from '../deps';

/**
 * A catalog lesson (or a whole course) was deleted: its quizzes are unpublished for good, so students stop
 * seeing a quiz whose lesson no longer exists. Attempts and results are kept. Each one that was published emits
 * `quiz.unpublished` (`retired: true`). Returns the retired quiz ids.
 */
export async function retireLessonQuizzes(uow: QuizUnitOfWork, target: { lessonId: string } | { courseId: string }, at: Date): Promise<string[]> {
  const retired = await uow.quizzes.markLessonDeleted(target, at);
  const unpublished = retired.filter((q) => q.wasPublished);
  if (unpublished.length > 0) await uow.emit(...unpublished.map((q) => quizUnpublished(q, at, true)));
  return retired.map((q) => q.id);
}

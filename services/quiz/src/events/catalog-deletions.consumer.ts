import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { QuizDeps } from '../app/deps';
import { retireLessonQuizzes } from '../app/commands/retire-lesson-quizzes';
import { CATALOG_DELETIONS_QUEUE, CatalogDeletionV1 } from './quiz.events.schema';

/**
 * `lesson.deleted` / `course.deleted` from catalog: the quizzes of that lesson (or course) are unpublished for
 * good, so students stop seeing a quiz whose lesson no longer exists. Attempts and results are kept, and an
 * attempt in progress still closes at its deadline.
 */
export function catalogDeletionsConsumer(deps: QuizDeps): ConsumerDefinition<z.infer<typeof CatalogDeletionV1>> {
  return {
    queue: CATALOG_DELETIONS_QUEUE,
    bindings: ['lesson.deleted', 'course.deleted'],
    schema: CatalogDeletionV1,
    async handle(event, transaction) {
      const target =
        event.type === 'lesson.deleted' && event.data.lesson_id ? { lessonId: event.data.lesson_id } : { courseId: event.data.course_id };
      const retired = await deps.units.join(transaction, (uow) => retireLessonQuizzes(uow, target, new Date(event.time)));
      if (retired.length > 0) deps.logger.info({ quiz_ids: retired, event_type: event.type }, 'quizzes retired: their lesson was deleted');
    },
  };
}

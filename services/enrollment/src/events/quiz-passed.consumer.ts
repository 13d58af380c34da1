import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { completeLessonFromQuiz, prepareLessonFromQuiz, type QuizPassedFact } from '../app/commands/complete-lesson-from-quiz';
import type { CatalogOutline } from '../app/commands/course-model';
import { QUIZ_PASSED_QUEUE, QuizPassedV1 } from './enrollment.events.schema';

const factOf = (data: z.infer<typeof QuizPassedV1>): QuizPassedFact => ({
  studentId: data.student_id,
  courseId: data.course_id,
  lessonId: data.lesson_id,
  passedAt: new Date(data.passed_at),
});

/**
 * `quiz.passed` completes the quiz's lesson (inbox: a duplicate event has no second effect). A catalog
 * outline the lesson needs is fetched in `prepare`, before the inbox transaction (issue 10 B2). The events in
 * hand share one transaction (QUIZ_PASSED_BATCH_SIZE): a burst of passes costs one commit, not one each.
 */
export function quizPassedConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof QuizPassedV1>, CatalogOutline | null> {
  return {
    queue: QUIZ_PASSED_QUEUE,
    bindings: ['quiz.passed'],
    schema: QuizPassedV1,
    batchSize: deps.config.QUIZ_PASSED_BATCH_SIZE,
    prepare: (event) => prepareLessonFromQuiz(deps, factOf(event.data)),
    async handle(event, transaction, outline) {
      const outcome = await deps.units.join(transaction, (uow) => completeLessonFromQuiz(uow, deps, factOf(event.data), outline));
      if (outcome === 'not_enrolled') {
        deps.logger.info({ course_id: event.data.course_id, student_id: event.data.student_id }, 'quiz.passed for a student not enrolled: ignored');
      }
    },
  };
}

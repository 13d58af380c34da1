import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { completeLessonFromQuiz } from '../app/commands/lesson-progress';
import { QUIZ_PASSED_QUEUE, QuizPassedV1 } from './enrollment.events.schema';

/** `quiz.passed` completes the quiz's lesson (inbox: a duplicate event has no second effect). */
export function quizPassedConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof QuizPassedV1>> {
  return {
    queue: QUIZ_PASSED_QUEUE,
    bindings: ['quiz.passed'],
    schema: QuizPassedV1,
    async handle(event, transaction) {
      const outcome = await completeLessonFromQuiz(deps, transaction, {
        studentId: event.data.student_id,
        courseId: event.data.course_id,
        lessonId: event.data.lesson_id,
        passedAt: new Date(event.data.passed_at),
      });
      if (outcome === 'not_enrolled') {
        deps.logger.info({ course_id: event.data.course_id, student_id: event.data.student_id }, 'quiz.passed for a student not enrolled: ignored');
      }
    },
  };
}

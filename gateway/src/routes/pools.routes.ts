import type { QuizClient } from '@lms/kit/clients';
import { CreatePoolBody, PoolParams, PoolSchema, UpdatePoolBody } from '../openapi/pool.schemas';
import { CourseQuizParams } from '../openapi/quiz.schemas';
import { presentFields } from '../presentation/fields';
import { COURSE_STAFF, ONE_QUIZ, QUIZZES } from './quiz-common';
import { route, type AnyRoute } from './route';

/** A quiz's question pools (the course owner, admins). */
export function poolRoutes(quiz: QuizClient): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: `${ONE_QUIZ}/pools`,
      operationId: 'createQuestionPool',
      summary: 'Add a question pool (its owner, admins): each attempt draws `draw_count` of its questions at random',
      tags: QUIZZES,
      access: COURSE_STAFF,
      idempotent: true,
      params: CourseQuizParams,
      body: CreatePoolBody,
      success: { status: 201, description: 'The pool', schema: PoolSchema },
      errors: [404, 409, 503],
      handle: ({ params, body }) => quiz.CreatePool({ course_id: params.course_id, quiz_id: params.quiz_id, ...body }),
    }),
    route({
      method: 'put',
      path: `${ONE_QUIZ}/pools/{pool_id}`,
      operationId: 'updateQuestionPool',
      summary: 'Change a pool (its owner, admins): partial',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: PoolParams,
      body: UpdatePoolBody,
      success: { status: 200, description: 'The pool', schema: PoolSchema },
      errors: [404, 409],
      handle: ({ params, body }) =>
        quiz.UpdatePool({ course_id: params.course_id, quiz_id: params.quiz_id, pool_id: params.pool_id, ...body, fields: presentFields(body) }),
    }),
    route({
      method: 'delete',
      path: `${ONE_QUIZ}/pools/{pool_id}`,
      operationId: 'deleteQuestionPool',
      summary: 'Delete a pool (its owner, admins): its questions become fixed questions',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: PoolParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await quiz.DeletePool({ course_id: params.course_id, quiz_id: params.quiz_id, pool_id: params.pool_id });
      },
    }),
  ];
}

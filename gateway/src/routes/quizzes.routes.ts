import type { QuizClient } from '@lms/kit/clients';
import { QUIZ_SETTING_FIELDS } from '@lms/kit/contracts';
import { CourseQuizParams, CourseQuizzesParams, CreateQuizBody, ListQuizzesQuery, QuizListSchema, QuizSchema, UpdateQuizBody } from '../openapi/quiz.schemas';
import { presentFields } from '../presentation/fields';
import { listOf } from '../presentation/lists';
import { COURSE_QUIZZES, COURSE_STAFF, ONE_QUIZ, QUIZZES } from './quiz-common';
import { route, type AnyRoute } from './route';

const CREATE_SETTINGS: readonly string[] = QUIZ_SETTING_FIELDS.filter((f) => f !== 'title');

/** The quiz rows of API.md's "Quizzes" table: a course's quizzes, their settings and publishing. */
export function quizRoutes(quiz: QuizClient): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: COURSE_QUIZZES,
      operationId: 'listQuizzes',
      summary: "A course's quizzes: all of them for its owner and admins, the published ones for enrolled students",
      description: 'Anyone else is refused by the quiz service (404 for a course they may not see, 403 when not enrolled).',
      tags: QUIZZES,
      access: 'authenticated',
      params: CourseQuizzesParams,
      query: ListQuizzesQuery,
      success: { status: 200, description: 'The quizzes', schema: QuizListSchema },
      errors: [403, 404],
      handle: async ({ params, query }) => {
        const list = await quiz.ListQuizzes({ course_id: params.course_id, lesson_id: query.lesson_id ?? '' });
        return listOf('quizzes', list.items, undefined, list.total);
      },
    }),
    route({
      method: 'post',
      path: COURSE_QUIZZES,
      operationId: 'createQuiz',
      summary: 'Create a quiz (draft) on a quiz lesson of the course (its owner, admins)',
      description:
        'Settings left out take their defaults (graded, passing 70, no time limit, unlimited attempts, highest, after_submit). ' +
        '`show_correct_answers` also takes the seed\'s boolean (true = after_submit, false = never); null for a limit means none. ' +
        '`lesson_id` (a quiz lesson of the course) is required. Unknown keys are a 422.',
      tags: QUIZZES,
      access: COURSE_STAFF,
      idempotent: true,
      params: CourseQuizzesParams,
      body: CreateQuizBody,
      success: { status: 201, description: 'The quiz', schema: QuizSchema },
      errors: [404, 409, 503],
      handle: ({ params, body }) =>
        quiz.CreateQuiz({ ...body, course_id: params.course_id, fields: presentFields(body).filter((f) => CREATE_SETTINGS.includes(f)) }),
    }),
    route({
      method: 'get',
      path: ONE_QUIZ,
      operationId: 'getQuiz',
      summary: 'One quiz (owner, admins; enrolled students: published quizzes, without pools) — never its questions or answers',
      description: 'An unpublished quiz is a 404 for students.',
      tags: QUIZZES,
      access: 'authenticated',
      params: CourseQuizParams,
      success: { status: 200, description: 'The quiz', schema: QuizSchema },
      errors: [403, 404],
      handle: ({ params }) => quiz.GetQuiz({ course_id: params.course_id, quiz_id: params.quiz_id }),
    }),
    route({
      method: 'put',
      path: ONE_QUIZ,
      operationId: 'updateQuiz',
      summary: 'Change a quiz (its owner, admins): partial, only the fields present change',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      body: UpdateQuizBody,
      success: { status: 200, description: 'The quiz', schema: QuizSchema },
      errors: [404, 409],
      handle: ({ params, body }) => quiz.UpdateQuiz({ ...body, course_id: params.course_id, quiz_id: params.quiz_id, fields: presentFields(body) }),
    }),
    route({
      method: 'delete',
      path: ONE_QUIZ,
      operationId: 'deleteQuiz',
      summary: 'Delete a quiz (its owner, admins); 409 once it has attempts (unpublish it instead)',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await quiz.DeleteQuiz({ course_id: params.course_id, quiz_id: params.quiz_id });
      },
    }),
    route({
      method: 'post',
      path: `${ONE_QUIZ}/publish`,
      operationId: 'publishQuiz',
      summary: 'Publish a quiz (its owner, admins): it needs questions, and pools able to draw',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      success: { status: 200, description: 'The quiz', schema: QuizSchema },
      errors: [404, 409],
      handle: ({ params }) => quiz.PublishQuiz({ course_id: params.course_id, quiz_id: params.quiz_id }),
    }),
    route({
      method: 'post',
      path: `${ONE_QUIZ}/unpublish`,
      operationId: 'unpublishQuiz',
      summary: 'Unpublish a quiz (its owner, admins): no new attempts',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      success: { status: 200, description: 'The quiz', schema: QuizSchema },
      errors: [404, 409],
      handle: ({ params }) => quiz.UnpublishQuiz({ course_id: params.course_id, quiz_id: params.quiz_id }),
    }),
  ];
}

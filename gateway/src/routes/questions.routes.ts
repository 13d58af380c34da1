import { AppError, isAppError } from '@lms/kit';
import type { Question__Output } from '@lms/kit/generated/lms/quiz/v1/Question';
import type { QuizClient } from '@lms/kit/clients';
import { CreateQuestionBody, QuestionListSchema, QuestionParams, QuestionSchema, ReorderQuestionsBody, UpdateQuestionBody } from '../openapi/question.schemas';
import { CourseQuizParams } from '../openapi/quiz.schemas';
import { presentFields } from '../presentation/fields';
import { listOf } from '../presentation/lists';
import { COURSE_STAFF, ONE_QUIZ, QUIZZES } from './quiz-common';
import { route, type AnyRoute } from './route';

/** Options carry the seed's `option_text` next to the proto's `text`; distractors are plain choices. */
function presentQuestion(q: Question__Output) {
  return {
    ...q,
    options: q.options.map((o) => ({ id: o.id, text: o.text, option_text: o.text, is_correct: o.is_correct })),
    distractors: q.distractors.map((d) => ({ id: d.id, text: d.text })),
  };
}

/**
 * The question travels as `question` inside the RPC but IS the body over REST: a service field error on
 * `question.pool_id` is reported at `body.pool_id`, where the client sent it.
 */
async function asQuestionBody<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (!isAppError(err) || !err.fields?.some((f) => f.loc[0] === 'question')) throw err;
    const fields = err.fields.map((f) => (f.loc[0] === 'question' ? { ...f, loc: f.loc.slice(1) } : f));
    throw new AppError(err.kind, err.message, { code: err.code, fields, meta: err.meta, cause: err });
  }
}

/** A quiz's questions, with their answer keys (the course owner, admins). */
export function questionRoutes(quiz: QuizClient): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: `${ONE_QUIZ}/questions`,
      operationId: 'listQuestions',
      summary: "A quiz's questions WITH their answer keys, in order (its owner, admins only)",
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      success: { status: 200, description: 'The questions', schema: QuestionListSchema },
      errors: [404],
      handle: async ({ params }) => {
        const list = await quiz.ListQuestions({ course_id: params.course_id, quiz_id: params.quiz_id });
        return listOf('questions', list.items, presentQuestion, list.total);
      },
    }),
    route({
      method: 'post',
      path: `${ONE_QUIZ}/questions`,
      operationId: 'createQuestion',
      summary: 'Add a question (its owner, admins): appended at the end, or to a pool',
      description:
        'Types: multiple_choice (`options`, exactly one `is_correct`), multiple_answer (`options`, `negative_marking`), ' +
        'true_false (`correct_answer`: "true"/"false" or a boolean), short_answer (`accepted_answers` and/or `correct_answer` — one accepted ' +
        'answer, the seed\'s form; both are merged —, `case_sensitive`, `exact_whitespace`), numeric ' +
        '(`numeric`), matching (`pairs`, `distractors`), ordering (`options` in the correct order), essay (`max_length`, graded by hand). ' +
        'An option\'s text may be sent as `text` or `option_text`.',
      tags: QUIZZES,
      access: COURSE_STAFF,
      idempotent: true,
      params: CourseQuizParams,
      body: CreateQuestionBody,
      success: { status: 201, description: 'The question with its key', schema: QuestionSchema },
      errors: [404, 409, 503],
      handle: async ({ params, body }) =>
        presentQuestion(await asQuestionBody(quiz.CreateQuestion({ course_id: params.course_id, quiz_id: params.quiz_id, question: body }))),
    }),
    route({
      method: 'post',
      path: `${ONE_QUIZ}/questions/reorder`,
      operationId: 'reorderQuestions',
      summary: "Reorder a quiz's questions (its owner, admins): the full new order, atomically",
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      body: ReorderQuestionsBody,
      success: { status: 200, description: 'The questions in their new order', schema: QuestionListSchema },
      errors: [404, 409],
      handle: async ({ params, body }) => {
        const list = await quiz.ReorderQuestions({ course_id: params.course_id, quiz_id: params.quiz_id, question_ids: body.question_ids });
        return listOf('questions', list.items, presentQuestion, list.total);
      },
    }),
    route({
      method: 'put',
      path: `${ONE_QUIZ}/questions/{question_id}`,
      operationId: 'updateQuestion',
      summary: 'Change a question (its owner, admins): partial; a new version, attempts keep the one they drew',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: QuestionParams,
      body: UpdateQuestionBody,
      success: { status: 200, description: 'The question with its key', schema: QuestionSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentQuestion(
          await asQuestionBody(
            quiz.UpdateQuestion({
              course_id: params.course_id,
              quiz_id: params.quiz_id,
              question_id: params.question_id,
              fields: presentFields(body),
              question: body,
            }),
          ),
        ),
    }),
    route({
      method: 'delete',
      path: `${ONE_QUIZ}/questions/{question_id}`,
      operationId: 'deleteQuestion',
      summary: 'Delete a question (its owner, admins); attempts that drew it keep their version',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: QuestionParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await quiz.DeleteQuestion({ course_id: params.course_id, quiz_id: params.quiz_id, question_id: params.question_id });
      },
    }),
  ];
}

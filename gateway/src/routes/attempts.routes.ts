import type { AttemptPaper__Output } from '@lms/kit/generated/lms/quiz/v1/AttemptPaper';
import type { AttemptResult__Output } from '@lms/kit/generated/lms/quiz/v1/AttemptResult';
import type { AttemptSummary__Output } from '@lms/kit/generated/lms/quiz/v1/AttemptSummary';
import type { MyAttempts__Output } from '@lms/kit/generated/lms/quiz/v1/MyAttempts';
import type { QuestionResult__Output } from '@lms/kit/generated/lms/quiz/v1/QuestionResult';
import type { QuizClient } from '@lms/kit/clients';
import {
  AttemptPageSchema,
  AttemptPaperSchema,
  AttemptParams,
  AttemptResultSchema,
  AttemptSchema,
  GradeAttemptBody,
  ListAttemptsQuery,
  MyAttemptsSchema,
  SaveAnswersBody,
  SubmitAttemptBody,
} from '../openapi/attempt.schemas';
import { QuizIdParams } from '../openapi/quiz.schemas';
import { listOf, pageOf } from '../presentation/lists';
import { ATTEMPTS, COURSE_STAFF, QUIZ_BY_ID, STUDENT } from './quiz-common';
import { route, type AnyRoute } from './route';

function presentPaper(paper: AttemptPaper__Output) {
  return {
    attempt: paper.attempt,
    quiz: paper.quiz,
    questions: paper.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ id: o.id, text: o.text, option_text: o.text })) })),
  };
}

/**
 * Key fields leave the gateway only when the service marked them revealed: when it did not, they are
 * dropped (not sent empty), so a student's result never even has the shape of a key.
 */
export function presentQuestionResult(q: QuestionResult__Output) {
  if (q.answers_revealed) return q;
  const { correct_answer: _c, accepted_answers: _a, numeric: _n, explanation: _e, ...rest } = q;
  return rest;
}

/**
 * The result with the seed's top-level fields next to ours: the attempt's id, status, number and times, `is_passed`
 * (= `passed`) and `answers` (one line per question: is_correct, points_earned).
 */
export function presentResult(result: AttemptResult__Output) {
  const attempt = result.attempt;
  return {
    id: attempt?.id,
    quiz_id: attempt?.quiz_id,
    attempt_number: attempt?.attempt_number,
    status: attempt?.status,
    ...result,
    is_passed: result.passed,
    started_at: attempt?.started_at,
    submitted_at: attempt?.submitted_at,
    answers: result.questions.map((q) => ({
      question_id: q.question_id,
      is_correct: q.is_correct,
      points_earned: q.points_earned,
      points: q.points,
      correctness: q.correctness,
    })),
    questions: result.questions.map(presentQuestionResult),
  };
}

/** An attempt summary with the seed's `is_passed` next to `passed`. */
function presentSummary(summary: AttemptSummary__Output) {
  return { ...summary, is_passed: summary.passed };
}

/**
 * my-attempts: `attempts` and `total` (named like every list), the policy's result; a kept score exists only once
 * an attempt is graded (the service answers 0 before).
 */
export function presentMyAttempts(mine: MyAttempts__Output) {
  const { items, ...rest } = mine;
  const graded = items.some((a) => a.status === 'graded');
  return {
    ...listOf('attempts', items, presentSummary),
    ...rest,
    kept_percentage: graded ? mine.kept_percentage : null,
    kept_score: graded ? mine.kept_score : null,
  };
}

/** Taking a quiz (enrolled students), results and grading by hand. */
export function attemptRoutes(quiz: QuizClient): AnyRoute[] {
  const attempts = `${QUIZ_BY_ID}/attempts`;
  return [
    // Fixed paths first, so `start` and `my-attempts` are never taken for an attempt id.
    route({
      method: 'post',
      path: attempts,
      operationId: 'startQuizAttempt',
      summary: 'Start an attempt (an enrolled student): 201 a new attempt, 200 the one already in progress',
      description:
        'Safe to retry: while an attempt is in progress it is returned (`resumed: true`, 200). 403 when not enrolled, ' +
        '409 when the quiz is closed or no attempts remain.',
      tags: ATTEMPTS,
      access: STUDENT,
      params: QuizIdParams,
      success: { status: 201, description: 'A new attempt (with its deadline)', schema: AttemptSchema },
      alsoSuccess: [{ status: 200, description: 'The attempt already in progress (`resumed: true`)', schema: AttemptSchema }],
      errors: [404, 409],
      handle: async ({ params, answerAs }) => {
        const attempt = await quiz.StartAttempt({ quiz_id: params.quiz_id });
        if (attempt.resumed) answerAs(200);
        return attempt;
      },
    }),
    route({
      method: 'get',
      path: `${attempts}/start`,
      operationId: 'getQuizAttemptPaper',
      summary: "The in-progress attempt's questions, in its order, WITHOUT answers (its student)",
      description: 'Questions are `PaperQuestion`s: no `is_correct`, no correct answers, no explanations. 404 when no attempt is in progress.',
      tags: ATTEMPTS,
      access: STUDENT,
      params: QuizIdParams,
      success: { status: 200, description: 'The attempt, the quiz and the questions', schema: AttemptPaperSchema },
      errors: [404, 409],
      handle: async ({ params }) => presentPaper(await quiz.GetAttemptPaper({ quiz_id: params.quiz_id })),
    }),
    route({
      method: 'get',
      path: `${attempts}/my-attempts`,
      operationId: 'listMyQuizAttempts',
      summary: "The caller's attempts at a quiz with the scoring policy's result",
      description:
        "An object (a deviation from the seed's bare array): `attempts` and `total`, plus the kept score (null until one is graded), " +
        'pass state and attempts left (null = unlimited). Each attempt has `is_passed` (the seed name) next to `passed`.',
      tags: ATTEMPTS,
      access: STUDENT,
      params: QuizIdParams,
      success: { status: 200, description: 'Attempts and the policy result', schema: MyAttemptsSchema },
      errors: [404],
      handle: async ({ params }) => presentMyAttempts(await quiz.ListMyAttempts({ quiz_id: params.quiz_id })),
    }),
    route({
      method: 'get',
      path: attempts,
      operationId: 'listQuizAttempts',
      summary: "Every student's attempts at a quiz (the course owner, admins): filter by status or student",
      tags: ATTEMPTS,
      access: COURSE_STAFF,
      params: QuizIdParams,
      query: ListAttemptsQuery,
      success: { status: 200, description: 'One page of attempts', schema: AttemptPageSchema },
      errors: [404],
      handle: async ({ params, query }) => {
        const page = await quiz.ListAttempts({
          quiz_id: params.quiz_id,
          page: query.page,
          page_size: query.page_size,
          status: query.status ?? '',
          student_id: query.student_id ?? '',
        });
        return pageOf('attempts', { ...page, page_size: page.page_size || query.page_size }, presentSummary);
      },
    }),
    route({
      method: 'get',
      path: `${attempts}/{attempt_id}`,
      operationId: 'getQuizAttempt',
      summary: 'One attempt with its results (its student, the course owner, admins; anyone else 404)',
      description: "Answer keys and explanations are included only as the quiz's show_correct_answers allows (always for the owner and admins).",
      tags: ATTEMPTS,
      access: 'authenticated',
      params: AttemptParams,
      success: { status: 200, description: 'The attempt and its results', schema: AttemptResultSchema },
      errors: [404],
      handle: async ({ params }) => presentResult(await quiz.GetAttempt({ quiz_id: params.quiz_id, attempt_id: params.attempt_id })),
    }),
    route({
      method: 'put',
      path: `${attempts}/{attempt_id}/answers`,
      operationId: 'saveQuizAnswers',
      summary: 'Save answers of an attempt in progress (its student) until the deadline: merged by question',
      tags: ATTEMPTS,
      access: STUDENT,
      params: AttemptParams,
      body: SaveAnswersBody,
      success: { status: 200, description: 'The attempt with every answer saved so far', schema: AttemptSchema },
      errors: [404, 409],
      handle: ({ params, body }) => quiz.SaveAnswers({ quiz_id: params.quiz_id, attempt_id: params.attempt_id, answers: body.answers }),
    }),
    route({
      method: 'post',
      path: `${attempts}/{attempt_id}/submit`,
      operationId: 'submitQuizAttempt',
      summary: 'Submit an attempt (its student), optionally with last answers: graded at once (essays wait for a grader)',
      description: 'Once: a second submit, or one after the deadline (+ grace), is 409.',
      tags: ATTEMPTS,
      access: STUDENT,
      params: AttemptParams,
      body: SubmitAttemptBody,
      bodyRequired: false,
      success: { status: 200, description: 'The result', schema: AttemptResultSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentResult(await quiz.SubmitAttempt({ quiz_id: params.quiz_id, attempt_id: params.attempt_id, answers: body.answers ?? [] })),
    }),
    route({
      method: 'post',
      path: `${attempts}/{attempt_id}/grade`,
      operationId: 'gradeQuizAttempt',
      summary: 'Grade the essay questions of a submitted attempt by hand (the course owner, admins)',
      tags: ATTEMPTS,
      access: COURSE_STAFF,
      params: AttemptParams,
      body: GradeAttemptBody,
      success: { status: 200, description: 'The result', schema: AttemptResultSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentResult(
          await quiz.GradeAttempt({
            quiz_id: params.quiz_id,
            attempt_id: params.attempt_id,
            grades: body.grades.map((g) => ({ question_id: g.question_id, points: g.points, feedback: g.feedback ?? '' })),
          }),
        ),
    }),
  ];
}

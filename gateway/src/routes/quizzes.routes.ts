import { AppError, isAppError } from '@lms/kit';
import type { AttemptPaper__Output } from '@lms/kit/generated/lms/quiz/v1/AttemptPaper';
import type { AttemptResult__Output } from '@lms/kit/generated/lms/quiz/v1/AttemptResult';
import type { AttemptSummary__Output } from '@lms/kit/generated/lms/quiz/v1/AttemptSummary';
import type { MyAttempts__Output } from '@lms/kit/generated/lms/quiz/v1/MyAttempts';
import type { Question__Output } from '@lms/kit/generated/lms/quiz/v1/Question';
import type { QuestionResult__Output } from '@lms/kit/generated/lms/quiz/v1/QuestionResult';
import type { QuizClient } from '@lms/kit/clients';
import {
  AttemptPageSchema,
  AttemptPaperSchema,
  AttemptParams,
  AttemptResultSchema,
  AttemptSchema,
  CourseQuizParams,
  CourseQuizzesParams,
  CreatePoolBody,
  CreateQuestionBody,
  CreateQuizBody,
  GradeAttemptBody,
  ListAttemptsQuery,
  ListQuizzesQuery,
  MyAttemptsSchema,
  PoolParams,
  PoolSchema,
  QUIZ_SETTING_FIELDS,
  QuestionListSchema,
  QuestionParams,
  QuestionSchema,
  QuizIdParams,
  QuizListSchema,
  QuizSchema,
  RegradeBody,
  RegradeListSchema,
  RegradeParams,
  RegradeQuery,
  RegradeReportSchema,
  ReorderQuestionsBody,
  SaveAnswersBody,
  SubmitAttemptBody,
  UpdatePoolBody,
  UpdateQuestionBody,
  UpdateQuizBody,
} from '../openapi/quiz.schemas';
import { listOf, pageOf } from '../presentation/lists';
import { toPublic } from '../presentation/public-shape';
import { presentFields } from './auth.routes';
import { route, type AnyRoute } from './route';

const API = '/api/v1';
const QUIZZES = ['Quizzes'];
const ATTEMPTS = ['Quiz attempts'];
const STUDENT = ['student'] as const;
/** Gateway-level role check; that the instructor owns the course is the quiz service's decision. */
const COURSE_STAFF = ['instructor', 'admin'] as const;

const CREATE_SETTINGS: readonly string[] = QUIZ_SETTING_FIELDS.filter((f) => f !== 'title');

/** Options carry the seed's `option_text` next to the proto's `text`; distractors are plain choices. */
export function presentQuestion(q: Question__Output) {
  return {
    ...q,
    options: q.options.map((o) => ({ id: o.id, text: o.text, option_text: o.text, is_correct: o.is_correct })),
    distractors: q.distractors.map((d) => ({ id: d.id, text: d.text })),
  };
}

export function presentPaper(paper: AttemptPaper__Output) {
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
export function presentSummary(summary: AttemptSummary__Output) {
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

/** Every row of API.md's "Quizzes" table, plus questions, pools, results, grading and regrading. */
export function quizRoutes(quiz: QuizClient): AnyRoute[] {
  const courseQuizzes = `${API}/courses/{course_id}/quizzes`;
  const oneQuiz = `${courseQuizzes}/{quiz_id}`;
  const attempts = `${API}/quizzes/{quiz_id}/attempts`;
  return [
    // ------------------------------------------------------------------ quizzes of a course
    route({
      method: 'get',
      path: courseQuizzes,
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
      path: courseQuizzes,
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
      path: oneQuiz,
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
      path: oneQuiz,
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
      path: oneQuiz,
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
      path: `${oneQuiz}/publish`,
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
      path: `${oneQuiz}/unpublish`,
      operationId: 'unpublishQuiz',
      summary: 'Unpublish a quiz (its owner, admins): no new attempts',
      tags: QUIZZES,
      access: COURSE_STAFF,
      params: CourseQuizParams,
      success: { status: 200, description: 'The quiz', schema: QuizSchema },
      errors: [404, 409],
      handle: ({ params }) => quiz.UnpublishQuiz({ course_id: params.course_id, quiz_id: params.quiz_id }),
    }),
    // ------------------------------------------------------------------ questions (answer keys included)
    route({
      method: 'get',
      path: `${oneQuiz}/questions`,
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
      path: `${oneQuiz}/questions`,
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
      path: `${oneQuiz}/questions/reorder`,
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
      path: `${oneQuiz}/questions/{question_id}`,
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
      path: `${oneQuiz}/questions/{question_id}`,
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
    // ------------------------------------------------------------------ pools
    route({
      method: 'post',
      path: `${oneQuiz}/pools`,
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
      path: `${oneQuiz}/pools/{pool_id}`,
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
      path: `${oneQuiz}/pools/{pool_id}`,
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
    // ------------------------------------------------------------------ attempts: fixed paths first, so
    // `start` and `my-attempts` are never taken for an attempt id.
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
      handle: async ({ params, res }) => {
        const attempt = await quiz.StartAttempt({ quiz_id: params.quiz_id });
        if (attempt.resumed) {
          // Written here (200, not the declared 201), so the public shape is applied here too.
          res.setHeader('Cache-Control', 'no-store');
          res.status(200).json(toPublic(AttemptSchema, attempt));
        }
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
    // ------------------------------------------------------------------ regrading
    route({
      method: 'post',
      path: `${API}/quizzes/{quiz_id}/regrade`,
      operationId: 'regradeQuiz',
      summary: 'Regrade submitted attempts against the current question versions (the course owner, admins)',
      description:
        'A real regrade is a job: it is accepted at once (202, `status: pending`, `Location` of the run) and done in ' +
        'batches in the background; follow it with GET …/regrades/{regrade_id} (or the list) until `status` is `done` ' +
        '(or `failed`). One unfinished regrade per quiz: another one meanwhile is 409 `QUIZ.REGRADE_IN_PROGRESS`. ' +
        '`?dry_run=true` answers the score changes at once (200) without applying them, examining at most a capped ' +
        'number of attempts (`truncated: true` beyond). Both are audited (see GET …/regrades). ' +
        'The body is optional: `question_ids` limits the regrade to those questions.',
      tags: ATTEMPTS,
      access: COURSE_STAFF,
      params: QuizIdParams,
      query: RegradeQuery,
      body: RegradeBody,
      bodyRequired: false,
      success: { status: 202, description: 'The regrade run, accepted (pending)', schema: RegradeReportSchema },
      alsoSuccess: [{ status: 200, description: 'The dry run report (`?dry_run=true`)', schema: RegradeReportSchema }],
      errors: [404, 409],
      handle: async ({ params, query, body, res }) => {
        const dryRun = query.dry_run === 'true';
        const report = await quiz.Regrade({ quiz_id: params.quiz_id, dry_run: dryRun, question_ids: body.question_ids ?? [] });
        if (dryRun) {
          // Written here (200, not the declared 202), so the public shape is applied here too.
          res.setHeader('Cache-Control', 'no-store');
          res.status(200).json(toPublic(RegradeReportSchema, report));
          return report;
        }
        res.setHeader('Location', `${API}/quizzes/${params.quiz_id}/regrades/${report.id}`);
        return report;
      },
    }),
    route({
      method: 'get',
      path: `${API}/quizzes/{quiz_id}/regrades/{regrade_id}`,
      operationId: 'getQuizRegrade',
      summary: 'One regrade of a quiz with its status and progress (the course owner, admins)',
      tags: ATTEMPTS,
      access: COURSE_STAFF,
      params: RegradeParams,
      success: { status: 200, description: 'The regrade run', schema: RegradeReportSchema },
      errors: [404],
      handle: ({ params }) => quiz.GetRegrade({ quiz_id: params.quiz_id, regrade_id: params.regrade_id }),
    }),
    route({
      method: 'get',
      path: `${API}/quizzes/{quiz_id}/regrades`,
      operationId: 'listQuizRegrades',
      summary: 'The audit trail of regrades and dry runs of a quiz (the course owner, admins), newest first',
      tags: ATTEMPTS,
      access: COURSE_STAFF,
      params: QuizIdParams,
      success: { status: 200, description: 'The reports', schema: RegradeListSchema },
      errors: [404],
      handle: async ({ params }) => {
        const list = await quiz.ListRegrades({ quiz_id: params.quiz_id });
        return listOf('regrades', list.items, undefined, list.total);
      },
    }),
  ];
}

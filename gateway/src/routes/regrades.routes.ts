import type { QuizClient } from '@lms/kit/clients';
import { QuizIdParams } from '../openapi/quiz.schemas';
import { RegradeBody, RegradeListSchema, RegradeParams, RegradeQuery, RegradeReportSchema } from '../openapi/regrade.schemas';
import { listOf } from '../presentation/lists';
import { API, ATTEMPTS, COURSE_STAFF, QUIZ_BY_ID } from './quiz-common';
import { route, type AnyRoute } from './route';

/** Regrading a quiz's submitted attempts (a background job, or a dry run), and their audit trail. */
export function regradeRoutes(quiz: QuizClient): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: `${QUIZ_BY_ID}/regrade`,
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
      handle: async ({ params, query, body, res, answerAs }) => {
        const dryRun = query.dry_run === 'true';
        const report = await quiz.Regrade({ quiz_id: params.quiz_id, dry_run: dryRun, question_ids: body.question_ids ?? [] });
        if (dryRun) {
          answerAs(200);
          return report;
        }
        res.setHeader('Location', `${API}/quizzes/${params.quiz_id}/regrades/${report.id}`);
        return report;
      },
    }),
    route({
      method: 'get',
      path: `${QUIZ_BY_ID}/regrades/{regrade_id}`,
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
      path: `${QUIZ_BY_ID}/regrades`,
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

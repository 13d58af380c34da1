import type { UnaryHandlers } from '@lms/kit/grpc';
import type { QuizServiceDefinition } from '@lms/kit/generated/lms/quiz/v1/QuizService';
import type { QuizSettingsRequest } from '../domain/quiz-definition';
import type { QuizDeps } from '../app/deps';
import { authenticate, commitThenThrow } from '../app/shared';
import { prepareAnswers } from '../app/open-attempt';
import { createQuiz, prepareCreateQuiz } from '../app/commands/create-quiz';
import { updateQuiz } from '../app/commands/update-quiz';
import { deleteQuiz } from '../app/commands/delete-quiz';
import { publishQuiz } from '../app/commands/publish-quiz';
import { unpublishQuiz } from '../app/commands/unpublish-quiz';
import { createQuestion } from '../app/commands/create-question';
import { updateQuestion } from '../app/commands/update-question';
import { deleteQuestion } from '../app/commands/delete-question';
import { reorderQuestions } from '../app/commands/reorder-questions';
import { createPool } from '../app/commands/create-pool';
import { updatePool } from '../app/commands/update-pool';
import { deletePool } from '../app/commands/delete-pool';
import { prepareStartAttempt, startAttempt } from '../app/commands/start-attempt';
import { saveAnswers } from '../app/commands/save-answers';
import { submitAttempt } from '../app/commands/submit-attempt';
import { gradeAttemptManually } from '../app/commands/grade-attempt';
import { regradeScope, requestRegrade } from '../app/commands/request-regrade';
import { dryRunRegrade } from '../app/commands/dry-run-regrade';
import { getQuiz, managedQuizView } from '../app/queries/get-quiz';
import { listQuizzes } from '../app/queries/list-quizzes';
import { listQuestions } from '../app/queries/list-questions';
import { getAttemptPaper } from '../app/queries/get-attempt-paper';
import { getAttempt, resultView } from '../app/queries/get-attempt';
import { listMyAttempts } from '../app/queries/list-my-attempts';
import { listAttempts } from '../app/queries/list-attempts';
import { listRegrades } from '../app/queries/list-regrades';
import { getRegrade } from '../app/queries/get-regrade';
import { getCourseGrade } from '../app/queries/get-course-grade';
import {
  attemptMessage,
  paperMessage,
  poolMessage,
  questionInput,
  questionMessage,
  quizMessage,
  regradeMessage,
  resultMessage,
  studentAnswer,
  summaryMessage,
} from './quiz.mappers';

function settingsOf(req: QuizSettingsRequest): QuizSettingsRequest {
  return {
    title: req.title,
    description: req.description,
    quiz_type: req.quiz_type,
    passing_score: req.passing_score,
    time_limit_minutes: req.time_limit_minutes,
    max_attempts: req.max_attempts,
    scoring_policy: req.scoring_policy,
    shuffle_questions: req.shuffle_questions,
    shuffle_options: req.shuffle_options,
    show_correct_answers: req.show_correct_answers,
    available_from: req.available_from,
    available_until: req.available_until,
  };
}

/**
 * The QuizService over gRPC: decode the request, call the use case, encode the reply. Each handler owns its
 * unit of work: remote checks first (`prepare…`), then `deps.units.run((uow) => command(uow, …))`; queries
 * read through `deps.units.read`. Replies of commands are read after the commit.
 */
export function quizHandlers(deps: QuizDeps): UnaryHandlers<QuizServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  const ref = (req: { course_id: string; quiz_id: string }) => ({ courseId: req.course_id, quizId: req.quiz_id });
  const { units } = deps;
  const questionOf = async (ids: { quizId: string; questionId: string }) => questionMessage((await units.read.questions.findCurrent(ids.quizId, ids.questionId))!);
  const questionsOf = async (quizId: string) => {
    const items = await units.read.questions.listCurrent(quizId);
    return { items: items.map(questionMessage), total: items.length };
  };
  return {
    // ---------------------------------------------------------------- quizzes
    CreateQuiz: async (req, call) => {
      const input = await prepareCreateQuiz(deps, await caller(call.authorization), {
        courseId: req.course_id,
        lessonId: req.lesson_id,
        settings: settingsOf(req),
        fields: req.fields,
      });
      const id = await units.run((uow) => createQuiz(uow, deps, input));
      return quizMessage(await managedQuizView(deps, id));
    },
    UpdateQuiz: async (req, call) => {
      const who = await caller(call.authorization);
      const id = await units.run((uow) => updateQuiz(uow, deps, who, { ...ref(req), settings: settingsOf(req), fields: req.fields }));
      return quizMessage(await managedQuizView(deps, id));
    },
    DeleteQuiz: async (req, call) => {
      const who = await caller(call.authorization);
      await units.run((uow) => deleteQuiz(uow, who, ref(req)));
      return {};
    },
    PublishQuiz: async (req, call) => {
      const who = await caller(call.authorization);
      return quizMessage(await managedQuizView(deps, await units.run((uow) => publishQuiz(uow, deps, who, ref(req)))));
    },
    UnpublishQuiz: async (req, call) => {
      const who = await caller(call.authorization);
      return quizMessage(await managedQuizView(deps, await units.run((uow) => unpublishQuiz(uow, deps, who, ref(req)))));
    },
    GetQuiz: async (req, call) => quizMessage(await getQuiz(deps, await caller(call.authorization), ref(req))),
    ListQuizzes: async (req, call) => {
      const views = await listQuizzes(deps, await caller(call.authorization), { courseId: req.course_id, lessonId: req.lesson_id });
      return { items: views.map(quizMessage), total: views.length };
    },

    // ---------------------------------------------------------------- questions and pools
    ListQuestions: async (req, call) => {
      const items = await listQuestions(units.read, await caller(call.authorization), ref(req));
      return { items: items.map(questionMessage), total: items.length };
    },
    CreateQuestion: async (req, call) => {
      const who = await caller(call.authorization);
      return questionOf(await units.run((uow) => createQuestion(uow, deps, who, { ...ref(req), input: questionInput(req.question) })));
    },
    UpdateQuestion: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { ...ref(req), questionId: req.question_id, fields: req.fields, input: questionInput(req.question) };
      return questionOf(await units.run((uow) => updateQuestion(uow, deps, who, cmd)));
    },
    DeleteQuestion: async (req, call) => {
      const who = await caller(call.authorization);
      await units.run((uow) => deleteQuestion(uow, deps, who, { ...ref(req), questionId: req.question_id }));
      return {};
    },
    ReorderQuestions: async (req, call) => {
      const who = await caller(call.authorization);
      return questionsOf(await units.run((uow) => reorderQuestions(uow, deps, who, { ...ref(req), questionIds: req.question_ids })));
    },
    CreatePool: async (req, call) => {
      const who = await caller(call.authorization);
      return poolMessage(await units.run((uow) => createPool(uow, deps, who, { ...ref(req), title: req.title, drawCount: req.draw_count })));
    },
    UpdatePool: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { ...ref(req), poolId: req.pool_id, fields: req.fields, title: req.title, drawCount: req.draw_count };
      return poolMessage(await units.run((uow) => updatePool(uow, deps, who, cmd)));
    },
    DeletePool: async (req, call) => {
      const who = await caller(call.authorization);
      await units.run((uow) => deletePool(uow, deps, who, { ...ref(req), poolId: req.pool_id }));
      return {};
    },

    // ---------------------------------------------------------------- attempts
    StartAttempt: async (req, call) => {
      const input = await prepareStartAttempt(deps, await caller(call.authorization), { quizId: req.quiz_id });
      const { attempt, resumed } = await commitThenThrow(units.run((uow) => startAttempt(uow, deps, input)));
      return attemptMessage(attempt, deps.clock(), resumed);
    },
    GetAttemptPaper: async (req, call) => paperMessage(await getAttemptPaper(deps, await caller(call.authorization), { quizId: req.quiz_id })),
    SaveAnswers: async (req, call) => {
      const input = await prepareAnswers(deps, await caller(call.authorization), {
        quizId: req.quiz_id,
        attemptId: req.attempt_id,
        answers: req.answers.map(studentAnswer),
      });
      return attemptMessage(await commitThenThrow(units.run((uow) => saveAnswers(uow, deps, input))), deps.clock());
    },
    SubmitAttempt: async (req, call) => {
      const input = await prepareAnswers(deps, await caller(call.authorization), {
        quizId: req.quiz_id,
        attemptId: req.attempt_id,
        answers: req.answers.map(studentAnswer),
      });
      const { quiz, attempt } = await commitThenThrow(units.run((uow) => submitAttempt(uow, deps, input)));
      return resultMessage(await resultView(deps, quiz, attempt, 'student'));
    },
    ListMyAttempts: async (req, call) => {
      const view = await listMyAttempts(deps, await caller(call.authorization), { quizId: req.quiz_id });
      return {
        items: view.items.map(summaryMessage),
        scoring_policy: view.quiz.scoringPolicy,
        kept_percentage: view.kept?.percentage ?? 0,
        kept_score: view.kept?.score ?? 0,
        passed: view.passed,
        attempts_used: view.attemptsUsed,
        attempts_remaining: view.attemptsRemaining,
      };
    },
    GetAttempt: async (req, call) =>
      resultMessage(await getAttempt(deps, await caller(call.authorization), { quizId: req.quiz_id, attemptId: req.attempt_id })),

    // ---------------------------------------------------------------- course side
    ListAttempts: async (req, call) => {
      const page = await listAttempts(deps, await caller(call.authorization), {
        quizId: req.quiz_id,
        page: req.page,
        pageSize: req.page_size,
        status: req.status,
        studentId: req.student_id,
      });
      return { items: page.items.map(summaryMessage), total: page.total, page: page.page, page_size: page.pageSize };
    },
    GradeAttempt: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = {
        quizId: req.quiz_id,
        attemptId: req.attempt_id,
        grades: req.grades.map((g) => ({ questionId: g.question_id, points: g.points, feedback: g.feedback })),
      };
      const { quiz, attempt } = await units.run((uow) => gradeAttemptManually(uow, deps, who, cmd));
      return resultMessage(await resultView(deps, quiz, attempt, 'staff'));
    },
    Regrade: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { quizId: req.quiz_id, only: regradeScope(req.question_ids) };
      // A dry run reads in batches and records its audit at the end; a real run is a job (its batches run in the consumer).
      const run = req.dry_run ? await dryRunRegrade(deps, who, cmd) : await units.run((uow) => requestRegrade(uow, deps, who, cmd));
      return regradeMessage(run);
    },
    ListRegrades: async (req, call) => {
      const runs = await listRegrades(units.read, await caller(call.authorization), { quizId: req.quiz_id });
      return { items: runs.map(regradeMessage), total: runs.length };
    },
    GetRegrade: async (req, call) =>
      regradeMessage(await getRegrade(units.read, await caller(call.authorization), { quizId: req.quiz_id, regradeId: req.regrade_id })),

    // ---------------------------------------------------------------- for other services
    GetCourseGrade: async (req, call) => {
      const grade = await getCourseGrade(deps, call.callerService, { studentId: req.student_id, courseId: req.course_id });
      return { graded_attempts: grade.gradedAttempts, average_percentage: grade.averagePercentage };
    },
  };
}

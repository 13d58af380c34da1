import type { UnaryHandlers } from '@lms/kit/grpc';
import type { QuizServiceDefinition } from '@lms/kit/generated/lms/quiz/v1/QuizService';
import type { QuizDeps } from '../app/deps';
import { authenticate } from '../app/shared';
import { createQuiz, deleteQuiz, publishQuiz, unpublishQuiz, updateQuiz, type QuizSettingsRequest } from '../app/commands/quizzes';
import { createQuestion, deleteQuestion, listQuestions, reorderQuestions, updateQuestion } from '../app/commands/questions';
import { createPool, deletePool, updatePool } from '../app/commands/pools';
import { saveAnswers, startAttempt, submitAttempt } from '../app/commands/attempts';
import { gradeAttemptManually } from '../app/commands/grade-attempt';
import { regrade } from '../app/commands/regrade';
import { getQuiz, listQuizzes } from '../app/queries/quizzes';
import { getAttempt, getAttemptPaper, getRegrade, listAttempts, listMyAttempts, listRegrades, resultView } from '../app/queries/attempts';
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

/** The QuizService over gRPC: decode the request, call the use case, encode the reply. */
export function quizHandlers(deps: QuizDeps): UnaryHandlers<QuizServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  const ref = (req: { course_id: string; quiz_id: string }) => ({ courseId: req.course_id, quizId: req.quiz_id });
  return {
    // ---------------------------------------------------------------- quizzes
    CreateQuiz: async (req, call) =>
      quizMessage(
        await createQuiz(deps, await caller(call.authorization), {
          courseId: req.course_id,
          lessonId: req.lesson_id,
          settings: settingsOf(req),
          fields: req.fields,
        }),
      ),
    UpdateQuiz: async (req, call) =>
      quizMessage(await updateQuiz(deps, await caller(call.authorization), { ...ref(req), settings: settingsOf(req), fields: req.fields })),
    DeleteQuiz: async (req, call) => {
      await deleteQuiz(deps, await caller(call.authorization), ref(req));
      return {};
    },
    PublishQuiz: async (req, call) => quizMessage(await publishQuiz(deps, await caller(call.authorization), ref(req))),
    UnpublishQuiz: async (req, call) => quizMessage(await unpublishQuiz(deps, await caller(call.authorization), ref(req))),
    GetQuiz: async (req, call) => quizMessage(await getQuiz(deps, await caller(call.authorization), ref(req))),
    ListQuizzes: async (req, call) => {
      const views = await listQuizzes(deps, await caller(call.authorization), { courseId: req.course_id, lessonId: req.lesson_id });
      return { items: views.map(quizMessage), total: views.length };
    },

    // ---------------------------------------------------------------- questions and pools
    ListQuestions: async (req, call) => {
      const items = await listQuestions(deps, await caller(call.authorization), ref(req));
      return { items: items.map(questionMessage), total: items.length };
    },
    CreateQuestion: async (req, call) =>
      questionMessage(await createQuestion(deps, await caller(call.authorization), { ...ref(req), input: questionInput(req.question) })),
    UpdateQuestion: async (req, call) =>
      questionMessage(
        await updateQuestion(deps, await caller(call.authorization), {
          ...ref(req),
          questionId: req.question_id,
          fields: req.fields,
          input: questionInput(req.question),
        }),
      ),
    DeleteQuestion: async (req, call) => {
      await deleteQuestion(deps, await caller(call.authorization), { ...ref(req), questionId: req.question_id });
      return {};
    },
    ReorderQuestions: async (req, call) => {
      const items = await reorderQuestions(deps, await caller(call.authorization), { ...ref(req), questionIds: req.question_ids });
      return { items: items.map(questionMessage), total: items.length };
    },
    CreatePool: async (req, call) =>
      poolMessage(await createPool(deps, await caller(call.authorization), { ...ref(req), title: req.title, drawCount: req.draw_count })),
    UpdatePool: async (req, call) =>
      poolMessage(
        await updatePool(deps, await caller(call.authorization), {
          ...ref(req),
          poolId: req.pool_id,
          fields: req.fields,
          title: req.title,
          drawCount: req.draw_count,
        }),
      ),
    DeletePool: async (req, call) => {
      await deletePool(deps, await caller(call.authorization), { ...ref(req), poolId: req.pool_id });
      return {};
    },

    // ---------------------------------------------------------------- attempts
    StartAttempt: async (req, call) => {
      const { attempt, resumed } = await startAttempt(deps, await caller(call.authorization), { quizId: req.quiz_id });
      return attemptMessage(attempt, deps.clock(), resumed);
    },
    GetAttemptPaper: async (req, call) => paperMessage(await getAttemptPaper(deps, await caller(call.authorization), { quizId: req.quiz_id })),
    SaveAnswers: async (req, call) =>
      attemptMessage(
        await saveAnswers(deps, await caller(call.authorization), {
          quizId: req.quiz_id,
          attemptId: req.attempt_id,
          answers: req.answers.map(studentAnswer),
        }),
        deps.clock(),
      ),
    SubmitAttempt: async (req, call) => {
      const { quiz, attempt } = await submitAttempt(deps, await caller(call.authorization), {
        quizId: req.quiz_id,
        attemptId: req.attempt_id,
        answers: req.answers.map(studentAnswer),
      });
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
      const { quiz, attempt } = await gradeAttemptManually(deps, who, {
        quizId: req.quiz_id,
        attemptId: req.attempt_id,
        grades: req.grades.map((g) => ({ questionId: g.question_id, points: g.points, feedback: g.feedback })),
      });
      return resultMessage(await resultView(deps, quiz, attempt, 'staff'));
    },
    Regrade: async (req, call) =>
      regradeMessage(await regrade(deps, await caller(call.authorization), { quizId: req.quiz_id, dryRun: req.dry_run, questionIds: req.question_ids })),
    ListRegrades: async (req, call) => {
      const runs = await listRegrades(deps, await caller(call.authorization), { quizId: req.quiz_id });
      return { items: runs.map(regradeMessage), total: runs.length };
    },
    GetRegrade: async (req, call) =>
      regradeMessage(await getRegrade(deps, await caller(call.authorization), { quizId: req.quiz_id, regradeId: req.regrade_id })),
  };
}

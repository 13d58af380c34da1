import { protoTime } from '@lms/kit/grpc';
import type { Quiz } from '@lms/kit/generated/lms/quiz/v1/Quiz';
import type { Pool } from '@lms/kit/generated/lms/quiz/v1/Pool';
import type { Question, Question__Output } from '@lms/kit/generated/lms/quiz/v1/Question';
import type { Answer, Answer__Output } from '@lms/kit/generated/lms/quiz/v1/Answer';
import type { Attempt } from '@lms/kit/generated/lms/quiz/v1/Attempt';
import type { AttemptPaper } from '@lms/kit/generated/lms/quiz/v1/AttemptPaper';
import type { AttemptResult } from '@lms/kit/generated/lms/quiz/v1/AttemptResult';
import type { AttemptSummary } from '@lms/kit/generated/lms/quiz/v1/AttemptSummary';
import type { QuestionResult } from '@lms/kit/generated/lms/quiz/v1/QuestionResult';
import type { RegradeReport } from '@lms/kit/generated/lms/quiz/v1/RegradeReport';
import type { QuestionInput } from '../domain/question-definition';
import { correctAnswerOf, renderPaperQuestion, totalsOf } from '../domain/paper';
import { isOpen } from '../domain/policy';
import { isSubmitted, timeRemainingSeconds, type PoolRecord, type QuestionRecord, type SeenAttempt } from '../domain/quiz.entities';
import type { StudentAnswer } from '../domain/types';
import type { QuizView } from '../app/queries/get-quiz';
import type { PaperView } from '../app/queries/get-attempt-paper';
import type { ResultView } from '../app/queries/get-attempt';
import type { RegradeRun } from '../infra/regrade.repository';

export function poolMessage(p: PoolRecord): Pool {
  return {
    id: p.id,
    quiz_id: p.quizId,
    title: p.title,
    draw_count: p.drawCount,
    question_count: p.questionCount,
    created_at: protoTime(p.createdAt),
    updated_at: protoTime(p.updatedAt),
  };
}

/** Staff see pools and question_count; students see neither (nor anything about the questions). */
export function quizMessage(view: QuizView): Quiz {
  const { quiz, viewer } = view;
  const totals = totalsOf(view.questions, view.pools.map((p) => ({ id: p.id, drawCount: p.drawCount })));
  const staff = viewer === 'staff';
  return {
    id: quiz.id,
    course_id: quiz.courseId,
    lesson_id: quiz.lessonId,
    instructor_id: quiz.instructorId,
    title: quiz.title,
    description: quiz.description,
    quiz_type: quiz.quizType,
    passing_score: quiz.passingScore,
    time_limit_minutes: quiz.timeLimitMinutes,
    max_attempts: quiz.maxAttempts,
    scoring_policy: quiz.scoringPolicy,
    shuffle_questions: quiz.shuffleQuestions,
    shuffle_options: quiz.shuffleOptions,
    show_correct_answers: quiz.showCorrectAnswers,
    available_from: protoTime(quiz.availableFrom),
    available_until: protoTime(quiz.availableUntil),
    is_published: quiz.isPublished,
    published_at: protoTime(quiz.publishedAt),
    total_questions: totals.totalQuestions,
    total_points: totals.totalPoints,
    question_count: staff ? view.questions.length : 0,
    pools: staff ? view.pools.map(poolMessage) : [],
    created_at: protoTime(quiz.createdAt),
    updated_at: protoTime(quiz.updatedAt),
    is_open: isOpen(quiz, view.now),
  };
}

/** The full question with its key: owner and admins only. */
export function questionMessage(q: QuestionRecord): Question {
  const { body } = q;
  return {
    id: q.questionId,
    quiz_id: q.quizId,
    pool_id: q.poolId ?? '',
    question_type: q.type,
    question_text: q.text,
    points: q.points,
    explanation: q.explanation,
    order_index: q.orderIndex,
    version: q.version,
    options: (body.options ?? []).map((o) => ({ id: o.id, text: o.text, is_correct: o.isCorrect })),
    negative_marking: body.negativeMarking === true,
    correct_answer: body.correctAnswer === undefined ? '' : body.correctAnswer ? 'true' : 'false',
    accepted_answers: body.acceptedAnswers ?? [],
    case_sensitive: body.caseSensitive === true,
    exact_whitespace: body.exactWhitespace === true,
    numeric: body.numeric ? { ...body.numeric } : null,
    pairs: (body.pairs ?? []).map((p) => ({ id: p.id, prompt: p.prompt, match_id: p.matchId, match: p.match })),
    distractors: (body.distractors ?? []).map((d) => ({ id: d.id, text: d.text, is_correct: false })),
    max_length: q.type === 'essay' ? (body.maxLength ?? 0) : 0,
    created_at: protoTime(q.createdAt),
    updated_at: protoTime(q.updatedAt),
  };
}

/** A Question message as the domain's input ("" ids = new ones). */
export function questionInput(q: Question__Output | null | undefined): QuestionInput {
  const m = q ?? ({} as Partial<Question__Output>);
  return {
    type: m.question_type ?? '',
    text: m.question_text ?? '',
    points: m.points ?? 0,
    explanation: m.explanation ?? '',
    poolId: m.pool_id ? m.pool_id : null,
    options: (m.options ?? []).map((o) => ({ id: o.id || undefined, text: o.text, isCorrect: o.is_correct })),
    negativeMarking: m.negative_marking ?? false,
    correctAnswer: m.correct_answer ?? '',
    acceptedAnswers: m.accepted_answers ?? [],
    caseSensitive: m.case_sensitive ?? false,
    exactWhitespace: m.exact_whitespace ?? false,
    numeric: m.numeric ? { mode: m.numeric.mode, value: m.numeric.value, tolerance: m.numeric.tolerance, min: m.numeric.min, max: m.numeric.max } : null,
    pairs: (m.pairs ?? []).map((p) => ({ id: p.id || undefined, prompt: p.prompt, matchId: p.match_id || undefined, match: p.match })),
    distractors: (m.distractors ?? []).map((d) => ({ id: d.id || undefined, text: d.text })),
    maxLength: m.max_length ?? 0,
  };
}

/** A request's Answer as the domain's StudentAnswer (empty fields left out). */
export function studentAnswer(a: Answer__Output): { questionId: string; answer: StudentAnswer } {
  const answer: StudentAnswer = {};
  if (a.selected_option_ids?.length) answer.selectedOptionIds = a.selected_option_ids;
  if (a.answer_text) answer.text = a.answer_text;
  if (a.matches?.length) answer.matches = a.matches.map((m) => ({ promptId: m.prompt_id, matchId: m.match_id }));
  if (a.order?.length) answer.order = a.order;
  return { questionId: a.question_id, answer };
}

export function answerMessage(questionId: string, a: StudentAnswer | undefined): Answer {
  return {
    question_id: questionId,
    selected_option_ids: a?.selectedOptionIds ?? [],
    answer_text: a?.text ?? '',
    matches: (a?.matches ?? []).map((m) => ({ prompt_id: m.promptId, match_id: m.matchId })),
    order: a?.order ?? [],
  };
}

/** `status` is the effective one: `closing` past the deadline until the deadline consumer closes the attempt. */
export function attemptMessage(a: SeenAttempt, now: Date, resumed = false): Attempt {
  return {
    id: a.id,
    quiz_id: a.quizId,
    course_id: a.courseId,
    student_id: a.studentId,
    attempt_number: a.attemptNumber,
    status: a.status,
    started_at: protoTime(a.startedAt),
    deadline_at: protoTime(a.deadlineAt),
    time_remaining_seconds: a.status === 'in_progress' ? timeRemainingSeconds(a, now) : a.deadlineAt ? 0 : -1,
    max_score: a.maxScore,
    total_questions: a.paper.length,
    resumed,
    answers: a.paper.filter((s) => a.answers[s.questionId]).map((s) => answerMessage(s.questionId, a.answers[s.questionId])),
    submitted_at: protoTime(a.submittedAt),
    auto_submitted: a.autoSubmitted,
    last_saved_at: protoTime(a.lastSavedAt),
  };
}

/** A `closing` attempt shows no score yet (0, as in progress). */
export function summaryMessage(a: SeenAttempt): AttemptSummary {
  return {
    id: a.id,
    quiz_id: a.quizId,
    student_id: a.studentId,
    attempt_number: a.attemptNumber,
    status: a.status,
    score: a.score,
    max_score: a.maxScore,
    percentage: a.percentage,
    passed: a.passed,
    started_at: protoTime(a.startedAt),
    deadline_at: protoTime(a.deadlineAt),
    submitted_at: protoTime(a.submittedAt),
    graded_at: protoTime(a.gradedAt),
    auto_submitted: a.autoSubmitted,
    time_spent_seconds: a.timeSpentSeconds,
  };
}

/** The paper: pinned versions rendered field by field from what a student may see (never a key). */
export function paperMessage(view: PaperView): AttemptPaper {
  return {
    attempt: attemptMessage(view.attempt, view.now),
    // The attempt's own totals: its draw is fixed.
    quiz: {
      ...quizMessage({ quiz: view.quiz, questions: [], pools: [], viewer: 'student', now: view.now }),
      total_questions: view.attempt.paper.length,
      total_points: view.attempt.maxScore,
    },
    questions: view.questions.map((q) => {
      const v = renderPaperQuestion(q.pinned, q.slot, q.position);
      return {
        id: v.id,
        question_type: v.questionType,
        question_text: v.questionText,
        points: v.points,
        position: v.position,
        options: v.options,
        prompts: v.prompts,
        matches: v.matches,
        items: v.items,
        max_length: v.maxLength,
      };
    }),
  };
}

/**
 * Results. While in progress (or `closing`): the attempt only. After: per question the points and correctness, the answer
 * given and the choices as shown; the key and explanation only when `revealed`.
 */
export function resultMessage(view: ResultView): AttemptResult {
  const { attempt, quiz, revealed } = view;
  const submitted = isSubmitted(attempt);
  const questions: QuestionResult[] = view.questions.map((q) => {
    const shown = renderPaperQuestion(q.pinned, q.slot, q.position);
    const r = attempt.results[q.slot.questionId];
    const correctness = r?.correctness ?? 'unanswered';
    const result: QuestionResult = {
      question_id: q.slot.questionId,
      question_type: q.pinned.type,
      question_text: q.pinned.text,
      position: q.position,
      points: q.graded.points,
      points_earned: r?.pointsEarned ?? 0,
      correctness,
      is_correct: correctness === 'correct',
      answer: answerMessage(q.slot.questionId, attempt.answers[q.slot.questionId]),
      feedback: r?.feedback ?? '',
      answers_revealed: revealed,
      options: q.pinned.type === 'ordering' ? shown.items : shown.options,
      prompts: shown.prompts,
      matches: shown.matches,
      version: q.graded.version,
    };
    if (revealed) {
      const key = correctAnswerOf(q.graded);
      result.correct_answer = answerMessage(q.slot.questionId, key.answer);
      result.accepted_answers = key.acceptedAnswers;
      result.numeric = key.numeric ? { ...key.numeric } : null;
      result.explanation = q.graded.explanation;
    }
    return result;
  });
  return {
    attempt: attemptMessage(attempt, view.now),
    score: submitted ? attempt.score : 0,
    max_score: attempt.maxScore,
    percentage: submitted ? attempt.percentage : 0,
    passed: attempt.status === 'graded' && attempt.passed,
    graded_at: protoTime(attempt.gradedAt),
    time_spent_seconds: submitted ? attempt.timeSpentSeconds : 0,
    answers_revealed: submitted && revealed,
    questions,
    passing_score: quiz.passingScore,
  };
}

export function regradeMessage(run: RegradeRun): RegradeReport {
  return {
    id: run.id,
    quiz_id: run.quizId,
    dry_run: run.dryRun,
    requested_by: run.requestedBy,
    created_at: protoTime(run.createdAt),
    attempts_examined: run.attemptsExamined,
    changes: run.changes,
    question_ids: run.questionIds,
    status: run.status,
    attempts_total: run.attemptsTotal,
    batches_done: run.batchesDone,
    truncated: run.truncated,
    error: run.error ?? '',
    updated_at: protoTime(run.updatedAt),
    finished_at: protoTime(run.finishedAt),
    requested_question_ids: run.requestedQuestionIds,
  };
}

import { createHash } from 'node:crypto';
import type { DomainEvent } from '@lms/kit/events';
import type { Correctness, QuestionBody, QuestionType, StudentAnswer } from './types';

/**
 * The facts the quiz service publishes (documented in protos/events/README.md, section "quiz"). Builders are
 * pure: the unit of work wraps them in a CloudEvents envelope (source lms/quiz, subject = attempt id; the quiz
 * id for quiz.published / quiz.unpublished) and writes them to the outbox in the same transaction as the change.
 */
export const EVENT_SOURCE = 'lms/quiz';

/** `<aggregate>.<past-tense verb>`: the aggregate is the attempt. */
export const ATTEMPT_STARTED = 'attempt.started';
/**
 * The deprecated name of `attempt.started`. Published alongside it from issue 11 until issue 16 (the end of its
 * compatibility period), no longer published since; the deadline consumer still binds it for one more release,
 * so messages written under it by older processes (delayed until their deadline) are still handled.
 */
export const ATTEMPT_STARTED_LEGACY = 'quiz.attempt_started';

/** What the builders read from an attempt (structural, so this file depends on nothing). */
export interface AttemptFacts {
  id: string;
  quizId: string;
  lessonId: string;
  courseId: string;
  studentId: string;
  attemptNumber: number;
}

const iso = (d: Date) => d.toISOString();
const ids = (a: AttemptFacts) => ({
  attempt_id: a.id,
  quiz_id: a.quizId,
  lesson_id: a.lessonId,
  course_id: a.courseId,
  student_id: a.studentId,
});

export function attemptStarted(a: AttemptFacts, startedAt: Date, deadlineAt: Date | null) {
  return {
    type: ATTEMPT_STARTED,
    subject: a.id,
    time: startedAt,
    data: { ...ids(a), attempt_number: a.attemptNumber, started_at: iso(startedAt), deadline_at: deadlineAt ? iso(deadlineAt) : null },
  };
}

export function attemptSubmitted(a: AttemptFacts, submittedAt: Date, autoSubmitted: boolean, status: string) {
  return {
    type: 'quiz.submitted',
    subject: a.id,
    time: submittedAt,
    data: { ...ids(a), attempt_number: a.attemptNumber, submitted_at: iso(submittedAt), auto_submitted: autoSubmitted, status },
  };
}

/**
 * One question of a graded attempt as analytics reads it (issue 13, additive to quiz.graded / quiz.regraded):
 * which choices were selected, whether the answer was right, and the points. No answer text.
 */
export interface AnswerFactV1 {
  question_id: string;
  /** Option ids selected (multiple_choice, multiple_answer, true_false: see choiceUuid); [] for other types or unanswered. */
  selected_option_ids: string[];
  /** True only with full points (partial credit counts as not correct); null = an essay waiting for a person. */
  is_correct: boolean | null;
  points_earned: number;
  max_points: number;
}

/** What answerFacts needs per question: the version its grade used, and the stored answer and result. */
export interface GradedQuestionFacts {
  questionId: string;
  type: QuestionType;
  points: number;
}

/**
 * The answers of an attempt in paper order, from the versions it was graded against, its stored answers and
 * its results (attempts.results). Correct = full points: `partial` (credit per option/pair/position) is not correct.
 */
export function answerFacts(
  questions: GradedQuestionFacts[],
  answers: Record<string, StudentAnswer>,
  results: Record<string, { pointsEarned: number; correctness: Correctness }>,
): AnswerFactV1[] {
  return questions.map((q) => {
    const answer = answers[q.questionId];
    const result = results[q.questionId];
    return {
      question_id: q.questionId,
      selected_option_ids: selectedOptions(q, answer),
      is_correct: result?.correctness === 'pending_review' ? null : result?.correctness === 'correct',
      points_earned: result?.pointsEarned ?? 0,
      max_points: q.points,
    };
  });
}

function selectedOptions(q: GradedQuestionFacts, answer: StudentAnswer | undefined): string[] {
  if (!answer) return [];
  if (q.type === 'multiple_choice' || q.type === 'multiple_answer') return (answer.selectedOptionIds ?? []).map((id) => choiceUuid(q.questionId, id));
  if (q.type === 'true_false') return answer.text === 'true' || answer.text === 'false' ? [choiceUuid(q.questionId, answer.text)] : [];
  return [];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of a choice in events: always a UUID, as the event contract says. An option id that is a UUID (what the
 * service assigns unless the instructor chose an id) is kept, lower-cased; any other id — an instructor's own
 * (`a`, `opt-1`) or the fixed `true` / `false` choices of true_false — becomes a name-based UUID (version 5
 * layout, SHA-1 of the question id and the choice id), the same in quiz.published and in answers.
 */
export function choiceUuid(questionId: string, choiceId: string): string {
  if (UUID.test(choiceId)) return choiceId.toLowerCase();
  const hex = createHash('sha1').update(`lms/quiz:choice:${questionId}:${choiceId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function attemptGraded(
  a: AttemptFacts,
  g: { score: number; maxScore: number; percentage: number; passed: boolean; gradedAt: Date; gradedBy: string; answers: AnswerFactV1[] },
) {
  return {
    type: 'quiz.graded',
    subject: a.id,
    time: g.gradedAt,
    data: {
      ...ids(a),
      attempt_number: a.attemptNumber,
      score: g.score,
      max_score: g.maxScore,
      percentage: g.percentage,
      passed: g.passed,
      graded_at: iso(g.gradedAt),
      graded_by: g.gradedBy,
      answers: g.answers,
    },
  };
}

/** The v1 contract consumed by the enrollment service (completes the quiz lesson). */
export function quizPassed(a: AttemptFacts, percentage: number, passedAt: Date) {
  return {
    type: 'quiz.passed',
    subject: a.id,
    time: passedAt,
    data: { ...ids(a), score_percent: percentage, passed_at: iso(passedAt) },
  };
}

export function quizFailed(a: AttemptFacts, percentage: number, failedAt: Date, attemptsRemaining: number) {
  return {
    type: 'quiz.failed',
    subject: a.id,
    time: failedAt,
    data: { ...ids(a), score_percent: percentage, failed_at: iso(failedAt), attempts_remaining: attemptsRemaining },
  };
}

export function attemptRegraded(
  a: AttemptFacts,
  r: {
    regradeId: string;
    oldScore: number;
    newScore: number;
    oldPercentage: number;
    newPercentage: number;
    passed: boolean;
    at: Date;
    answers: AnswerFactV1[];
  },
) {
  return {
    type: 'quiz.regraded',
    subject: a.id,
    time: r.at,
    data: {
      regrade_id: r.regradeId,
      attempt_id: a.id,
      quiz_id: a.quizId,
      course_id: a.courseId,
      student_id: a.studentId,
      old_score: r.oldScore,
      new_score: r.newScore,
      old_percentage: r.oldPercentage,
      new_percentage: r.newPercentage,
      passed: r.passed,
      regraded_at: iso(r.at),
      answers: r.answers,
    },
  };
}

/**
 * The next batch of a regrade run is due: the attempts after `afterId` (null = from the first). Consumed by
 * the quiz service itself; `notBefore` spaces the batches out (the kit holds the event until then).
 */
export function regradeRequested(r: { regradeId: string; quizId: string; afterId: string | null; notBefore: Date | null; at: Date }) {
  return {
    type: 'quiz.regrade_requested',
    subject: r.regradeId,
    time: r.at,
    data: { regrade_id: r.regradeId, quiz_id: r.quizId, after_id: r.afterId, not_before: r.notBefore ? iso(r.notBefore) : null },
  };
}

/** The final-grade facts of an attempt: graded, then passed or failed. */
export function finalGradeEvents(
  a: AttemptFacts,
  g: {
    score: number;
    maxScore: number;
    percentage: number;
    passed: boolean;
    gradedAt: Date;
    gradedBy: string;
    attemptsRemaining: number;
    answers: AnswerFactV1[];
  },
): DomainEvent[] {
  return [
    attemptGraded(a, g),
    g.passed ? quizPassed(a, g.percentage, g.gradedAt) : quizFailed(a, g.percentage, g.gradedAt, g.attemptsRemaining),
  ];
}

// ---------------------------------------------------------------- the quiz's definition (issue 13, analytics)

/** What quizPublished reads from a quiz (structural). */
export interface QuizFacts {
  id: string;
  courseId: string;
  lessonId: string;
  instructorId: string;
  title: string;
  passingScore: number;
  publishedAt: Date | null;
}

/** What quizPublished reads from a question: its current version and its place in the quiz. */
export interface DefinedQuestionFacts {
  questionId: string;
  version: number;
  poolId: string | null;
  type: QuestionType;
  text: string;
  points: number;
  body: QuestionBody;
}

export interface PublishedOptionV1 {
  option_id: string;
  text: string;
  is_correct: boolean;
}

export interface PublishedQuestionV1 {
  question_id: string;
  /** 1-based, in the quiz's question order (an attempt may shuffle or draw from pools). */
  position: number;
  question_type: QuestionType;
  text: string;
  points: number;
  /** The question's current version (an attempt pins the version it drew). */
  version: number;
  /** null = asked in every attempt; else the pool it may be drawn from. */
  pool_id: string | null;
  options: PublishedOptionV1[];
}

export interface QuizPublishedV1 {
  quiz_id: string;
  course_id: string;
  lesson_id: string;
  instructor_id: string;
  title: string;
  passing_score: number;
  questions: PublishedQuestionV1[];
  published_at: string;
  defined_at: string;
}

/**
 * The options a reader can count selections of: multiple_choice / multiple_answer options as defined, and for
 * true_false the two fixed choices "True" and "False". Ids as answers carry them in `selected_option_ids`
 * (choiceUuid). Other types (short_answer, numeric, matching, ordering, essay) have none: [].
 */
export function definedOptions(q: Pick<DefinedQuestionFacts, 'questionId' | 'type' | 'body'>): PublishedOptionV1[] {
  if (q.type === 'multiple_choice' || q.type === 'multiple_answer') {
    return (q.body.options ?? []).map((o) => ({ option_id: choiceUuid(q.questionId, o.id), text: o.text, is_correct: o.isCorrect }));
  }
  if (q.type === 'true_false') {
    return [
      { option_id: choiceUuid(q.questionId, 'true'), text: 'True', is_correct: q.body.correctAnswer === true },
      { option_id: choiceUuid(q.questionId, 'false'), text: 'False', is_correct: q.body.correctAnswer === false },
    ];
  }
  return [];
}

/**
 * The current definition of a published quiz: every question an attempt can contain (fixed and pool questions,
 * not deleted), with their choices and which are correct. Emitted when the quiz is published and again whenever
 * a published quiz's title, passing score or questions change; a reader keeps the newest by `defined_at`.
 */
export function quizPublished(quiz: QuizFacts, questions: DefinedQuestionFacts[], definedAt: Date): DomainEvent<QuizPublishedV1> {
  return {
    type: 'quiz.published',
    subject: quiz.id,
    time: definedAt,
    data: {
      quiz_id: quiz.id,
      course_id: quiz.courseId,
      lesson_id: quiz.lessonId,
      instructor_id: quiz.instructorId,
      title: quiz.title,
      passing_score: quiz.passingScore,
      questions: questions.map((q, i) => ({
        question_id: q.questionId,
        position: i + 1,
        question_type: q.type,
        text: q.text,
        points: q.points,
        version: q.version,
        pool_id: q.poolId,
        options: definedOptions(q),
      })),
      published_at: iso(quiz.publishedAt ?? definedAt),
      defined_at: iso(definedAt),
    },
  };
}

export interface QuizUnpublishedV1 {
  quiz_id: string;
  course_id: string;
  lesson_id: string;
  unpublished_at: string;
  /** True when its catalog lesson (or course) was deleted: it can never be published again. */
  retired: boolean;
}

/** A published quiz was taken back (UnpublishQuiz), or retired because its lesson or course was deleted. */
export function quizUnpublished(
  quiz: Pick<QuizFacts, 'id' | 'courseId' | 'lessonId'>,
  at: Date,
  retired: boolean,
): DomainEvent<QuizUnpublishedV1> {
  return {
    type: 'quiz.unpublished',
    subject: quiz.id,
    time: at,
    data: { quiz_id: quiz.id, course_id: quiz.courseId, lesson_id: quiz.lessonId, unpublished_at: iso(at), retired },
  };
}

import {
  answerContribution,
  attemptContribution,
  attemptStudentCounts,
  delta,
  quizStudentContribution,
  type AttemptRow,
  type Contribution,
} from '../../domain/contributions';
import type { FactPayload } from '../../events/analytics.events.schema';
import type { AttemptRef } from '../../infra/quiz-facts.repository';
import type { AnalyticsUnitOfWork } from '../deps';
import { SqlBatch } from '../../infra/sql-batch';
import { changeEnrollment, earliest, sameRow } from './enrolment-row';

type Ref = { attempt_id: string; quiz_id: string; course_id: string; student_id: string; lesson_id?: string | null };
const ref = (p: Ref): AttemptRef => ({ attemptId: p.attempt_id, quizId: p.quiz_id, courseId: p.course_id, studentId: p.student_id, lessonId: p.lesson_id ?? null });

type Answer = NonNullable<FactPayload<'quiz.graded'>['answers']>[number];

/**
 * An attempt fact: lock (or create) the attempt, apply, save; replace its answers when the fact carries
 * newer ones; then quiz_students and every aggregate by deltas. `activity`: the enrolment of the student in
 * the course (when known) gets the attempt's time as activity.
 */
async function changeAttempt(
  uow: AnalyticsUnitOfWork,
  attempt: AttemptRef,
  change: (row: AttemptRow) => AttemptRow,
  options: { answers?: { at: Date; list: Answer[] }; activity?: Date } = {},
): Promise<void> {
  const { row: before, created } = await uow.quizFacts.lockAttempt(attempt);
  if (created) await uow.quizFacts.ensureQuiz(attempt.quizId, attempt.courseId, attempt.lessonId);
  const after = change({ ...before });
  const contributions: Contribution[] = delta(created ? [] : attemptContribution(before), attemptContribution(after));
  if (options.answers && (!after.answersAt || options.answers.at > after.answersAt)) {
    after.answersAt = options.answers.at;
    const { removed, added } = await uow.quizFacts.replaceAnswers(
      attempt.attemptId,
      attempt.quizId,
      options.answers.list.map((a) => ({
        questionId: a.question_id,
        selectedOptionIds: a.selected_option_ids,
        isCorrect: a.is_correct,
        pointsEarned: a.points_earned,
        maxPoints: a.max_points,
      })),
    );
    contributions.push(...delta(removed.flatMap(answerContribution), added.flatMap(answerContribution)));
  }
  const batch = new SqlBatch();
  if (created || !sameRow(before, after)) uow.quizFacts.saveAttemptTo(batch, after);
  const [countsBefore, countsAfter] = [created ? { graded: 0, failed: 0 } : attemptStudentCounts(before), attemptStudentCounts(after)];
  const graded = countsAfter.graded - countsBefore.graded;
  const failed = countsAfter.failed - countsBefore.failed;
  if (graded !== 0 || failed !== 0) {
    const student = await uow.quizFacts.addQuizStudent(after.quizId, after.studentId, after.courseId, graded, failed);
    const row = (gradedAttempts: number) => ({ quizId: after.quizId, courseId: after.courseId, gradedAttempts });
    contributions.push(...delta(quizStudentContribution(row(student.before)), quizStudentContribution(row(student.after))));
  }
  if (options.activity) {
    await uow.aggregates.lockStudent(attempt.studentId); // see changeEnrollment: a new enrolment row reads attempts under it
    const enrollmentId = await uow.learning.findEnrollmentId(attempt.studentId, attempt.courseId);
    if (enrollmentId) {
      const at = options.activity;
      await changeEnrollment(uow, { enrollmentId, studentId: attempt.studentId, courseId: attempt.courseId }, (r) => r, {
        activity: { at, lessonId: null },
        extra: contributions,
        batch,
      });
      return;
    }
  }
  uow.aggregates.addTo(batch, contributions);
  await uow.aggregates.run(batch);
}

/** attempt.started: started_at, attempt number; activity of the student's enrolment. */
export async function attemptStarted(uow: AnalyticsUnitOfWork, p: FactPayload<'attempt.started'>): Promise<void> {
  const at = new Date(p.started_at);
  await changeAttempt(uow, ref(p), (row) => ({ ...row, startedAt: earliest(row.startedAt, at), attemptNumber: p.attempt_number }), { activity: at });
}

/** quiz.submitted: submitted_at (the attempt is closed once). */
export async function quizSubmitted(uow: AnalyticsUnitOfWork, p: FactPayload<'quiz.submitted'>): Promise<void> {
  const at = new Date(p.submitted_at);
  await changeAttempt(uow, ref(p), (row) => ({
    ...row,
    submittedAt: earliest(row.submittedAt, at),
    attemptNumber: row.attemptNumber || (p.attempt_number ?? 0),
  }));
}

function grade(row: AttemptRow, percentage: number, passed: boolean, at: Date): AttemptRow {
  if (row.gradedAt && row.gradedAt >= at) return row;
  return { ...row, percentage, passed, gradedAt: at };
}

/** quiz.graded: the grade when newest (by graded_at); its answers when newest. */
export async function quizGraded(uow: AnalyticsUnitOfWork, p: FactPayload<'quiz.graded'>): Promise<void> {
  const at = new Date(p.graded_at);
  await changeAttempt(
    uow,
    ref(p),
    (row) => ({ ...grade(row, p.percentage, p.passed, at), attemptNumber: row.attemptNumber || (p.attempt_number ?? 0) }),
    { answers: p.answers ? { at, list: p.answers } : undefined },
  );
}

/** quiz.regraded: as graded, at regraded_at. */
export async function quizRegraded(uow: AnalyticsUnitOfWork, p: FactPayload<'quiz.regraded'>): Promise<void> {
  const at = new Date(p.regraded_at);
  await changeAttempt(uow, ref(p), (row) => grade(row, p.new_percentage, p.passed, at), { answers: p.answers ? { at, list: p.answers } : undefined });
}

/** quiz.published: the definition (newest defined_at) and published state (newest published_at). */
export async function quizPublished(uow: AnalyticsUnitOfWork, p: FactPayload<'quiz.published'>): Promise<void> {
  await uow.quizFacts.publishQuiz({
    quizId: p.quiz_id,
    courseId: p.course_id,
    lessonId: p.lesson_id ?? null,
    title: p.title,
    passingScore: p.passing_score,
    publishedAt: new Date(p.published_at),
    definedAt: new Date(p.defined_at ?? p.published_at),
    questions: p.questions.map((q, i) => ({
      questionId: q.question_id,
      position: q.position ?? i + 1,
      questionType: q.question_type,
      text: q.text,
      points: q.points,
      options: q.options.map((o) => ({ option_id: o.option_id, text: o.text, is_correct: o.is_correct })),
    })),
  });
}

/** quiz.unpublished: not published when newer. */
export async function quizUnpublished(uow: AnalyticsUnitOfWork, p: FactPayload<'quiz.unpublished'>): Promise<void> {
  await uow.quizFacts.unpublishQuiz(p.quiz_id, p.course_id, new Date(p.unpublished_at));
}

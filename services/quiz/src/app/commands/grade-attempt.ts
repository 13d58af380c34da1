import { gradeWith, isPassed } from '../../domain/attempt-grading';
import { attemptsRemaining, type AttemptRecord, type QuizRecord, type ResultEntry } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { answerFacts, finalGradeEvents } from '../../domain/quiz.events';
import { Checker } from '../../domain/validation';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { attemptQuestions, checkIds, loadManagedQuiz, type Caller } from '../shared';

const FEEDBACK_MAX = 5000;

/**
 * Manual grades of essays (0..the question's points, with feedback) for an attempt waiting for review. When
 * every answered essay has a grade the attempt is final: status graded, quiz.graded + quiz.passed/failed.
 * Only `pending_review` attempts take grades (a graded one → QUIZ.ATTEMPT_FINAL).
 */
export async function gradeAttemptManually(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { quizId: string; attemptId: string; grades: { questionId: string; points: number; feedback: string }[] },
): Promise<{ quiz: QuizRecord; attempt: AttemptRecord }> {
  const ids = checkIds({ quiz_id: cmd.quizId, attempt_id: cmd.attemptId }, ['quiz_id']);
  if (cmd.grades.length === 0) throw QuizErrors.validation([{ loc: ['grades'], msg: 'at least one grade is required' }]);
  const attempt = await uow.attempts.findById(ids.attempt_id, true);
  if (!attempt || (ids.quiz_id && ids.quiz_id !== attempt.quizId)) throw QuizErrors.attemptNotFound();
  const quiz = await loadManagedQuiz(uow, caller, { quizId: attempt.quizId });
  if (attempt.status === 'in_progress') throw QuizErrors.attemptInProgress();
  if (attempt.status === 'graded') throw QuizErrors.attemptFinal();

  const questions = await attemptQuestions(uow, attempt);
  const byId = new Map(questions.map((q) => [q.slot.questionId, q]));
  const check = new Checker();
  const now = ctx.clock();
  const results: Record<string, ResultEntry> = { ...attempt.results };
  const seen = new Set<string>();
  cmd.grades.forEach((g, i) => {
    const id = (g.questionId ?? '').toLowerCase();
    const q = byId.get(id);
    if (!q) return check.add(['grades', i, 'question_id'], 'is not a question of this attempt');
    if (q.graded.type !== 'essay') return check.add(['grades', i, 'question_id'], 'only essay questions are graded by hand');
    if (seen.has(id)) return check.add(['grades', i, 'question_id'], 'is graded twice');
    seen.add(id);
    const points = check.numberIn(['grades', i, 'points'], g.points, 0, q.graded.points);
    const feedback = check.text(['grades', i, 'feedback'], g.feedback ?? '', FEEDBACK_MAX);
    results[id] = {
      ...(results[id] ?? { correctness: 'pending_review', gradedVersion: q.graded.version }),
      pointsEarned: points,
      feedback,
      gradedBy: caller.userId,
      gradedAt: now.toISOString(),
    } as ResultEntry;
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);

  const versions = questions.map((q) => q.graded);
  const { grade, results: graded } = gradeWith(versions, attempt.answers, results, now);
  const status = grade.pendingReview ? 'pending_review' : 'graded';
  const passed = isPassed(status, grade.percentage, quiz);
  const final = status === 'graded';
  const write = {
    status,
    results: graded,
    score: grade.score,
    maxScore: grade.maxScore,
    percentage: grade.percentage,
    passed,
    gradedAt: final ? now : null,
    gradedBy: final ? caller.userId : null,
  } as const;
  await uow.attempts.writeGrade(attempt.id, write, now);
  if (final) {
    const used = await uow.attempts.countForStudent(quiz.id, attempt.studentId);
    await uow.emit(
      ...finalGradeEvents(attempt, {
        ...grade,
        passed,
        gradedAt: now,
        gradedBy: caller.userId,
        attemptsRemaining: attemptsRemaining(quiz.maxAttempts, used),
        answers: answerFacts(versions, attempt.answers, graded),
      }),
    );
  }
  return { quiz, attempt: { ...attempt, ...write } };
}

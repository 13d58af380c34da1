import { randomUUID } from 'node:crypto';
import { withTransaction } from '@lms/kit/db';
import { FieldChecker } from '@lms/kit/errors';
import { sameKey } from '../../domain/question-definition';
import { QuizErrors } from '../../domain/quiz.errors';
import { attemptRegraded, quizPassed, type DomainEvent } from '../../domain/quiz.events';
import type { QuestionVersion } from '../../domain/types';
import type { RegradeRun, ScoreChangeRecord } from '../../infra/regrade.repository';
import type { QuizDeps } from '../deps';
import { emit, loadManagedQuiz, type Caller } from '../shared';
import { attemptQuestions, gradeWith, isPassed } from './grading';

/**
 * Regrades the submitted attempts of a quiz: every non-essay question of an attempt (only `question_ids` when
 * given) whose current version grades differently from the version it was graded with (`sameKey` false) is
 * graded again against the current version. A dry run only reports; a real run stores the new results and
 * scores, re-decides `passed`, and emits quiz.regraded per changed attempt (+ quiz.passed when it newly
 * passes). Both are audited in regrade_runs.
 */
export async function regrade(
  deps: QuizDeps,
  caller: Caller,
  cmd: { quizId: string; dryRun: boolean; questionIds: string[] },
): Promise<RegradeRun> {
  const check = new FieldChecker();
  const only = new Set<string>();
  cmd.questionIds.forEach((raw, i) => {
    const id = check.uuid(['question_ids', i], raw);
    if (id) only.add(id);
  });
  if (!check.ok) throw QuizErrors.validation(check.errors);
  const quiz = await loadManagedQuiz(deps, caller, { quizId: cmd.quizId });

  return withTransaction(deps.sequelize, async (transaction) => {
    const now = deps.clock();
    const attempts = await deps.attempts.listSubmitted(quiz.id, transaction, !cmd.dryRun);
    const allIds = [...new Set(attempts.flatMap((a) => a.paper.map((s) => s.questionId)))];
    const current = await deps.questions.currentVersionsOf(allIds, transaction);
    const regraded = new Set<string>();
    const changes: ScoreChangeRecord[] = [];
    const events: DomainEvent<unknown>[] = [];
    const runId = randomUUID();

    for (const attempt of attempts) {
      const questions = await attemptQuestions(deps, attempt, transaction);
      let touched = false;
      const versions: QuestionVersion[] = questions.map((q) => {
        const latest = current.get(q.slot.questionId);
        const eligible = q.graded.type !== 'essay' && latest && latest.type === q.graded.type && (only.size === 0 || only.has(q.slot.questionId));
        if (!eligible || latest.version === q.graded.version || sameKey(q.graded, latest)) return q.graded;
        touched = true;
        regraded.add(q.slot.questionId);
        return latest;
      });
      if (!touched) continue;
      const { grade, results } = gradeWith(versions, attempt.answers, attempt.results, now);
      const status = grade.pendingReview ? 'pending_review' : 'graded';
      const passed = isPassed(status, grade.percentage, quiz);
      const changedQuestions = versions
        .map((v) => v.questionId)
        .filter((id) => results[id].pointsEarned !== attempt.results[id]?.pointsEarned);
      const scoreChanged = grade.score !== attempt.score || grade.percentage !== attempt.percentage || passed !== attempt.passed;
      if (scoreChanged) {
        changes.push({
          attempt_id: attempt.id,
          student_id: attempt.studentId,
          attempt_number: attempt.attemptNumber,
          old_score: attempt.score,
          new_score: grade.score,
          old_percentage: attempt.percentage,
          new_percentage: grade.percentage,
          old_passed: attempt.passed,
          new_passed: passed,
          question_ids: changedQuestions,
        });
      }
      if (cmd.dryRun) continue;
      await deps.attempts.writeGrade(
        transaction,
        attempt.id,
        { status, results, score: grade.score, maxScore: grade.maxScore, percentage: grade.percentage, passed, gradedAt: attempt.gradedAt, gradedBy: attempt.gradedBy },
        now,
      );
      if (scoreChanged) {
        events.push(
          attemptRegraded(attempt, {
            regradeId: runId,
            oldScore: attempt.score,
            newScore: grade.score,
            oldPercentage: attempt.percentage,
            newPercentage: grade.percentage,
            passed,
            at: now,
          }),
        );
        if (passed && !attempt.passed) events.push(quizPassed(attempt, grade.percentage, now));
      }
    }

    const run: RegradeRun = {
      id: runId,
      quizId: quiz.id,
      requestedBy: caller.userId,
      dryRun: cmd.dryRun,
      questionIds: [...regraded].sort(),
      attemptsExamined: attempts.length,
      changes,
      createdAt: now,
    };
    await deps.regrades.insert(transaction, run);
    await emit(deps, transaction, events);
    return run;
  });
}

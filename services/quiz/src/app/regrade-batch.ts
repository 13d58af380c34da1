import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@lms/kit/events';
import { gradeWith, isPassed, questionsFrom, versionPairs } from '../domain/attempt-grading';
import { sameKey } from '../domain/question-definition';
import type { AttemptRecord, QuizRecord } from '../domain/quiz.entities';
import { answerFacts, attemptRegraded, quizPassed } from '../domain/quiz.events';
import type { QuestionVersion } from '../domain/types';
import type { GradeWrite } from '../infra/attempt.repository';
import type { RegradeRun, ScoreChangeRecord } from '../infra/regrade.repository';
import type { QuizRepositories } from './deps';
import type { Caller } from './shared';

/**
 * What the regrade use cases share: a new run record, and one batch of attempts regraded against the current
 * versions of their questions — computed in full before anything is written, so a failure that is not the
 * database's (a bug, a missing question version) leaves nothing of the batch behind.
 */

export function newRegradeRun(quiz: QuizRecord, caller: Caller, dry: boolean, only: Set<string>, now: Date): RegradeRun {
  return {
    id: randomUUID(),
    quizId: quiz.id,
    requestedBy: caller.userId,
    dryRun: dry,
    status: 'done',
    requestedQuestionIds: [...only].sort(),
    questionIds: [],
    attemptsTotal: 0,
    attemptsExamined: 0,
    cursor: null,
    batchesDone: 0,
    truncated: false,
    error: null,
    changes: [],
    createdAt: now,
    updatedAt: now,
    finishedAt: now,
  };
}

export interface RegradedBatch {
  changes: ScoreChangeRecord[];
  /** The questions regraded in this batch. */
  regraded: Set<string>;
  /** The new grades to store, by attempt. */
  writes: { attemptId: string; grade: GradeWrite }[];
  /** quiz.regraded per changed attempt, and quiz.passed when it newly passes. */
  events: DomainEvent[];
}

/** The question versions a batch needs: the versions its attempts were graded with, and the current ones (two queries, whatever the batch size). */
export interface BatchVersions {
  attempts: AttemptRecord[];
  versions: Map<string, QuestionVersion>;
  current: Map<string, QuestionVersion>;
}

export async function loadBatch(repos: Pick<QuizRepositories, 'questions'>, attempts: AttemptRecord[]): Promise<BatchVersions> {
  const versions = await repos.questions.versions(attempts.flatMap(versionPairs));
  const current = await repos.questions.currentVersionsOf([...new Set(attempts.flatMap((a) => a.paper.map((s) => s.questionId)))]);
  return { attempts, versions, current };
}

/**
 * One loaded batch of attempts against the current versions of their questions: every non-essay question
 * (only `only` when not empty) whose current version grades differently from the version it was graded with
 * (`sameKey` false) is graded again. Pure: nothing is read or written here.
 */
export function regradeBatch(loaded: BatchVersions, b: { quiz: QuizRecord; only: Set<string>; runId: string; now: Date }): RegradedBatch {
  const { quiz, only, now } = b;
  const { versions, current } = loaded;
  const out: RegradedBatch = { changes: [], regraded: new Set<string>(), writes: [], events: [] };

  for (const attempt of loaded.attempts) {
    let touched = false;
    const gradeAgainst: QuestionVersion[] = questionsFrom(attempt, versions).map((q) => {
      const latest = current.get(q.slot.questionId);
      const eligible = q.graded.type !== 'essay' && latest && latest.type === q.graded.type && (only.size === 0 || only.has(q.slot.questionId));
      if (!eligible || latest.version === q.graded.version || sameKey(q.graded, latest)) return q.graded;
      touched = true;
      out.regraded.add(q.slot.questionId);
      return latest;
    });
    if (!touched) continue;
    const { grade, results } = gradeWith(gradeAgainst, attempt.answers, attempt.results, now);
    const status = grade.pendingReview ? 'pending_review' : 'graded';
    const passed = isPassed(status, grade.percentage, quiz);
    const changedQuestions = gradeAgainst.map((v) => v.questionId).filter((id) => results[id].pointsEarned !== attempt.results[id]?.pointsEarned);
    const scoreChanged = grade.score !== attempt.score || grade.percentage !== attempt.percentage || passed !== attempt.passed;
    out.writes.push({
      attemptId: attempt.id,
      grade: { status, results, score: grade.score, maxScore: grade.maxScore, percentage: grade.percentage, passed, gradedAt: attempt.gradedAt, gradedBy: attempt.gradedBy },
    });
    if (!scoreChanged) continue;
    out.changes.push({
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
    out.events.push(
      attemptRegraded(attempt, {
        regradeId: b.runId,
        oldScore: attempt.score,
        newScore: grade.score,
        oldPercentage: attempt.percentage,
        newPercentage: grade.percentage,
        passed,
        at: now,
        answers: answerFacts(gradeAgainst, attempt.answers, results),
      }),
    );
    // A pass that becomes a fail emits quiz.regraded only: the lesson enrollment completed stays completed.
    if (passed && !attempt.passed) out.events.push(quizPassed(attempt, grade.percentage, now));
  }
  return out;
}

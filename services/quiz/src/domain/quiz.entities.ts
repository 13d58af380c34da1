import type { QuizSettings } from './quiz-definition';
import type {
  AttemptStatus,
  Correctness,
  PaperSlot,
  QuestionVersion,
  StudentAnswer,
} from './types';

/**
 * The quiz service's stored aggregates as the app layer handles them (the rows of src/infra, camelCased).
 * Pure data plus the few time rules of an attempt.
 */

/** A quiz: its settings (domain/quiz-definition.ts) and where it belongs. */
export interface QuizRecord extends QuizSettings {
  id: string;
  courseId: string;
  lessonId: string;
  instructorId: string;
  isPublished: boolean;
  publishedAt: Date | null;
  /** The catalog lesson (or its course) was deleted: the quiz is unpublished and cannot be published again. */
  lessonDeletedAt: Date | null;
  /** +1 with every change of the quiz row, which every change of its questions and pools makes too (caches key on it). */
  definitionVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PoolRecord {
  id: string;
  quizId: string;
  title: string;
  drawCount: number;
  /** Questions (not deleted) currently in the pool. */
  questionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A question as the quiz defines it now: its current version and its place in the quiz. */
export interface QuestionRecord extends QuestionVersion {
  quizId: string;
  poolId: string | null;
  orderIndex: number;
  createdAt: Date;
  updatedAt: Date;
}

/** How one question of a submitted attempt was graded (stored per question in attempts.results). */
export interface ResultEntry {
  pointsEarned: number;
  correctness: Correctness;
  /** The question version the points were computed against (the pinned one, or a newer one after a regrade). */
  gradedVersion: number;
  feedback: string;
  /** 'auto', or the user id of the grader (manual grades of essays). */
  gradedBy: string;
  gradedAt: string;
}

export interface AttemptRecord {
  id: string;
  quizId: string;
  courseId: string;
  lessonId: string;
  studentId: string;
  attemptNumber: number;
  status: AttemptStatus;
  seed: number;
  paper: PaperSlot[];
  answers: Record<string, StudentAnswer>;
  results: Record<string, ResultEntry>;
  startedAt: Date;
  deadlineAt: Date | null;
  lastSavedAt: Date | null;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  gradedAt: Date | null;
  gradedBy: string | null;
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean;
  timeSpentSeconds: number;
}

/** The last moment a save or submit is accepted: the deadline plus the grace; null = never closes by time. */
export function acceptUntil(attempt: Pick<AttemptRecord, 'deadlineAt'>, graceSeconds: number): Date | null {
  return attempt.deadlineAt ? new Date(attempt.deadlineAt.getTime() + graceSeconds * 1000) : null;
}

/** True when the attempt's deadline and grace are behind us. */
export function isExpired(attempt: Pick<AttemptRecord, 'deadlineAt'>, graceSeconds: number, now: Date): boolean {
  const until = acceptUntil(attempt, graceSeconds);
  return until !== null && now.getTime() > until.getTime();
}

/**
 * The status a read presents: an attempt still `in_progress` whose deadline and grace are behind us is
 * `closing` — the deadline consumer (or the student's own submit) closes and grades it; a read never does.
 */
export type EffectiveStatus = AttemptStatus | 'closing';

/** An attempt as reads present it (see EffectiveStatus). */
export type SeenAttempt = Omit<AttemptRecord, 'status'> & { status: EffectiveStatus };

export function effectiveStatus(attempt: Pick<AttemptRecord, 'status' | 'deadlineAt'>, graceSeconds: number, now: Date): EffectiveStatus {
  return attempt.status === 'in_progress' && isExpired(attempt, graceSeconds, now) ? 'closing' : attempt.status;
}

/** The attempt with its effective status (the same object when nothing changes). */
export function asSeen(attempt: AttemptRecord, graceSeconds: number, now: Date): SeenAttempt {
  const status = effectiveStatus(attempt, graceSeconds, now);
  return status === attempt.status ? attempt : { ...attempt, status };
}

/** Submitted: closed by its student or its deadline (graded, or waiting for a person). */
export function isSubmitted(attempt: Pick<SeenAttempt, 'status'>): boolean {
  return attempt.status === 'graded' || attempt.status === 'pending_review';
}

/** Seconds left before the deadline (0 when past), -1 without a deadline. */
export function timeRemainingSeconds(attempt: Pick<AttemptRecord, 'deadlineAt'>, now: Date): number {
  if (!attempt.deadlineAt) return -1;
  return Math.max(0, Math.floor((attempt.deadlineAt.getTime() - now.getTime()) / 1000));
}

/** Time taken: start to submission; an attempt closed by its deadline counts no time past the deadline. */
export function timeSpentSeconds(startedAt: Date, submittedAt: Date, deadlineAt: Date | null, auto: boolean): number {
  const end = auto && deadlineAt && deadlineAt.getTime() < submittedAt.getTime() ? deadlineAt : submittedAt;
  return Math.max(0, Math.round((end.getTime() - startedAt.getTime()) / 1000));
}

/** -1 = unlimited. */
export function attemptsRemaining(maxAttempts: number, used: number): number {
  return maxAttempts > 0 ? Math.max(0, maxAttempts - used) : -1;
}

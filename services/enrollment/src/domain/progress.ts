import type { CourseLesson } from './course';
import { Checker, LIMITS } from './validation';

/** One student's progress on one lesson (a row exists once the lesson was started). */
export type LessonStatus = 'not_started' | 'in_progress' | 'completed';

export interface LessonProgress {
  id: string;
  enrollmentId: string;
  lessonId: string;
  status: LessonStatus;
  completionPercentage: number;
  timeSpentSeconds: number;
  lastPositionSeconds: number;
  notes: string;
  startedAt: Date | null;
  completedAt: Date | null;
  lastAccessedAt: Date | null;
}

export const UPDATABLE_FIELDS = ['status', 'time_spent_seconds', 'last_position_seconds', 'completion_percentage', 'notes'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

export interface ProgressUpdateInput {
  fields: string[];
  status: string;
  timeSpentSeconds: number;
  lastPositionSeconds: number;
  completionPercentage: number;
  notes: string;
}

export interface ProgressUpdate {
  /** Seconds to add (0 when not sent). */
  timeIncrement: number;
  lastPositionSeconds?: number;
  completionPercentage?: number;
  notes?: string;
  /** The client marks the lesson completed through the update. */
  complete: boolean;
}

/**
 * Validates a progress update. `time_spent_seconds` is an increment bounded per call, so a client cannot
 * add hours at once; positions are non-negative, percentages 0–100, notes bounded.
 */
export function parseProgressUpdate(input: ProgressUpdateInput, maxIncrementSeconds: number, check: Checker): ProgressUpdate {
  const fields = new Set(input.fields);
  // The caller's text is never echoed back (error details travel in gRPC metadata, ASCII only).
  input.fields.forEach((field, i) => {
    if (!(UPDATABLE_FIELDS as readonly string[]).includes(field)) check.add(['fields', i], `is not one of: ${UPDATABLE_FIELDS.join(', ')}`);
  });
  if (fields.size === 0) check.add(['fields'], 'at least one field is required');
  const update: ProgressUpdate = { timeIncrement: 0, complete: false };
  if (fields.has('status')) {
    const status = check.oneOf('status', input.status, ['in_progress', 'completed'] as const);
    update.complete = status === 'completed';
  }
  if (fields.has('time_spent_seconds')) {
    const inc = Number(input.timeSpentSeconds);
    if (!Number.isInteger(inc) || inc < 0 || inc > maxIncrementSeconds) {
      check.add('time_spent_seconds', `is an increment: must be between 0 and ${maxIncrementSeconds} seconds per update`);
    } else update.timeIncrement = inc;
  }
  if (fields.has('last_position_seconds')) {
    const pos = Number(input.lastPositionSeconds);
    if (!Number.isInteger(pos) || pos < 0 || pos > LIMITS.positionMaxSeconds) {
      check.add('last_position_seconds', `must be between 0 and ${LIMITS.positionMaxSeconds}`);
    } else update.lastPositionSeconds = pos;
  }
  if (fields.has('completion_percentage')) {
    const pct = input.completionPercentage;
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100) check.add('completion_percentage', 'must be between 0 and 100');
    else update.completionPercentage = Math.round(pct * 100) / 100;
  }
  if (fields.has('notes')) update.notes = check.text('notes', input.notes, LIMITS.notesMax);
  return update;
}

/** Why a lesson cannot be opened yet. */
export type LessonLock =
  | { kind: 'open' }
  | { kind: 'drip'; unlockAt: Date }
  | { kind: 'prerequisite'; prerequisite: 'previous_lesson' | 'previous_section'; missingLessonIds: string[] };

export interface LockContext {
  enrolledAt: Date;
  now: Date;
  /** Lessons the prerequisite rule points at (the previous lesson, or every lesson of the previous section), with completion. */
  prerequisiteLessons: { lessonId: string; completed: boolean }[];
}

const DAY_MS = 24 * 3600 * 1000;

/** When the drip rules open the lesson for this enrolment (null = no drip). The later of both rules wins. */
export function dripUnlockAt(lesson: Pick<CourseLesson, 'unlockAt' | 'unlockAfterDays'>, enrolledAt: Date): Date | null {
  const candidates: number[] = [];
  if (lesson.unlockAt) candidates.push(lesson.unlockAt.getTime());
  if (lesson.unlockAfterDays > 0) candidates.push(enrolledAt.getTime() + lesson.unlockAfterDays * DAY_MS);
  return candidates.length ? new Date(Math.max(...candidates)) : null;
}

/** Drip first (it says when), then the prerequisite (it says what). */
export function evaluateLock(lesson: CourseLesson, ctx: LockContext): LessonLock {
  const unlockAt = dripUnlockAt(lesson, ctx.enrolledAt);
  if (unlockAt && unlockAt.getTime() > ctx.now.getTime()) return { kind: 'drip', unlockAt };
  if (lesson.prerequisite === 'previous_lesson' || lesson.prerequisite === 'previous_section') {
    const missing = ctx.prerequisiteLessons.filter((l) => !l.completed).map((l) => l.lessonId);
    if (missing.length) return { kind: 'prerequisite', prerequisite: lesson.prerequisite, missingLessonIds: missing };
  }
  return { kind: 'open' };
}

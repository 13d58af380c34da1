import type { EnrollmentStatus } from './enrollment-status';

/**
 * Aggregates by deltas: every fact row contributes numbers to aggregate rows (`contribution(row)`); a
 * handler applies a fact to the locked row, then adds `contribution(after) − contribution(before)` to each
 * aggregate. So every aggregate equals the sum of its fact rows' contributions — a recount — whatever order
 * the facts came in (each fact counts once: the inbox).
 */
export type AggregateTable = 'course_stats' | 'lesson_stats' | 'quiz_stats' | 'question_stats' | 'student_daily' | 'course_daily' | 'system_daily';

export interface Contribution {
  table: AggregateTable;
  /** The aggregate row's primary key. */
  key: Record<string, string | number>;
  /** Columns written only when the aggregate row is created (e.g. its course_id). */
  attrs?: Record<string, string>;
  /** Column → amount (course_stats `rating_1`…`rating_5` are the elements of `ratings`). */
  values: Record<string, number>;
}

/** Counters of the whole platform are spread over this many rows a day (readers sum them). */
export const SYSTEM_SHARDS = 16;

/** The shard of an entity id: its last hex digit (uuids are random there), 0..15. */
export function shardOf(id: string): number {
  return parseInt(id.slice(-1), 16) % SYSTEM_SHARDS || 0;
}

/** The UTC day of a time, `YYYY-MM-DD`. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** Whole seconds from `from` to `to` (floor; the recount uses floor(extract(epoch …)) too). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 1000);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** `after − before` per aggregate row and column, without zero amounts or empty rows. */
export function delta(before: Contribution[], after: Contribution[]): Contribution[] {
  const rows = new Map<string, Contribution>();
  const add = (list: Contribution[], sign: 1 | -1) => {
    for (const c of list) {
      const id = `${c.table}|${JSON.stringify(c.key)}`;
      let row = rows.get(id);
      if (!row) {
        row = { table: c.table, key: c.key, attrs: c.attrs, values: {} };
        rows.set(id, row);
      }
      for (const [column, amount] of Object.entries(c.values)) row.values[column] = (row.values[column] ?? 0) + sign * amount;
    }
  };
  add(before, -1);
  add(after, 1);
  const out: Contribution[] = [];
  for (const row of rows.values()) {
    const values: Record<string, number> = {};
    for (const [column, amount] of Object.entries(row.values)) {
      const rounded = round2(amount);
      if (rounded !== 0) values[column] = rounded;
    }
    if (Object.keys(values).length > 0) out.push({ ...row, values });
  }
  return out;
}

// ---------------------------------------------------------------- fact rows

export interface EnrollmentRow {
  enrollmentId: string;
  studentId: string;
  courseId: string;
  enrolledAt: Date | null;
  priceCents: number | null;
  currency: string | null;
  droppedAt: Date | null;
  expiredAt: Date | null;
  reactivatedAt: Date | null;
  completedAt: Date | null;
  status: EnrollmentStatus;
  progressPercentage: number;
  completedLessons: number;
  totalLessons: number;
  progressVersion: number;
  lessonsCompleted: number;
  timeSpentSeconds: number;
  firstActivityAt: Date | null;
  lastActivityAt: Date | null;
  lastLessonId: string | null;
  lastLessonAt: Date | null;
  rating: number | null;
  review: string | null;
  reviewedAt: Date | null;
}

export interface LessonProgressRow {
  enrollmentId: string;
  lessonId: string;
  courseId: string;
  studentId: string;
  startedAt: Date | null;
  completedAt: Date | null;
  timeSpentSeconds: number;
}

export interface AttemptRow {
  attemptId: string;
  quizId: string;
  courseId: string;
  lessonId: string | null;
  studentId: string;
  attemptNumber: number;
  startedAt: Date | null;
  submittedAt: Date | null;
  gradedAt: Date | null;
  percentage: number | null;
  passed: boolean | null;
  /** Time of the grade fact whose answers are stored. */
  answersAt: Date | null;
}

export interface AnswerRow {
  attemptId: string;
  questionId: string;
  quizId: string;
  selectedOptionIds: string[];
  isCorrect: boolean | null;
  pointsEarned: number;
  maxPoints: number;
}

// ---------------------------------------------------------------- contributions

/**
 * An enrolment: one enrolment of its course in its status, its progress, time, rating and list price
 * (course_stats); a new enrolment on the day of enrolled_at (course_daily, system_daily), a completion on
 * the day of completed_at (course_daily). Time per day is added by the time facts themselves (see timeSpent).
 */
export function enrollmentContribution(row: EnrollmentRow): Contribution[] {
  const course = { course_id: row.courseId };
  const stats: Record<string, number> = {
    enrollments: 1,
    [row.status]: 1,
    progress_sum: row.progressPercentage,
    time_spent_seconds: row.timeSpentSeconds,
    revenue_cents: row.priceCents ?? 0,
    paid_enrollments: (row.priceCents ?? 0) > 0 ? 1 : 0,
  };
  if (row.rating !== null) {
    stats.rating_sum = row.rating;
    stats.rating_count = 1;
    stats[`rating_${row.rating}`] = 1;
    if (row.review && row.review.trim() !== '') stats.written_reviews = 1;
  }
  const out: Contribution[] = [{ table: 'course_stats', key: course, values: stats }];
  if (row.enrolledAt) {
    out.push({ table: 'course_daily', key: { ...course, day: dayOf(row.enrolledAt) }, values: { new_enrollments: 1 } });
    out.push({ table: 'system_daily', key: { day: dayOf(row.enrolledAt), shard: shardOf(row.enrollmentId) }, values: { new_enrollments: 1 } });
  }
  if (row.completedAt) out.push({ table: 'course_daily', key: { ...course, day: dayOf(row.completedAt) }, values: { completions: 1 } });
  return out;
}

/** A learner's progress in a lesson: started/completed/time of the lesson (lesson_stats), a completed lesson that day (student_daily). */
export function lessonProgressContribution(row: LessonProgressRow): Contribution[] {
  const values: Record<string, number> = {
    started: row.startedAt ? 1 : 0,
    completed: row.completedAt ? 1 : 0,
    time_spent_seconds: row.timeSpentSeconds,
    learners_with_time: row.timeSpentSeconds > 0 ? 1 : 0,
  };
  if (row.startedAt && row.completedAt) {
    values.completion_seconds_sum = secondsBetween(row.startedAt, row.completedAt);
    values.completion_timed = 1;
  }
  const out: Contribution[] = [{ table: 'lesson_stats', key: { lesson_id: row.lessonId }, attrs: { course_id: row.courseId }, values }];
  if (row.completedAt) {
    out.push({ table: 'student_daily', key: { student_id: row.studentId, day: dayOf(row.completedAt) }, values: { lessons_completed: 1 } });
  }
  return out;
}

/** Time added by one `lesson.time_recorded` on its day (student_daily, course_daily): an event amount, not a row's. */
export function timeSpentContribution(fact: { studentId: string; courseId: string; seconds: number; recordedAt: Date }): Contribution[] {
  const day = dayOf(fact.recordedAt);
  return [
    { table: 'student_daily', key: { student_id: fact.studentId, day }, values: { time_spent_seconds: fact.seconds } },
    { table: 'course_daily', key: { course_id: fact.courseId, day }, values: { time_spent_seconds: fact.seconds } },
  ];
}

/** A new (enrolment, day) of activity: one active learner that day (course_daily). */
export function activeDayContribution(courseId: string, day: string): Contribution[] {
  return [{ table: 'course_daily', key: { course_id: courseId, day }, values: { active_learners: 1 } }];
}

/** A user: one new user on the day of registration (system_daily), once registered_at is known. */
export function userContribution(row: { userId: string; registeredAt: Date | null }): Contribution[] {
  if (!row.registeredAt) return [];
  return [{ table: 'system_daily', key: { day: dayOf(row.registeredAt), shard: shardOf(row.userId) }, values: { new_users: 1 } }];
}

/** The per-(quiz, student) counters an attempt adds to (quiz_students). */
export function attemptStudentCounts(row: AttemptRow): { graded: number; failed: number } {
  const graded = row.percentage !== null ? 1 : 0;
  return { graded, failed: graded && row.passed === false ? 1 : 0 };
}

/**
 * An attempt: one attempt, graded/passed/score, submitted and timed (quiz_stats), a quiz taken on the day it was
 * submitted (student_daily). Its share of quiz_students (and so of quiz_stats.unique_students) is
 * `attemptStudentCounts` / `quizStudentContribution`.
 */
export function attemptContribution(row: AttemptRow): Contribution[] {
  const graded = row.percentage !== null;
  const values: Record<string, number> = {
    attempts: 1,
    graded_attempts: graded ? 1 : 0,
    passed_attempts: graded && row.passed ? 1 : 0,
    percentage_sum: graded ? row.percentage! : 0,
    submitted_attempts: row.submittedAt ? 1 : 0,
  };
  if (row.startedAt && row.submittedAt) {
    values.duration_seconds_sum = secondsBetween(row.startedAt, row.submittedAt);
    values.timed_attempts = 1;
  }
  const out: Contribution[] = [{ table: 'quiz_stats', key: { quiz_id: row.quizId }, attrs: { course_id: row.courseId }, values }];
  if (row.submittedAt) {
    out.push({ table: 'student_daily', key: { student_id: row.studentId, day: dayOf(row.submittedAt) }, values: { quizzes_taken: 1 } });
  }
  return out;
}

/** A (quiz, student) with at least one graded attempt is one unique student of the quiz (quiz_stats). */
export function quizStudentContribution(row: { quizId: string; courseId: string; gradedAttempts: number }): Contribution[] {
  return [{ table: 'quiz_stats', key: { quiz_id: row.quizId }, attrs: { course_id: row.courseId }, values: { unique_students: row.gradedAttempts > 0 ? 1 : 0 } }];
}

/** An answer of a graded attempt: answered (when gradable: is_correct known), and correct when it is (question_stats). */
export function answerContribution(row: AnswerRow): Contribution[] {
  return [
    {
      table: 'question_stats',
      key: { question_id: row.questionId },
      attrs: { quiz_id: row.quizId },
      values: { answered: row.isCorrect === null ? 0 : 1, correct: row.isCorrect ? 1 : 0 },
    },
  ];
}

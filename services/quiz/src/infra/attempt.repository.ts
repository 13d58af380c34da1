import { QueryTypes } from 'sequelize';
import { preparedStatement, type SqlSession } from '@lms/kit/db';
import type { AttemptRecord, QuizRecord, ResultEntry } from '../domain/quiz.entities';
import { quizFromJson, type QuizRow } from './quiz.repository';
import type { AttemptStatus, PaperSlot, StudentAnswer } from '../domain/types';

interface AttemptRow {
  id: string;
  quiz_id: string;
  course_id: string;
  lesson_id: string;
  student_id: string;
  attempt_number: number;
  status: AttemptStatus;
  seed: string | number;
  paper: PaperSlot[];
  answers: Record<string, StudentAnswer>;
  results: Record<string, ResultEntry>;
  started_at: Date;
  deadline_at: Date | null;
  last_saved_at: Date | null;
  submitted_at: Date | null;
  auto_submitted: boolean;
  graded_at: Date | null;
  graded_by: string | null;
  score: string | number;
  max_score: string | number;
  percentage: string | number;
  passed: boolean;
  time_spent_seconds: number;
}

function toAttempt(row: AttemptRow): AttemptRecord {
  return {
    id: row.id,
    quizId: row.quiz_id,
    courseId: row.course_id,
    lessonId: row.lesson_id,
    studentId: row.student_id,
    attemptNumber: row.attempt_number,
    status: row.status,
    seed: Number(row.seed),
    paper: row.paper ?? [],
    answers: row.answers ?? {},
    results: row.results ?? {},
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    lastSavedAt: row.last_saved_at,
    submittedAt: row.submitted_at,
    autoSubmitted: row.auto_submitted,
    gradedAt: row.graded_at,
    gradedBy: row.graded_by,
    score: Number(row.score),
    maxScore: Number(row.max_score),
    percentage: Number(row.percentage),
    passed: row.passed,
    timeSpentSeconds: row.time_spent_seconds,
  };
}

/** Summaries skip the heavy JSON columns. */
const SUMMARY_COLUMNS = `id, quiz_id, course_id, lesson_id, student_id, attempt_number, status, seed, '[]'::jsonb AS paper,
  '{}'::jsonb AS answers, '{}'::jsonb AS results, started_at, deadline_at, last_saved_at, submitted_at, auto_submitted,
  graded_at, graded_by, score, max_score, percentage, passed, time_spent_seconds`;

/** The columns of AttemptRow, named in the prepared statements (not `*`: see QUIZ_COLUMNS in quiz.repository.ts). */
const ATTEMPT_COLUMNS = `a.id, a.quiz_id, a.course_id, a.lesson_id, a.student_id, a.attempt_number, a.status, a.seed, a.paper, a.answers,
  a.results, a.started_at, a.deadline_at, a.last_saved_at, a.submitted_at, a.auto_submitted, a.graded_at, a.graded_by, a.score,
  a.max_score, a.percentage, a.passed, a.time_spent_seconds`;

/** The statements of every start, paper and submit, prepared (kit): parsed and planned once per connection. */
const FIND_WITH_QUIZ = preparedStatement(
  'quiz.attempt_with_quiz',
  `SELECT ${ATTEMPT_COLUMNS}, a.xmin::text AS row_version, to_jsonb(q) AS quiz FROM attempts a JOIN quizzes q ON q.id = a.quiz_id WHERE a.id = :id`,
);
/** The quiz and the student's attempt in progress at it in one read (the attempt's columns all null when there is none). */
const QUIZ_WITH_IN_PROGRESS = preparedStatement(
  'quiz.quiz_with_attempt_in_progress',
  `SELECT ${ATTEMPT_COLUMNS}, to_jsonb(q) AS quiz FROM quizzes q
   LEFT JOIN attempts a ON a.quiz_id = q.id AND a.student_id = :studentId AND a.status = 'in_progress'
   WHERE q.id = CAST(:quizId AS uuid)`,
);
const START_NEXT = preparedStatement(
  'quiz.start_next',
  `WITH facts AS (
     SELECT count(*)::int AS used, coalesce(max(attempt_number), 0)::int AS last_number,
       (array_agg(id) FILTER (WHERE status = 'in_progress'))[1] AS in_progress_id
     FROM attempts WHERE quiz_id = :quizId AND student_id = :studentId
   ), created AS (
     INSERT INTO attempts (id, quiz_id, course_id, lesson_id, student_id, attempt_number, status, seed, paper, answers, results,
       started_at, deadline_at, max_score, created_at, updated_at)
     SELECT CAST(:id AS uuid), :quizId, CAST(:courseId AS uuid), CAST(:lessonId AS uuid), :studentId, facts.last_number + 1, 'in_progress',
       CAST(:seed AS bigint), CAST(:paper AS jsonb), '{}', '{}', CAST(:startedAt AS timestamptz), CAST(:deadlineAt AS timestamptz),
       CAST(:maxScore AS numeric), CAST(:startedAt AS timestamptz), CAST(:startedAt AS timestamptz)
     FROM facts WHERE CAST(:insert AS boolean) AND facts.in_progress_id IS NULL
       AND (CAST(:maxAttempts AS integer) <= 0 OR facts.used < CAST(:maxAttempts AS integer))
     RETURNING attempt_number
   )
   SELECT facts.used, facts.last_number, facts.in_progress_id, created.attempt_number AS created_number FROM facts LEFT JOIN created ON true`,
);
const CLOSE = preparedStatement(
  'quiz.close_attempt',
  `UPDATE attempts SET status = :status, answers = CAST(:answers AS jsonb), results = CAST(:results AS jsonb),
     submitted_at = :submittedAt, auto_submitted = :autoSubmitted, time_spent_seconds = :timeSpentSeconds,
     score = :score, max_score = :maxScore, percentage = :percentage, passed = :passed,
     graded_at = :gradedAt, graded_by = :gradedBy, updated_at = :submittedAt
   WHERE id = :id AND status = 'in_progress' AND (CAST(:ifVersion AS xid) IS NULL OR xmin = CAST(:ifVersion AS xid)) RETURNING id`,
);

/** The outcome of grading written when an attempt closes, is graded by hand or regraded. */
export interface GradeWrite {
  status: AttemptStatus;
  results: Record<string, ResultEntry>;
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean;
  gradedAt: Date | null;
  gradedBy: string | null;
}

export class AttemptRepository {
  constructor(private readonly sql: SqlSession) {}

  async findById(id: string, lock = false): Promise<AttemptRecord | null> {
    const rows = await this.sql.query<AttemptRow>(`SELECT * FROM attempts WHERE id = :id${lock ? ' FOR UPDATE' : ''}`, {
      type: QueryTypes.SELECT,
      replacements: { id },
    });
    return rows[0] ? toAttempt(rows[0]) : null;
  }

  /**
   * An attempt and its quiz in one read, without a lock (SaveAnswers and SubmitAttempt before their unit of work),
   * with the row's version (`xmin`, new on every UPDATE of the row): a write conditional on it (`ifVersion` of
   * saveAnswers and close) changes the row only if nothing changed it since this read.
   */
  async findWithQuiz(id: string): Promise<{ attempt: AttemptRecord; version: string; quiz: QuizRecord } | null> {
    const rows = await this.sql.prepared<AttemptRow & { row_version: string; quiz: QuizRow }>(FIND_WITH_QUIZ, { id });
    return rows[0] ? { attempt: toAttempt(rows[0]), version: rows[0].row_version, quiz: quizFromJson(rows[0].quiz) } : null;
  }

  /**
   * The quiz (null: no such quiz) and the student's attempt in progress at it (null: none) — what the paper reads,
   * in one round trip instead of two.
   */
  async findQuizWithInProgress(quizId: string, studentId: string): Promise<{ quiz: QuizRecord | null; attempt: AttemptRecord | null }> {
    const [row] = await this.sql.prepared<AttemptRow & { quiz: QuizRow }>(QUIZ_WITH_IN_PROGRESS, { quizId, studentId });
    if (!row) return { quiz: null, attempt: null };
    return { quiz: quizFromJson(row.quiz), attempt: row.id === null ? null : toAttempt(row) };
  }

  /** Every attempt of a student at a quiz (summaries), oldest first. */
  async listForStudent(quizId: string, studentId: string): Promise<AttemptRecord[]> {
    const rows = await this.sql.query<AttemptRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM attempts WHERE quiz_id = :quizId AND student_id = :studentId ORDER BY attempt_number`,
      { type: QueryTypes.SELECT, replacements: { quizId, studentId } },
    );
    return rows.map(toAttempt);
  }

  async countForStudent(quizId: string, studentId: string): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attempts WHERE quiz_id = :quizId AND student_id = :studentId`,
      { type: QueryTypes.SELECT, replacements: { quizId, studentId } },
    );
    return row.n;
  }

  /**
   * StartAttempt's statement under its lock: the student's attempts at the quiz (how many, the highest number, the
   * id of the one in progress) and — when `create` is given, none is in progress and `maxAttempts` (0 = no limit)
   * is not used up — `create` inserted with the next number, in one round trip. `createdNumber` is that number, or null when
   * nothing was inserted: the caller decides from the facts (resume, refuse, or close the expired attempt and call
   * again). The statement's snapshot is taken after lockForStart returned holding the student's lock, so the facts
   * include every start that committed before it.
   */
  async startNext(
    quizId: string,
    studentId: string,
    opts: { create: Omit<AttemptRecord, 'attemptNumber'> | null; maxAttempts: number },
  ): Promise<{ used: number; lastNumber: number; inProgressId: string | null; createdNumber: number | null }> {
    const a = opts.create;
    const [row] = await this.sql.prepared<{ used: number; last_number: number; in_progress_id: string | null; created_number: number | null }>(
      START_NEXT,
      {
        quizId,
        studentId,
        insert: a !== null,
        id: a?.id ?? null,
        courseId: a?.courseId ?? null,
        lessonId: a?.lessonId ?? null,
        seed: a?.seed ?? null,
        paper: a ? JSON.stringify(a.paper) : null,
        startedAt: a?.startedAt ?? null,
        deadlineAt: a?.deadlineAt ?? null,
        maxScore: a?.maxScore ?? null,
        maxAttempts: opts.maxAttempts,
      },
    );
    return { used: row.used, lastNumber: row.last_number, inProgressId: row.in_progress_id, createdNumber: row.created_number };
  }

  async hasAny(quizId: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM attempts WHERE quiz_id = :quizId LIMIT 1`, {
      type: QueryTypes.SELECT,
      replacements: { quizId },
    });
    return rows.length > 0;
  }

  async page(
    quizId: string,
    q: { status?: string; studentId?: string; limit: number; offset: number },
  ): Promise<{ items: AttemptRecord[]; total: number }> {
    const where = ['quiz_id = :quizId'];
    if (q.status) where.push('status = :status');
    if (q.studentId) where.push('student_id = :studentId');
    const replacements = { quizId, status: q.status ?? null, studentId: q.studentId ?? null, limit: q.limit, offset: q.offset };
    const [rows, [count]] = await Promise.all([
      this.sql.query<AttemptRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM attempts WHERE ${where.join(' AND ')} ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset`,
        { type: QueryTypes.SELECT, replacements },
      ),
      this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM attempts WHERE ${where.join(' AND ')}`, {
        type: QueryTypes.SELECT,
        replacements,
      }),
    ]);
    return { items: rows.map(toAttempt), total: count.n };
  }

  /**
   * The next keyset batch of a quiz's submitted attempts (graded or waiting for review): id order, after
   * `afterId`, at most `limit`; locked (FOR UPDATE, in id order) when `lock`.
   */
  async submittedBatch(
    quizId: string,
    q: { afterId: string | null; limit: number; lock: boolean },
  ): Promise<AttemptRecord[]> {
    const rows = await this.sql.query<AttemptRow>(
      `SELECT * FROM attempts WHERE quiz_id = :quizId AND status IN ('graded', 'pending_review')${q.afterId ? ' AND id > :afterId' : ''}
       ORDER BY id LIMIT :limit${q.lock ? ' FOR UPDATE' : ''}`,
      { type: QueryTypes.SELECT, replacements: { quizId, afterId: q.afterId, limit: q.limit } },
    );
    return rows.map(toAttempt);
  }

  /**
   * A student's graded attempts over every quiz of a course: how many and their mean percentage (0 when none).
   * `pending_review` (essays awaiting a grader) and `in_progress` are not final, so they do not count.
   */
  async gradedSummary(courseId: string, studentId: string): Promise<{ count: number; averagePercentage: number }> {
    const [row] = await this.sql.query<{ n: number; average: string | number | null }>(
      `SELECT count(*)::int AS n, avg(percentage) AS average FROM attempts
       WHERE course_id = :courseId AND student_id = :studentId AND status = 'graded'`,
      { type: QueryTypes.SELECT, replacements: { courseId, studentId } },
    );
    return { count: row.n, averagePercentage: row.average === null ? 0 : Number(row.average) };
  }

  async countSubmitted(quizId: string): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attempts WHERE quiz_id = :quizId AND status IN ('graded', 'pending_review')`,
      { type: QueryTypes.SELECT, replacements: { quizId } },
    );
    return row.n;
  }

  /**
   * Saves answers of an attempt still in progress; false when it is not (closed meanwhile), or — with `ifVersion`
   * (findWithQuiz) — when the row changed since it was read.
   */
  async saveAnswers(id: string, answers: Record<string, StudentAnswer>, at: Date, ifVersion?: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE attempts SET answers = CAST(:answers AS jsonb), last_saved_at = :at, updated_at = :at
       WHERE id = :id AND status = 'in_progress'${ifVersion ? ' AND xmin = CAST(:ifVersion AS xid)' : ''} RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, answers: JSON.stringify(answers), at, ifVersion: ifVersion ?? null } },
    );
    return rows.length > 0;
  }

  /**
   * Closes an attempt still in progress (conditional: false when someone else closed it first — or, with
   * `ifVersion` (findWithQuiz), when anything changed the row since it was read) with its answers and grade.
   */
  async close(
    id: string,
    c: GradeWrite & { answers: Record<string, StudentAnswer>; submittedAt: Date; autoSubmitted: boolean; timeSpentSeconds: number },
    ifVersion?: string,
  ): Promise<boolean> {
    const rows = await this.sql.prepared(CLOSE, {
      id,
      status: c.status,
      answers: JSON.stringify(c.answers),
      results: JSON.stringify(c.results),
      submittedAt: c.submittedAt,
      autoSubmitted: c.autoSubmitted,
      timeSpentSeconds: c.timeSpentSeconds,
      score: c.score,
      maxScore: c.maxScore,
      percentage: c.percentage,
      passed: c.passed,
      gradedAt: c.gradedAt,
      gradedBy: c.gradedBy,
      ifVersion: ifVersion ?? null,
    });
    return rows.length > 0;
  }

  /** A new grade for a submitted attempt (manual grading, regrade). */
  async writeGrade(id: string, g: GradeWrite, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE attempts SET status = :status, results = CAST(:results AS jsonb), score = :score, max_score = :maxScore,
         percentage = :percentage, passed = :passed, graded_at = :gradedAt, graded_by = :gradedBy, updated_at = :at
       WHERE id = :id`,
      {
        replacements: {
          id,
          status: g.status,
          results: JSON.stringify(g.results),
          score: g.score,
          maxScore: g.maxScore,
          percentage: g.percentage,
          passed: g.passed,
          gradedAt: g.gradedAt,
          gradedBy: g.gradedBy,
          at,
        },
      },
    );
  }
}

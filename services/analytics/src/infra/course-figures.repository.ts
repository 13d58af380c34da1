import type { SqlSession } from '@lms/kit/db';
import type { RiskInput } from '../domain/figures/risk';
import { PUBLISHED_LESSON, ReadSql, displayName, num, numOrNull, text, time, type Row } from './figures-sql';

export interface CourseRow {
  courseId: string;
  instructorId: string;
  title: string;
  isPublished: boolean;
  currency: string;
  deleted: boolean;
}

export interface CourseStatsRow {
  enrollments: number;
  active: number;
  completed: number;
  dropped: number;
  expired: number;
  progressSum: number;
  timeSpentSeconds: number;
  ratingSum: number;
  ratingCount: number;
  writtenReviews: number;
  ratings: number[];
  revenueCents: number;
  paidEnrollments: number;
}

export const ZERO_STATS: CourseStatsRow = {
  enrollments: 0, active: 0, completed: 0, dropped: 0, expired: 0, progressSum: 0, timeSpentSeconds: 0,
  ratingSum: 0, ratingCount: 0, writtenReviews: 0, ratings: [0, 0, 0, 0, 0], revenueCents: 0, paidEnrollments: 0,
};

export interface LessonStatsRow {
  lessonId: string;
  title: string;
  position: number;
  started: number;
  completed: number;
  timeSpentSeconds: number;
  learnersWithTime: number;
  completionSecondsSum: number;
  completionTimed: number;
}

export interface QuizStatsRow {
  quizId: string;
  title: string;
  graded: number;
  passed: number;
  percentageSum: number;
  durationSecondsSum: number;
  timed: number;
  uniqueStudents: number;
}

export interface HardQuestionRow {
  quizId: string;
  questionId: string;
  text: string;
  answered: number;
  correct: number;
}

export interface CourseDayRow {
  day: string;
  newEnrollments: number;
  completions: number;
}

export interface CourseStudentRowData {
  enrollmentId: string;
  studentId: string;
  studentName: string;
  status: string;
  enrolledAt: Date | null;
  progress: number;
  completedLessons: number;
  totalLessons: number;
  timeSpentSeconds: number;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  quizzesTaken: number;
  quizzesPassed: number;
  averageQuizScore: number | null;
}

/** An active enrolment as the at-risk report reads it (its quiz failures come from a second query). */
export type RiskRow = Omit<RiskInput, 'repeatedlyFailedQuizzes'>;

export interface AnswerRow {
  attemptId: string;
  questionId: string;
  selectedOptionIds: string[];
  isCorrect: boolean | null;
  pointsEarned: number;
  maxPoints: number;
}

export function statsOf(r: Row | null): CourseStatsRow {
  if (!r) return { ...ZERO_STATS, ratings: [0, 0, 0, 0, 0] };
  const ratings = Array.isArray(r.ratings) ? (r.ratings as unknown[]).map(num) : [0, 0, 0, 0, 0];
  return {
    enrollments: num(r.enrollments),
    active: num(r.active),
    completed: num(r.completed),
    dropped: num(r.dropped),
    expired: num(r.expired),
    progressSum: num(r.progress_sum),
    timeSpentSeconds: num(r.time_spent_seconds),
    ratingSum: num(r.rating_sum),
    ratingCount: num(r.rating_count),
    writtenReviews: num(r.written_reviews),
    ratings,
    revenueCents: num(r.revenue_cents),
    paidEnrollments: num(r.paid_enrollments),
  };
}

/** Course and quiz figures: aggregates of one course and index ranges of its enrolments. */
export class CourseFiguresRepository {
  private readonly q: ReadSql;

  constructor(sql: SqlSession) {
    this.q = new ReadSql(sql);
  }

  async course(courseId: string): Promise<CourseRow | null> {
    const r = await this.q.one<Row>(
      'SELECT course_id, instructor_id, title, is_published, is_archived, currency, deleted_at FROM courses WHERE course_id = :courseId',
      { courseId },
    );
    if (!r) return null;
    return {
      courseId: text(r.course_id),
      instructorId: text(r.instructor_id),
      title: text(r.title),
      isPublished: Boolean(r.is_published) && !r.is_archived,
      currency: text(r.currency),
      deleted: Boolean(r.deleted_at),
    };
  }

  async quiz(quizId: string): Promise<{ quizId: string; courseId: string; title: string } | null> {
    const r = await this.q.one<Row>(
      `SELECT quiz_id, course_id, title FROM (
         SELECT quiz_id, course_id, title, 0 AS source FROM quizzes WHERE quiz_id = :quizId
         UNION ALL SELECT quiz_id, course_id, '', 1 FROM quiz_stats WHERE quiz_id = :quizId) q
       ORDER BY source LIMIT 1`,
      { quizId },
    );
    return r ? { quizId: text(r.quiz_id), courseId: text(r.course_id), title: text(r.title) } : null;
  }

  async stats(courseId: string): Promise<CourseStatsRow> {
    return statsOf(await this.q.one<Row>('SELECT * FROM course_stats WHERE course_id = :courseId', { courseId }));
  }

  /** Published lessons and published quizzes of the course. */
  async contentCounts(courseId: string): Promise<{ lessons: number; quizzes: number }> {
    const r = await this.q.one<Row>(
      `SELECT (SELECT count(*) FROM lessons l WHERE l.course_id = :courseId AND ${PUBLISHED_LESSON}) AS lessons,
              (SELECT count(*) FROM quizzes q WHERE q.course_id = :courseId AND q.is_published) AS quizzes`,
      { courseId },
    );
    return { lessons: num(r?.lessons), quizzes: num(r?.quizzes) };
  }

  /** Distinct learners of the course active since each instant (an index range on (course_id, last_activity_at)). */
  async activeLearners(courseId: string, since: { day: Date; week: Date; month: Date }): Promise<{ day: number; week: number; month: number }> {
    const r = await this.q.one<Row>(
      `SELECT count(DISTINCT student_id) FILTER (WHERE last_activity_at >= :day) AS day,
              count(DISTINCT student_id) FILTER (WHERE last_activity_at >= :week) AS week,
              count(DISTINCT student_id) AS month
         FROM enrollments WHERE course_id = :courseId AND last_activity_at >= :month`,
      { courseId, ...since },
    );
    return { day: num(r?.day), week: num(r?.week), month: num(r?.month) };
  }

  /** Σ time and Σ active learner-days of course_daily from `fromDay` on. */
  async sessionTotals(courseId: string, fromDay: string): Promise<{ seconds: number; learnerDays: number }> {
    const r = await this.q.one<Row>(
      `SELECT coalesce(sum(time_spent_seconds), 0) AS seconds, coalesce(sum(active_learners), 0) AS learner_days
         FROM course_daily WHERE course_id = :courseId AND day >= :fromDay::date`,
      { courseId, fromDay },
    );
    return { seconds: num(r?.seconds), learnerDays: num(r?.learner_days) };
  }

  /** Enrolments dropped, expired without completion, or active and silent since before `silentBefore`. */
  async dropouts(courseId: string, silentBefore: Date): Promise<number> {
    const r = await this.q.one<Row>(
      `SELECT count(*) AS n FROM enrollments
        WHERE course_id = :courseId
          AND (status = 'dropped' OR (status = 'expired' AND completed_at IS NULL)
               OR (status = 'active' AND completed_at IS NULL AND coalesce(last_activity_at, enrolled_at) < :silentBefore))`,
      { courseId, silentBefore },
    );
    return num(r?.n);
  }

  async mostWatchedLesson(courseId: string): Promise<{ lessonId: string; title: string; seconds: number; started: number } | null> {
    const r = await this.q.one<Row>(
      `SELECT s.lesson_id, l.title, s.time_spent_seconds, s.started FROM lesson_stats s LEFT JOIN lessons l ON l.lesson_id = s.lesson_id
        WHERE s.course_id = :courseId AND s.time_spent_seconds > 0
        ORDER BY s.time_spent_seconds DESC, s.lesson_id LIMIT 1`,
      { courseId },
    );
    return r ? { lessonId: text(r.lesson_id), title: text(r.title), seconds: num(r.time_spent_seconds), started: num(r.started) } : null;
  }

  /** Published lessons in course order with their stats. */
  async lessons(courseId: string): Promise<LessonStatsRow[]> {
    const rows = await this.q.rows<Row>(
      `SELECT l.lesson_id, l.title, l.position, s.started, s.completed, s.time_spent_seconds, s.learners_with_time,
              s.completion_seconds_sum, s.completion_timed
         FROM lessons l LEFT JOIN lesson_stats s ON s.lesson_id = l.lesson_id
        WHERE l.course_id = :courseId AND ${PUBLISHED_LESSON}
        ORDER BY l.position, l.lesson_id`,
      { courseId },
    );
    return rows.map((r) => ({
      lessonId: text(r.lesson_id),
      title: text(r.title),
      position: num(r.position),
      started: num(r.started),
      completed: num(r.completed),
      timeSpentSeconds: num(r.time_spent_seconds),
      learnersWithTime: num(r.learners_with_time),
      completionSecondsSum: num(r.completion_seconds_sum),
      completionTimed: num(r.completion_timed),
    }));
  }

  /**
   * Quizzes of the course that are published or have attempts, with their stats (lesson order, then title). A quiz
   * whose definition analytics never received (published before `quiz.published` existed) is named by its lesson.
   */
  async quizzes(courseId: string): Promise<QuizStatsRow[]> {
    const rows = await this.q.rows<Row>(
      `WITH ids AS (
         SELECT quiz_id FROM quizzes WHERE course_id = :courseId AND is_published
         UNION SELECT quiz_id FROM quiz_stats WHERE course_id = :courseId AND (graded_attempts > 0 OR submitted_attempts > 0))
       SELECT ids.quiz_id, COALESCE(NULLIF(q.title, ''), l.title, '') AS title, s.graded_attempts, s.passed_attempts,
              s.percentage_sum, s.duration_seconds_sum, s.timed_attempts, s.unique_students
         FROM ids LEFT JOIN quizzes q ON q.quiz_id = ids.quiz_id LEFT JOIN quiz_stats s ON s.quiz_id = ids.quiz_id
         LEFT JOIN LATERAL (
           SELECT a.lesson_id FROM attempts a WHERE a.quiz_id = ids.quiz_id AND a.lesson_id IS NOT NULL LIMIT 1) al ON q.lesson_id IS NULL
         LEFT JOIN lessons l ON l.lesson_id = COALESCE(q.lesson_id, al.lesson_id)
        ORDER BY l.position NULLS LAST, 2, ids.quiz_id`,
      { courseId },
    );
    return rows.map((r) => ({
      quizId: text(r.quiz_id),
      title: text(r.title),
      graded: num(r.graded_attempts),
      passed: num(r.passed_attempts),
      percentageSum: num(r.percentage_sum),
      durationSecondsSum: num(r.duration_seconds_sum),
      timed: num(r.timed_attempts),
      uniqueStudents: num(r.unique_students),
    }));
  }

  /** Per quiz, up to `perQuiz` questions answered correctly by less than half, hardest first. */
  async hardQuestions(quizIds: string[], perQuiz: number): Promise<HardQuestionRow[]> {
    if (quizIds.length === 0) return [];
    const rows = await this.q.rows<Row>(
      `SELECT * FROM (
         SELECT s.quiz_id, s.question_id, qq.text, s.answered, s.correct,
                row_number() OVER (PARTITION BY s.quiz_id ORDER BY s.correct::float8 / s.answered, s.answered DESC, s.question_id) AS rank
           FROM question_stats s LEFT JOIN questions qq ON qq.question_id = s.question_id
          WHERE s.quiz_id IN (:quizIds) AND s.answered >= 1 AND s.correct * 2 < s.answered) x
        WHERE rank <= :perQuiz ORDER BY quiz_id, rank`,
      { quizIds, perQuiz },
    );
    return rows.map((r) => ({ quizId: text(r.quiz_id), questionId: text(r.question_id), text: text(r.text), answered: num(r.answered), correct: num(r.correct) }));
  }

  /** course_daily from `fromDay` on, and the totals before it. */
  async days(courseId: string, fromDay: string): Promise<{ rows: CourseDayRow[]; before: { enrollments: number; completions: number } }> {
    const [rows, before] = await Promise.all([
      this.q.rows<Row>(
        `SELECT day::text AS day, new_enrollments, completions FROM course_daily
          WHERE course_id = :courseId AND day >= :fromDay::date ORDER BY day`,
        { courseId, fromDay },
      ),
      this.q.one<Row>(
        `SELECT coalesce(sum(new_enrollments), 0) AS enrollments, coalesce(sum(completions), 0) AS completions FROM course_daily
          WHERE course_id = :courseId AND day < :fromDay::date`,
        { courseId, fromDay },
      ),
    ]);
    return {
      rows: rows.map((r) => ({ day: text(r.day), newEnrollments: num(r.new_enrollments), completions: num(r.completions) })),
      before: { enrollments: num(before?.enrollments), completions: num(before?.completions) },
    };
  }

  /** Learners not completed, silent since before `silentBefore`, counted by the last lesson they touched. */
  async stoppedAt(courseId: string, silentBefore: Date): Promise<Map<string, number>> {
    const rows = await this.q.rows<Row>(
      `SELECT last_lesson_id, count(*) AS n FROM enrollments
        WHERE course_id = :courseId AND last_activity_at < :silentBefore AND completed_at IS NULL AND last_lesson_id IS NOT NULL
        GROUP BY last_lesson_id`,
      { courseId, silentBefore },
    );
    return new Map(rows.map((r) => [text(r.last_lesson_id), num(r.n)]));
  }

  /** Active enrolments of the course (at-risk candidates). */
  async activeEnrollments(courseId: string): Promise<RiskRow[]> {
    const rows = await this.q.rows<Row>(
      `SELECT enrollment_id, student_id, enrolled_at, first_activity_at, last_activity_at, progress_percentage FROM enrollments
        WHERE course_id = :courseId AND status = 'active'`,
      { courseId },
    );
    return rows.map((r) => ({
      enrollmentId: text(r.enrollment_id),
      studentId: text(r.student_id),
      enrolledAt: time(r.enrolled_at),
      firstActivityAt: time(r.first_activity_at),
      lastActivityAt: time(r.last_activity_at),
      progress: num(r.progress_percentage),
    }));
  }

  /** Per learner: quizzes of the course failed at least twice and never passed. */
  async repeatedFailures(courseId: string): Promise<Map<string, number>> {
    const rows = await this.q.rows<Row>(
      `SELECT student_id, count(*) AS n FROM quiz_students
        WHERE course_id = :courseId AND failed_attempts >= 2 AND failed_attempts = graded_attempts
        GROUP BY student_id`,
      { courseId },
    );
    return new Map(rows.map((r) => [text(r.student_id), num(r.n)]));
  }

  /** One keyset page of the course's enrolments by (student_id, enrollment_id), after `after` when given. */
  async studentsPage(courseId: string, after: { studentId: string; enrollmentId: string } | null, limit: number): Promise<CourseStudentRowData[]> {
    const rows = await this.q.rows<Row>(
      `SELECT e.*, CASE WHEN e.progress_version < 0 THEN COALESCE(c.countable_lessons, 0) ELSE e.total_lessons END AS total_lessons, u.full_name, u.deleted_at AS user_deleted_at, q.taken, q.passed, q.average
         FROM enrollments e
         LEFT JOIN courses c ON c.course_id = e.course_id
         LEFT JOIN users u ON u.user_id = e.student_id
         LEFT JOIN LATERAL (
           SELECT count(*) AS taken, count(*) FILTER (WHERE a.passed) AS passed, avg(a.percentage) AS average FROM attempts a
            WHERE a.course_id = e.course_id AND a.student_id = e.student_id AND a.percentage IS NOT NULL) q ON true
        WHERE e.course_id = :courseId ${after ? 'AND (e.student_id, e.enrollment_id) > (:afterStudent, :afterEnrollment)' : ''}
        ORDER BY e.student_id, e.enrollment_id
        LIMIT :limit`,
      { courseId, limit, afterStudent: after?.studentId ?? null, afterEnrollment: after?.enrollmentId ?? null },
    );
    return rows.map((r) => ({
      enrollmentId: text(r.enrollment_id),
      studentId: text(r.student_id),
      studentName: displayName({ full_name: r.full_name, deleted_at: r.user_deleted_at }),
      status: text(r.status),
      enrolledAt: time(r.enrolled_at),
      progress: num(r.progress_percentage),
      completedLessons: num(r.completed_lessons),
      totalLessons: num(r.total_lessons),
      timeSpentSeconds: num(r.time_spent_seconds),
      lastActivityAt: time(r.last_activity_at),
      completedAt: time(r.completed_at),
      quizzesTaken: num(r.taken),
      quizzesPassed: num(r.passed),
      averageQuizScore: numOrNull(r.average),
    }));
  }

  /** The questions of a quiz in order, with their options. */
  async questions(quizId: string): Promise<{ questionId: string; text: string; type: string; options: { option_id: string; text: string; is_correct: boolean }[] }[]> {
    const rows = await this.q.rows<Row>('SELECT question_id, text, question_type, options FROM questions WHERE quiz_id = :quizId ORDER BY position, question_id', { quizId });
    return rows.map((r) => ({
      questionId: text(r.question_id),
      text: text(r.text),
      type: text(r.question_type),
      options: Array.isArray(r.options) ? (r.options as { option_id: string; text: string; is_correct: boolean }[]) : [],
    }));
  }

  /** A page of graded attempt ids of a quiz, after `afterAttemptId`. */
  async gradedAttemptIds(quizId: string, afterAttemptId: string | null, limit: number): Promise<string[]> {
    const rows = await this.q.rows<Row>(
      `SELECT attempt_id FROM attempts WHERE quiz_id = :quizId AND percentage IS NOT NULL
          ${afterAttemptId ? 'AND attempt_id > :afterAttemptId' : ''}
        ORDER BY attempt_id LIMIT :limit`,
      { quizId, afterAttemptId, limit },
    );
    return rows.map((r) => text(r.attempt_id));
  }

  /** The answers of the given attempts (ordered by attempt). */
  async answersOf(attemptIds: string[]): Promise<AnswerRow[]> {
    if (attemptIds.length === 0) return [];
    const rows = await this.q.rows<Row>(
      `SELECT attempt_id, question_id, selected_option_ids::text[] AS selected_option_ids, is_correct, points_earned, max_points FROM attempt_answers
        WHERE attempt_id IN (:attemptIds) ORDER BY attempt_id, question_id`,
      { attemptIds },
    );
    return rows.map((r) => ({
      attemptId: text(r.attempt_id),
      questionId: text(r.question_id),
      selectedOptionIds: Array.isArray(r.selected_option_ids) ? (r.selected_option_ids as unknown[]).map(text) : [],
      isCorrect: r.is_correct === null || r.is_correct === undefined ? null : Boolean(r.is_correct),
      pointsEarned: num(r.points_earned),
      maxPoints: num(r.max_points),
    }));
  }
}

import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { AnswerRow, AttemptRow } from '../domain/contributions';
import type { SqlBatch } from './sql-batch';

export interface AttemptRef {
  attemptId: string;
  quizId: string;
  courseId: string;
  studentId: string;
  lessonId: string | null;
}

export interface QuestionDefinition {
  questionId: string;
  position: number;
  questionType: string;
  text: string;
  points: number;
  options: { option_id: string; text: string; is_correct: boolean }[];
}

interface AttemptRecord {
  attempt_id: string;
  quiz_id: string;
  course_id: string;
  lesson_id: string | null;
  student_id: string;
  attempt_number: number;
  started_at: Date | null;
  submitted_at: Date | null;
  graded_at: Date | null;
  percentage: string | null;
  passed: boolean | null;
  answers_at: Date | null;
  inserted: boolean;
}

interface AnswerRecord {
  attempt_id: string;
  question_id: string;
  quiz_id: string;
  selected_option_ids: string[];
  is_correct: boolean | null;
  points_earned: string;
  max_points: string;
}

const toAttempt = (r: AttemptRecord): AttemptRow => ({
  attemptId: r.attempt_id,
  quizId: r.quiz_id,
  courseId: r.course_id,
  lessonId: r.lesson_id,
  studentId: r.student_id,
  attemptNumber: r.attempt_number,
  startedAt: r.started_at,
  submittedAt: r.submitted_at,
  gradedAt: r.graded_at,
  percentage: r.percentage === null ? null : Number(r.percentage),
  passed: r.passed,
  answersAt: r.answers_at,
});

const toAnswer = (r: AnswerRecord): AnswerRow => ({
  attemptId: r.attempt_id,
  questionId: r.question_id,
  quizId: r.quiz_id,
  selectedOptionIds: r.selected_option_ids,
  isCorrect: r.is_correct,
  pointsEarned: Number(r.points_earned),
  maxPoints: Number(r.max_points),
});

/** Fact rows of quizzes: definitions (quizzes, questions), attempts, their answers, and per-student counters. */
export class QuizFactRepository {
  constructor(protected readonly sql: SqlSession) {}

  /** The attempt row, locked (created from the ids when this fact is the first to arrive). */
  async lockAttempt(ref: AttemptRef): Promise<{ row: AttemptRow; created: boolean }> {
    const [record] = await this.sql.query<AttemptRecord>(
      `INSERT INTO attempts (attempt_id, quiz_id, course_id, student_id, lesson_id) VALUES ($attemptId, $quizId, $courseId, $studentId, $lessonId)
       ON CONFLICT (attempt_id) DO UPDATE SET lesson_id = COALESCE(attempts.lesson_id, EXCLUDED.lesson_id)
       RETURNING *, (xmax = 0) AS inserted`,
      { type: QueryTypes.SELECT, bind: { ...ref } },
    );
    return { row: toAttempt(record), created: Boolean(record.inserted) };
  }

  /** Adds to `batch` the write of a locked attempt. */
  saveAttemptTo(batch: SqlBatch, row: AttemptRow): void {
    const p = (v: unknown, cast?: string) => batch.param(v, cast);
    batch.add(
      `UPDATE attempts SET attempt_number = ${p(row.attemptNumber, 'integer')}, started_at = ${p(row.startedAt, 'timestamptz')},
         submitted_at = ${p(row.submittedAt, 'timestamptz')}, graded_at = ${p(row.gradedAt, 'timestamptz')}, percentage = ${p(row.percentage, 'numeric')},
         passed = ${p(row.passed, 'boolean')}, answers_at = ${p(row.answersAt, 'timestamptz')}
       WHERE attempt_id = ${p(row.attemptId, 'uuid')}`,
    );
  }

  /** Replaces the attempt's answers; returns the rows removed and the rows written. */
  async replaceAnswers(attemptId: string, quizId: string, answers: Omit<AnswerRow, 'attemptId' | 'quizId'>[]): Promise<{ removed: AnswerRow[]; added: AnswerRow[] }> {
    const removed = await this.sql.query<AnswerRecord>(`DELETE FROM attempt_answers WHERE attempt_id = $attemptId RETURNING *`, {
      type: QueryTypes.SELECT,
      bind: { attemptId },
    });
    if (answers.length === 0) return { removed: removed.map(toAnswer), added: [] };
    const added = await this.sql.query<AnswerRecord>(
      `INSERT INTO attempt_answers (attempt_id, question_id, quiz_id, selected_option_ids, is_correct, points_earned, max_points)
       SELECT $attemptId, a.question_id, $quizId, ARRAY(SELECT jsonb_array_elements_text(a.selected))::uuid[], a.is_correct, a.points_earned, a.max_points
       FROM jsonb_to_recordset($answers::jsonb) AS a(question_id uuid, selected jsonb, is_correct boolean, points_earned numeric, max_points numeric)
       ON CONFLICT (attempt_id, question_id) DO NOTHING
       RETURNING *`,
      {
        type: QueryTypes.SELECT,
        bind: {
          attemptId,
          quizId,
          answers: JSON.stringify(
            answers.map((a) => ({ question_id: a.questionId, selected: a.selectedOptionIds, is_correct: a.isCorrect, points_earned: a.pointsEarned, max_points: a.maxPoints })),
          ),
        },
      },
    );
    return { removed: removed.map(toAnswer), added: added.map(toAnswer) };
  }

  /**
   * Adds to a (quiz, student)'s graded and failed attempt counts; returns its graded count before and after
   * (for the quiz's unique students).
   */
  async addQuizStudent(quizId: string, studentId: string, courseId: string, graded: number, failed: number): Promise<{ before: number; after: number }> {
    const [row] = await this.sql.query<{ graded_attempts: number }>(
      `INSERT INTO quiz_students (quiz_id, student_id, course_id, graded_attempts, failed_attempts) VALUES ($quizId, $studentId, $courseId, $graded, $failed)
       ON CONFLICT (quiz_id, student_id) DO UPDATE SET graded_attempts = quiz_students.graded_attempts + EXCLUDED.graded_attempts,
         failed_attempts = quiz_students.failed_attempts + EXCLUDED.failed_attempts
       RETURNING graded_attempts`,
      { type: QueryTypes.SELECT, bind: { quizId, studentId, courseId, graded, failed } },
    );
    return { before: row.graded_attempts - graded, after: row.graded_attempts };
  }

  /**
   * A quiz definition (quiz.published): title, passing score and questions when `definedAt` is newer than the
   * stored definition; published when `publishedAt` is newer than the stored state. Returns whether the
   * definition was applied.
   */
  async publishQuiz(quiz: {
    quizId: string;
    courseId: string;
    lessonId: string | null;
    title: string;
    passingScore: number;
    publishedAt: Date;
    definedAt: Date;
    questions: QuestionDefinition[];
  }): Promise<void> {
    // Lock (or create) the row and read the stored definition time, then apply.
    const [locked] = await this.sql.query<{ definition_at: Date | null }>(
      `INSERT INTO quizzes (quiz_id, course_id) VALUES ($quizId, $courseId) ON CONFLICT (quiz_id) DO UPDATE SET quiz_id = EXCLUDED.quiz_id
       RETURNING definition_at`,
      { type: QueryTypes.SELECT, bind: { quizId: quiz.quizId, courseId: quiz.courseId } },
    );
    await this.sql.query(
      `INSERT INTO quizzes (quiz_id, course_id, lesson_id, title, passing_score, is_published, definition_at, state_at)
       VALUES ($quizId, $courseId, $lessonId, $title, $passingScore, true, $definedAt, $publishedAt)
       ON CONFLICT (quiz_id) DO UPDATE SET
         course_id = EXCLUDED.course_id,
         lesson_id = COALESCE(EXCLUDED.lesson_id, quizzes.lesson_id),
         title = CASE WHEN quizzes.definition_at IS NULL OR EXCLUDED.definition_at > quizzes.definition_at THEN EXCLUDED.title ELSE quizzes.title END,
         passing_score = CASE WHEN quizzes.definition_at IS NULL OR EXCLUDED.definition_at > quizzes.definition_at THEN EXCLUDED.passing_score ELSE quizzes.passing_score END,
         definition_at = GREATEST(quizzes.definition_at, EXCLUDED.definition_at),
         is_published = CASE WHEN quizzes.state_at IS NULL OR EXCLUDED.state_at > quizzes.state_at THEN true ELSE quizzes.is_published END,
         state_at = GREATEST(quizzes.state_at, EXCLUDED.state_at)`,
      {
        bind: {
          quizId: quiz.quizId,
          courseId: quiz.courseId,
          lessonId: quiz.lessonId,
          title: quiz.title,
          passingScore: quiz.passingScore,
          publishedAt: quiz.publishedAt,
          definedAt: quiz.definedAt,
        },
      },
    );
    if (locked.definition_at && locked.definition_at >= quiz.definedAt) return;
    await this.sql.query(`DELETE FROM questions WHERE quiz_id = $quizId AND NOT (question_id = ANY($ids::uuid[]))`, {
      bind: { quizId: quiz.quizId, ids: quiz.questions.map((q) => q.questionId) },
    });
    if (quiz.questions.length === 0) return;
    await this.sql.query(
      `INSERT INTO questions (question_id, quiz_id, position, question_type, text, points, options)
       SELECT q.question_id, $quizId, q.position, q.question_type, q.text, q.points, q.options
       FROM jsonb_to_recordset($questions::jsonb) AS q(question_id uuid, position integer, question_type text, text text, points numeric, options jsonb)
       ORDER BY q.question_id
       ON CONFLICT (question_id) DO UPDATE SET quiz_id = EXCLUDED.quiz_id, position = EXCLUDED.position, question_type = EXCLUDED.question_type,
         text = EXCLUDED.text, points = EXCLUDED.points, options = EXCLUDED.options`,
      {
        bind: {
          quizId: quiz.quizId,
          questions: JSON.stringify(
            quiz.questions.map((q) => ({ question_id: q.questionId, position: q.position, question_type: q.questionType, text: q.text, points: q.points, options: q.options })),
          ),
        },
      },
    );
  }

  /** quiz.unpublished: not published when newer than the stored state (the row is created if unknown). */
  async unpublishQuiz(quizId: string, courseId: string, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO quizzes (quiz_id, course_id, is_published, state_at) VALUES ($quizId, $courseId, false, $at)
       ON CONFLICT (quiz_id) DO UPDATE SET
         is_published = CASE WHEN quizzes.state_at IS NULL OR EXCLUDED.state_at > quizzes.state_at THEN false ELSE quizzes.is_published END,
         state_at = GREATEST(quizzes.state_at, EXCLUDED.state_at)`,
      { bind: { quizId, courseId, at } },
    );
  }

  /** A quiz referenced by an attempt before its definition arrived: a row with its course (not published). */
  async ensureQuiz(quizId: string, courseId: string, lessonId: string | null): Promise<void> {
    await this.sql.query(
      `INSERT INTO quizzes (quiz_id, course_id, lesson_id) VALUES ($quizId, $courseId, $lessonId)
       ON CONFLICT (quiz_id) DO NOTHING`,
      { bind: { quizId, courseId, lessonId } },
    );
  }
}

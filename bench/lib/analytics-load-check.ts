import { QueryTypes, type Sequelize } from 'sequelize';
import { createDatabase as openDatabase, migrate, UnitsOfWork } from '@lms/kit/db';
import { createEvent, Outbox, type CloudEvent } from '@lms/kit/events';
import { migrations } from '../../services/analytics/migrations';
import { analyticsRepositories } from '../../services/analytics/src/app/deps';
import { ingestFact } from '../../services/analytics/src/app/ingest/ingest-fact';
import { bulkLoadAnalytics, type LoadShape } from './analytics-load';
import type { Resource } from './infra';

/**
 * The loader against the real ingestion path, on a small history: the loader fills database A; the events that
 * would have produced A's fact rows are derived from them (user.registered, course.created/published/
 * unpublished, quiz.published, enrollment.created/progressed/completed/dropped/expired/reviewed,
 * lesson.started/time_recorded/completed, attempt.started, quiz.submitted/graded) and applied in time order
 * to an empty database B through `ingestFact` (the live consumer's step), each in its own unit of work; then
 * every read-model table of A and B is compared row by row (the catalogue tables on the columns dashboards read).
 */
export interface LoaderCheck {
  events: number;
  tables: number;
  /** Rows compared (of the loader's side). */
  rows: number;
  differences: { table: string; onlyLoader: number; onlyIngestion: number; sample: unknown[] }[];
}

const COMPARED: Record<string, { key: string; columns?: string }> = {
  users: { key: 'user_id' },
  courses: { key: 'course_id' },
  lessons: { key: 'lesson_id' },
  quizzes: { key: 'quiz_id' },
  questions: { key: 'question_id', columns: 'question_id, quiz_id, position, question_type, text, points' },
  enrollments: { key: 'enrollment_id' },
  lesson_progress: { key: 'enrollment_id, lesson_id' },
  enrollment_days: { key: 'enrollment_id, day' },
  attempts: { key: 'attempt_id' },
  attempt_answers: { key: 'attempt_id, question_id' },
  course_stats: { key: 'course_id' },
  lesson_stats: { key: 'lesson_id' },
  quiz_stats: { key: 'quiz_id' },
  quiz_students: { key: 'quiz_id, student_id' },
  question_stats: { key: 'question_id' },
  student_daily: { key: 'student_id, day' },
  course_daily: { key: 'course_id, day' },
  system_daily: { key: 'day, shard' },
  course_pairs: { key: 'course_id, other_course_id' },
  instructor_learners: { key: 'instructor_id, student_id' },
  instructor_stats: { key: 'instructor_id' },
};

type Row = Record<string, unknown>;
const iso = (v: unknown) => new Date(v as string).toISOString();

async function historyOf(db: Sequelize): Promise<CloudEvent<Record<string, unknown>>[]> {
  const rows = (sql: string) => db.query<Row>(sql, { type: QueryTypes.SELECT });
  const out: { at: number; order: number; event: CloudEvent<Record<string, unknown>> }[] = [];
  const add = (type: string, source: string, at: unknown, data: Row, order = 0) =>
    out.push({ at: new Date(at as string).getTime(), order, event: createEvent({ type, source, subject: String(Object.values(data)[0]), data, time: new Date(at as string) }) });
  for (const u of await rows('SELECT * FROM users')) {
    add('user.registered', 'lms/auth', u.registered_at, { user_id: u.user_id, full_name: u.full_name, role: u.role, registered_at: iso(u.registered_at) });
  }
  const lessons = await rows('SELECT * FROM lessons ORDER BY course_id, position');
  for (const c of await rows('SELECT * FROM courses')) {
    const own = lessons.filter((l) => l.course_id === c.course_id);
    add('course.created', 'lms/catalog', c.created_at, {
      course_id: c.course_id, instructor_id: c.instructor_id, title: c.title, price_cents: Number(c.price_cents), currency: c.currency, created_at: iso(c.created_at),
    });
    add('course.published', 'lms/catalog', c.title_at, {
      course_id: c.course_id, version: c.version, instructor_id: c.instructor_id, title: c.title, published_at: iso(c.title_at),
      countable_lesson_ids: own.map((l) => l.lesson_id),
      lessons: own.map((l) => ({ lesson_id: l.lesson_id, title: l.title, lesson_type: l.lesson_type, order_index: l.position, counts_toward_completion: true })),
    }, 1);
    if (!c.is_published) add('course.unpublished', 'lms/catalog', c.state_at, { course_id: c.course_id, unpublished_at: iso(c.state_at) }, 2);
  }
  const questions = await rows('SELECT * FROM questions ORDER BY quiz_id, position');
  for (const q of await rows('SELECT * FROM quizzes')) {
    add('quiz.published', 'lms/quiz', q.definition_at, {
      quiz_id: q.quiz_id, course_id: q.course_id, lesson_id: q.lesson_id, title: q.title, passing_score: Number(q.passing_score), published_at: iso(q.definition_at),
      questions: questions.filter((x) => x.quiz_id === q.quiz_id).map((x) => ({
        question_id: x.question_id, position: x.position, question_type: x.question_type, text: x.text, points: Number(x.points), options: x.options,
      })),
    }, 3);
  }
  for (const e of await rows('SELECT * FROM enrollments')) {
    const ref = { enrollment_id: e.enrollment_id, student_id: e.student_id, course_id: e.course_id };
    add('enrollment.created', 'lms/enrollment', e.enrolled_at, { ...ref, enrolled_at: iso(e.enrolled_at), price_cents: Number(e.price_cents), currency: e.currency });
    if (e.progress_version !== -1) {
      add('enrollment.progressed', 'lms/enrollment', e.last_activity_at, {
        ...ref, progress_percentage: Number(e.progress_percentage), completed_lessons_count: e.completed_lessons, total_lessons_count: e.total_lessons,
        course_version: e.progress_version,
      }, 5);
    }
    if (e.completed_at) add('enrollment.completed', 'lms/enrollment', e.completed_at, { ...ref, completed_at: iso(e.completed_at) }, 6);
    if (e.dropped_at) add('enrollment.dropped', 'lms/enrollment', e.dropped_at, { ...ref, dropped_at: iso(e.dropped_at) });
    if (e.expired_at) add('enrollment.expired', 'lms/enrollment', e.expired_at, { ...ref, expired_at: iso(e.expired_at) });
    if (e.reviewed_at) add('enrollment.reviewed', 'lms/enrollment', e.reviewed_at, { ...ref, rating: e.rating, review: e.review, reviewed_at: iso(e.reviewed_at) });
  }
  for (const p of await rows('SELECT * FROM lesson_progress')) {
    const ref = { enrollment_id: p.enrollment_id, student_id: p.student_id, course_id: p.course_id, lesson_id: p.lesson_id };
    add('lesson.started', 'lms/enrollment', p.started_at, { ...ref, at: iso(p.started_at) });
    add('lesson.time_recorded', 'lms/enrollment', p.started_at, { ...ref, seconds: Number(p.time_spent_seconds), total_seconds: Number(p.time_spent_seconds), recorded_at: iso(p.started_at) }, 1);
    if (p.completed_at) add('lesson.completed', 'lms/enrollment', p.completed_at, { ...ref, completed_at: iso(p.completed_at) }, 4);
  }
  for (const a of await rows('SELECT * FROM attempts')) {
    const ref = { attempt_id: a.attempt_id, quiz_id: a.quiz_id, course_id: a.course_id, student_id: a.student_id, lesson_id: a.lesson_id, attempt_number: a.attempt_number };
    add('attempt.started', 'lms/quiz', a.started_at, { ...ref, started_at: iso(a.started_at) });
    add('quiz.submitted', 'lms/quiz', a.submitted_at, { ...ref, submitted_at: iso(a.submitted_at) });
    add('quiz.graded', 'lms/quiz', a.graded_at, { ...ref, percentage: Number(a.percentage), passed: a.passed, graded_at: iso(a.graded_at) }, 1);
  }
  return out.sort((x, y) => x.at - y.at || x.order - y.order).map((x) => x.event);
}

async function tableRows(db: Sequelize, table: string, spec: { key: string; columns?: string }): Promise<string[]> {
  const rows = await db.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM (SELECT ${spec.columns ?? '*'} FROM ${table} ORDER BY ${spec.key}) t`, {
    type: QueryTypes.SELECT,
  });
  return rows.map((x) => x.r);
}

export async function checkLoaderAgainstIngestion(shape: LoadShape, databases: [Resource, Resource]): Promise<LoaderCheck> {
  const [a, b] = databases.map((r) => openDatabase({ url: r.url, poolMax: 4 }));
  try {
    await migrate(a, databases[0].url, migrations);
    await migrate(b, databases[1].url, migrations);
    await bulkLoadAnalytics(a, shape);
    await a.query('DROP TABLE IF EXISTS b_students, b_instructors, b_courses, b_lessons, b_quizzes, b_enr, b_enr_lp, b_att');
    const events = await historyOf(a);
    const units = new UnitsOfWork({ sequelize: b, outbox: new Outbox(b), source: 'lms/analytics', repositories: analyticsRepositories });
    for (const event of events) await units.run((uow) => ingestFact(uow, event));
    const differences: LoaderCheck['differences'] = [];
    let compared = 0;
    for (const [table, spec] of Object.entries(COMPARED)) {
      const [loaded, ingested] = await Promise.all([tableRows(a, table, spec), tableRows(b, table, spec)]);
      compared += loaded.length;
      const inB = new Set(ingested);
      const inA = new Set(loaded);
      const onlyLoader = loaded.filter((r) => !inB.has(r));
      const onlyIngestion = ingested.filter((r) => !inA.has(r));
      if (onlyLoader.length || onlyIngestion.length) {
        differences.push({ table, onlyLoader: onlyLoader.length, onlyIngestion: onlyIngestion.length, sample: [onlyLoader[0], onlyIngestion[0]] });
      }
    }
    return { events: events.length, tables: Object.keys(COMPARED).length, rows: compared, differences };
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

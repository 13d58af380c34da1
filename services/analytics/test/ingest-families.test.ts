import { QueryTypes } from 'sequelize';
import { recountMismatches } from '../src/app/ingest/recount';
import { scenario } from './ingest-scenario';
import { startAnalyticsSuite, type AnalyticsSuite } from './support';

let s: AnalyticsSuite;
let ids: ReturnType<typeof scenario>['ids'];

beforeAll(async () => {
  s = await startAnalyticsSuite('ingest_families');
  const built = scenario(s);
  ids = built.ids;
  await s.publish(...built.events);
  await s.waitForHandled(built.events, 30_000);
});
afterAll(async () => {
  await s?.close();
});

const rows = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) => s.db.query<T>(sql, { type: QueryTypes.SELECT, replacements });
const one = async <T extends object>(sql: string, replacements: Record<string, unknown> = {}) => (await rows<T>(sql, replacements))[0];
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;

test('users: newest name and role win, deletion kept, new users counted once per user on the day of registration', async () => {
  expect(await one(`SELECT full_name, role, deleted_at IS NULL AS alive FROM users WHERE user_id = :id`, { id: ids.s1 })).toEqual({
    full_name: 'Ada Lovelace',
    role: 'instructor',
    alive: true,
  });
  expect(await one(`SELECT full_name, deleted_at IS NOT NULL AS deleted FROM users WHERE user_id = :id`, { id: ids.s2 })).toEqual({ full_name: 'Bob', deleted: true });
  expect(await rows(`SELECT day::text AS day, sum(new_users)::int AS users, sum(new_enrollments)::int AS enrollments FROM system_daily GROUP BY day ORDER BY day`)).toEqual([
    { day: day(1), users: 3, enrollments: 0 },
    { day: day(2), users: 0, enrollments: 2 },
    { day: day(4), users: 0, enrollments: 2 },
  ]);
});

test('courses and lessons: newest title/price, state, positions of the newest version, deleted lesson without position', async () => {
  expect(await one(`SELECT title, price_cents::int AS price, is_published, is_archived, version FROM courses WHERE course_id = :id`, { id: ids.c1 })).toEqual({
    title: 'Algebra I',
    price: 1500,
    is_published: true,
    is_archived: false,
    version: 2,
  });
  expect(await one(`SELECT is_published, is_archived FROM courses WHERE course_id = :id`, { id: ids.c2 })).toEqual({ is_published: false, is_archived: true });
  expect(await rows(`SELECT lesson_id, title, position, is_published, deleted_at IS NOT NULL AS deleted FROM lessons WHERE course_id = :id ORDER BY position NULLS LAST`, { id: ids.c1 })).toEqual([
    { lesson_id: ids.l2, title: 'L two', position: 1, is_published: true, deleted: false },
    { lesson_id: ids.l1, title: 'Intro', position: 2, is_published: true, deleted: false },
    { lesson_id: ids.l3, title: 'L three', position: null, is_published: true, deleted: true },
  ]);
});

test('enrolments: status from the facts, newest progress and review, lesson counters, time, activity', async () => {
  const e = await rows<Record<string, unknown>>(
    `SELECT enrollment_id, status, progress_percentage::float AS progress, lessons_completed, time_spent_seconds::int AS time,
       rating, review, first_activity_at, last_activity_at, last_lesson_id, price_cents::int AS price
     FROM enrollments ORDER BY enrolled_at`,
  );
  const byId = Object.fromEntries(e.map((r) => [r.enrollment_id as string, r]));
  expect(byId[ids.e1]).toMatchObject({ status: 'active', progress: 66.67, lessons_completed: 2, time: 420, rating: 5, review: 'Great', last_lesson_id: ids.l2, price: 1500 });
  expect((byId[ids.e1].first_activity_at as Date).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  expect((byId[ids.e1].last_activity_at as Date).toISOString()).toBe('2026-03-03T11:00:00.000Z'); // the second attempt
  expect(byId[ids.e2]).toMatchObject({ status: 'dropped', progress: 0, lessons_completed: 0 });
  expect((byId[ids.e2].last_activity_at as Date).toISOString()).toBe('2026-03-02T13:00:00.000Z'); // its attempt
  expect(byId[ids.e3]).toMatchObject({ status: 'completed', progress: 100, lessons_completed: 1, price: 0 }); // a completed enrolment never expires
  expect(byId[ids.e4]).toMatchObject({ status: 'expired', price: null }); // expired after the (older) reactivation
});

test('course, lesson and daily aggregates equal the hand-computed numbers', async () => {
  expect(
    await one(`SELECT enrollments, active, completed, dropped, expired, progress_sum::float AS progress, time_spent_seconds::int AS time,
       rating_sum, rating_count, written_reviews, ratings, revenue_cents::int AS revenue, paid_enrollments FROM course_stats WHERE course_id = :id`, { id: ids.c1 }),
  ).toEqual({ enrollments: 2, active: 1, completed: 0, dropped: 1, expired: 0, progress: 66.67, time: 420, rating_sum: 5, rating_count: 1, written_reviews: 1, ratings: [0, 0, 0, 0, 1], revenue: 3000, paid_enrollments: 2 });
  expect(await one(`SELECT enrollments, completed, expired, progress_sum::float AS progress, revenue_cents::int AS revenue FROM course_stats WHERE course_id = :id`, { id: ids.c2 })).toEqual({
    enrollments: 2,
    completed: 1,
    expired: 1,
    progress: 100,
    revenue: 0,
  });
  const lessons = await rows(`SELECT lesson_id, started, completed, time_spent_seconds::int AS time, learners_with_time, completion_seconds_sum::int AS comp, completion_timed FROM lesson_stats ORDER BY lesson_id`);
  expect(lessons).toEqual(
    [
      { lesson_id: ids.l1, started: 1, completed: 1, time: 300, learners_with_time: 1, comp: 1800, completion_timed: 1 },
      { lesson_id: ids.l2, started: 1, completed: 1, time: 120, learners_with_time: 1, comp: 0, completion_timed: 1 },
      { lesson_id: ids.l4, started: 1, completed: 1, time: 0, learners_with_time: 0, comp: 0, completion_timed: 1 },
    ].sort((a, b) => a.lesson_id.localeCompare(b.lesson_id)),
  );
  expect(await rows(`SELECT day::text AS day, new_enrollments, completions, active_learners, time_spent_seconds::int AS time FROM course_daily WHERE course_id = :id ORDER BY day`, { id: ids.c1 })).toEqual([
    { day: day(2), new_enrollments: 2, completions: 0, active_learners: 2, time: 300 },
    { day: day(3), new_enrollments: 0, completions: 0, active_learners: 1, time: 120 },
  ]);
  expect(await rows(`SELECT day::text AS day, new_enrollments, completions, active_learners FROM course_daily WHERE course_id = :id ORDER BY day`, { id: ids.c2 })).toEqual([
    { day: day(4), new_enrollments: 2, completions: 1, active_learners: 1 },
  ]);
  expect(await rows(`SELECT day::text AS day, lessons_completed, time_spent_seconds::int AS time, quizzes_taken FROM student_daily WHERE student_id = :id ORDER BY day`, { id: ids.s1 })).toEqual([
    { day: day(2), lessons_completed: 1, time: 300, quizzes_taken: 0 },
    { day: day(3), lessons_completed: 1, time: 120, quizzes_taken: 2 },
    { day: day(4), lessons_completed: 1, time: 0, quizzes_taken: 0 },
  ]);
  expect(await rows(`SELECT course_id, other_course_id, students FROM course_pairs WHERE course_id = :id`, { id: ids.c1 })).toEqual([
    { course_id: ids.c1, other_course_id: ids.c2, students: 2 },
  ]);
});

test('quizzes: newest definition, grades newest-wins, answers replaced by the regrade, quiz and question stats', async () => {
  expect(await one(`SELECT title, is_published, passing_score::float AS pass FROM quizzes WHERE quiz_id = :id`, { id: ids.q1 })).toEqual({ title: 'Quiz one v2', is_published: true, pass: 60 });
  expect(await rows(`SELECT question_id, text FROM questions WHERE quiz_id = :id ORDER BY text`, { id: ids.q1 })).toEqual([
    { question_id: ids.qa, text: '2+2?' },
    { question_id: ids.qb, text: 'Is 3 odd?' },
  ]);
  expect(await one(`SELECT percentage::float AS p, passed FROM attempts WHERE attempt_id = :id`, { id: ids.a1 })).toEqual({ p: 100, passed: true });
  expect(
    await one(`SELECT graded_attempts, passed_attempts, percentage_sum::float AS sum, submitted_attempts, duration_seconds_sum::int AS duration, timed_attempts, unique_students
       FROM quiz_stats WHERE quiz_id = :id`, { id: ids.q1 }),
  ).toEqual({ graded_attempts: 3, passed_attempts: 2, sum: 220, submitted_attempts: 3, duration: 1020, timed_attempts: 3, unique_students: 2 });
  expect(await rows(`SELECT student_id, graded_attempts, failed_attempts FROM quiz_students WHERE quiz_id = :id ORDER BY graded_attempts DESC`, { id: ids.q1 })).toEqual([
    { student_id: ids.s1, graded_attempts: 2, failed_attempts: 1 },
    { student_id: ids.s2, graded_attempts: 1, failed_attempts: 0 },
  ]);
  expect(await rows(`SELECT question_id, answered, correct FROM question_stats WHERE quiz_id = :id ORDER BY question_id`, { id: ids.q1 })).toEqual(
    [
      { question_id: ids.qa, answered: 1, correct: 1 },
      { question_id: ids.qb, answered: 1, correct: 1 },
    ].sort((a, b) => a.question_id.localeCompare(b.question_id)),
  );
});

test('certificates: issued and revoked', async () => {
  expect(await rows(`SELECT certificate_number, revoked_at IS NOT NULL AS revoked FROM certificates ORDER BY certificate_number`)).toEqual([
    { certificate_number: 'LMS-0001', revoked: false },
    { certificate_number: 'LMS-0002', revoked: true },
  ]);
});

test('every aggregate equals a recount from the fact rows', async () => {
  expect(await recountMismatches(s.service.deps.units.read)).toEqual([]);
});

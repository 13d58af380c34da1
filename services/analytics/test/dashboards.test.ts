import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { createAnalyticsClient, type AnalyticsClient } from '@lms/kit/clients';
import { GrpcStatus } from '@lms/kit/grpc';
import { createTestDatabase, createTestVhost, expectGrpcError, testEnv, testLogger, type TestResource, type TestUser } from '@lms/kit/testing';
import { CLASSROOM_USERS, startFleet } from '@lms/testing-fleet';
import { loadAnalyticsConfig } from '../src/config';
import { start, type RunningAnalyticsService } from '../src/main';

/**
 * The query layer of every dashboard RPC against a read model written straight into the tables (a fixture of
 * fact rows and aggregates as ingestion would leave them), with a fixed clock: every field is checked against
 * figures computed by hand from the fixture below. Access rules and validation too.
 */

const DAY = 86_400_000;
const NOW = new Date('2026-03-15T12:00:00.000Z');
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3_600_000);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const iso = (d: Date) => d.toISOString();

type Users = { admin: TestUser; instructor: TestUser; otherInstructor: TestUser; student: TestUser; otherStudent: TestUser };

/** Inserts `row` into `table` (column names = keys). Arrays must be given as PostgreSQL literals ('{…}'). */
async function insert(db: Sequelize, table: string, row: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(row);
  await db.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `:${c}`).join(', ')})`, { replacements: row });
}

describe('analytics dashboards: every RPC and field from a hand-built read model', () => {
  let fleet: Awaited<ReturnType<typeof startFleet<keyof typeof CLASSROOM_USERS>>>;
  let db: TestResource;
  let vhost: TestResource;
  let service: RunningAnalyticsService;
  let client: AnalyticsClient;
  let u: Users;
  // ids of the fixture
  const S3 = randomUUID(); // a learner known only to analytics (no token)
  const S4 = randomUUID();
  const D = randomUUID(); // a deleted learner
  const [C1, C2, C3, C4, C5, C6, C7] = Array.from({ length: 7 }, () => randomUUID());
  const [L1, L2, L3, L4, L5] = Array.from({ length: 5 }, () => randomUUID());
  const [E1, E2, E3, E4, E5, E6, E7, E9, E10, E11] = Array.from({ length: 10 }, () => randomUUID());
  const [Q1, Q2, Q3, Q4] = Array.from({ length: 4 }, () => randomUUID());
  const [QA, QB, QC] = Array.from({ length: 3 }, () => randomUUID());
  const [a1, a2, b1, b2, c1, c2] = Array.from({ length: 6 }, () => randomUUID());
  const [A1, A2, A3, A4, A6, A7] = Array.from({ length: 6 }, () => randomUUID());

  beforeAll(async () => {
    fleet = await startFleet({ label: 'an_dash', services: ['auth'], users: CLASSROOM_USERS });
    u = { admin: fleet.admin!, ...fleet.users };
    db = await createTestDatabase('analytics_dash');
    vhost = await createTestVhost('analytics_dash');
    const config = loadAnalyticsConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: String(testLogger().level),
      GRPC_PORT: '0',
      DATABASE_URL: db.url,
      AMQP_URL: vhost.url,
      REDIS_URL: testEnv.redisUrl,
      AUTH_GRPC_ADDR: fleet.authAddress,
    });
    service = await start(config, testLogger('analytics'));
    service.deps.clock = () => NOW;
    client = createAnalyticsClient(`127.0.0.1:${service.grpcPort}`, 20_000);
    await buildFixture(service.sequelize);
  });
  afterAll(async () => {
    client?.close();
    await service?.stop();
    await db?.drop();
    await vhost?.drop();
    await fleet?.close();
  });

  async function buildFixture(s: Sequelize): Promise<void> {
    const I = u.instructor.userId;
    const I2 = u.otherInstructor.userId;
    const S = u.student.userId;
    const S2 = u.otherStudent.userId;
    for (const [id, name, role, deleted] of [
      [I, 'Ivy Instructor', 'instructor', null],
      [I2, 'Otto Other', 'instructor', null],
      [S, 'Sam Student', 'student', null],
      [S2, 'Sue Second', 'student', null],
      [S3, 'Tom Third', 'student', null],
      [S4, 'Fay Fourth', 'student', null],
      [D, 'Gone Learner', 'student', ago(1)],
    ] as const) {
      await insert(s, 'users', { user_id: id, full_name: name, role, registered_at: ago(50), deleted_at: deleted });
    }
    const course = (id: string, instructor: string, title: string, o: Record<string, unknown> = {}) =>
      insert(s, 'courses', { course_id: id, instructor_id: instructor, title, is_published: true, created_at: ago(60), currency: 'USD', price_cents: 0, ...o });
    await course(C1, I, 'Algebra', { price_cents: 1000 });
    await course(C2, I, 'Biology', { created_at: ago(30) });
    await course(C3, I2, 'Chemistry', { currency: 'EUR', price_cents: 2000 });
    await course(C4, I2, 'Drawing');
    await course(C5, I, 'Deleted course', { deleted_at: ago(1) });
    await course(C6, I2, 'Deleted too', { deleted_at: ago(1) });
    await course(C7, I2, 'Unpublished', { is_published: false });

    const lesson = (id: string, courseId: string, title: string, position: number | null) =>
      insert(s, 'lessons', { lesson_id: id, course_id: courseId, title, position, is_published: position !== null });
    await lesson(L1, C1, 'Numbers', 1);
    await lesson(L2, C1, 'Equations', 2);
    await lesson(L3, C1, 'Functions', 3);
    await lesson(L4, C1, 'Draft', null);
    await lesson(L5, C2, 'Cells', 1);

    const enrollment = (id: string, student: string, courseId: string, o: Record<string, unknown>) =>
      insert(s, 'enrollments', { enrollment_id: id, student_id: student, course_id: courseId, total_lessons: 4, progress_version: 1, ...o });
    await enrollment(E1, S, C1, {
      enrolled_at: ago(10), status: 'active', progress_percentage: 50, completed_lessons: 2, lessons_completed: 2, time_spent_seconds: 3600,
      first_activity_at: ago(9), last_activity_at: ago(2), last_lesson_id: L2, rating: 5, review: 'Great', reviewed_at: ago(1), price_cents: 1000, currency: 'USD',
    });
    await enrollment(E2, S2, C1, {
      enrolled_at: ago(12), status: 'completed', completed_at: ago(3), progress_percentage: 100, completed_lessons: 4, lessons_completed: 4,
      time_spent_seconds: 7200, first_activity_at: ago(11), last_activity_at: ago(3), last_lesson_id: L3, rating: 3, reviewed_at: ago(3),
    });
    await enrollment(E3, S3, C1, { enrolled_at: ago(8), status: 'active' });
    await enrollment(E4, D, C1, {
      enrolled_at: ago(20), status: 'dropped', dropped_at: ago(15), progress_percentage: 10, time_spent_seconds: 600,
      first_activity_at: ago(19), last_activity_at: ago(16), last_lesson_id: L1,
    });
    await enrollment(E5, S4, C1, {
      enrolled_at: ago(9), status: 'active', progress_percentage: 60, time_spent_seconds: 1800, first_activity_at: ago(8), last_activity_at: ago(0, 20), last_lesson_id: L2,
    });
    await enrollment(E6, S, C2, { enrolled_at: ago(5), status: 'active', progress_percentage: 20, completed_lessons: 1, total_lessons: 5, lessons_completed: 1, time_spent_seconds: 1800 });
    await enrollment(E7, S, C5, { enrolled_at: ago(4), status: 'active', progress_percentage: 90, time_spent_seconds: 99999 });
    await enrollment(E9, S2, C3, { enrolled_at: ago(30), status: 'active' });
    await enrollment(E10, S3, C3, { enrolled_at: ago(30), status: 'active' });
    await enrollment(E11, S2, C4, { enrolled_at: ago(30), status: 'active' });

    const progress = (enrollmentId: string, lessonId: string, courseId: string, student: string, completedAt: Date) =>
      insert(s, 'lesson_progress', { enrollment_id: enrollmentId, lesson_id: lessonId, course_id: courseId, student_id: student, started_at: completedAt, completed_at: completedAt });
    await progress(E1, L1, C1, S, ago(9));
    await progress(E1, L2, C1, S, ago(6));
    await progress(E6, L5, C2, S, ago(4));

    const stats = (courseId: string, o: Record<string, unknown>) => insert(s, 'course_stats', { course_id: courseId, ...o });
    await stats(C1, {
      enrollments: 5, active: 3, completed: 1, dropped: 1, progress_sum: 220, time_spent_seconds: 13200, rating_sum: 8, rating_count: 2,
      written_reviews: 1, ratings: '{0,0,1,0,1}', revenue_cents: 5000, paid_enrollments: 5,
    });
    await stats(C2, { enrollments: 1, active: 1, progress_sum: 20, time_spent_seconds: 1800 });
    await stats(C3, { enrollments: 10, active: 6, completed: 2, rating_sum: 9, rating_count: 2, revenue_cents: 20000, paid_enrollments: 10 });
    await stats(C4, { enrollments: 8, active: 5, completed: 2 });
    await stats(C5, { enrollments: 1, active: 1, revenue_cents: 777, paid_enrollments: 1 });

    const lstats = (lessonId: string, o: Record<string, unknown>) => insert(s, 'lesson_stats', { lesson_id: lessonId, course_id: C1, ...o });
    await lstats(L1, { started: 4, completed: 3, time_spent_seconds: 5000, learners_with_time: 4, completion_seconds_sum: 5400, completion_timed: 3 });
    await lstats(L2, { started: 3, completed: 2, time_spent_seconds: 6000, learners_with_time: 3 });
    await lstats(L3, { started: 1, completed: 1, time_spent_seconds: 2200, learners_with_time: 1, completion_seconds_sum: 600, completion_timed: 1 });

    await insert(s, 'quizzes', { quiz_id: Q1, course_id: C1, lesson_id: L3, title: 'Quiz One', is_published: true });
    await insert(s, 'quizzes', { quiz_id: Q2, course_id: C1, lesson_id: L2, title: 'Draft quiz', is_published: false });
    await insert(s, 'quizzes', { quiz_id: Q4, course_id: C2, lesson_id: L5, title: 'Cell quiz', is_published: true });
    const options = (...o: [string, string, boolean][]) => JSON.stringify(o.map(([option_id, text, is_correct]) => ({ option_id, text, is_correct })));
    await insert(s, 'questions', { question_id: QA, quiz_id: Q1, position: 1, question_type: 'single_choice', text: 'Question A', points: 1, options: options([a1, 'A right', true], [a2, 'A wrong', false]) });
    await insert(s, 'questions', { question_id: QB, quiz_id: Q1, position: 2, question_type: 'single_choice', text: 'Question B', points: 1, options: options([b1, 'B right', true], [b2, 'B wrong', false]) });
    await insert(s, 'questions', { question_id: QC, quiz_id: Q1, position: 3, question_type: 'single_choice', text: 'Question C', points: 1, options: options([c1, 'C right', true], [c2, 'C wrong', false]) });
    await insert(s, 'quiz_stats', { quiz_id: Q1, course_id: C1, attempts: 5, graded_attempts: 4, passed_attempts: 2, percentage_sum: 270, submitted_attempts: 4, duration_seconds_sum: 1200, timed_attempts: 4, unique_students: 2 });
    await insert(s, 'quiz_stats', { quiz_id: Q3, course_id: C1, attempts: 1, graded_attempts: 1, passed_attempts: 1, percentage_sum: 90, submitted_attempts: 1, unique_students: 1 });
    await insert(s, 'quiz_students', { quiz_id: Q1, student_id: S, course_id: C1, graded_attempts: 2, failed_attempts: 2 });
    await insert(s, 'quiz_students', { quiz_id: Q1, student_id: S2, course_id: C1, graded_attempts: 2, failed_attempts: 0 });
    await insert(s, 'question_stats', { question_id: QA, quiz_id: Q1, answered: 4, correct: 1 });
    await insert(s, 'question_stats', { question_id: QB, quiz_id: Q1, answered: 4, correct: 3 });
    await insert(s, 'question_stats', { question_id: QC, quiz_id: Q1, answered: 4, correct: 0 });

    const attempt = (id: string, quizId: string, courseId: string, student: string, n: number, pct: number | null, submitted: Date) =>
      insert(s, 'attempts', {
        attempt_id: id, quiz_id: quizId, course_id: courseId, student_id: student, attempt_number: n, started_at: new Date(submitted.getTime() - 300_000),
        submitted_at: submitted, graded_at: pct === null ? null : submitted, percentage: pct, passed: pct === null ? null : pct >= 70,
      });
    // An attempt in progress of a learner seen nowhere else: only its lesson matters (Q3's name in the course report).
    await insert(s, 'attempts', { attempt_id: randomUUID(), quiz_id: Q3, course_id: C1, lesson_id: L1, student_id: randomUUID(), attempt_number: 1, started_at: ago(3) });
    await attempt(A1, Q1, C1, S, 1, 40, ago(7));
    await attempt(A2, Q1, C1, S, 2, 50, ago(6));
    await attempt(A3, Q1, C1, S2, 1, 80, ago(5));
    await attempt(A4, Q1, C1, S2, 2, 100, ago(4));
    await attempt(A6, Q1, C1, S4, 1, null, ago(1));
    await attempt(A7, Q4, C2, S, 1, 100, ago(4, 1));
    const answer = (attemptId: string, questionId: string, option: string, correct: boolean) =>
      insert(s, 'attempt_answers', { attempt_id: attemptId, question_id: questionId, quiz_id: Q1, selected_option_ids: `{${option}}`, is_correct: correct, points_earned: correct ? 1 : 0, max_points: 1 });
    for (const [att, [ra, rb, rc]] of [[A1, [false, true, false]], [A2, [false, true, false]], [A3, [true, true, false]], [A4, [false, false, false]]] as const) {
      await answer(att, QA, ra ? a1 : a2, ra);
      await answer(att, QB, rb ? b1 : b2, rb);
      await answer(att, QC, rc ? c1 : c2, rc);
    }
    await answer(A6, QA, a1, true); // not graded: left out

    await insert(s, 'certificates', { certificate_id: randomUUID(), certificate_number: 'CERT-001', student_id: S, course_id: C2, enrollment_id: E6, issued_at: ago(1) });
    await insert(s, 'certificates', { certificate_id: randomUUID(), certificate_number: 'CERT-000', student_id: S, course_id: C1, enrollment_id: E1, issued_at: ago(2), revoked_at: ago(1) });

    await insert(s, 'student_daily', { student_id: S, day: dayOf(ago(2)), lessons_completed: 1, time_spent_seconds: 1830, quizzes_taken: 1 });
    await insert(s, 'student_daily', { student_id: S, day: dayOf(ago(40)), lessons_completed: 9, time_spent_seconds: 9999, quizzes_taken: 9 });
    await insert(s, 'student_daily', { student_id: S, day: dayOf(NOW), lessons_completed: 0, time_spent_seconds: 59, quizzes_taken: 2 });

    await insert(s, 'course_daily', { course_id: C1, day: dayOf(ago(40)), new_enrollments: 2, completions: 0, active_learners: 5, time_spent_seconds: 10000 });
    await insert(s, 'course_daily', { course_id: C1, day: dayOf(ago(2)), new_enrollments: 1, completions: 1, active_learners: 2, time_spent_seconds: 1800 });
    await insert(s, 'course_daily', { course_id: C1, day: dayOf(ago(1)), new_enrollments: 2, completions: 0, active_learners: 1, time_spent_seconds: 600 });

    await insert(s, 'system_daily', { day: dayOf(ago(40)), shard: 0, new_users: 3, new_enrollments: 0 });
    await insert(s, 'system_daily', { day: dayOf(ago(40)), shard: 5, new_users: 1, new_enrollments: 0 });
    await insert(s, 'system_daily', { day: dayOf(ago(40)), shard: 4, new_users: 0, new_enrollments: 10 });
    await insert(s, 'system_daily', { day: dayOf(ago(2)), shard: 1, new_users: 2, new_enrollments: 0 });
    await insert(s, 'system_daily', { day: dayOf(ago(2)), shard: 2, new_users: 1, new_enrollments: 0 });
    await insert(s, 'system_daily', { day: dayOf(ago(2)), shard: 3, new_users: 0, new_enrollments: 4 });
    await insert(s, 'system_daily', { day: dayOf(NOW), shard: 0, new_users: 1, new_enrollments: 2 });

    for (const [a, b, n] of [[C1, C3, 2], [C2, C3, 1], [C1, C2, 1], [C2, C6, 3], [C1, C7, 4]] as const) {
      await insert(s, 'course_pairs', { course_id: a, other_course_id: b, students: n });
      await insert(s, 'course_pairs', { course_id: b, other_course_id: a, students: n });
    }
    // Distinct learners per instructor, as ingestion keeps them (the recount's definition over the rows above).
    await s.query(
      `INSERT INTO instructor_stats (instructor_id, learners)
       SELECT c.instructor_id, count(DISTINCT e.student_id) FROM enrollments e JOIN courses c ON c.course_id = e.course_id
        WHERE c.instructor_id IS NOT NULL GROUP BY 1`,
    );
  }

  const days30 = () => Array.from({ length: 30 }, (_, i) => dayOf(ago(29 - i)));

  test('GetStudentSummary and GetStudentDashboard: totals over live courses, courses newest first, 30 days, achievements, recommendations', async () => {
    const summary = {
      student_id: u.student.userId,
      student_name: 'Sam Student',
      total_enrollments: 2, // E1, E6 (E7's course is deleted)
      active_enrollments: 2,
      completed_enrollments: 0,
      average_progress: 35, // (50 + 20) / 2
      total_time_hours: 1.5, // (3600 + 1800) / 3600
      total_lessons_completed: 3,
      quizzes_taken: 3, // A1, A2, A7 graded
      quizzes_passed: 1,
      average_quiz_score: { value: 63.33 }, // (40 + 50 + 100) / 3
    };
    expect(await client.GetStudentSummary({ student_id: '' }, u.student.auth)).toEqual(summary);
    expect(await client.GetStudentSummary({ student_id: u.student.userId }, u.admin.auth)).toEqual(summary);

    const dash = await client.GetStudentDashboard({ student_id: '' }, u.student.auth);
    expect(dash.student_id).toBe(u.student.userId);
    expect(dash.student_name).toBe('Sam Student');
    expect(dash.summary).toEqual(summary);
    expect(dash.courses).toEqual([
      {
        course_id: C2, course_title: 'Biology', enrollment_id: E6, status: 'active', enrollment_date: iso(ago(5)), progress_percentage: 20,
        completed_lessons: 1, total_lessons: 5, time_spent_hours: 0.5, last_accessed: '', quizzes_completed: 1, average_quiz_score: { value: 100 },
        estimated_completion_date: dayOf(new Date(NOW.getTime() + 20 * DAY)), // 20 % in 5 days: 4 a day, 80 left
      },
      {
        course_id: C1, course_title: 'Algebra', enrollment_id: E1, status: 'active', enrollment_date: iso(ago(10)), progress_percentage: 50,
        completed_lessons: 2, total_lessons: 4, time_spent_hours: 1, last_accessed: iso(ago(2)), quizzes_completed: 2, average_quiz_score: { value: 45 },
        estimated_completion_date: dayOf(new Date(NOW.getTime() + 10 * DAY)),
      },
    ]);
    expect(dash.recent_activity).toHaveLength(30);
    expect(dash.recent_activity.map((d) => d.date)).toEqual(days30());
    const active = dash.recent_activity.filter((d) => d.lessons_completed || d.time_spent_minutes || d.quizzes_taken);
    expect(active).toEqual([
      { date: dayOf(ago(2)), lessons_completed: 1, time_spent_minutes: 30, quizzes_taken: 1 },
      { date: dayOf(NOW), lessons_completed: 0, time_spent_minutes: 0, quizzes_taken: 2 },
    ]);
    expect(dash.achievements).toEqual([
      { kind: 'certificate_earned', title: 'Certificate for Biology', course_id: C2, course_title: 'Biology', achieved_at: iso(ago(1)), value: 0, certificate_number: 'CERT-001' },
      { kind: 'perfect_quiz', title: 'Perfect score on Cell quiz', course_id: C2, course_title: 'Biology', achieved_at: iso(ago(4, 1)), value: 0, certificate_number: '' },
      { kind: 'lessons_milestone', title: 'First lesson completed', course_id: '', course_title: '', achieved_at: iso(ago(9)), value: 1, certificate_number: '' },
    ]);
    // mine: C1, C2, C5 → also taken: C3 (2 + 1 learners in common; C6 deleted, C7 unpublished); then popular C4
    expect(dash.recommendations).toEqual([
      { course_id: C3, course_title: 'Chemistry', instructor_name: 'Otto Other', reason: 'also_taken', students_in_common: 3, enrollments: 10, average_rating: { value: 4.5 } },
      { course_id: C4, course_title: 'Drawing', instructor_name: 'Otto Other', reason: 'popular', students_in_common: 0, enrollments: 8, average_rating: null },
    ]);

    const other = await client.GetStudentDashboard({ student_id: u.otherStudent.userId }, u.admin.auth);
    expect(other.achievements).toEqual([
      { kind: 'course_completed', title: 'Completed Algebra', course_id: C1, course_title: 'Algebra', achieved_at: iso(ago(3)), value: 0, certificate_number: '' },
      { kind: 'perfect_quiz', title: 'Perfect score on Quiz One', course_id: C1, course_title: 'Algebra', achieved_at: iso(ago(4)), value: 0, certificate_number: '' },
    ]);
    expect(other.courses.find((c) => c.course_id === C1)?.estimated_completion_date).toBe(''); // completed
  });

  test('GetCourseDashboard: stats, engagement, lessons in order, quizzes with hard questions, 30-day trends', async () => {
    const d = await client.GetCourseDashboard({ course_id: C1 }, u.instructor.auth);
    expect(d.course_id).toBe(C1);
    expect(d.course_title).toBe('Algebra');
    expect(d.stats).toEqual({
      course_id: C1, course_title: 'Algebra', total_enrollments: 5, active_students: 3, completed_students: 1, completion_rate: 20,
      average_progress: 44, average_time_hours: 0.73, average_rating: { value: 4 }, total_reviews: 2, lessons_count: 3, quizzes_count: 1,
    });
    expect(d.engagement).toEqual({
      course_id: C1,
      daily_active_users: 1, // E5 (20 h ago)
      weekly_active_users: 3, // + E1 (2 d), E2 (3 d)
      monthly_active_users: 4, // + E4 (16 d)
      average_session_duration: 13.33, // (1800 + 600) s / 3 learner-days / 60
      total_watch_time_hours: 3.67,
      dropout_rate: 20, // E4 dropped; nobody active silent 14 days
      most_watched_lesson: { lesson_id: L2, lesson_title: 'Equations', total_time_hours: 1.67, students_started: 3 },
    });
    expect(d.lessons).toEqual([
      { lesson_id: L1, lesson_title: 'Numbers', position: 1, completion_rate: 75, average_time_spent: 20.83, students_started: 4, students_completed: 3, average_completion_time: { value: 30 } },
      { lesson_id: L2, lesson_title: 'Equations', position: 2, completion_rate: 66.67, average_time_spent: 33.33, students_started: 3, students_completed: 2, average_completion_time: null },
      { lesson_id: L3, lesson_title: 'Functions', position: 3, completion_rate: 100, average_time_spent: 36.67, students_started: 1, students_completed: 1, average_completion_time: { value: 10 } },
    ]);
    expect(d.quizzes).toEqual([
      // Q3's definition never arrived (published before quiz.published existed): named by the lesson of its attempt.
      { quiz_id: Q3, quiz_title: 'Numbers', total_attempts: 1, unique_students: 1, average_score: 90, pass_rate: 100, average_time_spent: 0, difficult_questions: [] },
      {
        quiz_id: Q1, quiz_title: 'Quiz One', total_attempts: 4, unique_students: 2, average_score: 67.5, pass_rate: 50, average_time_spent: 5,
        difficult_questions: [
          { question_id: QC, question_text: 'Question C', answered: 4, success_rate: 0 },
          { question_id: QA, question_text: 'Question A', answered: 4, success_rate: 25 },
        ],
      },
    ]);
    expect(d.enrollment_trend.map((p) => p.date)).toEqual(days30());
    expect(d.enrollment_trend[0]).toEqual({ date: days30()[0], new_enrollments: 0, total_enrollments: 2 });
    expect(d.enrollment_trend.slice(-3)).toEqual([
      { date: dayOf(ago(2)), new_enrollments: 1, total_enrollments: 3 },
      { date: dayOf(ago(1)), new_enrollments: 2, total_enrollments: 5 },
      { date: dayOf(NOW), new_enrollments: 0, total_enrollments: 5 },
    ]);
    expect(d.completion_trend.slice(-3)).toEqual([
      { date: dayOf(ago(2)), completions: 1, total_completions: 1 },
      { date: dayOf(ago(1)), completions: 0, total_completions: 1 },
      { date: dayOf(NOW), completions: 0, total_completions: 1 },
    ]);
    // an admin reads it too
    expect((await client.GetCourseDashboard({ course_id: C1 }, u.admin.auth)).stats?.total_enrollments).toBe(5);
  });

  test('GetLessonFunnel: reached, completed and stopped here by the inactivity threshold', async () => {
    const f = await client.GetLessonFunnel({ course_id: C1, inactivity_days: 0 }, u.instructor.auth);
    expect(f).toEqual({
      course_id: C1, course_title: 'Algebra', total_enrollments: 5, inactivity_days: 14,
      steps: [
        { lesson_id: L1, lesson_title: 'Numbers', position: 1, reached: 4, completed: 3, stopped_here: 1 }, // E4, silent 16 days
        { lesson_id: L2, lesson_title: 'Equations', position: 2, reached: 3, completed: 2, stopped_here: 0 },
        { lesson_id: L3, lesson_title: 'Functions', position: 3, reached: 1, completed: 1, stopped_here: 0 },
      ],
    });
    const one = await client.GetLessonFunnel({ course_id: C1, inactivity_days: 1 }, u.instructor.auth);
    expect(one.steps.map((s) => s.stopped_here)).toEqual([1, 1, 0]); // + E1 (2 days, L2); E2 completed; E5 20 h
  });

  test('GetAtRiskStudents: reasons, scores, cohort median, order and limit', async () => {
    const page = await client.GetAtRiskStudents({ course_id: C1, inactivity_days: 0, limit: 0 }, u.instructor.auth);
    expect(page.course_id).toBe(C1);
    expect(page.total).toBe(2);
    expect(page.students).toEqual([
      {
        student_id: S3, student_name: 'Tom Third', enrollment_id: E3, progress_percentage: 0, cohort_median_progress: 50, days_enrolled: 8,
        days_inactive: 8, last_activity_at: '', risk_score: 100,
        reasons: [
          { code: 'never_started', detail: 'enrolled 8 days ago and never started' },
          { code: 'inactive', detail: 'no activity for 8 days' },
          { code: 'behind_cohort', detail: 'progress 0% against a cohort median of 50%' },
        ],
      },
      {
        student_id: u.student.userId, student_name: 'Sam Student', enrollment_id: E1, progress_percentage: 50, cohort_median_progress: 50,
        days_enrolled: 10, days_inactive: 2, last_activity_at: iso(ago(2)), risk_score: 30,
        reasons: [{ code: 'repeated_quiz_failure', detail: 'failed a quiz at least twice without passing' }],
      },
    ]);
    const short = await client.GetAtRiskStudents({ course_id: C1, inactivity_days: 2, limit: 1 }, u.admin.auth);
    expect(short.total).toBe(2);
    expect(short.students.map((s) => [s.enrollment_id, s.risk_score])).toEqual([[E3, 100]]);
  });

  test('GetQuizItemAnalysis: difficulty, point-biserial discrimination and option counts over graded attempts', async () => {
    const r = await client.GetQuizItemAnalysis({ quiz_id: Q1 }, u.instructor.auth);
    expect(r.quiz_id).toBe(Q1);
    expect(r.quiz_title).toBe('Quiz One');
    expect(r.course_id).toBe(C1);
    expect(r.attempts_analysed).toBe(4); // A6 not graded
    const [qa, qb, qc] = r.items;
    expect(qa).toEqual({
      question_id: QA, question_text: 'Question A', question_type: 'single_choice', answered: 4, correct: 1, difficulty: 0.25,
      discrimination: { value: 0.3333 }, // x = 0,0,1,0 against rest scores 50,50,50,0
      options: [
        { option_id: a1, option_text: 'A right', is_correct: true, chosen: 1, chosen_rate: 25 },
        { option_id: a2, option_text: 'A wrong', is_correct: false, chosen: 3, chosen_rate: 75 },
      ],
    });
    expect(qb.difficulty).toBe(0.75);
    expect(qb.discrimination).toEqual({ value: 0.3333 }); // x = 1,1,1,0 against 0,0,50,0
    expect(qc).toMatchObject({ answered: 4, correct: 0, difficulty: 0, discrimination: null });
    expect(qc.options.map((o) => [o.chosen, o.chosen_rate])).toEqual([[0, 0], [4, 100]]);
  });

  test('ExportCourseStudents: keyset pages concatenate to every enrolment once', async () => {
    const rows = [];
    let after = '';
    let pages = 0;
    do {
      const page = await client.ExportCourseStudents({ course_id: C1, after, limit: 2 }, u.instructor.auth);
      expect(page.course_title).toBe('Algebra');
      expect(page.rows.length).toBeLessThanOrEqual(2);
      rows.push(...page.rows);
      after = page.next_cursor;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(rows.map((r) => r.enrollment_id).sort()).toEqual([E1, E2, E3, E4, E5].sort());
    expect(rows.map((r) => r.student_id)).toEqual([...rows.map((r) => r.student_id)].sort());
    expect(rows.find((r) => r.enrollment_id === E1)).toEqual({
      student_id: u.student.userId, student_name: 'Sam Student', enrollment_id: E1, status: 'active', enrolled_at: iso(ago(10)), progress_percentage: 50,
      completed_lessons: 2, total_lessons: 4, time_spent_hours: 1, last_activity_at: iso(ago(2)), completed_at: '', quizzes_taken: 2, quizzes_passed: 0,
      average_quiz_score: { value: 45 },
    });
    expect(rows.find((r) => r.enrollment_id === E2)).toMatchObject({ status: 'completed', completed_at: iso(ago(3)), quizzes_taken: 2, quizzes_passed: 2, average_quiz_score: { value: 90 } });
    expect(rows.find((r) => r.enrollment_id === E4)).toMatchObject({ student_name: 'Deleted user', status: 'dropped' });
    expect(rows.find((r) => r.enrollment_id === E3)).toMatchObject({ average_quiz_score: null, quizzes_taken: 0 });
    const all = await client.ExportCourseStudents({ course_id: C1, after: '', limit: 0 }, u.admin.auth);
    expect(all.rows).toHaveLength(5);
    expect(all.next_cursor).toBe('');
  });

  test('GetInstructorDashboard: totals, courses, recent enrolments and reviews, feedback', async () => {
    const d = await client.GetInstructorDashboard({ instructor_id: '' }, u.instructor.auth);
    const I = u.instructor.userId;
    expect(d.instructor_id).toBe(I);
    expect(d.instructor_name).toBe('Ivy Instructor');
    expect(d.stats).toEqual({
      instructor_id: I, instructor_name: 'Ivy Instructor', total_courses: 2, published_courses: 2, total_students: 5, total_enrollments: 6,
      average_course_rating: { value: 4 }, total_reviews: 2, total_revenue: 50, revenue_currency: 'USD', revenue_by_currency: [{ currency: 'USD', amount: 50 }],
    });
    expect(d.courses).toEqual([
      { course_id: C2, course_title: 'Biology', is_published: true, enrollments: 1, active_students: 1, completion_rate: 0, average_rating: null, revenue: 0, currency: 'USD' },
      { course_id: C1, course_title: 'Algebra', is_published: true, enrollments: 5, active_students: 3, completion_rate: 20, average_rating: { value: 4 }, revenue: 50, currency: 'USD' },
    ]);
    expect(d.recent_enrollments.map((e) => [e.student_name, e.course_title, e.enrolled_at])).toEqual([
      ['Sam Student', 'Biology', iso(ago(5))],
      ['Tom Third', 'Algebra', iso(ago(8))],
      ['Fay Fourth', 'Algebra', iso(ago(9))],
      ['Sam Student', 'Algebra', iso(ago(10))],
      ['Sue Second', 'Algebra', iso(ago(12))],
      ['Deleted user', 'Algebra', iso(ago(20))],
    ]);
    expect(d.recent_reviews).toEqual([
      { student_name: 'Sam Student', course_id: C1, course_title: 'Algebra', rating: 5, review: 'Great', reviewed_at: iso(ago(1)) },
      { student_name: 'Sue Second', course_id: C1, course_title: 'Algebra', rating: 3, review: '', reviewed_at: iso(ago(3)) },
    ]);
    expect(d.student_feedback).toEqual({
      average_rating: { value: 4 }, total_reviews: 2, written_reviews: 1,
      rating_distribution: [{ rating: 5, count: 1 }, { rating: 4, count: 0 }, { rating: 3, count: 1 }, { rating: 2, count: 0 }, { rating: 1, count: 0 }],
    });
    const byAdmin = await client.GetInstructorDashboard({ instructor_id: u.otherInstructor.userId }, u.admin.auth);
    expect(byAdmin.stats).toMatchObject({ total_courses: 3, published_courses: 2, total_students: 2, total_revenue: 200, revenue_currency: 'EUR' });
  });

  test('System figures: overview, growth and enrolment series from the shards, popular courses, top instructors, revenue', async () => {
    const d = await client.GetSystemDashboard({}, u.admin.auth);
    expect(d.overview).toEqual({
      total_users: 6, total_students: 4, total_instructors: 2, total_courses: 5, published_courses: 4, total_enrollments: 24,
      active_enrollments: 15, total_lessons: 4, total_quizzes: 2, total_quiz_attempts: 6,
    });
    expect(d.user_growth.map((p) => p.date)).toEqual(days30());
    expect(d.user_growth[0]).toEqual({ date: days30()[0], new_users: 0, total_users: 4 });
    expect(d.user_growth.slice(-3)).toEqual([
      { date: dayOf(ago(2)), new_users: 3, total_users: 7 },
      { date: dayOf(ago(1)), new_users: 0, total_users: 7 },
      { date: dayOf(NOW), new_users: 1, total_users: 8 },
    ]);
    expect(d.enrollment_trend.slice(-3).map((p) => [p.new_enrollments, p.total_enrollments])).toEqual([[4, 14], [0, 14], [2, 16]]);
    expect(d.popular_courses).toEqual([
      { course_id: C3, course_title: 'Chemistry', instructor_name: 'Otto Other', enrollments: 8, rating: { value: 4.5 }, completion_rate: 20 },
      { course_id: C4, course_title: 'Drawing', instructor_name: 'Otto Other', enrollments: 7, rating: null, completion_rate: 25 },
      { course_id: C1, course_title: 'Algebra', instructor_name: 'Ivy Instructor', enrollments: 4, rating: { value: 4 }, completion_rate: 20 },
      { course_id: C2, course_title: 'Biology', instructor_name: 'Ivy Instructor', enrollments: 1, rating: null, completion_rate: 0 },
    ]);
    expect(d.top_instructors).toEqual([
      { instructor_id: u.instructor.userId, instructor_name: 'Ivy Instructor', total_students: 5, total_courses: 2 },
      { instructor_id: u.otherInstructor.userId, instructor_name: 'Otto Other', total_students: 2, total_courses: 3 },
    ]);
    expect(d.revenue_summary).toEqual({
      total_by_currency: [{ currency: 'EUR', amount: 200 }, { currency: 'USD', amount: 50 }],
      paid_enrollments: 15,
      free_enrollments: 9,
    });

    const growth = await client.GetUserGrowth({ days: 7 }, u.admin.auth);
    expect(growth.data).toHaveLength(7);
    expect(growth.data[0]).toEqual({ date: dayOf(ago(6)), new_users: 0, total_users: 4 });
    expect((await client.GetEnrollmentTrend({ days: 365 }, u.admin.auth)).data).toHaveLength(365);
    expect((await client.GetEnrollmentTrend({ days: 0 }, u.admin.auth)).data).toEqual(d.enrollment_trend);
    expect((await client.GetPopularCourses({ limit: 5 }, u.admin.auth)).data).toEqual(d.popular_courses);
    expect((await client.GetTopInstructors({ limit: 0 }, u.admin.auth)).data).toEqual(d.top_instructors);
  });

  test('Access: own dashboards only, course and quiz reports for the owner or an admin, platform figures for admins', async () => {
    const denied = GrpcStatus.PERMISSION_DENIED;
    await expectGrpcError(client.GetStudentDashboard({ student_id: u.otherStudent.userId }, u.student.auth), denied);
    await expectGrpcError(client.GetStudentSummary({ student_id: u.otherStudent.userId }, u.instructor.auth), denied);
    await expectGrpcError(client.GetCourseDashboard({ course_id: C1 }, u.otherInstructor.auth), denied);
    await expectGrpcError(client.GetCourseDashboard({ course_id: C1 }, u.student.auth), denied);
    await expectGrpcError(client.GetLessonFunnel({ course_id: C1, inactivity_days: 0 }, u.otherInstructor.auth), denied);
    await expectGrpcError(client.GetAtRiskStudents({ course_id: C1, inactivity_days: 0, limit: 0 }, u.otherInstructor.auth), denied);
    await expectGrpcError(client.ExportCourseStudents({ course_id: C1, after: '', limit: 0 }, u.otherInstructor.auth), denied);
    await expectGrpcError(client.GetQuizItemAnalysis({ quiz_id: Q1 }, u.otherInstructor.auth), denied);
    await expectGrpcError(client.GetInstructorDashboard({ instructor_id: '' }, u.student.auth), denied);
    await expectGrpcError(client.GetInstructorDashboard({ instructor_id: u.otherInstructor.userId }, u.instructor.auth), denied);
    await expectGrpcError(client.GetSystemDashboard({}, u.instructor.auth), denied);
    for (const who of [u.student, u.instructor]) {
      await expectGrpcError(client.GetUserGrowth({ days: 0 }, who.auth), denied);
      await expectGrpcError(client.GetEnrollmentTrend({ days: 0 }, who.auth), denied);
      await expectGrpcError(client.GetPopularCourses({ limit: 0 }, who.auth), denied);
      await expectGrpcError(client.GetTopInstructors({ limit: 0 }, who.auth), denied);
    }
    await expectGrpcError(client.GetCourseDashboard({ course_id: randomUUID() }, u.instructor.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(client.GetCourseDashboard({ course_id: C5 }, u.instructor.auth), GrpcStatus.NOT_FOUND); // deleted
    await expectGrpcError(client.GetQuizItemAnalysis({ quiz_id: randomUUID() }, u.admin.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(client.GetStudentSummary({ student_id: '' }, {}), GrpcStatus.UNAUTHENTICATED);
    // an admin asking about someone unknown gets empty figures, never an error
    expect(await client.GetStudentSummary({ student_id: randomUUID() }, u.admin.auth)).toMatchObject({ student_name: '', total_enrollments: 0, average_quiz_score: null });
  });

  test('Validation: ids, days 7..365, limits 5..50, export limit and cursor, inactivity days', async () => {
    const invalid = async (p: Promise<unknown>, field: string) => {
      const err = await expectGrpcError(p, GrpcStatus.INVALID_ARGUMENT);
      expect(err.fields?.map((f) => f.loc.join('.'))).toContain(field);
    };
    await invalid(client.GetStudentDashboard({ student_id: 'nope' }, u.admin.auth), 'student_id');
    await invalid(client.GetCourseDashboard({ course_id: 'nope' }, u.instructor.auth), 'course_id');
    await invalid(client.GetQuizItemAnalysis({ quiz_id: '' }, u.instructor.auth), 'quiz_id');
    await invalid(client.GetInstructorDashboard({ instructor_id: 'x' }, u.admin.auth), 'instructor_id');
    for (const days of [6, 366, -1]) await invalid(client.GetUserGrowth({ days }, u.admin.auth), 'days');
    await invalid(client.GetEnrollmentTrend({ days: 3 }, u.admin.auth), 'days');
    for (const limit of [4, 51]) {
      await invalid(client.GetPopularCourses({ limit }, u.admin.auth), 'limit');
      await invalid(client.GetTopInstructors({ limit }, u.admin.auth), 'limit');
    }
    await invalid(client.ExportCourseStudents({ course_id: C1, after: '', limit: 1001 }, u.instructor.auth), 'limit');
    await invalid(client.ExportCourseStudents({ course_id: C1, after: 'garbage', limit: 0 }, u.instructor.auth), 'after');
    await invalid(client.GetAtRiskStudents({ course_id: C1, inactivity_days: 366, limit: 0 }, u.instructor.auth), 'inactivity_days');
    await invalid(client.GetAtRiskStudents({ course_id: C1, inactivity_days: 0, limit: 501 }, u.instructor.auth), 'limit');
    await invalid(client.GetLessonFunnel({ course_id: C1, inactivity_days: -3 }, u.instructor.auth), 'inactivity_days');
    // every problem at once
    const err = await expectGrpcError(client.GetAtRiskStudents({ course_id: 'x', inactivity_days: 999, limit: 999 }, u.instructor.auth), GrpcStatus.INVALID_ARGUMENT);
    expect(err.fields?.map((f) => f.loc[0]).sort()).toEqual(['course_id', 'inactivity_days', 'limit']);
  });

  // last: its 1,211 attempts would change the platform totals checked above
  test('GetQuizItemAnalysis reads a quiz with more graded attempts than one page (keyset pages of attempts)', async () => {
    const db = service.sequelize;
    const quizId = randomUUID();
    const questionId = randomUUID();
    const [right, wrong] = [randomUUID(), randomUUID()];
    await insert(db, 'quizzes', { quiz_id: quizId, course_id: C1, title: 'Big quiz', is_published: false });
    await insert(db, 'questions', { question_id: questionId, quiz_id: quizId, position: 1, question_type: 'true_false', text: 'Big?', options: JSON.stringify([{ option_id: right, text: 'yes', is_correct: true }, { option_id: wrong, text: 'no', is_correct: false }]) });
    // 1,201 graded attempts (every third one right) and 10 not graded
    await db.query(
      `INSERT INTO attempts (attempt_id, quiz_id, course_id, student_id, attempt_number, percentage, passed)
       SELECT md5(:quizId || i)::uuid, :quizId, :courseId, md5('s' || i)::uuid, 1, CASE WHEN i <= 1201 THEN CASE WHEN i % 3 = 0 THEN 100 ELSE 0 END END, i % 3 = 0
         FROM generate_series(1, 1211) i`,
      { replacements: { quizId, courseId: C1 } },
    );
    await db.query(
      `INSERT INTO attempt_answers (attempt_id, question_id, quiz_id, selected_option_ids, is_correct, points_earned, max_points)
       SELECT md5(:quizId || i)::uuid, :questionId, :quizId, ARRAY[CASE WHEN i % 3 = 0 THEN :right ELSE :wrong END]::uuid[], i % 3 = 0, CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END, 1
         FROM generate_series(1, 1211) i`,
      { replacements: { quizId, questionId, right, wrong } },
    );
    const r = await client.GetQuizItemAnalysis({ quiz_id: quizId }, u.instructor.auth);
    expect(r.attempts_analysed).toBe(1201);
    expect(r.items).toEqual([
      {
        question_id: questionId, question_text: 'Big?', question_type: 'true_false', answered: 1201, correct: 400, difficulty: 0.3331,
        discrimination: null, // one question: no rest score
        options: [
          { option_id: right, option_text: 'yes', is_correct: true, chosen: 400, chosen_rate: 33.31 },
          { option_id: wrong, option_text: 'no', is_correct: false, chosen: 801, chosen_rate: 66.69 },
        ],
      },
    ]);
  });
});

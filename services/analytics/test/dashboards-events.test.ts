import { scenario } from './ingest-scenario';
import { startAnalyticsSuite, type AnalyticsSuite } from './support';

/**
 * End to end: the scripted history of every consumed family goes through the broker and the real ingestion
 * (the `analytics.facts` consumer), then the dashboards read it — figures computed by hand from the script.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');

describe('dashboards fed by events through the broker', () => {
  let s: AnalyticsSuite;
  let ids: ReturnType<typeof scenario>['ids'];

  beforeAll(async () => {
    s = await startAnalyticsSuite('dash_events');
    s.service.deps.clock = () => NOW;
    const script = scenario(s);
    ids = script.ids;
    await s.publish(...script.events);
    await s.waitForHandled(script.events, 60_000);
  });
  afterAll(async () => {
    await s?.close();
  });

  test('the learner dashboard: summary, courses, achievements', async () => {
    const d = await s.analytics.GetStudentDashboard({ student_id: ids.s1 }, s.admin.auth);
    expect(d.student_name).toBe('Ada Lovelace'); // the newest profile change wins
    expect(d.summary).toEqual({
      student_id: ids.s1,
      student_name: 'Ada Lovelace',
      total_enrollments: 2,
      active_enrollments: 1, // e1: dropped, then reactivated
      completed_enrollments: 1, // e3: completed, then "expired" (a completed enrolment never expires)
      average_progress: 66.67, // e1's newest progress (course version 2, 2 lessons)
      total_time_hours: 0.12, // 300 + 120 s
      total_lessons_completed: 3,
      quizzes_taken: 2, // a1 (regraded to 100) and a2 (40)
      quizzes_passed: 1,
      average_quiz_score: { value: 70 },
    });
    expect(d.courses.map((c) => [c.enrollment_id, c.course_title, c.status, c.progress_percentage, c.completed_lessons, c.total_lessons])).toEqual([
      [ids.e3, 'Geometry', 'completed', 100, 1, 1],
      [ids.e1, 'Algebra I', 'active', 66.67, 2, 3],
    ]);
    const e1 = d.courses[1];
    expect(e1).toMatchObject({ time_spent_hours: 0.12, quizzes_completed: 2, average_quiz_score: { value: 70 }, estimated_completion_date: '2026-03-14' });
    expect(d.courses[0]).toMatchObject({ estimated_completion_date: '', average_quiz_score: null });
    expect(d.achievements.map((a) => [a.kind, a.title, a.achieved_at, a.value, a.certificate_number])).toEqual([
      ['certificate_earned', 'Certificate for Geometry', '2026-03-04T11:00:00.000Z', 0, 'LMS-0001'], // LMS-0002 was revoked
      ['course_completed', 'Completed Geometry', '2026-03-04T10:00:00.000Z', 0, ''],
      ['perfect_quiz', 'Perfect score on Quiz one v2', '2026-03-03T10:05:00.000Z', 0, ''],
      ['lessons_milestone', 'First lesson completed', '2026-03-02T10:30:00.000Z', 1, ''],
    ]);
  });

  test('the course dashboard, at-risk list and instructor dashboard', async () => {
    const c = await s.analytics.GetCourseDashboard({ course_id: ids.c1 }, s.admin.auth);
    expect(c.stats).toEqual({
      course_id: ids.c1, course_title: 'Algebra I', total_enrollments: 2, active_students: 1, completed_students: 0, completion_rate: 0,
      average_progress: 33.34, // (66.67 + 0) / 2
      average_time_hours: 0.06, // 420 s / 2
      average_rating: { value: 5 }, total_reviews: 1, lessons_count: 2, quizzes_count: 1, // l3 was deleted
    });
    expect(c.lessons.map((l) => [l.lesson_title, l.position])).toEqual([['L two', 1], ['Intro', 2]]);
    expect(c.lessons[1]).toMatchObject({ students_started: 1, students_completed: 1, completion_rate: 100, average_time_spent: 5, average_completion_time: { value: 30 } });
    expect(c.quizzes).toEqual([
      {
        quiz_id: ids.q1, quiz_title: 'Quiz one v2', total_attempts: 3, unique_students: 2, average_score: 73.33, pass_rate: 66.67,
        average_time_spent: 5.67, // 5, 10 and 2 minutes
        difficult_questions: [],
      },
    ]);
    expect(c.engagement?.total_watch_time_hours).toBe(0.12);

    const risk = await s.analytics.GetAtRiskStudents({ course_id: ids.c1, inactivity_days: 0, limit: 0 }, s.admin.auth);
    expect(risk.total).toBe(1);
    expect(risk.students[0]).toMatchObject({ enrollment_id: ids.e1, days_inactive: 7, risk_score: 40, reasons: [{ code: 'inactive', detail: 'no activity for 7 days' }] });

    const i = await s.analytics.GetInstructorDashboard({ instructor_id: ids.instructor }, s.admin.auth);
    expect(i.stats).toMatchObject({
      instructor_name: 'Ines', total_courses: 2, published_courses: 1, total_students: 2, total_enrollments: 4,
      total_revenue: 30, revenue_currency: 'USD', average_course_rating: { value: 5 }, total_reviews: 1,
    });
    expect(i.student_feedback).toEqual({
      average_rating: { value: 5 }, total_reviews: 1, written_reviews: 1, // the newest review of e1 (5, "Great") replaced its 4
      rating_distribution: [{ rating: 5, count: 1 }, { rating: 4, count: 0 }, { rating: 3, count: 0 }, { rating: 2, count: 0 }, { rating: 1, count: 0 }],
    });
    expect(i.recent_reviews).toEqual([{ student_name: 'Ada Lovelace', course_id: ids.c1, course_title: 'Algebra I', rating: 5, review: 'Great', reviewed_at: '2026-03-04T10:00:00.000Z' }]);
  });
});

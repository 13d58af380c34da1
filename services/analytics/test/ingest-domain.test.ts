import {
  attemptContribution,
  delta,
  enrollmentContribution,
  lessonProgressContribution,
  shardOf,
  type AttemptRow,
  type EnrollmentRow,
} from '../src/domain/contributions';
import { enrollmentStatus, type StatusFacts } from '../src/domain/enrollment-status';

const d = (day: number) => new Date(Date.UTC(2026, 2, day, 10));

describe('enrollmentStatus', () => {
  const none: StatusFacts = { enrolledAt: null, droppedAt: null, expiredAt: null, reactivatedAt: null, completedAt: null };
  const cases: [string, Partial<StatusFacts>, string][] = [
    ['nothing known yet', {}, 'active'],
    ['enrolled', { enrolledAt: d(1) }, 'active'],
    ['dropped after enrolling', { enrolledAt: d(1), droppedAt: d(2) }, 'dropped'],
    ['dropped known before the enrolment', { droppedAt: d(2) }, 'dropped'],
    ['reactivated after the drop', { enrolledAt: d(1), droppedAt: d(2), reactivatedAt: d(3) }, 'active'],
    ['dropped again after a reactivation', { enrolledAt: d(1), droppedAt: d(4), reactivatedAt: d(3) }, 'dropped'],
    ['expired', { enrolledAt: d(1), expiredAt: d(5) }, 'expired'],
    ['extended (reactivated) after expiry', { enrolledAt: d(1), expiredAt: d(5), reactivatedAt: d(6) }, 'active'],
    ['expired after an older reactivation', { enrolledAt: d(1), expiredAt: d(9), reactivatedAt: d(8) }, 'expired'],
    ['dropped after expiring', { enrolledAt: d(1), expiredAt: d(3), droppedAt: d(4) }, 'dropped'],
    ['expired after a drop (newest close wins)', { enrolledAt: d(1), droppedAt: d(3), expiredAt: d(4) }, 'expired'],
    ['completed', { enrolledAt: d(1), completedAt: d(2) }, 'completed'],
    ['completed then dropped', { enrolledAt: d(1), completedAt: d(2), droppedAt: d(3) }, 'dropped'],
    ['completed, dropped, reactivated', { enrolledAt: d(1), completedAt: d(2), droppedAt: d(3), reactivatedAt: d(4) }, 'completed'],
    ['completed never expires', { enrolledAt: d(1), completedAt: d(2), expiredAt: d(3) }, 'completed'],
    ['completion known before the expiry it cancels', { completedAt: d(2), expiredAt: d(3) }, 'completed'],
    ['completed after a reactivation following an expiry', { enrolledAt: d(1), expiredAt: d(2), reactivatedAt: d(3), completedAt: d(4) }, 'completed'],
  ];
  test.each(cases)('%s', (_name, facts, status) => {
    expect(enrollmentStatus({ ...none, ...facts })).toBe(status);
  });
});

const enrollment = (over: Partial<EnrollmentRow> = {}): EnrollmentRow => ({
  enrollmentId: '00000000-0000-4000-8000-00000000000a',
  studentId: 's',
  courseId: 'c',
  enrolledAt: d(1),
  priceCents: 1500,
  currency: 'USD',
  droppedAt: null,
  expiredAt: null,
  reactivatedAt: null,
  completedAt: null,
  status: 'active',
  progressPercentage: 0,
  completedLessons: 0,
  totalLessons: 0,
  progressVersion: -1,
  lessonsCompleted: 0,
  timeSpentSeconds: 0,
  firstActivityAt: null,
  lastActivityAt: null,
  lastLessonId: null,
  lastLessonAt: null,
  rating: null,
  review: null,
  reviewedAt: null,
  ...over,
});

describe('contributions and deltas', () => {
  test('a new enrolment adds one enrolment, its price, a new enrolment that day (course and system)', () => {
    expect(delta([], enrollmentContribution(enrollment()))).toEqual([
      { table: 'course_stats', key: { course_id: 'c' }, values: { enrollments: 1, active: 1, revenue_cents: 1500, paid_enrollments: 1 } },
      { table: 'course_daily', key: { course_id: 'c', day: '2026-03-01' }, values: { new_enrollments: 1 } },
      { table: 'system_daily', key: { day: '2026-03-01', shard: 10 }, values: { new_enrollments: 1 } },
    ]);
  });

  test('a status change moves one count; a review replaces the rating; unchanged rows add nothing', () => {
    const before = enrollment({ rating: 4, review: '' });
    const after = enrollment({ status: 'completed', completedAt: d(3), rating: 5, review: 'Nice', progressPercentage: 100 });
    expect(delta(enrollmentContribution(before), enrollmentContribution(after))).toEqual([
      {
        table: 'course_stats',
        key: { course_id: 'c' },
        values: { active: -1, completed: 1, progress_sum: 100, rating_sum: 1, rating_4: -1, rating_5: 1, written_reviews: 1 },
      },
      { table: 'course_daily', key: { course_id: 'c', day: '2026-03-03' }, values: { completions: 1 } },
    ]);
    expect(delta(enrollmentContribution(before), enrollmentContribution(before))).toEqual([]);
  });

  test('progress sums stay exact to the cent', () => {
    const a = enrollment({ progressPercentage: 33.33 });
    const b = enrollment({ progressPercentage: 66.67 });
    expect(delta(enrollmentContribution(a), enrollmentContribution(b))[0].values).toEqual({ progress_sum: 33.34 });
  });

  test('lesson progress: completion with its duration and the day it counts for', () => {
    const row = { enrollmentId: 'e', lessonId: 'l', courseId: 'c', studentId: 's', startedAt: d(1), completedAt: null, timeSpentSeconds: 0 };
    expect(delta(lessonProgressContribution(row), lessonProgressContribution({ ...row, completedAt: d(2), timeSpentSeconds: 60 }))).toEqual([
      {
        table: 'lesson_stats',
        key: { lesson_id: 'l' },
        attrs: { course_id: 'c' },
        values: { completed: 1, time_spent_seconds: 60, learners_with_time: 1, completion_seconds_sum: 86400, completion_timed: 1 },
      },
      { table: 'student_daily', key: { student_id: 's', day: '2026-03-02' }, values: { lessons_completed: 1 } },
    ]);
  });

  test('attempt: a regrade moves the score and the pass', () => {
    const row: AttemptRow = {
      attemptId: 'a', quizId: 'q', courseId: 'c', lessonId: null, studentId: 's', attemptNumber: 1,
      startedAt: d(1), submittedAt: new Date(d(1).getTime() + 90_000), gradedAt: d(1), percentage: 50, passed: false, answersAt: null,
    };
    expect(delta(attemptContribution(row), attemptContribution({ ...row, percentage: 100, passed: true }))).toEqual([
      { table: 'quiz_stats', key: { quiz_id: 'q' }, attrs: { course_id: 'c' }, values: { passed_attempts: 1, percentage_sum: 50 } },
    ]);
    expect(attemptContribution(row)[0].values).toMatchObject({ duration_seconds_sum: 90, timed_attempts: 1, submitted_attempts: 1 });
  });

  test('shards spread over 16 rows', () => {
    expect(shardOf('00000000-0000-4000-8000-00000000000f')).toBe(15);
    expect(shardOf('00000000-0000-4000-8000-000000000000')).toBe(0);
  });
});

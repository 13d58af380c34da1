import type { InstructorDashboard__Output } from '@lms/kit/generated/lms/analytics/v1/InstructorDashboard';
import { protoTime } from '@lms/kit/grpc';
import { averageOrNull, majorUnits, optional, percent } from '../../domain/figures/numbers';
import { Checker } from '../../domain/validation';
import { instructorTarget, type Caller, type QueryPorts } from './access';

export const RECENT_ROWS = 10;

/**
 * GetInstructorDashboard: totals over the instructor's courses (not deleted), each course's performance, the
 * newest enrolments and reviews, and the ratings received. Revenue is the list price at enrolment time summed
 * over every enrolment, per currency (there is no payment system).
 */
export async function getInstructorDashboard(deps: QueryPorts, caller: Caller, query: { instructorId: string }): Promise<InstructorDashboard__Output> {
  const check = new Checker();
  const instructorId = instructorTarget(caller, query.instructorId, check);
  check.throwIfAny();
  const read = deps.units.read;
  const repo = read.dashboards.platform;
  const [name, courses] = await Promise.all([read.dashboards.students.userName(instructorId), repo.instructorCourses(instructorId)]);
  const ids = courses.map((c) => c.courseId);
  const [students, enrollments, reviews] = await Promise.all([
    repo.distinctLearners(instructorId),
    repo.recentEnrollments(ids, RECENT_ROWS),
    repo.recentReviews(ids, RECENT_ROWS),
  ]);
  const sum = (f: (s: (typeof courses)[number]['stats']) => number) => courses.reduce((acc, c) => acc + f(c.stats), 0);
  const revenue = new Map<string, number>();
  for (const c of courses) if (c.stats.revenueCents > 0) revenue.set(c.currency, (revenue.get(c.currency) ?? 0) + c.stats.revenueCents);
  const byCurrency = [...revenue.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, amount: majorUnits(cents) }));
  const ratings = [0, 0, 0, 0, 0];
  for (const c of courses) c.stats.ratings.forEach((n, i) => (ratings[i] = (ratings[i] ?? 0) + n));
  const ratingSum = sum((s) => s.ratingSum);
  const ratingCount = sum((s) => s.ratingCount);
  return {
    instructor_id: instructorId,
    instructor_name: name,
    stats: {
      instructor_id: instructorId,
      instructor_name: name,
      total_courses: courses.length,
      published_courses: courses.filter((c) => c.isPublished).length,
      total_students: students,
      total_enrollments: sum((s) => s.enrollments),
      average_course_rating: optional(averageOrNull(ratingSum, ratingCount)),
      total_reviews: ratingCount,
      total_revenue: byCurrency.length === 1 ? byCurrency[0].amount : 0,
      revenue_currency: byCurrency.length === 1 ? byCurrency[0].currency : '',
      revenue_by_currency: byCurrency,
    },
    courses: courses.map((c) => ({
      course_id: c.courseId,
      course_title: c.title,
      is_published: c.isPublished,
      enrollments: c.stats.enrollments,
      active_students: c.stats.active,
      completion_rate: percent(c.stats.completed, c.stats.enrollments),
      average_rating: optional(averageOrNull(c.stats.ratingSum, c.stats.ratingCount)),
      revenue: majorUnits(c.stats.revenueCents),
      currency: c.currency,
    })),
    recent_enrollments: enrollments.map((e) => ({ student_name: e.studentName, course_id: e.courseId, course_title: e.courseTitle, enrolled_at: protoTime(e.at) })),
    recent_reviews: reviews.map((r) => ({
      student_name: r.studentName,
      course_id: r.courseId,
      course_title: r.courseTitle,
      rating: r.rating,
      review: r.review,
      reviewed_at: protoTime(r.at),
    })),
    student_feedback: {
      average_rating: optional(averageOrNull(ratingSum, ratingCount)),
      total_reviews: ratingCount,
      written_reviews: sum((s) => s.writtenReviews),
      rating_distribution: [5, 4, 3, 2, 1].map((rating) => ({ rating, count: ratings[rating - 1] ?? 0 })),
    },
  };
}

import type { EnrollmentTrendPoint__Output } from '@lms/kit/generated/lms/analytics/v1/EnrollmentTrendPoint';
import type { PopularCourse__Output } from '@lms/kit/generated/lms/analytics/v1/PopularCourse';
import type { SystemDashboard__Output } from '@lms/kit/generated/lms/analytics/v1/SystemDashboard';
import type { TopInstructor__Output } from '@lms/kit/generated/lms/analytics/v1/TopInstructor';
import type { UserGrowthPoint__Output } from '@lms/kit/generated/lms/analytics/v1/UserGrowthPoint';
import { lastDays, runningSeries } from '../../domain/figures/dates';
import { averageOrNull, majorUnits, optional, percent } from '../../domain/figures/numbers';
import { Checker, DAYS, TOP_LIMIT } from '../../domain/validation';
import type { AnalyticsRepositories } from '../deps';
import { requireAdmin, type Caller, type QueryPorts } from './access';

/** The platform's figures (admin only): overview, growth and enrolment series, popular courses, top instructors. */

function checkDays(raw: number): number {
  const check = new Checker();
  const days = check.intOr('days', raw, DAYS.fallback, DAYS.min, DAYS.max);
  check.throwIfAny();
  return days;
}

function checkLimit(raw: number): number {
  const check = new Checker();
  const limit = check.intOr('limit', raw, TOP_LIMIT.fallback, TOP_LIMIT.min, TOP_LIMIT.max);
  check.throwIfAny();
  return limit;
}

async function series(read: AnalyticsRepositories, now: Date, n: number) {
  const days = lastDays(now, n);
  const { rows, before } = await read.dashboards.platform.systemDays(days[0]);
  const users = runningSeries(days, new Map(rows.map((r) => [r.day, r.users])), before.users);
  const enrollments = runningSeries(days, new Map(rows.map((r) => [r.day, r.enrollments])), before.enrollments);
  return {
    growth: users.map((p): UserGrowthPoint__Output => ({ date: p.date, new_users: p.added, total_users: p.total })),
    trend: enrollments.map((p): EnrollmentTrendPoint__Output => ({ date: p.date, new_enrollments: p.added, total_enrollments: p.total })),
  };
}

async function popular(read: AnalyticsRepositories, limit: number): Promise<PopularCourse__Output[]> {
  return (await read.dashboards.platform.popularCourses(limit)).map((c) => ({
    course_id: c.courseId,
    course_title: c.title,
    instructor_name: c.instructorName,
    enrollments: c.withAccess,
    rating: optional(averageOrNull(c.stats.ratingSum, c.stats.ratingCount)),
    completion_rate: percent(c.stats.completed, c.stats.enrollments),
  }));
}

async function topInstructors(read: AnalyticsRepositories, limit: number): Promise<TopInstructor__Output[]> {
  return (await read.dashboards.platform.topInstructors(limit)).map((t) => ({
    instructor_id: t.instructorId,
    instructor_name: t.name,
    total_students: t.students,
    total_courses: t.courses,
  }));
}

export async function getSystemDashboard(deps: QueryPorts, caller: Caller): Promise<SystemDashboard__Output> {
  requireAdmin(caller);
  const read = deps.units.read;
  const [o, s, courses, instructors, revenue] = await Promise.all([
    read.dashboards.platform.overview(),
    series(read, deps.clock(), DAYS.fallback),
    popular(read, TOP_LIMIT.fallback),
    topInstructors(read, TOP_LIMIT.fallback),
    read.dashboards.platform.revenue(),
  ]);
  return {
    overview: {
      total_users: o.users,
      total_students: o.students,
      total_instructors: o.instructors,
      total_courses: o.courses,
      published_courses: o.publishedCourses,
      total_enrollments: o.enrollments,
      active_enrollments: o.activeEnrollments,
      total_lessons: o.lessons,
      total_quizzes: o.quizzes,
      total_quiz_attempts: o.attempts,
    },
    user_growth: s.growth,
    enrollment_trend: s.trend,
    popular_courses: courses,
    top_instructors: instructors,
    revenue_summary: {
      total_by_currency: revenue.byCurrency.map((r) => ({ currency: r.currency, amount: majorUnits(r.cents) })),
      paid_enrollments: revenue.paid,
      free_enrollments: revenue.free,
    },
  };
}

export async function getUserGrowth(deps: QueryPorts, caller: Caller, query: { days: number }): Promise<UserGrowthPoint__Output[]> {
  requireAdmin(caller);
  return (await series(deps.units.read, deps.clock(), checkDays(query.days))).growth;
}

export async function getEnrollmentTrend(deps: QueryPorts, caller: Caller, query: { days: number }): Promise<EnrollmentTrendPoint__Output[]> {
  requireAdmin(caller);
  return (await series(deps.units.read, deps.clock(), checkDays(query.days))).trend;
}

export async function getPopularCourses(deps: QueryPorts, caller: Caller, query: { limit: number }): Promise<PopularCourse__Output[]> {
  requireAdmin(caller);
  return popular(deps.units.read, checkLimit(query.limit));
}

export async function getTopInstructors(deps: QueryPorts, caller: Caller, query: { limit: number }): Promise<TopInstructor__Output[]> {
  requireAdmin(caller);
  return topInstructors(deps.units.read, checkLimit(query.limit));
}

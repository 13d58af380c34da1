import type { Caller } from '@lms/kit/auth';
import { AnalyticsErrors } from '../../domain/analytics.errors';
import { Checker } from '../../domain/validation';
import type { CourseRow } from '../../infra/course-figures.repository';
import type { AnalyticsDeps, AnalyticsRepositories } from '../deps';

export type { Caller };

/** What a query reads with: the autocommit repositories and the clock. */
export type QueryPorts = Pick<AnalyticsDeps, 'units' | 'clock'>;

/** The verified caller behind a bearer token (signature via auth's JWKS, claims, expiry, revocation marks). */
export function authenticate(deps: Pick<AnalyticsDeps, 'verifier'>, authorization: string | undefined): Promise<Caller> {
  return deps.verifier.verify(authorization);
}

export function isAdmin(caller: Caller): boolean {
  return caller.role === 'admin';
}

/** The learner a student dashboard is about: "" = the caller; another learner only for an admin. */
export function studentTarget(caller: Caller, raw: string, check: Checker): string {
  if (!raw) return caller.userId;
  const id = check.uuid('student_id', raw);
  if (check.ok && id !== caller.userId && !isAdmin(caller)) throw AnalyticsErrors.ownStudentDashboardOnly();
  return id;
}

/** The instructor a dashboard is about: "" = the caller (an instructor or admin); another one only for an admin. */
export function instructorTarget(caller: Caller, raw: string, check: Checker): string {
  if (caller.role !== 'instructor' && !isAdmin(caller)) throw AnalyticsErrors.instructorsOnly();
  if (!raw) return caller.userId;
  const id = check.uuid('instructor_id', raw);
  if (check.ok && id !== caller.userId && !isAdmin(caller)) throw AnalyticsErrors.ownInstructorDashboardOnly();
  return id;
}

export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw AnalyticsErrors.adminOnly();
}

/**
 * A course whose reports the caller may read: its instructor (as the read model knows it) or an admin. A course
 * unknown to analytics (or deleted) → NOT_FOUND; anyone else → PERMISSION_DENIED.
 */
export async function readableCourse(read: AnalyticsRepositories, caller: Caller, courseId: string): Promise<CourseRow> {
  const course = await read.dashboards.courses.course(courseId);
  if (!course || course.deleted) throw AnalyticsErrors.courseNotFound();
  if (!isAdmin(caller) && !(caller.role === 'instructor' && course.instructorId === caller.userId)) throw AnalyticsErrors.courseOwnerOnly();
  return course;
}

/** A checked course id (INVALID_ARGUMENT with the field otherwise), together with the other checks of `check`. */
export function courseIdOf(raw: string, check: Checker): string {
  return check.uuid('course_id', raw);
}

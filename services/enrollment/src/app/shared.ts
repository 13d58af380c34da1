import type { Caller } from '@lms/kit/auth';
import { remoteFailure } from '@lms/kit/errors';
import { EnrollmentErrors } from '../domain/enrollment.errors';
import type { Enrollment } from '../domain/enrollment';
import type { Checker } from '../domain/validation';
import type { EnrollmentDeps } from './deps';

export type { Caller };

/** The verified caller behind a bearer token (signature via auth's JWKS, claims, expiry, revocation marks). */
export function authenticate(deps: EnrollmentDeps, authorization: string | undefined): Promise<Caller> {
  return deps.verifier.verify(authorization);
}

export function throwIfInvalid(check: Checker): void {
  if (!check.ok) throw EnrollmentErrors.validation(check.errors);
}

/** Catalog's answer to "does this user own this course?" (an unreachable catalog is CATALOG_UNAVAILABLE). */
async function askCourseOwner(deps: EnrollmentDeps, caller: Caller, courseId: string) {
  try {
    return await deps.catalog.IsCourseOwner({ course_id: courseId, user_id: caller.userId });
  } catch (err) {
    throw remoteFailure(err, EnrollmentErrors.catalogUnavailable);
  }
}

/** Admin, or the instructor who owns the course (asked to catalog). */
export async function ownsCourse(deps: EnrollmentDeps, caller: Caller, courseId: string): Promise<boolean> {
  if (caller.role === 'admin') return true;
  if (caller.role !== 'instructor') return false;
  return (await askCourseOwner(deps, caller, courseId)).is_owner;
}

/** The course side of the API: the course's instructor or an admin; otherwise PERMISSION_DENIED. */
export async function requireCourseOwner(deps: EnrollmentDeps, caller: Caller, courseId: string): Promise<void> {
  if (caller.role === 'admin') return;
  if (caller.role !== 'instructor') throw EnrollmentErrors.courseOwnerOnly();
  const reply = await askCourseOwner(deps, caller, courseId);
  if (!reply.exists) throw EnrollmentErrors.courseNotFound();
  if (!reply.is_owner) throw EnrollmentErrors.courseOwnerOnly();
}

export type Viewer = 'student' | 'course_owner' | 'admin';

/**
 * An enrolment the caller may see: its student, the course's instructor, an admin. Anyone else gets
 * NOT_FOUND, exactly as for an id that does not exist, so ids cannot be probed.
 */
export async function loadVisible(deps: EnrollmentDeps, caller: Caller, enrollmentId: string): Promise<{ enrollment: Enrollment; viewer: Viewer }> {
  const enrollment = await deps.units.read.enrollments.findById(enrollmentId);
  if (!enrollment) throw EnrollmentErrors.notFound();
  if (enrollment.studentId === caller.userId) return { enrollment, viewer: 'student' };
  if (caller.role === 'admin') return { enrollment, viewer: 'admin' };
  if (caller.role === 'instructor' && (await ownsCourse(deps, caller, enrollment.courseId))) return { enrollment, viewer: 'course_owner' };
  throw EnrollmentErrors.notFound();
}

/** Writes to an enrolment (progress, review): its student only. Others who may see it get PERMISSION_DENIED. */
export async function loadOwned(deps: EnrollmentDeps, caller: Caller, enrollmentId: string): Promise<Enrollment> {
  const { enrollment, viewer } = await loadVisible(deps, caller, enrollmentId);
  if (viewer !== 'student') throw EnrollmentErrors.ownerOnly();
  return enrollment;
}

import { requireRole } from '@lms/kit/auth';
import { publicProfile, type PublicProfile } from '../../domain/user';
import { Checker, LIMITS } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

export interface ResolvedUser {
  email: string;
  profile: PublicProfile;
  /** Always true: inactive accounts are never returned. */
  isActive: boolean;
}

/**
 * For enrollment's bulk enrolment by email only: up to 100 emails (case-insensitive) → the ACTIVE
 * STUDENT accounts among them, which is all bulk enrolment needs. Unknown, deleted, deactivated and
 * non-student accounts are all absent alike, so an answer never says more than "these can be enrolled"
 * (nothing about an inactive account, nor whether an email belongs to a teacher or an administrator).
 *
 * Who may ask: administrators and instructors with their own token (students → PERMISSION_DENIED,
 * anonymous → UNAUTHENTICATED), naming the course being bulk-enrolled (`courseId`, required).
 * OPEN (issue 10 A5): auth cannot check that the caller owns that course — it does not own courses, and
 * there is no service-to-service identity yet to tell that the enrollment service (which asked catalog's
 * IsCourseOwner before calling) is the one asking. Until then an instructor holding their own token and
 * any course id could call this RPC directly inside the cluster and learn which emails are active students.
 */
export async function resolveUsersByEmail(deps: AuthDeps, caller: Caller, query: { emails: string[]; courseId: string }): Promise<ResolvedUser[]> {
  requireRole(caller, 'admin', 'instructor');
  const check = new Checker();
  check.uuid('course_id', query.courseId);
  if (query.emails.length > LIMITS.batchMax) check.add('emails', `must contain at most ${LIMITS.batchMax} emails`);
  const emails = [...new Set(query.emails.map((raw, i) => check.email(`emails.${i}`, raw)))];
  throwIfInvalid(check);
  const enrollable = (await deps.users.findManyByEmail(emails)).filter((u) => u.isActive && u.role === 'student');
  const byEmail = new Map(enrollable.map((u) => [u.email.toLowerCase(), u]));
  return emails.flatMap((email) => {
    const user = byEmail.get(email);
    return user ? [{ email, profile: publicProfile(user), isActive: true }] : [];
  });
}

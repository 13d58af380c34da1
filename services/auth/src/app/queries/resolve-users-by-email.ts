import { currentContext } from '@lms/kit';
import { requireRole } from '@lms/kit/auth';
import { PermissionDeniedError } from '@lms/kit/errors';
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
 * Who may ask: the enrollment service only (the calling service, verified from its signed service token by
 * the kit's gRPC server: any other service → PERMISSION_DENIED `AUTH.CALLER_NOT_ALLOWED`), on behalf of an
 * administrator or instructor with their own token (students → PERMISSION_DENIED, anonymous →
 * UNAUTHENTICATED), naming the course being bulk-enrolled (`courseId`, required). Auth does not own courses:
 * that the instructor owns the course is enrollment's check (catalog's IsCourseOwner) before it calls, and
 * the service restriction is what makes that check unavoidable — a token holder can no longer call this RPC
 * directly (issue 10 A5).
 */
/** The services allowed to call ResolveUsersByEmail (bulk enrolment by email). */
export const RESOLVE_BY_EMAIL_CALLERS: readonly string[] = ['enrollment'];

export async function resolveUsersByEmail(deps: AuthDeps, caller: Caller, query: { emails: string[]; courseId: string }): Promise<ResolvedUser[]> {
  requireRole(caller, 'admin', 'instructor');
  const callerService = currentContext()?.callerService;
  if (!callerService || !RESOLVE_BY_EMAIL_CALLERS.includes(callerService)) {
    throw new PermissionDeniedError('Only the enrollment service may resolve users by email', 'AUTH.CALLER_NOT_ALLOWED');
  }
  const check = new Checker();
  check.uuid('course_id', query.courseId);
  if (query.emails.length > LIMITS.batchMax) check.add('emails', `must contain at most ${LIMITS.batchMax} emails`);
  const emails = [...new Set(query.emails.map((raw, i) => check.email(`emails.${i}`, raw)))];
  throwIfInvalid(check);
  const enrollable = (await deps.units.read.users.findManyByEmail(emails)).filter((u) => u.isActive && u.role === 'student');
  const byEmail = new Map(enrollable.map((u) => [u.email.toLowerCase(), u]));
  return emails.flatMap((email) => {
    const user = byEmail.get(email);
    return user ? [{ email, profile: publicProfile(user), isActive: true }] : [];
  });
}

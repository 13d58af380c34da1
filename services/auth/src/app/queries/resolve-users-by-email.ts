import { requireRole } from '@lms/kit/auth';
import { publicProfile, type PublicProfile } from '../../domain/user';
import { Checker, LIMITS } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

export interface ResolvedUser {
  email: string;
  profile: PublicProfile;
  isActive: boolean;
}

/**
 * Emails → accounts, for administrators and instructors (bulk enrolment by email). Up to 100 emails,
 * compared case-insensitively; unknown and deleted accounts are absent from the answer (the caller
 * reports them as unknown). Students may not use it: it would let anyone test which emails exist.
 */
export async function resolveUsersByEmail(deps: AuthDeps, caller: Caller, query: { emails: string[] }): Promise<ResolvedUser[]> {
  requireRole(caller, 'admin', 'instructor');
  const check = new Checker();
  if (query.emails.length > LIMITS.batchMax) check.add('emails', `must contain at most ${LIMITS.batchMax} emails`);
  const emails = [...new Set(query.emails.map((raw, i) => check.email(`emails.${i}`, raw)))];
  throwIfInvalid(check);
  const users = await deps.users.findManyByEmail(emails);
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  return emails.flatMap((email) => {
    const user = byEmail.get(email);
    return user ? [{ email, profile: publicProfile(user), isActive: user.isActive }] : [];
  });
}

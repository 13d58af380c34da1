import { currentContext } from '@lms/kit';
import { publicProfile, type PublicProfile } from '../../domain/user';
import { Checker, LIMITS } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { throwIfInvalid } from '../shared';

/**
 * Services that name students without acting for a user: the certificate service, printing the student's
 * name on a certificate it issues from an event. They see every public profile, like a signed-in caller.
 */
export const FULL_PROFILE_CALLERS = ['certificate'];

/**
 * Public profiles for up to 100 ids, in the order asked (duplicates once). Unknown and deleted
 * accounts are skipped; malformed ids are a validation error. Anonymous callers (e.g. the public
 * course catalogue naming its instructors) see teaching profiles only: instructors and admins,
 * never students — unless the calling service (its service token) is one of FULL_PROFILE_CALLERS.
 */
export async function batchGetUsers(
  deps: AuthDeps,
  query: { ids: string[]; anonymous?: boolean },
): Promise<PublicProfile[]> {
  const teachingOnly = query.anonymous && !FULL_PROFILE_CALLERS.includes(currentContext()?.callerService ?? '');
  const check = new Checker();
  if (query.ids.length > LIMITS.batchMax) check.add('ids', `must contain at most ${LIMITS.batchMax} ids`);
  else query.ids.forEach((id, i) => check.uuid(['ids', i], id));
  throwIfInvalid(check);
  const ids = [...new Set(query.ids.map((id) => id.toLowerCase()))];
  const users = new Map((await deps.units.read.users.findMany(ids)).map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const user = users.get(id);
    if (!user || (teachingOnly && user.role === 'student')) return [];
    return [publicProfile(user)];
  });
}

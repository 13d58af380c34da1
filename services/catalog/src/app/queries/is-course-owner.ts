import { PermissionDeniedError } from '@lms/kit/errors';
import { Checker } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

/**
 * For other services, with the end user's token they forward: does the course exist, and is this user
 * its instructor? Only about the caller themself, or by an admin about anyone: another user gets
 * PERMISSION_DENIED (before anything about the course is said), no token UNAUTHENTICATED (the handler
 * authenticates). There is no service-to-service identity yet (issue 10 A5), so a service cannot ask
 * on its own behalf.
 */
export async function isCourseOwner(
  deps: CatalogDeps,
  caller: Caller,
  query: { courseId: string; userId: string },
): Promise<{ exists: boolean; isOwner: boolean }> {
  const check = new Checker();
  const courseId = check.uuid('course_id', query.courseId);
  const userId = check.uuid('user_id', query.userId);
  throwIfInvalid(check);
  if (caller.role !== 'admin' && caller.userId.toLowerCase() !== userId)
    throw new PermissionDeniedError('Only the user asked about or an administrator can ask who owns a course', 'CATALOG.OWNER_QUERY_FORBIDDEN');
  const course = await deps.units.read.courses.findById(courseId);
  return { exists: !!course, isOwner: course?.instructorId === userId };
}

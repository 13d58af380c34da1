import { Checker } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { throwIfInvalid } from '../shared';

/** For other services: does the course exist, and is this user its instructor? */
export async function isCourseOwner(
  deps: CatalogDeps,
  query: { courseId: string; userId: string },
): Promise<{ exists: boolean; isOwner: boolean }> {
  const check = new Checker();
  const courseId = check.uuid('course_id', query.courseId);
  const userId = check.uuid('user_id', query.userId);
  throwIfInvalid(check);
  const course = await deps.courses.findById(courseId);
  return { exists: !!course, isOwner: course?.instructorId === userId };
}

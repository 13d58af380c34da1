import { CatalogErrors } from '../../domain/catalog.errors';
import { courseDeleted } from '../../domain/catalog.events';
import type { CatalogDeps } from '../deps';
import { emit, lockManagedCourse, requireUuid, write, type Caller } from '../shared';

/**
 * Deletes a course with its sections and lessons (owner/admin), only when nobody depends on it: any
 * enrolment, active or dropped, refuses it (archive it instead). The enrolment-facts lock of the course
 * is taken (before the course row, as the consumer does) so an enrolment being recorded at the same
 * moment either blocks the deletion or comes after it.
 */
export async function deleteCourse(deps: CatalogDeps, caller: Caller, cmd: { courseId: string }): Promise<void> {
  const courseId = requireUuid('course_id', cmd.courseId);
  await write(deps, async (transaction) => {
    await deps.enrollments.lockCourse(courseId, transaction); // first, in the same order as the consumer: no deadlock
    const course = await lockManagedCourse(deps, transaction, courseId, caller);
    if (course.enrollmentCount > 0 || (await deps.courses.hasEnrollments(courseId, transaction))) {
      throw CatalogErrors.courseHasEnrollments();
    }
    await deps.courses.delete(courseId, transaction);
    await emit(deps, transaction, courseDeleted(course, caller.userId, deps.clock()));
  });
}

import { CatalogErrors } from '../../domain/catalog.errors';
import { courseDeleted } from '../../domain/catalog.events';
import type { CatalogPorts, CatalogUnitOfWork } from '../deps';
import { lockManagedCourse, requireUuid, type Caller } from '../shared';

/**
 * Deletes a course with its sections and lessons (owner/admin), only when nobody depends on it: any
 * enrolment, active or dropped, refuses it (archive it instead). The enrolment-facts lock of the course
 * is taken (before the course row, as the consumer does) so an enrolment being recorded at the same
 * moment either blocks the deletion or comes after it.
 */
export async function deleteCourse(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: { courseId: string }): Promise<void> {
  const courseId = requireUuid('course_id', cmd.courseId);
  await uow.enrollments.lockCourse(courseId); // first, in the same order as the consumer: no deadlock
  const course = await lockManagedCourse(uow, courseId, caller);
  if (course.enrollmentCount > 0 || (await uow.courses.hasEnrollments(courseId))) {
    throw CatalogErrors.courseHasEnrollments();
  }
  await uow.courses.delete(courseId);
  await uow.emit(courseDeleted(course, caller.userId, ports.clock()));
}

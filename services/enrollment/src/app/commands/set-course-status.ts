import type { CourseStatus } from '../../domain/course';
import type { CommandEnv, EnrollmentUnitOfWork } from '../deps';

/** course.unpublished / course.archived (an older fact never overrides a newer one). */
export async function setCourseStatus(uow: EnrollmentUnitOfWork, env: CommandEnv, courseId: string, status: CourseStatus, at: Date) {
  const changed = await uow.courses.setStatus(courseId, status, at);
  if (!changed) env.logger.debug({ course_id: courseId, status }, 'course status event ignored (unknown course or older fact)');
}

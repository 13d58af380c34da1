import type { Enrollment } from '../../domain/enrollment';
import { lessonStarted } from '../../domain/enrollment.events';
import type { CommandEnv, EnrollmentUnitOfWork } from '../deps';
import type { LearnerLesson, ProgressResult } from './lesson-progress';

/** Opens the lesson (creating its progress row) or touches it. */
export async function startLesson(uow: EnrollmentUnitOfWork, env: CommandEnv, { enrollment, lessonId, events }: LearnerLesson): Promise<ProgressResult> {
  const at = env.clock();
  const { progress, created } = await uow.progress.start(enrollment.id, lessonId, at);
  const touched: Enrollment = { ...enrollment, startedAt: enrollment.startedAt ?? at, lastAccessedAt: at };
  await uow.enrollments.save(touched);
  await uow.emit(...events, ...(created ? [lessonStarted(touched, lessonId, at)] : []));
  return { progress, enrollment: touched };
}

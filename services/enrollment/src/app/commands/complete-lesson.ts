import { EnrollmentErrors } from '../../domain/enrollment.errors';
import type { CommandEnv, EnrollmentUnitOfWork } from '../deps';
import { completeLocked, type LearnerLesson, type ProgressResult } from './lesson-progress';

/** Idempotent: completing twice (or concurrently) has one effect and returns the same completion. */
export async function completeLesson(uow: EnrollmentUnitOfWork, env: CommandEnv, { enrollment, lesson, lessonId, events }: LearnerLesson): Promise<ProgressResult> {
  if (lesson.lessonType === 'quiz') {
    const existing = await uow.progress.get(enrollment.id, lessonId);
    if (existing?.completedAt) return { progress: existing, enrollment };
    throw EnrollmentErrors.quizRequired();
  }
  const done = await completeLocked(uow, enrollment, lesson, lessonId, env.clock(), 'student');
  await uow.emit(...events, ...done.events);
  return { progress: done.progress, enrollment: done.enrollment };
}

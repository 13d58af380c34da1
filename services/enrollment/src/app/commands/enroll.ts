import { randomUUID } from 'node:crypto';
import { isUniqueViolation, withTransaction } from '@lms/kit/db';
import { AppError } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, newEnrollment, reactivate, type Enrollment } from '../../domain/enrollment';
import { enrollmentAccessScheduled, enrollmentCreated, enrollmentReactivated } from '../../domain/enrollment.events';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { emit, throwIfInvalid, type Caller } from '../shared';
import { seedFromCatalog } from './course-model';
import { upgradeLocked } from './recompute';

export interface EnrollCommand {
  courseId: string;
}

/**
 * Checks with catalog that the course is published (its outline also refreshes our read model), then
 * creates the enrolment — or re-activates a dropped one with its history (same id, same progress).
 * If catalog is unreachable, a course our read model knows as published can still be joined.
 */
export async function ensureCourseOpen(deps: EnrollmentDeps, courseId: string): Promise<void> {
  try {
    const seeded = await seedFromCatalog(deps, courseId);
    if (!seeded.isPublished) {
      const local = await deps.courses.get(courseId);
      throw local?.status === 'archived' ? EnrollmentErrors.courseArchived() : EnrollmentErrors.courseNotPublished();
    }
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not_found') throw EnrollmentErrors.courseNotFound();
    if (err instanceof AppError && err.kind === 'unavailable') {
      const local = await deps.courses.get(courseId);
      if (local?.status === 'published') {
        deps.logger.warn({ course_id: courseId }, 'catalog unavailable: enrolling from the local course model');
        return;
      }
    }
    throw err;
  }
}

export async function enroll(deps: EnrollmentDeps, caller: Caller, cmd: EnrollCommand): Promise<{ enrollment: Enrollment; reactivated: boolean }> {
  const check = new Checker();
  const courseId = check.uuid('course_id', cmd.courseId);
  throwIfInvalid(check);
  if (caller.role !== 'student') throw EnrollmentErrors.studentsOnly();
  await ensureCourseOpen(deps, courseId);
  return enrollStudent(deps, caller.userId, courseId);
}

/**
 * Creates or re-activates (student, course); ALREADY_EXISTS when it is active or completed. A new
 * enrolment in a course with `access_days` ends `access_days` later (`enrollment.access_scheduled` arms
 * the expiry timer). An enrolment whose access ended (expired, or dropped past its end) is not re-opened
 * by enrolling again: FAILED_PRECONDITION ENROLLMENT.EXPIRED — the instructor or an admin extends it.
 */
export async function enrollStudent(deps: EnrollmentDeps, studentId: string, courseId: string): Promise<{ enrollment: Enrollment; reactivated: boolean }> {
  try {
    return await withTransaction(deps.sequelize, async (transaction) => {
      // A share lock on the course row: a new version being stored waits for us (or we see it).
      const course = await deps.courses.get(courseId, transaction, 'share');
      if (!course) throw EnrollmentErrors.courseNotFound();
      const at = deps.clock();
      const existing = await deps.enrollments.findByStudentCourse(studentId, courseId, transaction, true);
      if (existing) {
        if (isLearning(existing.status) && !accessEnded(existing, at)) throw EnrollmentErrors.alreadyEnrolled();
        if (existing.status === 'expired' || accessEnded(existing, at)) throw EnrollmentErrors.expired(existing.expiresAt);
        const version = { version: course.currentVersion, totalCountable: course.totalCountable };
        const { enrollments: [upgraded], events } = await upgradeLocked(deps, transaction, courseId, version, [existing]);
        const back = reactivate(upgraded, at);
        await deps.enrollments.save(transaction, back);
        await emit(deps, transaction, [...events, enrollmentReactivated(back, at)]);
        return { enrollment: back, reactivated: true };
      }
      const enrollment = newEnrollment({
        id: randomUUID(),
        studentId,
        courseId,
        courseVersion: course.currentVersion,
        totalLessonsCount: course.totalCountable,
        at,
        accessDays: course.accessDays,
      });
      if (!(await deps.enrollments.insert(transaction, enrollment))) throw EnrollmentErrors.alreadyEnrolled();
      await emit(deps, transaction, [
        enrollmentCreated(enrollment),
        ...(enrollment.expiresAt ? [enrollmentAccessScheduled(enrollment, 'enrolled', at)] : []),
      ]);
      return { enrollment, reactivated: false };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw EnrollmentErrors.alreadyEnrolled();
    throw err;
  }
}

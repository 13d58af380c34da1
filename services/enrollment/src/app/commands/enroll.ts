import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@lms/kit/db';
import { AppError } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, newEnrollment, reactivate, type Enrollment } from '../../domain/enrollment';
import { enrollmentAccessScheduled, enrollmentCreated, enrollmentReactivated, type ListPrice } from '../../domain/enrollment.events';
import { Checker } from '../../domain/validation';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';
import { fetchListPrice, seedFromCatalog } from './course-model';
import { upgradeLocked } from './recompute';

export interface EnrollCommand {
  courseId: string;
}

/** What the unit of work needs from the prepare step: the course, and its list price when catalog told it. */
export interface EnrollInput {
  courseId: string;
  price: ListPrice | null;
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
      const local = await deps.units.read.courses.get(courseId);
      throw local?.status === 'archived' ? EnrollmentErrors.courseArchived() : EnrollmentErrors.courseNotPublished();
    }
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not_found') throw EnrollmentErrors.courseNotFound();
    if (err instanceof AppError && err.kind === 'unavailable') {
      const local = await deps.units.read.courses.get(courseId);
      if (local?.status === 'published') {
        deps.logger.warn({ course_id: courseId }, 'catalog unavailable: enrolling from the local course model');
        return;
      }
    }
    throw err;
  }
}

/**
 * Checks the course is open (`ensureCourseOpen`) and reads its list price (`fetchListPrice`, at the same time;
 * null when catalog cannot say). Before any unit of work.
 */
export async function openCourseWithPrice(deps: EnrollmentDeps, courseId: string): Promise<EnrollInput> {
  const [, price] = await Promise.all([ensureCourseOpen(deps, courseId), fetchListPrice(deps, courseId)]);
  return { courseId, price };
}

/** Before the unit of work: a student asks, and catalog says the course is open and what it costs. */
export async function prepareEnroll(deps: EnrollmentDeps, caller: Caller, cmd: EnrollCommand): Promise<EnrollInput> {
  const check = new Checker();
  const courseId = check.uuid('course_id', cmd.courseId);
  throwIfInvalid(check);
  if (caller.role !== 'student') throw EnrollmentErrors.studentsOnly();
  return openCourseWithPrice(deps, courseId);
}

/**
 * Creates or re-activates (student, course); ALREADY_EXISTS when it is active or completed. A new
 * enrolment in a course with `access_days` ends `access_days` later (`enrollment.access_scheduled` arms
 * the expiry timer). An enrolment whose access ended (expired, or dropped past its end) is not re-opened
 * by enrolling again: FAILED_PRECONDITION ENROLLMENT.EXPIRED — the instructor or an admin extends it.
 */
export async function enrollStudent(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  studentId: string,
  { courseId, price }: EnrollInput,
): Promise<{ enrollment: Enrollment; reactivated: boolean }> {
  try {
    // A share lock on the course row: a new version being stored waits for us (or we see it).
    const course = await uow.courses.getShared(courseId);
    if (!course) throw EnrollmentErrors.courseNotFound();
    const at = env.clock();
    const existing = await uow.enrollments.lockByStudentCourse(studentId, courseId);
    if (existing) {
      if (isLearning(existing.status) && !accessEnded(existing, at)) throw EnrollmentErrors.alreadyEnrolled();
      if (existing.status === 'expired' || accessEnded(existing, at)) throw EnrollmentErrors.expired(existing.expiresAt);
      const version = { version: course.currentVersion, totalCountable: course.totalCountable };
      const { enrollments: [upgraded], events } = await upgradeLocked(uow, env, courseId, version, [existing]);
      const back = reactivate(upgraded, at);
      await uow.enrollments.save(back);
      await uow.emit(...events, enrollmentReactivated(back, at));
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
    if (!(await uow.enrollments.insert(enrollment))) throw EnrollmentErrors.alreadyEnrolled();
    await uow.emit(enrollmentCreated(enrollment, price), ...(enrollment.expiresAt ? [enrollmentAccessScheduled(enrollment, 'enrolled', at)] : []));
    return { enrollment, reactivated: false };
  } catch (err) {
    if (isUniqueViolation(err)) throw EnrollmentErrors.alreadyEnrolled();
    throw err;
  }
}

import { totalPages } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { Checker } from '../../domain/validation';
import type { ReviewRow } from '../../infra/enrollment.repository';
import type { EnrollmentDeps } from '../deps';
import { ownsCourse, throwIfInvalid, type Caller } from '../shared';

export interface CourseReviewPage {
  items: ReviewRow[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/**
 * The ratings and reviews of a course, newest first, for anyone (no token needed): only a course the read
 * model knows as published; a draft, unpublished or archived course's reviews are its owner's and admins'
 * (anyone else: NOT_FOUND, as for an unknown course). Each review shows the reviewer's name as it was when
 * they reviewed, the rating, the text and the date: never a student id or an email.
 */
export async function listCourseReviews(
  deps: EnrollmentDeps,
  caller: Caller | null,
  q: { courseId: string; page: number; pageSize: number },
): Promise<CourseReviewPage> {
  const check = new Checker();
  const courseId = check.uuid('course_id', q.courseId);
  const { page, pageSize } = check.paging(q.page, q.pageSize);
  throwIfInvalid(check);
  const course = await deps.units.read.courses.get(courseId);
  const visible = course?.status === 'published' || (caller !== null && (await ownsCourse(deps, caller, courseId)));
  if (!visible) throw EnrollmentErrors.courseNotFound();
  const { items, total } = await deps.units.read.enrollments.listReviews(courseId, page, pageSize);
  return { items, total, page, pageSize, totalPages: totalPages(total, pageSize) };
}

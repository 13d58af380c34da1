import { totalPages } from '@lms/kit/errors';
import { ENROLLMENT_STATUSES, type Enrollment, type EnrollmentStatus } from '../../domain/enrollment';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

export interface MyEnrollmentView {
  enrollment: Enrollment;
  course: { id: string; title: string; thumbnailUrl: string };
}

export interface MyEnrollmentPage {
  items: MyEnrollmentView[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  degraded: boolean;
}

/**
 * The caller's enrolments, newest first, with each course's title and thumbnail from ONE BatchGetCourses
 * call per page. If catalog is down the page is still served, with titles from our read model.
 */
export async function listMyEnrollments(
  deps: EnrollmentDeps,
  caller: Caller,
  q: { page: number; pageSize: number; status: string },
): Promise<MyEnrollmentPage> {
  const check = new Checker();
  const { page, pageSize } = check.paging(q.page, q.pageSize);
  const status: EnrollmentStatus | undefined = q.status ? check.oneOf('status', q.status, ENROLLMENT_STATUSES) : undefined;
  throwIfInvalid(check);
  const { items, total } = await deps.units.read.enrollments.listForStudent(caller.userId, status, page, pageSize);
  const courseIds = [...new Set(items.map((e) => e.courseId))];
  const courses = new Map<string, { title: string; thumbnailUrl: string }>();
  let degraded = false;
  if (courseIds.length) {
    try {
      const reply = await deps.catalog.BatchGetCourses({ ids: courseIds });
      for (const c of reply.items) courses.set(c.id, { title: c.title, thumbnailUrl: c.thumbnail_url });
    } catch (err) {
      degraded = true;
      deps.logger.warn({ err: (err as Error).message }, 'catalog unavailable: my-courses served with local titles');
    }
    const missing = courseIds.filter((id) => !courses.has(id));
    if (missing.length) {
      const local = await deps.units.read.courses.titles(missing);
      for (const id of missing) courses.set(id, { title: local.get(id) ?? '', thumbnailUrl: '' });
    }
  }
  return {
    items: items.map((enrollment) => {
      const c = courses.get(enrollment.courseId)!;
      return { enrollment, course: { id: enrollment.courseId, title: c.title, thumbnailUrl: c.thumbnailUrl } };
    }),
    total,
    page,
    pageSize,
    totalPages: totalPages(total, pageSize),
    degraded,
  };
}

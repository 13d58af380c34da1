import { totalPages } from '@lms/kit/errors';
import { ENROLLMENT_STATUSES, type Enrollment, type EnrollmentStatus } from '../../domain/enrollment';
import { Checker, isUuid } from '../../domain/validation';
import { COURSE_SORTS, type CourseSort } from '../../infra/enrollment.repository';
import type { EnrollmentDeps } from '../deps';
import { requireCourseOwner, throwIfInvalid, type Caller } from '../shared';

/** A student of the page, for the course's instructor or an admin. */
export interface StudentContact {
  id: string;
  fullName: string;
  email: string;
}

export interface CourseEnrollmentPage {
  items: Enrollment[];
  /** The page's students: names from ONE auth BatchGetUsers call, emails from the user_accounts read model. */
  students: StudentContact[];
  /** auth was unreachable: names come from the read model (as registered). */
  studentsDegraded: boolean;
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  nextCursor: string;
}

function encodeCursor(sort: CourseSort, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(raw: string, sort: CourseSort, check: Checker): { value: string; id: string } | undefined {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string, string];
    const validValue = sort.startsWith('progress') ? Number.isFinite(Number(value)) : !Number.isNaN(Date.parse(value));
    if (s === sort && typeof value === 'string' && validValue && typeof id === 'string' && isUuid(id)) return { value, id };
  } catch {
    // reported below
  }
  check.add('cursor', 'is not a cursor of this listing (same sort): use next_cursor as returned');
  return undefined;
}

/**
 * A course's enrolments for its instructor or an admin: filter by status, sorted by progress or last
 * activity (index-backed), offset pages or keyset pages through `cursor`/`next_cursor`.
 */
export async function listCourseEnrollments(
  deps: EnrollmentDeps,
  caller: Caller,
  q: { courseId: string; page: number; pageSize: number; status: string; sort: string; cursor: string },
): Promise<CourseEnrollmentPage> {
  const check = new Checker();
  const courseId = check.uuid('course_id', q.courseId);
  const { page, pageSize } = check.paging(q.page, q.pageSize);
  const status: EnrollmentStatus | undefined = q.status ? check.oneOf('status', q.status, ENROLLMENT_STATUSES) : undefined;
  const sort: CourseSort = q.sort ? (check.oneOf('sort', q.sort, COURSE_SORTS) ?? 'progress_desc') : 'progress_desc';
  const after = q.cursor ? decodeCursor(q.cursor, sort, check) : undefined;
  throwIfInvalid(check);
  await requireCourseOwner(deps, caller, courseId);
  const { enrollments } = deps.units.read;
  const { items, total } = await enrollments.listForCourse({ courseId, status, sort, page, pageSize, after });
  const last = items[items.length - 1];
  const { students, degraded } = await studentContacts(deps, [...new Set(items.map((e) => e.studentId))]);
  return {
    items,
    students,
    studentsDegraded: degraded,
    total,
    page: after ? 0 : page,
    pageSize,
    totalPages: totalPages(total, pageSize),
    nextCursor: last && items.length === pageSize ? encodeCursor(sort, enrollments.sortValue(last, sort), last.id) : '',
  };
}

/**
 * Names and emails of a page's students (at most 100 ids = one BatchGetUsers, with the caller's token):
 * the current full name from auth, the email from auth's user.registered (read model). A deleted account
 * has neither. Auth unreachable: the registered names, flagged degraded.
 */
async function studentContacts(deps: EnrollmentDeps, ids: string[]): Promise<{ students: StudentContact[]; degraded: boolean }> {
  if (!ids.length) return { students: [], degraded: false };
  // The local read and the call to auth do not depend on each other: both at once.
  const [local, names] = await Promise.all([
    deps.units.read.users.contacts(ids),
    deps.auth.BatchGetUsers({ ids }).then(
      (reply): Map<string, string> | null => new Map(reply.items.map((u) => [u.id, u.full_name])),
      (err: unknown) => {
        deps.logger.warn({ err }, 'auth unreachable: course enrolment list with registered names');
        return null;
      },
    ),
  ]);
  const students = ids.map((id) => {
    const contact = local.get(id);
    if (names && !names.has(id)) return { id, fullName: '', email: '' }; // unknown or deleted account
    return { id, fullName: names?.get(id) ?? contact?.fullName ?? '', email: contact?.email ?? '' };
  });
  return { students, degraded: names === null };
}

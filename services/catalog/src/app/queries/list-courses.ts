import { CatalogErrors } from '../../domain/catalog.errors';
import {
  canAuthor,
  listingVisibility,
  validateListCourses,
  MY_COURSE_STATUSES,
  type ListCoursesInput,
  type MyCourseStatus,
} from '../../domain/course';
import { totalPages } from '@lms/kit/errors';
import { Checker } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { throwIfInvalid, withInstructors, type Caller, type CourseView, type EncodeReply, type Page } from '../shared';

export interface ListCoursesQuery extends ListCoursesInput {
  includeUnpublished: boolean;
}

/**
 * The catalogue. Anonymous users and students see published, non-archived courses; instructors asking
 * for unpublished ones also see their own drafts and archived courses; administrators asking see
 * everything. Public pages are cached (one generation-keyed entry per query). Instructors are added
 * with one batched call to auth per page. A page beyond the end is empty, with the right totals. Answers the
 * page encoded by `encode` (kept so in the cache).
 */
export async function listCourses(
  deps: CatalogDeps,
  caller: Caller | undefined,
  query: ListCoursesQuery,
  encode: EncodeReply<Page<CourseView>>,
): Promise<Buffer> {
  const { page, pageSize, filter, sort } = validateListCourses(query);
  const visibility = listingVisibility(caller, query.includeUnpublished);
  const compute = async () => {
    const { items, total } = await deps.units.read.courses.list({ visibility, filter, sort, limit: pageSize, offset: (page - 1) * pageSize });
    const views = await withInstructors(deps, items);
    return {
      value: encode({ items: views.items, total, page, pageSize, totalPages: totalPages(total, pageSize) }),
      store: !views.degraded,
    };
  };
  if (visibility.kind !== 'public') return (await compute()).value;
  // Asked with include_unpublished, the same request answers more to an instructor or an admin: the public
  // page served to this caller must not be kept for every caller of that request (no hint).
  return deps.cache.getOrCompute(`list:${JSON.stringify({ filter, sort, page, pageSize })}`, compute, { hint: !query.includeUnpublished });
}

/** An instructor's (or admin's) own courses in any state, newest first; `status` narrows it. */
export async function listMyCourses(
  deps: CatalogDeps,
  caller: Caller,
  query: { page: number; pageSize: number; status: string },
): Promise<Page<CourseView>> {
  if (!canAuthor(caller)) throw CatalogErrors.instructorRequired();
  const check = new Checker();
  const { page, pageSize, offset } = check.paging(query.page, query.pageSize);
  const status: MyCourseStatus | undefined = query.status ? check.oneOf('status', query.status, MY_COURSE_STATUSES) : undefined;
  throwIfInvalid(check);
  const { items, total } = await deps.units.read.courses.listByInstructor(caller.userId, status, pageSize, offset);
  const views = await withInstructors(deps, items);
  return { items: views.items, total, page, pageSize, totalPages: totalPages(total, pageSize) };
}

import { canView } from '../../domain/course';
import { Checker, LIMITS } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { throwIfInvalid, withInstructors, type Caller, type CourseView } from '../shared';

/**
 * Up to 100 courses by id, in the order asked (duplicates once): those the caller may see; unknown
 * and invisible ids are skipped. One database query and one call to auth.
 */
export async function batchGetCourses(deps: CatalogDeps, caller: Caller | undefined, query: { ids: string[] }): Promise<CourseView[]> {
  const check = new Checker();
  if (query.ids.length > LIMITS.batchMax) check.add('ids', `must contain at most ${LIMITS.batchMax} ids`);
  else query.ids.forEach((id, i) => check.uuid(['ids', i], id));
  throwIfInvalid(check);
  const ids = [...new Set(query.ids.map((id) => id.toLowerCase()))];
  const courses = (await deps.courses.findMany(ids)).filter((c) => canView(c, caller));
  return (await withInstructors(deps, courses)).items;
}

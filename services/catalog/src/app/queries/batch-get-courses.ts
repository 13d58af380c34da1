import { currentContext } from '@lms/kit';
import { canView } from '../../domain/course';
import { Checker, LIMITS } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { throwIfInvalid, withInstructors, type Caller, type CourseView } from '../shared';

/**
 * Services that read any existing course without acting for a user: the certificate service, naming the
 * course of a completed enrolment (drafts, unpublished and archived courses included).
 */
export const ALL_COURSES_CALLERS = ['certificate'];

/**
 * Up to 100 courses by id, in the order asked (duplicates once): those the caller may see; unknown
 * and invisible ids are skipped. One database query and one call to auth. A student also gets the
 * unpublished/archived courses they are enrolled in (the event-fed read model, one more query).
 * Without a user, a service of ALL_COURSES_CALLERS (its service token) sees every existing course.
 */
export async function batchGetCourses(deps: CatalogDeps, caller: Caller | undefined, query: { ids: string[] }): Promise<CourseView[]> {
  const check = new Checker();
  if (query.ids.length > LIMITS.batchMax) check.add('ids', `must contain at most ${LIMITS.batchMax} ids`);
  else query.ids.forEach((id, i) => check.uuid(['ids', i], id));
  throwIfInvalid(check);
  const ids = [...new Set(query.ids.map((id) => id.toLowerCase()))];
  const found = await deps.units.read.courses.findMany(ids);
  if (!caller && ALL_COURSES_CALLERS.includes(currentContext()?.callerService ?? '')) return (await withInstructors(deps, found)).items;
  const hidden = found.filter((c) => !canView(c, caller)).map((c) => c.id);
  const enrolled =
    caller?.role === 'student' && hidden.length ? await deps.units.read.enrollments.activeCourseIds(caller.userId, hidden) : new Set<string>();
  const courses = found.filter((c) => canView(c, caller) || enrolled.has(c.id));
  return (await withInstructors(deps, courses)).items;
}

import { Checker, LIMITS } from '../../domain/validation';
import type { CatalogDeps } from '../deps';
import { throwIfInvalid, withInstructors, type CourseView, type EncodeReply } from '../shared';

/** Categories of the public catalogue with how many visible courses each has (cached, encoded by `encode`). */
export function listCategories(deps: CatalogDeps, encode: EncodeReply<{ name: string; count: number }[]>): Promise<Buffer> {
  return deps.cache.getOrCompute('categories', async () => ({ value: encode(await deps.units.read.courses.categories()), store: true }), { hint: true });
}

/**
 * Public courses by enrolments (`popular`) or by average rating then number of ratings (`rated`).
 * `limit` 0 = 10, at most 100; `category` optional. Cached like the catalogue (encoded by `encode`).
 */
export async function listTopCourses(
  deps: CatalogDeps,
  by: 'popular' | 'rated',
  query: { limit: number; category: string },
  encode: EncodeReply<CourseView[]>,
): Promise<Buffer> {
  const check = new Checker();
  const limit = query.limit === 0 ? LIMITS.topLimitDefault : check.int('limit', query.limit, 1, LIMITS.topLimitMax);
  const category = check.line('category', query.category, 0, LIMITS.categoryMax) || undefined;
  throwIfInvalid(check);
  return deps.cache.getOrCompute(`top:${by}:${limit}:${category?.toLowerCase() ?? ''}`, async () => {
    const views = await withInstructors(deps, await deps.units.read.courses.top(by, limit, category));
    return { value: encode(views.items), store: !views.degraded };
  }, { hint: true });
}
